import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createDb, migrateLatest, type Db } from '../server/db';
import type { EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import type { EmbeddedPostgresService } from '../server/embedded/postgres';
import { createLogger } from '../server/logger';
import { devIssuer } from '../server/seed';
import { createStorage, type Storage } from '../storage';
import { buildDirectorate, buildScheme, buildUser } from '../tests/factories';
import { s3rverCredentials, s3StorageConfig, startS3rver } from '../tests/setup/s3';
import {
  bareUploadServerEntry,
  benchSecrets,
  exitCleanlyOnInterrupt,
  failed,
  killLeftovers,
  loadLine,
  print,
  signIn,
  startDatabaseAndSearch,
  startServer,
  stopAllServers,
  stopServer,
  syncDisks,
  uploadFile as postFile,
  workDirectory,
  writeSourceFile,
  type Session,
} from './harness';
import { readMemory } from './processes';
import { MB, machineLine, markdownTable, mbPerSecond, median, percent, spread, verdict, writeBenchmarkSection } from './report';

/**
 * `npm run bench:upload [-- --runs N (5)] [--size-mb N (500)]`: one large file sent
 * through `POST /api/documents` to the app running on each storage driver (local disk, then S3 on
 * s3rver), against a plain `cp` of the same file on the same disk, in the same run. Measures the
 * throughput of each, and the RSS growth of the app's own process (bench/servers/app.ts, one
 * fresh process per upload) while it streams the file. Writes the section `upload` of
 * docs/benchmarks.md. A missed target is reported, not an error: the exit code is 0 unless a
 * measurement failed.
 */

const targets = { rssGrowthMb: 64, localToCp: 0.7 };
const sampleEveryMs = 50;
const uploadTimeoutMs = 10 * 60_000;
const bucket = 'lpt-bench';

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
  /** The same upload to a bare Node HTTP server writing the body to a file (bench/servers/bareUpload.ts). */
  bareSeconds: number;
  /** SHA-256 of the file's bytes alone, in memory: the work an upload must do on the way, besides receiving and writing. */
  hashSeconds: number;
  local: UploadSample;
  s3: UploadSample;
  /** 1-minute load average when the run began. */
  load: number;
}

// What to remove if the bench is interrupted.
let workDir: string | undefined;

