import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import { startEmbeddedPostgres, type EmbeddedPostgresService } from '../server/embedded/postgres';
import type { Logger } from '../server/logger';
import { isRunning, livePidFrom, sendSignal, settlesWithin } from './processes';
import { MB, repoRoot } from './report';
import { readyPrefix } from './servers/ready';

/**
 * What the benchmarks (`npm run bench:…`) share to run the app as a user meets it: a temporary
 * directory with PostgreSQL and Meilisearch, the app in its own process (bench/servers/), a
 * signed-in session, streamed uploads, and leaving nothing behind when interrupted.
 */

export function print(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Settings of the throwaway services a benchmark starts; nothing here guards real data. */
export const benchSecrets = {
  sessionSecret: 'bench-session-secret-0123456789-abcdef',
  meiliMasterKey: 'bench-master-key-0123456789',
  postgresPassword: 'bench-password-not-secret',
};

/** "0.52, 0.61, 0.70": the load average over 1, 5 and 15 minutes. */
export function loadLine(loads: readonly number[] = os.loadavg()): string {
  return loads.map((value) => value.toFixed(2)).join(', ');
}

/** A new temporary directory that PostgreSQL (run as the `postgres` system user) can reach. */
export function workDirectory(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `lpt-bench-${name}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/** Embedded PostgreSQL (throwaway settings) and Meilisearch under `dir` (`pg/`, `meili/`), one after the other. */
export async function startDatabaseAndSearch(
  dir: string,
  logger: Logger,
): Promise<{ postgres: EmbeddedPostgresService; meili: EmbeddedMeilisearchService }> {
  const postgres = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    password: benchSecrets.postgresPassword,
    database: 'lpt_bench',
    logger,
    isThrowaway: true,
  });
  try {
    const meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meili'), masterKey: benchSecrets.meiliMasterKey, logger });
    return { postgres, meili };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

// --- a server in its own process ---------------------------------------------------------------

/** A bench server (bench/servers/) in its own process, through tsx. */
export interface BenchServer {
  name: string;
  child: ChildProcess;
  /** The server's own Node process (tsx runs it as a child of its wrapper). */
  pid: number;
  port: number;
  exited: Promise<void>;
  output(): string;
}

export const appServerEntry = path.join(repoRoot, 'bench', 'servers', 'app.ts');
export const bareUploadServerEntry = path.join(repoRoot, 'bench', 'servers', 'bareUpload.ts');
const tsxBin = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const serverStartTimeoutMs = 60_000;

/** The servers started and not stopped yet: what an interrupted benchmark must kill. */
export const liveServers = new Set<BenchServer>();

export interface ServerOptions {
  /** How the bench's messages name it ("the upload server"). */
  name: string;
  /** Its settings, on top of test mode on a free loopback port with warnings only; nothing else of this shell's environment but `inherit`. */
  env: Record<string, string>;
  /** The entry (default: the app, bench/servers/app.ts). */
  entry?: string;
  /** Variables of this shell passed on besides PATH, HOME, TMPDIR and LANG. */
  inherit?: readonly string[];
  /** Node options (`--cpu-prof`…): then node runs it with tsx's loader (node refuses --cpu-prof in NODE_OPTIONS). */
  nodeOptions?: readonly string[];
}

/** Starts a bench server and waits for its ready line (its pid and port). */
export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const baseEnv: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', ...(options.inherit ?? [])]) {
    const value = process.env[name];
    if (value !== undefined) baseEnv[name] = value;
  }
  const entry = options.entry ?? appServerEntry;
  const nodeOptions = options.nodeOptions ?? [];
  const [command, args] = nodeOptions.length > 0 ? [process.execPath, [...nodeOptions, '--import', 'tsx', entry]] : [tsxBin, [entry]];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...baseEnv, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...options.env },
    // Its own process group: tsx's wrapper and the server can be killed at once if need be.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let pending = '';
  let announce: ((ready: { pid: number; port: number }) => void) | undefined;
  const announced = new Promise<{ pid: number; port: number }>((resolve) => {
    announce = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-4000);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(readyPrefix)) announce?.(JSON.parse(line.slice(readyPrefix.length)) as { pid: number; port: number });
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output += String(error);
      resolve();
    });
  });
  const server: BenchServer = { name: options.name, child, pid: 0, port: 0, exited, output: () => output.trim() };
  liveServers.add(server);
  const ready = await Promise.race([
    announced,
    exited.then(() => new Error(`${server.name} exited before listening (code ${child.exitCode}):\n${server.output()}`)),
    delay(serverStartTimeoutMs).then(
      () => new Error(`${server.name} did not listen within ${serverStartTimeoutMs / 1000} s:\n${server.output()}`),
    ),
  ]);
  if (ready instanceof Error) {
    await stopServer(server);
    throw ready;
  }
  server.pid = ready.pid;
  server.port = ready.port;
  return server;
}

/** SIGKILL to the server and to its process group (tsx's wrapper). Synchronous: usable in a signal handler. */
export function killServer(server: BenchServer): void {
  if (server.pid > 0) sendSignal(server.pid, 'SIGKILL');
  if (server.child.pid !== undefined) sendSignal(-server.child.pid, 'SIGKILL');
}

/** SIGTERM, 15 s to stop, then SIGKILL. */
export async function stopServer(server: BenchServer): Promise<void> {
  if (server.pid > 0) sendSignal(server.pid, 'SIGTERM');
  else if (server.child.pid !== undefined) sendSignal(server.child.pid, 'SIGTERM');
  if (!(await settlesWithin(server.exited, 15_000))) print(`  warning: ${server.name} did not stop within 15 s of SIGTERM: killed`);
  killServer(server);
  await settlesWithin(server.exited, 5000);
  liveServers.delete(server);
}

export async function stopAllServers(): Promise<void> {
  for (const server of [...liveServers]) await stopServer(server);
}

// --- HTTP ----------------------------------------------------------------------------------------

/** A signed-in user of the app: its address, session cookie and CSRF token. */
export interface Session {
  base: string;
  cookie: string;
  csrfToken: string;
}

/** Signs in through the dev login (`idp_issuer` dev users only). */
export async function signIn(port: number, email: string): Promise<Session> {
  const base = `http://127.0.0.1:${port}`;
  const response = await fetch(`${base}/auth/dev-login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (response.status !== 200 || typeof body.csrfToken !== 'string')
    throw new Error(`dev sign-in as ${email} answered ${response.status}: ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .join('; ');
  return { base, cookie, csrfToken: body.csrfToken };
}

export interface Upload {
  /** The form's fields, sent before the file (folderId, title, status…). */
  fields: Record<string, string>;
  file: string;
  size: number;
  /** The name the file is sent under (a PDF). */
  filename: string;
  timeoutMs: number;
}

/**
 * POST /api/documents, multipart: the fields, then the file streamed from disk (never held in
 * memory), with its Content-Length. Seconds from the first byte sent to the end of the 201.
 */
export function uploadFile(
  port: number,
  session: Pick<Session, 'cookie' | 'csrfToken'>,
  upload: Upload,
): Promise<{ seconds: number; documentId: string }> {
  const boundary = `----lpt-bench-${randomUUID()}`;
  let preamble = '';
  for (const [name, value] of Object.entries(upload.fields)) {
    preamble += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  preamble += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${upload.filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const closing = `\r\n--${boundary}--\r\n`;
  const contentLength = Buffer.byteLength(preamble) + upload.size + Buffer.byteLength(closing);

  return new Promise((resolve, reject) => {
    const source = createReadStream(upload.file, { highWaterMark: MB });
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/documents',
      headers: {
        Cookie: session.cookie,
        'X-CSRF-Token': session.csrfToken,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(contentLength),
        Accept: 'application/json',
      },
      timeout: upload.timeoutMs,
    });
    const fail = (error: Error) => {
      source.destroy();
      request.destroy();
      reject(error);
    };
    request.once('timeout', () => fail(new Error(`no answer to the upload within ${upload.timeoutMs / 1000} s`)));
    request.once('error', fail);
    source.once('error', fail);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', fail);
      response.once('end', () => {
        const seconds = (performance.now() - startedAt) / 1000;
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 201) {
          fail(new Error(`the upload answered ${response.statusCode}: ${text.slice(0, 500)}`));
          return;
        }
        const documentId = (JSON.parse(text) as { document?: { id?: unknown } }).document?.id;
        if (typeof documentId !== 'string') {
          fail(new Error(`the upload answered 201 without a document id: ${text.slice(0, 500)}`));
          return;
        }
        resolve({ seconds, documentId });
      });
    });
    const startedAt = performance.now();
    request.write(preamble);
    source.pipe(request, { end: false });
    source.once('end', () => request.end(closing));
  });
}

