import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createDb, migrateLatest, type Db } from '../server/db';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import { startEmbeddedPostgres, type EmbeddedPostgresService } from '../server/embedded/postgres';
import { createLogger } from '../server/logger';
import { devIssuer } from '../server/seed';
import { createStorage, type Storage } from '../storage';
import { buildDirectorate, buildScheme, buildUser } from '../tests/factories';
import { s3rverCredentials, s3StorageConfig, startS3rver } from '../tests/setup/s3';
import { machineLine, markdownTable, median, repoRoot, spread, verdict, writeBenchmarkSection } from './report';
import { isRunning, livePidFrom, readMemory, sendSignal, settlesWithin } from './processes';

/**
 * `npm run bench:upload [-- --runs N (5)] [--size-mb N (500)]`: one large file sent
 * through `POST /api/documents` to the app running on each storage driver (local disk, then S3 on
 * s3rver), against a plain `cp` of the same file on the same disk, in the same run. Measures the
 * throughput of each, and the RSS growth of the app's own process (bench/uploadServer.ts, one
 * fresh process per upload) while it streams the file. Writes the section `upload` of
 * docs/benchmarks.md. A missed target is reported, not an error: the exit code is 0 unless a
 * measurement failed.
 */

const targets = { rssGrowthMb: 64, localToCp: 0.7 };
const sampleEveryMs = 50;
const serverStartTimeoutMs = 60_000;
const uploadTimeoutMs = 10 * 60_000;
const bucket = 'lpt-bench';
const sessionSecret = 'bench-session-secret-0123456789-abcdef';
const meiliMasterKey = 'bench-master-key-0123456789';
const postgresPassword = 'bench-password-not-secret';
const readyPrefix = 'upload-server-ready ';
const tsxBin = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const serverEntry = path.join(repoRoot, 'bench', 'uploadServer.ts');
const bareServerEntry = path.join(repoRoot, 'bench', 'bareUploadServer.ts');
const MB = 1024 ** 2;

type Driver = 'local' | 's3';

interface UploadSample {
  seconds: number;
  /** VmRSS of the app just before the upload (after a small warm-up upload), kB. */
  beforeRssKb: number;
  /** Highest VmRSS sampled during the upload, kB. */
  maxRssKb: number;
  /** VmHWM after the upload: the process's peak since it started, kB. */
  peakKb: number;
  samples: number;
  /** Local driver only: seconds to fsync the stored file after the 201 (`sync FILE`). */
  flushSeconds?: number;
}

interface RunSample {
  run: number;
  cpSeconds: number;
  /** Seconds to fsync the copy after `cp` exited (`sync FILE`). */
  cpFlushSeconds: number;
  /** The same upload to a bare Node HTTP server writing the body to a file (bench/bareUploadServer.ts). */
  bareSeconds: number;
  /** SHA-256 of the file's bytes alone, in memory: the work an upload must do on the way, besides receiving and writing. */
  hashSeconds: number;
  local: UploadSample;
  s3: UploadSample;
  /** 1-minute load average when the run began. */
  load: number;
}

/** The app in its own process (bench/uploadServer.ts, through tsx). */
interface AppServer {
  child: ChildProcess;
  /** The app's own Node process (tsx runs it as a child of its wrapper). */
  pid: number;
  port: number;
  exited: Promise<void>;
  output(): string;
}

interface SignedIn {
  cookie: string;
  csrfToken: string;
}

// Everything to clean up if the bench is interrupted or fails.
const liveServers = new Set<AppServer>();
let workDir: string | undefined;

function print(text = '') {
  process.stdout.write(`${text}\n`);
}