function parseOptions(): { runs: number; sizeMb: number } {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'size-mb': { type: 'string', default: '500' } } });
  const runs = Number(values.runs);
  const sizeMb = Number(values['size-mb']);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number above 0, got ${values.runs}`);
  if (!Number.isInteger(sizeMb) || sizeMb < 1 || sizeMb > 590)
    throw new Error(`--size-mb expects a whole number from 1 to 590, got ${values['size-mb']}`);
  return { runs, sizeMb };
}

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

// --- HTTP --------------------------------------------------------------------------------------

/** The measured upload: a draft, into the scheme folder, streamed from disk. */
function uploadFile(
  port: number,
  session: Pick<Session, 'cookie' | 'csrfToken'>,
  folderId: string,
  file: string,
  size: number,
): Promise<{ seconds: number; documentId: string }> {
  return postFile(port, session, {
    fields: { folderId, title: 'Mesure d’envoi', status: 'draft' },
    file,
    size,
    filename: 'mesure.pdf',
    timeoutMs: uploadTimeoutMs,
  });
}

// --- files ---------------------------------------------------------------------------------------

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
async function measureUpload(
  fixture: Fixture,
  env: Record<string, string>,
  storage: Storage,
  localFileOf?: (key: string) => string,
): Promise<UploadSample> {
  const server = await startServer({
    name: 'the upload server',
    env: { RUN_WORKER: 'false', UPLOAD_MAX_MB: '600', SESSION_SECRET: benchSecrets.sessionSecret, ...env },
  });
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
    const version = (await fixture
      .db('versions')
      .where({ document_id: upload.documentId })
      .first('storage_key', 'size_bytes', 'sha256')) as { storage_key: string; size_bytes: string | number; sha256: string } | undefined;
    if (!version) throw new Error(`no version recorded for document ${upload.documentId}`);
    const flushSeconds = localFileOf ? timeFileSync(localFileOf(version.storage_key)) : undefined;
    if (Number(version.size_bytes) !== fixture.size || version.sha256 !== fixture.sha256) {
      throw new Error(`the stored file differs from the source: ${version.size_bytes} bytes, sha256 ${version.sha256}`);
    }
    if (!(await storage.exists(version.storage_key))) throw new Error(`no stored object ${version.storage_key}`);
    await storage.delete(version.storage_key);
    return {
      seconds: upload.seconds,
      beforeRssKb: before.rssKb,
      maxRssKb: Math.max(maxRssKb, after.rssKb),
      peakKb: after.peakKb,
      samples,
      flushSeconds,
    };
  } finally {
    await stopServer(server);
  }
}

/** The same request to bench/servers/bareUpload.ts, fresh for it and warmed up alike: its time. */
async function measureBareUpload(fixture: Fixture, dir: string): Promise<number> {
  const server = await startServer({ name: 'the bare upload server', entry: bareUploadServerEntry, env: { BARE_UPLOAD_DIR: dir } });
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
    await stopServer(server);
  }
}

async function removeStored(db: Db, storage: Storage, documentId: string): Promise<void> {
  const rows = (await db('versions').where({ document_id: documentId }).select('storage_key')) as { storage_key: string }[];
  for (const row of rows) await storage.delete(row.storage_key);
}

// --- report ----------------------------------------------------------------------------------------

const growthMb = (sample: UploadSample) => (sample.maxRssKb - sample.beforeRssKb) / 1024;

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
    row(
      'plain `cp`, same disk (MB/s)',
      throughput((s) => s.cpSeconds),
    ),
    row(
      'SHA-256 of the file alone, one core (MB/s)',
      throughput((s) => s.hashSeconds),
    ),
    ratioRow(
      'SHA-256 alone / `cp`: the most an upload that hashes on the way could reach',
      samples.map((s) => s.cpSeconds / s.hashSeconds),
    ),
    row(
      'bare Node HTTP upload to a file, same disk (MB/s)',
      throughput((s) => s.bareSeconds),
    ),
    ratioRow(
      'bare Node HTTP upload / `cp`',
      samples.map((s) => s.cpSeconds / s.bareSeconds),
    ),
    row(
      'API → local driver (MB/s)',
      throughput((s) => s.local.seconds),
    ),
    ratioRow(
      'local driver / `cp`',
      samples.map((s) => s.cpSeconds / s.local.seconds),
      targets.localToCp,
    ),
    ratioRow(
      'local driver / bare Node HTTP upload',
      samples.map((s) => s.bareSeconds / s.local.seconds),
    ),
    row(
      'API → S3 driver, s3rver (MB/s)',
      throughput((s) => s.s3.seconds),
    ),
    rssRow('app RSS growth during upload, local (MB)', growth('local')),
    rssRow('app RSS growth during upload, S3 (MB)', growth('s3')),
    row('app peak RSS (VmHWM), local (MB)', peak('local')),
    row('app peak RSS (VmHWM), S3 (MB)', peak('s3')),
    row('until on disk: `cp` + fsync of the copy (MB/s)', throughput(cpDurableSeconds)),
    row('until on disk: API → local driver + fsync of the stored file (MB/s)', throughput(localDurableSeconds)),
    ratioRow(
      'until on disk: local driver / `cp`',
      samples.map((s) => cpDurableSeconds(s) / localDurableSeconds(s)),
    ),
  ];
}

function runRows(samples: RunSample[], size: number): string[][] {
  const timed = (seconds: number) => `${seconds.toFixed(2)} (${mbPerSecond(size, seconds).toFixed(1)})`;
  const memory = (sample: UploadSample) =>
    `${(sample.beforeRssKb / 1024).toFixed(1)} / +${growthMb(sample).toFixed(1)} / ${(sample.peakKb / 1024).toFixed(1)}`;
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
const runHeaders = [
  'run',
  'load (1 min)',
  '`cp` s (MB/s)',
  'SHA-256 alone s (MB/s)',
  'bare HTTP s (MB/s)',
  'local s (MB/s)',
  'local / `cp`',
  'S3 s (MB/s)',
  'local RSS before / growth / VmHWM (MB)',
  'S3 RSS before / growth / VmHWM (MB)',
  'RSS samples local / S3',
  'fsync after `cp` / after local (s)',
];

function sectionMarkdown(
  samples: RunSample[],
  options: { runs: number; sizeMb: number; size: number; loadAtStart: number[]; loadAtEnd: number[] },
): string {
  const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
  return [
    '## Upload — `npm run bench:upload`',
    '',
    `Machine: ${machineLine()}. Load average (1, 5, 15 min) when the bench began: ${loads(options.loadAtStart)}; when it ended: ${loads(options.loadAtEnd)} — the bench's own processes (the app, PostgreSQL, s3rver, \`cp\`) count in it.`,
    '',
    `Runs: ${options.runs}. The file: ${options.sizeMb} MB (${options.size} bytes) that starts with \`%PDF-1.7\` (the type detector reads the magic bytes) followed by pseudo-random bytes, ` +
      'so that nothing on the way can compress or dedupe it; written once, then read from the page cache by every step. ' +
      'Each run does, in this order, so that any noise touches all five alike: a plain `cp` of the file to another file on the same disk (the temporary directory, ' +
      "the one that also holds the local driver's files, PostgreSQL, Meilisearch and s3rver); the SHA-256 of the file alone in the bench process (Node's crypto, as the upload computes it, over the bytes already in memory in 1 MiB pieces, digest checked): " +
      "an upload must compute it on the way, and one hash runs on one core, so its speed bounds any upload here, whatever the HTTP, parsing and writing around it; the same upload request to a bare Node HTTP server that streams the body to a file in that directory (bench/servers/bareUpload.ts, started by tsx, fresh and warmed up like the app: no multipart parsing, no hash, no type detection, no database — the floor of any upload through Node's HTTP on this machine, for comparison, no target); an upload to the app on the local driver; an upload to the app on the S3 driver. " +
      'Each upload is a `POST /api/documents` (multipart: the fields, then the file) from the bench process, streamed from disk with its Content-Length, by a signed-in editor (dev sign-in, CSRF token) into a scheme folder; ' +
      'the time runs from the first byte sent to the end of the 201 answer, so it includes type detection, SHA-256, the storage write and the database transaction. ' +
      '`sync` runs (untimed) before each step, so that no step pays for the dirty pages of the one before. `cp` does not call fsync: ' +
      'its time ends with the bytes in the page cache, which `cp` (coreutils, `copy_file_range`) copies page cache to page cache inside the kernel; ' +
      'the local driver fsyncs the stored file and its directory before the database records it, so its time includes writing the file to the disk, ' +
      "after an upload that crosses loopback TCP and user space (multipart parsing, SHA-256, type detection, writes through libuv's thread pool). " +
      'The rows "until on disk" compare like with like, for information (no target): `cp` plus the time of `sync FILE` (fsync) on the copy right after it, and the upload plus the same `sync FILE` on the stored file right after the 201 (nothing is left to write by then). ' +
      'Each stored file is checked (size and SHA-256 recorded in its version) and removed afterwards. MB = 1024² bytes; throughput = file size / seconds.',
    '',
    'The app runs alone in its own Node process (bench/servers/app.ts: the app of `npm start` with no worker and no web app, started by tsx), a fresh one for each upload, ' +
      'with PostgreSQL (embedded, throwaway settings), Meilisearch (embedded) and s3rver started by the bench. Before the measured upload it signs in and takes a small warm-up upload (64 KB), then idles 1 s. ' +
      "RSS growth = the highest VmRSS of the app's process, read from /proc every 50 ms during the upload, minus its VmRSS just before; peak RSS = its VmHWM after the upload (the highest since it started). " +
      "s3rver is a test S3 server running in the bench's own process on the same 2 cores and disk (it writes each part to disk, then assembles the object): its own speed bounds the S3 figure, which says little of a real S3. " +
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