// --- files ---------------------------------------------------------------------------------------

/** `%PDF-1.7\n` then pseudo-random bytes (the type detector reads the magic bytes; nothing to compress or dedupe); its SHA-256. */
export async function writeSourceFile(file: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const header = Buffer.from('%PDF-1.7\n', 'ascii');
  await write(header);
  for (let left = size - header.length; left > 0; left -= MB) await write(randomBytes(Math.min(MB, left)));
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/** Writes out the page cache's dirty pages (`sync`), so that no step pays for the one before. */
export function syncDisks(): void {
  const result = spawnSync('sync');
  if (result.status !== 0) throw new Error(`sync failed: ${result.stderr?.toString() ?? result.error?.message ?? ''}`);
}

// --- leaving nothing behind ----------------------------------------------------------------------

/** Blocks the thread for `ms`: a signal handler must finish its work before the process ends. */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** SIGKILL to every live bench server and to the PostgreSQL and Meilisearch of `workDir` (from their pid files): the pids. */
export function killLeftovers(workDir: string | undefined): number[] {
  const pids: number[] = [];
  for (const server of liveServers) {
    killServer(server);
    if (server.pid > 0) pids.push(server.pid);
  }
  if (workDir !== undefined) {
    for (const [file, expected] of [
      [path.join(workDir, 'pg', 'postmaster.pid'), 'postgres'],
      [path.join(workDir, 'meili', 'meilisearch.pid'), 'meilisearch'],
    ] as const) {
      const pid = livePidFrom(file, expected);
      if (pid !== undefined) {
        sendSignal(pid, 'SIGKILL');
        pids.push(pid);
      }
    }
  }
  return pids;
}

/**
 * On Ctrl-C (or SIGTERM): `kill` the processes the bench started (their pids), let them go,
 * remove the directories `dirs` names, and exit. All synchronous.
 */
export function exitCleanlyOnInterrupt(bench: string, cleanUp: { kill(): number[]; dirs(): readonly string[] }): void {
  const handler = (signal: NodeJS.Signals) => {
    const pids = cleanUp.kill();
    for (let waited = 0; waited < 3000 && pids.some(isRunning); waited += 50) sleepSync(50);
    for (const dir of cleanUp.dirs()) rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`bench:${bench} interrupted (${signal}): processes stopped, temporary directories removed\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/** `main().catch(failed('upload'))`: the error on stderr, exit code 1. */
export function failed(bench: string): (error: unknown) => void {
  return (error) => {
    process.stderr.write(`bench:${bench} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  };
}
