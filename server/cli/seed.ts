import { loadConfig } from '../config';
import { migrateLatest } from '../db';
import { createLogger } from '../logger';
import { seed, seedsDemoUsers } from '../seed';
import { loadDemoCatalogue } from '../seed/demo/load';
import { connectDatabaseForCommand } from '../services';
import { createStorage } from '../../storage';
import { runCommand } from './run';

/**
 * `npm run seed [-- --empty]`: themes, directorates, Maisons and demo accounts, then the demo
 * catalogue (server/seed/demo) unless `--empty`, DEMO_CATALOGUE=off or production; adds only what
 * is missing. The catalogue's documents are extracted and indexed by the app's worker.
 */
await runCommand(async () => {
  const config = loadConfig();
  const isEmpty = process.argv.slice(2).includes('--empty');
  const { db, close } = await connectDatabaseForCommand(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    await migrateLatest(db);
    const added = await seed(db, { demoUsers: seedsDemoUsers(config) });
    process.stdout.write(
      `Seeded: ${added.themes} themes, ${added.directorates} directorates, ${added.maisons} Maisons, ${added.users} users added.\n`,
    );
    if (isEmpty || !config.loadsDemoCatalogue) {
      const why = isEmpty ? '--empty' : config.isProduction ? 'production' : 'DEMO_CATALOGUE=off';
      process.stdout.write(`Demo catalogue not loaded (${why}).\n`);
      return;
    }
    const loaded = await loadDemoCatalogue({ db, storage: createStorage(config.storage) });
    process.stdout.write(
      `Demo catalogue: ${loaded.schemes} schemes, ${loaded.folders} folders, ${loaded.documents} documents (${loaded.pages} pages) added.\n`,
    );
  } finally {
    await close();
  }
});
