import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { enqueueDocumentSync } from '../search/jobs';
import { checkIndex } from '../search/rebuild';
import { startServices } from '../services';
import { runCommand } from './run';

/** `npm run index:check [-- --fix]`: drift between PostgreSQL and the index; --fix queues the repairs. */
await runCommand(async () => {
  const config = loadConfig();
  const services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), { attachToRunningApp: true });
  try {
    const report = await checkIndex(services);
    process.stdout.write(
      `PostgreSQL: ${report.expected} searchable documents; index: ${report.indexed}.\n` +
        `Missing from the index: ${report.missing.length}${report.missing.length ? ` (${report.missing.slice(0, 10).join(', ')}${report.missing.length > 10 ? ', …' : ''})` : ''}\n` +
        `In the index but not searchable: ${report.extra.length}${report.extra.length ? ` (${report.extra.slice(0, 10).join(', ')}${report.extra.length > 10 ? ', …' : ''})` : ''}\n`,
    );
    const drift = [...report.missing, ...report.extra];
    if (drift.length > 0 && process.argv.includes('--fix')) {
      await services.db.transaction(async (trx) => {
        for (const id of drift) await enqueueDocumentSync(trx, id);
      });
      process.stdout.write(`Queued ${drift.length} repairs; the worker applies them.\n`);
    } else if (drift.length > 0) {
      process.stdout.write('Run again with -- --fix to queue the repairs.\n');
      process.exitCode = 1;
    } else process.stdout.write('No drift.\n');
  } finally {
    await services.stop();
  }
});