/** What the bench started, for `finally` to stop (filled one at a time). */
interface Started {
  postgres?: EmbeddedPostgresService;
  meili?: EmbeddedMeilisearchService;
  s3?: Awaited<ReturnType<typeof startS3rver>>;
  db?: Db;
}

interface Setup {
  fixture: Fixture;
  drivers: Record<Driver, { env: Record<string, string>; storage: Storage; localFileOf?: (key: string) => string }>;
}

/** Not measured: PostgreSQL, Meilisearch and s3rver, the source and warm-up files, an editor and its scheme. */
async function prepareServicesAndFiles(dir: string, size: number, started: Started): Promise<Setup> {
  print('Starting PostgreSQL, Meilisearch and s3rver, writing the source file (not measured)…');
  const sourceFile = path.join(dir, 'source.pdf');
  const warmUpFile = path.join(dir, 'warm-up.pdf');
  const warmUpSize = 64 * 1024;
  // One at a time, so that a failure leaves nothing started that `finally` does not know of.
  Object.assign(started, await startDatabaseAndSearch(dir, createLogger('warn')));
  const { postgres, meili } = started as Required<Pick<Started, 'postgres' | 'meili'>>;
  const s3 = await startS3rver(path.join(dir, 's3'), [bucket]);
  started.s3 = s3;
  const sha256 = await writeSourceFile(sourceFile, size);
  await writeSourceFile(warmUpFile, warmUpSize);
  const db = createDb(postgres.url);
  started.db = db;
  await migrateLatest(db);
  const directorate = await buildDirectorate(db);
  const editor = await buildUser(db, { role: 'editor', idp_issuer: devIssuer, directorate_id: directorate.id });
  const scheme = await buildScheme(db, { directorate_id: directorate.id });
  const fixture: Fixture = { db, email: editor.email, folderId: scheme.id, source: sourceFile, size, sha256, warmUpFile, warmUpSize };

  const common = { DATABASE_URL: postgres.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: benchSecrets.meiliMasterKey };
  const localDataDir = path.join(dir, 'app-local');
  return {
    fixture,
    drivers: {
      local: {
        env: { ...common, DATA_DIR: localDataDir },
        storage: createStorage({ kind: 'local', dir: path.join(localDataDir, 'files') }),
        localFileOf: (key) => path.join(localDataDir, 'files', ...key.split('/')),
      },
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
    },
  };
}