function parseOptions(): { runs: number; sizeMb: number } {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'size-mb': { type: 'string', default: '500' } } });
  const runs = Number(values.runs);
  const sizeMb = Number(values['size-mb']);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number above 0, got ${values.runs}`);
  if (!Number.isInteger(sizeMb) || sizeMb < 1 || sizeMb > 590) throw new Error(`--size-mb expects a whole number from 1 to 590, got ${values['size-mb']}`);
  return { runs, sizeMb };
}

const mbPerSecond = (bytes: number, seconds: number) => bytes / MB / seconds;

// --- processes -------------------------------------------------------------------------------

/** Samples the VmRSS of `pid` every 50 ms until stopped; keeps the highest. */
function sampleRss(pid: number): { stop(): { maxRssKb: number; samples: number } } {
  let maxRssKb = 0;
  let samples = 0;
  const sample = () => {
    try {
      maxRssKb = Math.max(maxRssKb, readMemory(pid).rssKb);
      samples += 1;
    } catch {
      // The process is gone: the upload fails and says so.
    }
  };
  sample();
  const timer = setInterval(sample, sampleEveryMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { maxRssKb, samples };
    },
  };
}

/** Starts bench/uploadServer.ts with `env` (and nothing of this shell's settings) and waits for its port. */
async function startAppServer(env: Record<string, string>, entry = serverEntry): Promise<AppServer> {
  const baseEnv: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) baseEnv[name] = value;
  }
  const child = spawn(tsxBin, [entry], {
    cwd: repoRoot,
    env: { ...baseEnv, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', RUN_WORKER: 'false', UPLOAD_MAX_MB: '600', SESSION_SECRET: sessionSecret, ...env },
    // Its own process group: tsx's wrapper and the app can be killed at once if need be.
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
  const server: AppServer = { child, pid: 0, port: 0, exited, output: () => output.trim() };
  liveServers.add(server);
  const ready = await Promise.race([
    announced,
    exited.then(() => new Error(`the upload server exited before listening (code ${child.exitCode}):\n${server.output()}`)),
    delay(serverStartTimeoutMs).then(() => new Error(`the upload server did not listen within ${serverStartTimeoutMs / 1000} s:\n${server.output()}`)),
  ]);
  if (ready instanceof Error) {
    await stopAppServer(server);
    throw ready;
  }
  server.pid = ready.pid;
  server.port = ready.port;
  return server;
}

function killAppServer(server: AppServer): void {
  if (server.pid > 0) sendSignal(server.pid, 'SIGKILL');
  if (server.child.pid !== undefined) sendSignal(-server.child.pid, 'SIGKILL');
}

async function stopAppServer(server: AppServer): Promise<void> {
  if (server.pid > 0) sendSignal(server.pid, 'SIGTERM');
  else if (server.child.pid !== undefined) sendSignal(server.child.pid, 'SIGTERM');
  if (!(await settlesWithin(server.exited, 15_000))) print(`  warning: the upload server did not stop within 15 s of SIGTERM: killed`);
  killAppServer(server);
  await settlesWithin(server.exited, 5000);
  liveServers.delete(server);
}

// --- HTTP --------------------------------------------------------------------------------------

async function signIn(port: number, email: string): Promise<SignedIn> {
  const response = await fetch(`http://127.0.0.1:${port}/auth/dev-login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (response.status !== 200 || typeof body.csrfToken !== 'string') throw new Error(`dev sign-in answered ${response.status}: ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .join('; ');
  return { cookie, csrfToken: body.csrfToken };
}

/**
 * POST /api/documents, multipart: the fields, then the file streamed from disk (never held in
 * memory), with its Content-Length. Seconds from the first byte sent to the end of the 201.
 */
