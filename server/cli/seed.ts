import { loadConfig } from '../config';
import { migrateLatest } from '../db';
import { createLogger } from '../logger';
import { seed, seedsDemoUsers } from '../seed';
import { connectDatabaseForCommand } from '../services';
import { runCommand } from './run';

/** `npm run seed`: themes, directorates, Maisons and demo accounts; adds only what is missing. */
await runCommand(async () => {
  const config = loadConfig();
  const { db, close } = await connectDatabaseForCommand(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    await migrateLatest(db);
    const added = await seed(db, { demoUsers: seedsDemoUsers(config) });
    process.stdout.write(
      `Seeded: ${added.themes} themes, ${added.directorates} directorates, ${added.maisons} Maisons, ${added.users} users added.\n`,
    );
  } finally {
    await close();
  }
});
