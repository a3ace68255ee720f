import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { importDirectory } from '../import/importDirectory';
import { startServices } from '../services';
import { toActor, usersWithPlaces } from '../users/service';
import { progressReporter } from './progress';
import { runCommand } from './run';

/**
 * `npm run import -- <dir> --under "<folder path>" --directorate <code> --scope internal|external
 *  [--status draft|published] [--dry-run] [--as <admin e-mail>]`
 */
await runCommand(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      under: { type: 'string' },
      directorate: { type: 'string' },
      scope: { type: 'string' },
      status: { type: 'string', default: 'published' },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
    },
  });
  const [root] = positionals;
  const usage =
    'usage: npm run import -- <dir> --under "<folder path>" --directorate <code> --scope internal|external [--status draft|published] [--dry-run] [--as <admin e-mail>]';
  if (
    !root ||
    !values.under ||
    !values.directorate ||
    (values.scope !== 'internal' && values.scope !== 'external') ||
    (values.status !== 'draft' && values.status !== 'published')
  ) {
    throw new Error(usage);
  }
  const config = loadConfig();
  const services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), {
    attachToRunningApp: true,
  });
  try {
    const adminQuery = usersWithPlaces(services.db).where('u.role', 'admin').andWhere('u.is_active', true);
    if (values.as) adminQuery.whereRaw('lower(u.email) = lower(?)', [values.as]);
    const admin = await adminQuery.first();
    if (!admin) throw new Error(values.as ? `No active admin ${values.as}` : 'No active admin to import as: create one, or pass --as');
    const actor = toActor(admin);
    let progress: ReturnType<typeof progressReporter> | undefined;
    const report = await importDirectory(
      services,
      actor,
      { actorId: actor.id, actorLabel: `${actor.displayName} <${actor.email}> (import)`, ip: null, userAgent: 'npm run import' },
      {
        root,
        under: values.under,
        directorateCode: values.directorate,
        scope: values.scope,
        status: values.status,
        isDryRun: values['dry-run'],
        maxBytes: config.uploads.maxBytes,
      },
      {
        onFile: (_file, done, total, bytes) => {
          progress ??= progressReporter(values['dry-run'] ? 'Analyse' : 'Import', total, 'fichiers');
          progress.update(done, `${(bytes / 1024 / 1024).toFixed(1)} Mo`);
        },
      },
    );
    progress?.update(report.files, `${(report.bytes / 1024 / 1024).toFixed(1)} Mo`);
    progress?.finish(values['dry-run'] ? 'Dry run: nothing written' : 'Import finished');
    process.stdout.write(
      `${values['dry-run'] ? 'Would import' : 'Imported'}: ${report.imported.length}\nSkipped as duplicates (same bytes already there): ${report.duplicates.length}\nRejected: ${report.rejected.length}\n` +
        report.rejected.map((r) => `  ${r.file}: ${r.reason}\n`).join(''),
    );
  } finally {
    await services.stop();
  }
});