function uploadFile(port: number, session: SignedIn, folderId: string, file: string, size: number): Promise<{ seconds: number; documentId: string }> {
  const boundary = `----lpt-bench-${randomUUID()}`;
  const fields = { folderId, title: 'Mesure d’envoi', status: 'draft' };
  let preamble = '';
  for (const [name, value] of Object.entries(fields)) {
    preamble += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  preamble += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mesure.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const closing = `\r\n--${boundary}--\r\n`;
  const contentLength = Buffer.byteLength(preamble) + size + Buffer.byteLength(closing);

  return new Promise((resolve, reject) => {
    const source = createReadStream(file, { highWaterMark: 1024 * 1024 });
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
      timeout: uploadTimeoutMs,
    });
    const fail = (error: Error) => {
      source.destroy();
      request.destroy();
      reject(error);
    };
    request.once('timeout', () => fail(new Error(`no answer to the upload within ${uploadTimeoutMs / 1000} s`)));
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

/** `%PDF-1.7\n` then pseudo-random bytes (nothing the disk could compress or dedupe); its SHA-256. */
async function writeSourceFile(file: string, size: number): Promise<string> {
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

/** Writes out the page cache's dirty pages (not timed), so that no step pays for the one before. */
function syncDisks(): void {
  const result = spawnSync('sync');
  if (result.status !== 0) throw new Error(`sync failed: ${result.stderr?.toString() ?? result.error?.message ?? ''}`);
}

/** Seconds to fsync one file (`sync FILE`): what the kernel still had to write of it. */
function timeFileSync(file: string): number {
  const startedAt = performance.now();
  const result = spawnSync('sync', [file]);
  if (result.status !== 0) throw new Error(`sync ${file} failed: ${result.stderr?.toString() ?? result.error?.message ?? ''}`);
  return (performance.now() - startedAt) / 1000;
}

/**
 * Seconds for `cp source target`, the plain copy the local driver is compared with, and then
 * seconds to fsync the copy (informative: the copy until on disk).
 */
async function timeCp(source: string, target: string): Promise<{ seconds: number; flushSeconds: number }> {
  syncDisks();
  const startedAt = performance.now();
  const cp = spawn('cp', [source, target], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  cp.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const [code] = (await once(cp, 'exit')) as [number | null];
  const seconds = (performance.now() - startedAt) / 1000;
  if (code !== 0) throw new Error(`cp exited with code ${code}: ${errors.trim()}`);
  const flushSeconds = timeFileSync(target);
  rmSync(target, { force: true });
  return { seconds, flushSeconds };
}

/**
 * Seconds to SHA-256 the file's bytes already in memory (read first, untimed), in 1 MiB pieces, with
 * Node's crypto as the upload uses it: the compute alone, the most favourable case for the hash.
 */
function timeSha256(file: string, expected: string): number {
  const bytes = readFileSync(file);
  const hash = createHash('sha256');
  const startedAt = performance.now();
  for (let offset = 0; offset < bytes.length; offset += MB) hash.update(bytes.subarray(offset, offset + MB));
  const digest = hash.digest('hex');
  const seconds = (performance.now() - startedAt) / 1000;
  if (digest !== expected) throw new Error(`SHA-256 of ${file} is ${digest}, expected ${expected}`);
  return seconds;
}

// --- one upload ------------------------------------------------------------------------------------

interface Fixture {
  db: Db;
  email: string;
  folderId: string;
  source: string;
  size: number;
  sha256: string;
  warmUpFile: string;
  warmUpSize: number;
}

/**
 * A fresh app process on `driver`: signed in, warmed up by a small upload, then the large file,
 * its RSS sampled throughout. The stored object is checked (size, SHA-256) and then removed.
 */
async function measureUpload(fixture: Fixture, env: Record<string, string>, storage: Storage, localFileOf?: (key: string) => string): Promise<UploadSample> {
  const server = await startAppServer(env);
  try {
    const session = await signIn(server.port, fixture.email);
    const warmUp = await uploadFile(server.port, session, fixture.folderId, fixture.warmUpFile, fixture.warmUpSize);
    await removeStored(fixture.db, storage, warmUp.documentId);
    syncDisks();
    await delay(1000);
    const before = readMemory(server.pid);
    const sampler = sampleRss(server.pid);
    let sampled: { maxRssKb: number; samples: number } | undefined;
    const upload = await uploadFile(server.port, session, fixture.folderId, fixture.source, fixture.size).finally(() => {
      sampled = sampler.stop();
    });
    const { maxRssKb, samples } = sampled ?? { maxRssKb: 0, samples: 0 };
    const after = readMemory(server.pid);
    const version = (await fixture.db('versions').where({ document_id: upload.documentId }).first('storage_key', 'size_bytes', 'sha256')) as
      | { storage_key: string; size_bytes: string | number; sha256: string }
      | undefined;
    if (!version) throw new Error(`no version recorded for document ${upload.documentId}`);
    const flushSeconds = localFileOf ? timeFileSync(localFileOf(version.storage_key)) : undefined;
    if (Number(version.size_bytes) !== fixture.size || version.sha256 !== fixture.sha256) {
      throw new Error(`the stored file differs from the source: ${version.size_bytes} bytes, sha256 ${version.sha256}`);
    }
    if (!(await storage.exists(version.storage_key))) throw new Error(`no stored object ${version.storage_key}`);
    await storage.delete(version.storage_key);
    return { seconds: upload.seconds, beforeRssKb: before.rssKb, maxRssKb: Math.max(maxRssKb, after.rssKb), peakKb: after.peakKb, samples, flushSeconds };
  } finally {
    await stopAppServer(server);
  }
}

/** The same request to bench/bareUploadServer.ts, fresh for it and warmed up alike: its time. */
async function measureBareUpload(fixture: Fixture, dir: string): Promise<number> {
  const server = await startAppServer({ BARE_UPLOAD_DIR: dir }, bareServerEntry);
  try {
    const session = { cookie: '', csrfToken: '' };
    const warmUp = await uploadFile(server.port, session, fixture.folderId, fixture.warmUpFile, fixture.warmUpSize);
    rmSync(warmUp.documentId, { force: true });
    syncDisks();
    await delay(1000);
    const upload = await uploadFile(server.port, session, fixture.folderId, fixture.source, fixture.size);
    rmSync(upload.documentId, { force: true });
    return upload.seconds;
  } finally {
    await stopAppServer(server);
  }
}

async function removeStored(db: Db, storage: Storage, documentId: string): Promise<void> {
  const rows = (await db('versions').where({ document_id: documentId }).select('storage_key')) as { storage_key: string }[];
  for (const row of rows) await storage.delete(row.storage_key);
}

// --- report ----------------------------------------------------------------------------------------

const growthMb = (sample: UploadSample) => (sample.maxRssKb - sample.beforeRssKb) / 1024;
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;

function describeUpload(label: string, size: number, sample: UploadSample): string {
  return (
    `${label} ${sample.seconds.toFixed(2)} s (${mbPerSecond(size, sample.seconds).toFixed(1)} MB/s)` +
    `${sample.flushSeconds === undefined ? '' : `, + fsync ${sample.flushSeconds.toFixed(2)} s`}, RSS ${(sample.beforeRssKb / 1024).toFixed(1)} → ` +
    `${(sample.maxRssKb / 1024).toFixed(1)} MB (+${growthMb(sample).toFixed(1)}), VmHWM ${(sample.peakKb / 1024).toFixed(1)} MB`
  );
}

/** Local upload time until the stored file is on disk: the upload, then fsync of the stored file. */
const localDurableSeconds = (s: RunSample) => s.local.seconds + (s.local.flushSeconds ?? 0);
const cpDurableSeconds = (s: RunSample) => s.cpSeconds + s.cpFlushSeconds;

function summaryRows(samples: RunSample[], size: number): string[][] {
  const throughput = (seconds: (s: RunSample) => number) => samples.map((s) => mbPerSecond(size, seconds(s)));
  const growth = (driver: Driver) => samples.map((s) => growthMb(s[driver]));
  const peak = (driver: Driver) => samples.map((s) => s[driver].peakKb / 1024);
  const row = (label: string, values: number[]) => [label, median(values).toFixed(1), spread(values, 1), '—', '—'];
  const rssRow = (label: string, values: number[]) => [
    label,
    median(values).toFixed(1),
    spread(values, 1),
    `≤ ${targets.rssGrowthMb}`,
    verdict(median(values) <= targets.rssGrowthMb),
  ];
  const ratioRow = (label: string, ratios: number[], target?: number) => [
    label,
    percent(median(ratios)),
    `${percent(Math.min(...ratios))}–${percent(Math.max(...ratios))}`,
    target === undefined ? '—' : `≥ ${percent(target)}`,
    target === undefined ? '—' : verdict(median(ratios) >= target),
  ];
  return [
    row('plain `cp`, same disk (MB/s)', throughput((s) => s.cpSeconds)),
    row('SHA-256 of the file alone, one core (MB/s)', throughput((s) => s.hashSeconds)),
    ratioRow('SHA-256 alone / `cp`: the most an upload that hashes on the way could reach', samples.map((s) => s.cpSeconds / s.hashSeconds)),
    row('bare Node HTTP upload to a file, same disk (MB/s)', throughput((s) => s.bareSeconds)),
    ratioRow('bare Node HTTP upload / `cp`', samples.map((s) => s.cpSeconds / s.bareSeconds)),
    row('API → local driver (MB/s)', throughput((s) => s.local.seconds)),
    ratioRow('local driver / `cp`', samples.map((s) => s.cpSeconds / s.local.seconds), targets.localToCp),
    ratioRow('local driver / bare Node HTTP upload', samples.map((s) => s.bareSeconds / s.local.seconds)),
    row('API → S3 driver, s3rver (MB/s)', throughput((s) => s.s3.seconds)),
    rssRow('app RSS growth during upload, local (MB)', growth('local')),
    rssRow('app RSS growth during upload, S3 (MB)', growth('s3')),
    row('app peak RSS (VmHWM), local (MB)', peak('local')),
    row('app peak RSS (VmHWM), S3 (MB)', peak('s3')),
    row('until on disk: `cp` + fsync of the copy (MB/s)', throughput(cpDurableSeconds)),
    row('until on disk: API → local driver + fsync of the stored file (MB/s)', throughput(localDurableSeconds)),
    ratioRow('until on disk: local driver / `cp`', samples.map((s) => cpDurableSeconds(s) / localDurableSeconds(s))),
  ];
}

function runRows(samples: RunSample[], size: number): string[][] {
  const timed = (seconds: number) => `${seconds.toFixed(2)} (${mbPerSecond(size, seconds).toFixed(1)})`;
  const memory = (sample: UploadSample) => `${(sample.beforeRssKb / 1024).toFixed(1)} / +${growthMb(sample).toFixed(1)} / ${(sample.peakKb / 1024).toFixed(1)}`;
  return samples.map((s) => [
    String(s.run),
    s.load.toFixed(2),
    timed(s.cpSeconds),
    timed(s.hashSeconds),
    timed(s.bareSeconds),
    timed(s.local.seconds),
    percent(s.cpSeconds / s.local.seconds),
    timed(s.s3.seconds),
    memory(s.local),
    memory(s.s3),
    `${s.local.samples} / ${s.s3.samples}`,
    `${s.cpFlushSeconds.toFixed(2)} / ${(s.local.flushSeconds ?? 0).toFixed(2)}`,
  ]);
}

const summaryHeaders = ['', 'median', 'spread (min–max)', 'target', 'result'];
const runHeaders = ['run', 'load (1 min)', '`cp` s (MB/s)', 'SHA-256 alone s (MB/s)', 'bare HTTP s (MB/s)', 'local s (MB/s)', 'local / `cp`', 'S3 s (MB/s)', 'local RSS before / growth / VmHWM (MB)', 'S3 RSS before / growth / VmHWM (MB)', 'RSS samples local / S3', 'fsync after `cp` / after local (s)'];

function sectionMarkdown(samples: RunSample[], options: { runs: number; sizeMb: number; size: number; loadAtStart: number[]; loadAtEnd: number[] }): string {
  const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
  return [
    '## Upload — `npm run bench:upload`',
    '',
    `Machine: ${machineLine()}. Load average (1, 5, 15 min) when the bench began: ${loads(options.loadAtStart)}; when it ended: ${loads(options.loadAtEnd)} — the bench's own processes (the app, PostgreSQL, s3rver, \`cp\`) count in it.`,
    '',
    `Runs: ${options.runs}. The file: ${options.sizeMb} MB (${options.size} bytes) that starts with \`%PDF-1.7\` (the type detector reads the magic bytes) followed by pseudo-random bytes, ` +
      'so that nothing on the way can compress or dedupe it; written once, then read from the page cache by every step. ' +
      'Each run does, in this order, so that any noise touches all five alike: a plain `cp` of the file to another file on the same disk (the temporary directory, ' +
      'the one that also holds the local driver\'s files, PostgreSQL, Meilisearch and s3rver); the SHA-256 of the file alone in the bench process (Node\'s crypto, as the upload computes it, over the bytes already in memory in 1 MiB pieces, digest checked): ' +
      'an upload must compute it on the way, and one hash runs on one core, so its speed bounds any upload here, whatever the HTTP, parsing and writing around it; the same upload request to a bare Node HTTP server that streams the body to a file in that directory (bench/bareUploadServer.ts, started by tsx, fresh and warmed up like the app: no multipart parsing, no hash, no type detection, no database — the floor of any upload through Node\'s HTTP on this machine, for comparison, no target); an upload to the app on the local driver; an upload to the app on the S3 driver. ' +
      'Each upload is a `POST /api/documents` (multipart: the fields, then the file) from the bench process, streamed from disk with its Content-Length, by a signed-in editor (dev sign-in, CSRF token) into a scheme folder; ' +
      'the time runs from the first byte sent to the end of the 201 answer, so it includes type detection, SHA-256, the storage write and the database transaction. ' +
      '`sync` runs (untimed) before each step, so that no step pays for the dirty pages of the one before. `cp` does not call fsync: ' +
      'its time ends with the bytes in the page cache, which `cp` (coreutils, `copy_file_range`) copies page cache to page cache inside the kernel; ' +
      'the local driver fsyncs the stored file and its directory before the database records it, so its time includes writing the file to the disk, ' +
      'after an upload that crosses loopback TCP and user space (multipart parsing, SHA-256, type detection, writes through libuv\'s thread pool). ' +
      'The rows "until on disk" compare like with like, for information (no target): `cp` plus the time of `sync FILE` (fsync) on the copy right after it, and the upload plus the same `sync FILE` on the stored file right after the 201 (nothing is left to write by then). ' +
      'Each stored file is checked (size and SHA-256 recorded in its version) and removed afterwards. MB = 1024² bytes; throughput = file size / seconds.',
    '',
    'The app runs alone in its own Node process (bench/uploadServer.ts: the app of `npm start` with no worker and no web app, started by tsx), a fresh one for each upload, ' +
      'with PostgreSQL (embedded, throwaway settings), Meilisearch (embedded) and s3rver started by the bench. Before the measured upload it signs in and takes a small warm-up upload (64 KB), then idles 1 s. ' +
      'RSS growth = the highest VmRSS of the app\'s process, read from /proc every 50 ms during the upload, minus its VmRSS just before; peak RSS = its VmHWM after the upload (the highest since it started). ' +
      's3rver is a test S3 server running in the bench\'s own process on the same 2 cores and disk (it writes each part to disk, then assembles the object): its own speed bounds the S3 figure, which says little of a real S3. ' +
      'Targets apply to the medians: RSS growth ≤ 64 MB on each driver; local driver ≥ 70 % of `cp`’s throughput (ratio of the two times in the same run).',
    '',
    markdownTable(summaryHeaders, summaryRows(samples, options.size)),
    '',
    'Each run:',
    '',
    markdownTable(runHeaders, runRows(samples, options.size)),
  ].join('\n');
}

// --- main ------------------------------------------------------------------------------------------

/** Blocks the thread for `ms`: a signal handler must finish its work before the process ends. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Every process this bench started and still running, by pid: app servers, PostgreSQL, Meilisearch. */
function killEverything(): number[] {
  const pids: number[] = [];
  for (const server of liveServers) {
    killAppServer(server);
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

/** Interrupted (Ctrl-C): leave no process and no temporary directory behind. All synchronous. */
function cleanUpAndExit(signal: NodeJS.Signals): void {
  const pids = killEverything();
  for (let waited = 0; waited < 3000 && pids.some(isRunning); waited += 50) sleepSync(50);
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  process.stderr.write(`bench:upload interrupted (${signal}): processes stopped, temporary directory removed\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

async function main() {
  const { runs, sizeMb } = parseOptions();
  process.once('SIGINT', cleanUpAndExit);
  process.once('SIGTERM', cleanUpAndExit);
  const loadAtStart = os.loadavg();
  print(`Load average (1, 5, 15 min): ${loadAtStart.map((value) => value.toFixed(2)).join(', ')}`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'lpt-bench-upload-'));
  workDir = dir;
  // PostgreSQL runs as the `postgres` system user: it must be able to reach the directory.
  chmodSync(dir, 0o755);
  const logger = createLogger('warn');
  let postgres: EmbeddedPostgresService | undefined;
  let meili: EmbeddedMeilisearchService | undefined;
  let s3: Awaited<ReturnType<typeof startS3rver>> | undefined;
  let db: Db | undefined;
  const samples: RunSample[] = [];
  const size = sizeMb * MB;
  try {
    print('Starting PostgreSQL, Meilisearch and s3rver, writing the source file (not measured)…');
    const sourceFile = path.join(dir, 'source.pdf');
    const warmUpFile = path.join(dir, 'warm-up.pdf');
    const warmUpSize = 64 * 1024;
    // One at a time, so that a failure leaves nothing started that `finally` does not know of.
    postgres = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), password: postgresPassword, database: 'lpt_bench', logger, isThrowaway: true });
    meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meili'), masterKey: meiliMasterKey, logger });
    s3 = await startS3rver(path.join(dir, 's3'), [bucket]);
    const sha256 = await writeSourceFile(sourceFile, size);
    await writeSourceFile(warmUpFile, warmUpSize);
    db = createDb(postgres.url);
    await migrateLatest(db);
    const directorate = await buildDirectorate(db);
    const editor = await buildUser(db, { role: 'editor', idp_issuer: devIssuer, directorate_id: directorate.id });
    const scheme = await buildScheme(db, { directorate_id: directorate.id });
    const fixture: Fixture = { db, email: editor.email, folderId: scheme.id, source: sourceFile, size, sha256, warmUpFile, warmUpSize };

    const common = { DATABASE_URL: postgres.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meiliMasterKey };
    const localDataDir = path.join(dir, 'app-local');
    const drivers: Record<Driver, { env: Record<string, string>; storage: Storage }> = {
      local: { env: { ...common, DATA_DIR: localDataDir }, storage: createStorage({ kind: 'local', dir: path.join(localDataDir, 'files') }) },
      s3: {
        env: {
          ...common,
          DATA_DIR: path.join(dir, 'app-s3'),
          S3_BUCKET: bucket,
          S3_ENDPOINT: s3.endpoint,
          S3_ACCESS_KEY_ID: s3rverCredentials.accessKeyId,
          S3_SECRET_ACCESS_KEY: s3rverCredentials.secretAccessKey,
        },
        storage: createStorage(s3StorageConfig(s3.endpoint, bucket)),
      },
    };

    for (let run = 1; run <= runs; run += 1) {
      const load = os.loadavg()[0] ?? 0;
      const cp = await timeCp(sourceFile, path.join(dir, 'cp-copy.pdf'));
      print(
        `run ${run}/${runs} (load ${load.toFixed(2)}): cp ${cp.seconds.toFixed(2)} s (${mbPerSecond(size, cp.seconds).toFixed(1)} MB/s), ` +
          `+ fsync ${cp.flushSeconds.toFixed(2)} s`,
      );
      const hashSeconds = timeSha256(sourceFile, sha256);
      print(`  SHA-256 alone ${hashSeconds.toFixed(2)} s (${mbPerSecond(size, hashSeconds).toFixed(1)} MB/s)`);
      const bareSeconds = await measureBareUpload(fixture, dir);
      print(`  bare HTTP upload ${bareSeconds.toFixed(2)} s (${mbPerSecond(size, bareSeconds).toFixed(1)} MB/s)`);
      const local = await measureUpload(fixture, drivers.local.env, drivers.local.storage, (key) => path.join(localDataDir, 'files', ...key.split('/')));
      print(`  ${describeUpload('local', size, local)}`);
      const s3Sample = await measureUpload(fixture, drivers.s3.env, drivers.s3.storage);
      print(`  ${describeUpload('S3   ', size, s3Sample)}`);
      samples.push({ run, cpSeconds: cp.seconds, cpFlushSeconds: cp.flushSeconds, bareSeconds, hashSeconds, local, s3: s3Sample, load });
    }
  } finally {
    for (const server of [...liveServers]) await stopAppServer(server);
    await db?.destroy().catch(() => undefined);
    await Promise.allSettled([postgres?.stop(), meili?.stop(), s3?.server.close()]);
    killEverything();
    rmSync(dir, { recursive: true, force: true });
    workDir = undefined;
  }

  const loadAtEnd = os.loadavg();
  const rows = summaryRows(samples, size);
  print();
  print(markdownTable(summaryHeaders, rows));
  print();
  print(`Load average at the end (1, 5, 15 min): ${loadAtEnd.map((value) => value.toFixed(2)).join(', ')}`);
  await writeBenchmarkSection('upload', sectionMarkdown(samples, { runs, sizeMb, size, loadAtStart, loadAtEnd }));
  const missed = rows.filter((row) => row[4] === verdict(false));
  for (const row of missed) print(`MISSED: ${row[0]}: ${row[1]} (target ${row[3]})`);
  if (missed.length === 0) print('All targets met.');
  print('Written to docs/benchmarks.md (section upload).');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:upload failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
