import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';

const signatureFile = '.source-signature';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}

/** A fingerprint of the web sources: names, sizes and modification times. */
async function sourceSignature(root: string): Promise<string> {
  const files = [
    ...(await listFiles(path.join(root, 'web'))),
    path.join(root, 'vite.config.ts'),
    path.join(root, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    if (info) hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Builds the web app when its build is missing or older than its sources; returns the directory
 * to serve. Without sources (a production image ships only the build) the build is used as it is.
 */
export async function ensureWebBuild(root: string, logger: Logger, options: { force?: boolean } = {}): Promise<string> {
  const outDir = path.join(root, 'dist', 'web');
  const hasSources = await stat(path.join(root, 'web', 'index.html')).then(
    () => true,
    () => false,
  );
  if (!hasSources) return outDir;
  const signature = await sourceSignature(root);
  const built = await readFile(path.join(outDir, signatureFile), 'utf8').catch(() => '');
  if (built === signature && !options.force) return outDir;
  logger.info('building the web app (missing or stale)');
  const startedAt = Date.now();
  const { build } = await import('vite');
  await build({ root: path.join(root, 'web'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(path.join(outDir, signatureFile), signature);
  logger.info({ ms: Date.now() - startedAt }, 'web app built');
  return outDir;
}
