import path from 'node:path';
import { restore } from '../backup';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { rebuildIndex } from '../search/rebuild';
import { startServices } from '../services';
import { runCommand } from './run';

/** `npm run restore -- <dir>`: into an empty database, the files put back, then the search index rebuilt from PostgreSQL. */
await runCommand(async () => {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npm run restore -- <dir>');
  const config = loadConfig();
  const services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), {
    attachToRunningApp: true,
  });
  try {
    const manifest = await restore(services, path.resolve(dir), (table) => process.stdout.write(`  ${table}\n`));
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    process.stdout.write(`Restored: ${rows} rows, ${manifest.storage.files.length} files (${manifest.storage.kind}).\n`);
    const index = await rebuildIndex(services);
    process.stdout.write(`Search index rebuilt: ${index.documents} documents, ${index.pages} pages.\n`);
  } finally {
    await services.stop();
  }
});
