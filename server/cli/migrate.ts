import { loadConfig } from '../config';
import { migrateLatest, migrateRollback } from '../db';
import { createLogger } from '../logger';
import { connectDatabaseForCommand } from '../services';
import { runCommand } from './run';

/** `npm run migrate` (latest) and `npm run migrate:rollback` (last batch; `--all` for every one). */
await runCommand(async () => {
  const action = process.argv[2];
  if (action !== 'latest' && action !== 'rollback') throw new Error('usage: migrate.ts latest|rollback [--all]');
  const config = loadConfig();
  const { db, close } = await connectDatabaseForCommand(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    const names = action === 'latest' ? await migrateLatest(db) : await migrateRollback(db, process.argv.includes('--all'));
    const verb = action === 'latest' ? 'Applied' : 'Rolled back';
    process.stdout.write(names.length === 0 ? 'Nothing to do: the schema is up to date.\n' : `${verb}: ${names.join(', ')}\n`);
  } finally {
    await close();
  }
});
