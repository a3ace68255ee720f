import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../logger';
import { ensureWebBuild } from '../web/build';
import { runCommand } from './run';

/** `npm run build`: builds the web app into dist/web, recording the sources it was built from. */
await runCommand(async () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  await ensureWebBuild(root, createLogger('info'), { force: true });
});
