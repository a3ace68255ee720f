import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { rebuildIndex } from '../search/rebuild';
import { startServices } from '../services';
import { progressReporter } from './progress';
import { runCommand } from './run';

/** `npm run reindex`: the whole index rebuilt from PostgreSQL into a fresh index, then swapped in. */
await runCommand(async () => {
  const config = loadConfig();
  const services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), {
    attachToRunningApp: true,
  });
  try {
    let progress: ReturnType<typeof progressReporter> | undefined;
    const result = await rebuildIndex(services, (done, total, pages) => {
      progress ??= progressReporter('Réindexation', total, 'documents');
      progress.update(done, `${pages} pages`);
    });
    (progress ?? progressReporter('Réindexation', 0, 'documents')).finish(
      `Index rebuilt: ${result.documents} documents, ${result.pages} pages`,
    );
    if (result.caughtUp > 0) process.stdout.write(`${result.caughtUp} documents changed during the rebuild: synced again by the worker.\n`);
  } finally {
    await services.stop();
  }
});
