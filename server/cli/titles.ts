import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { applyTitles, proposeTitles } from '../documents/retitle';
import { createLogger } from '../logger';
import { startServices } from '../services';
import { progressReporter } from './progress';
import { runCommand } from './run';

/**
 * `npm run titles [-- --apply]`: proposes titles read in the files of documents still named after
 * them, prints old → new, and applies them with `--apply` or when you answer "oui" (audited as the
 * system; reindexed by the worker through the job queue).
 */
await runCommand(async () => {
  const { values } = parseArgs({ options: { apply: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), {
    attachToRunningApp: true,
  });
  try {
    let progress: ReturnType<typeof progressReporter> | undefined;
    const proposals = await proposeTitles(services, (done, total) => {
      progress ??= progressReporter('Lecture des fichiers', total, 'documents');
      progress.update(done);
    });
    progress?.finish('Files read');
    if (proposals.length === 0) {
      process.stdout.write('No document to retitle: none is still named after its file, or its file names nothing better.\n');
      return;
    }
    process.stdout.write(proposals.map((p) => `${p.before} → ${p.after}\n`).join('') + `${proposals.length} title(s) proposed.\n`);
    let isConfirmed = values.apply;
    if (!isConfirmed && process.stdin.isTTY) {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      isConfirmed = /^(o|oui|y|yes)$/i.test((await prompt.question('Appliquer ces titres ? (oui/non) ')).trim());
      prompt.close();
    }
    if (!isConfirmed) {
      process.stdout.write('Nothing changed (run with --apply, or answer "oui", to apply).\n');
      return;
    }
    const applied = await applyTitles(services.db, proposals);
    process.stdout.write(`${applied} title(s) applied; the worker reindexes those documents.\n`);
  } finally {
    await services.stop();
  }
});
