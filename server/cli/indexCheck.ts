import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { driftOf, repairIndexDrift } from '../search/rebuild';
import { startServices } from '../services';
import { runCommand } from './run';

const listed = (ids: string[]) => (ids.length ? ` (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})` : '');

/**
 * `npm run index:check [-- --fix]`: drift between PostgreSQL and the index, document by document
 * (missing, not searchable, or stale: another version, page count or content); --fix queues the
 * repairs. The worker runs the same check and repair periodically (search.checkIndex).
 */
await runCommand(async () => {
  const config = loadConfig();
  const services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), {
    attachToRunningApp: true,
  });
  try {
    const isFixing = process.argv.includes('--fix');
    const report = await repairIndexDrift(services, { isFixing });
    const byReason = new Map<string, number>();
    for (const { reason } of report.stale) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    const reasons = [...byReason].map(([reason, count]) => `${count} ${reason}`);
    process.stdout.write(
      `PostgreSQL: ${report.expected} searchable documents; index: ${report.indexed}.\n` +
        `Missing from the index: ${report.missing.length}${listed(report.missing)}\n` +
        `In the index but not searchable: ${report.extra.length}${listed(report.extra)}\n` +
        `Stale in the index: ${report.stale.length}${reasons.length ? ` [${reasons.join(', ')}]` : ''}${listed(report.stale.map((s) => s.id))}\n` +
        (report.pending > 0 ? `Being synced by the worker now: ${report.pending}\n` : ''),
    );
    const drift = driftOf(report);
    if (drift.length > 0 && isFixing) process.stdout.write(`Queued ${drift.length} repairs; the worker applies them.\n`);
    else if (drift.length > 0) {
      process.stdout.write('Run again with -- --fix to queue the repairs.\n');
      process.exitCode = 1;
    } else process.stdout.write('No drift.\n');
  } finally {
    await services.stop();
  }
});
