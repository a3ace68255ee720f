import path from 'node:path';
import { backup } from '../backup';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startServices } from '../services';
import { runCommand } from './run';

/** `npm run backup -- <dir>`: the database (a COPY of every table, one consistent snapshot) and the stored files, or their manifest with S3. */
await runCommand(async () => {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npm run backup -- <dir>');
  const config = loadConfig();
  const services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), {
    attachToRunningApp: true,
  });
  try {
    const manifest = await backup(services, path.resolve(dir), (table) => process.stdout.write(`  ${table}\n`));
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    process.stdout.write(`Backed up: ${rows} rows, ${manifest.storage.files.length} files (${manifest.storage.kind}).\n`);
  } finally {
    await services.stop();
  }
});