/** One run, in this order so that any noise touches all five alike: `cp`, SHA-256 alone, bare HTTP upload, local driver, S3 driver. */
async function measureRun(run: number, runs: number, dir: string, { fixture, drivers }: Setup): Promise<RunSample> {
  const { size } = fixture;
  const load = os.loadavg()[0] ?? 0;
  const cp = await timeCp(fixture.source, path.join(dir, 'cp-copy.pdf'));
  print(
    `run ${run}/${runs} (load ${load.toFixed(2)}): cp ${cp.seconds.toFixed(2)} s (${mbPerSecond(size, cp.seconds).toFixed(1)} MB/s), ` +
      `+ fsync ${cp.flushSeconds.toFixed(2)} s`,
  );
  const hashSeconds = timeSha256(fixture.source, fixture.sha256);
  print(`  SHA-256 alone ${hashSeconds.toFixed(2)} s (${mbPerSecond(size, hashSeconds).toFixed(1)} MB/s)`);
  const bareSeconds = await measureBareUpload(fixture, dir);
  print(`  bare HTTP upload ${bareSeconds.toFixed(2)} s (${mbPerSecond(size, bareSeconds).toFixed(1)} MB/s)`);
  const local = await measureUpload(fixture, drivers.local.env, drivers.local.storage, drivers.local.localFileOf);
  print(`  ${describeUpload('local', size, local)}`);
  const s3 = await measureUpload(fixture, drivers.s3.env, drivers.s3.storage);
  print(`  ${describeUpload('S3   ', size, s3)}`);
  return { run, cpSeconds: cp.seconds, cpFlushSeconds: cp.flushSeconds, bareSeconds, hashSeconds, local, s3, load };
}

/** The summary on the terminal, then the section `upload` of docs/benchmarks.md. */
async function writeReport(
  samples: RunSample[],
  options: { runs: number; sizeMb: number; size: number; loadAtStart: number[] },
): Promise<void> {
  const loadAtEnd = os.loadavg();
  const rows = summaryRows(samples, options.size);
  print();
  print(markdownTable(summaryHeaders, rows));
  print();
  print(`Load average at the end (1, 5, 15 min): ${loadLine(loadAtEnd)}`);
  await writeBenchmarkSection('upload', sectionMarkdown(samples, { ...options, loadAtEnd }));
  const missed = rows.filter((row) => row[4] === verdict(false));
  for (const row of missed) print(`MISSED: ${row[0]}: ${row[1]} (target ${row[3]})`);
  if (missed.length === 0) print('All targets met.');
  print('Written to docs/benchmarks.md (section upload).');
}

async function main() {
  const { runs, sizeMb } = parseOptions();
  exitCleanlyOnInterrupt('upload', { kill: () => killLeftovers(workDir), dirs: () => (workDir === undefined ? [] : [workDir]) });
  const loadAtStart = os.loadavg();
  print(`Load average (1, 5, 15 min): ${loadLine(loadAtStart)}`);

  const dir = workDirectory('upload');
  workDir = dir;
  const started: Started = {};
  const samples: RunSample[] = [];
  const size = sizeMb * MB;
  try {
    const setup = await prepareServicesAndFiles(dir, size, started);
    for (let run = 1; run <= runs; run += 1) samples.push(await measureRun(run, runs, dir, setup));
  } finally {
    await stopAllServers();
    await started.db?.destroy().catch(() => undefined);
    await Promise.allSettled([started.postgres?.stop(), started.meili?.stop(), started.s3?.server.close()]);
    killLeftovers(dir);
    rmSync(dir, { recursive: true, force: true });
    workDir = undefined;
  }
  await writeReport(samples, { runs, sizeMb, size, loadAtStart });
}

main().catch(failed('upload'));
