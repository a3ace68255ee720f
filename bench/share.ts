import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, createReadStream, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createDb, migrateLatest, type Db } from '../server/db';
import type { EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import type { EmbeddedPostgresService } from '../server/embedded/postgres';
import { createLogger } from '../server/logger';
import { devIssuer } from '../server/seed';
import { buildDirectorate, buildScheme, buildUser } from '../tests/factories';
import {
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
  uploadFile as postFile,
  workDirectory,
  writeSourceFile,
  type BenchServer,
  type Session,
} from './harness';
import { livePidFrom } from './processes';
import { MB, machineLine, markdownTable, mbPerSecond, median, percent, repoRoot, spread, verdict, writeBenchmarkSection } from './report';

/**
 * `npm run bench:share [-- --runs N (3)] [--duration S (20)] [--connections N (64)] [--warm-up S (5)]
 * [--download-runs N (7)] [--size-mb N (50)] [--cpu-prof DIR]`: the public page of a shared document
 * (`GET /s/:token`) under autocannon against a static route of the same app (one built asset under
 * `/assets`, express.static: the ceiling of this stack on this machine), runs interleaved; then the
 * download of a large shared file through the local driver's signed URL (`/s/:token/file` → 302 →
 * `/f/<version>?d=…&e=…&s=…`) against a plain read of the same stored file, in the same run.
 * Writes the section `share` of docs/benchmarks.md (not with --cpu-prof, which only profiles the
 * app: node --cpu-prof, the profile written to DIR when it stops). A missed target is reported, not
 * an error: the exit code is 0 unless a measurement failed.
 */

// autocannon 9 ships no types (and a module declaration cannot augment an untyped module from
// here): the little of its programmatic API this bench uses, and autocannon loaded through require.
interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
}
interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  latency: Histogram;
  requests: Histogram & { sent: number };
  throughput: Histogram;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<LoadResult>;

const targets = { throughputRatio: 0.5, p99Ratio: 3, downloadToRead: 0.7 };
const requestTimeoutMs = 5 * 60_000;
const distWebDir = path.join(repoRoot, 'dist', 'web');
/** The public routes are rate-limited per IP (120/min by default): out of the way for the bench. */
const shareRateLimit = '100000000';
/**
 * autocannon sends no User-Agent, and the share page counts no open without one: a fixed
 * browser-like one, so that every request takes the counting path (one visitor: only the first
 * request of the day inserts a visit and bumps the counter; the others hit the unique key).
 */
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
/** Untimed reads and downloads of the stored file before the timed ones. */
const downloadWarmUps = 3;

interface Options {
  runs: number;
  duration: number;
  connections: number;
  warmUp: number;
  downloadRuns: number;
  sizeMb: number;
  /** Diagnosis: the app's CPU profile (node --cpu-prof) written to this directory; the figures are then not written to docs/benchmarks.md. */
  cpuProfDir?: string;
}

/** CPU seconds spent by the app's process, by PostgreSQL (postmaster and backends) and by this process (autocannon) during a run. */
interface CpuUse {
  app: number;
  postgres: number;
  bench: number;
}

interface LoadSample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  bytesPerSecond: number;
  cpu: CpuUse;
  seconds: number;
}

interface LoadRun {
  run: number;
  load: number;
  static: LoadSample;
  share: LoadSample;
  /** The public page of the document's scheme, `GET /p/:token`. */
  scheme: LoadSample;
}

interface DownloadRun {
  run: number;
  load: number;
  readSeconds: number;
  /** The same file read with fs.readSync into one reused 64 KiB buffer (no stream, no allocation): seconds. */
  rawReadSeconds: number;
  redirectMs: number;
  /** The signed URL downloaded by curl to /dev/null: seconds (its time_total). */
  downloadSeconds: number;
  /** CPU seconds of the app during the curl download. */
  appCpuSeconds: number;
  /** A fresh signed URL downloaded by Node's http client in the bench process, for comparison: seconds. */
  nodeSeconds: number;
  /** CPU seconds of the app and of the bench process (the client) during that download. */
  nodeCpu: CpuUse;
}

// What to remove if the bench is interrupted.
let workDir: string | undefined;

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '64' },
      'warm-up': { type: 'string', default: '5' },
      'download-runs': { type: 'string', default: '7' },
      'size-mb': { type: 'string', default: '50' },
      'cpu-prof': { type: 'string' },
    },
  });
  const whole = (name: string, text: string | undefined, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`--${name} expects a whole number from ${min} to ${max}, got ${text}`);
    return value;
  };
  return {
    runs: whole('runs', values.runs, 1, 50),
    duration: whole('duration', values.duration, 1, 600),
    connections: whole('connections', values.connections, 1, 1000),
    warmUp: whole('warm-up', values['warm-up'], 0, 120),
    downloadRuns: whole('download-runs', values['download-runs'], 1, 50),
    sizeMb: whole('size-mb', values['size-mb'], 1, 90),
    cpuProfDir: values['cpu-prof'] === undefined ? undefined : path.resolve(values['cpu-prof']),
  };
}

// --- processes -------------------------------------------------------------------------------

const clockTicks = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number.parseInt(result.stdout ?? '', 10);
  return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
})();

/** Parent pid and CPU seconds (user + system) of a process, from /proc/<pid>/stat; undefined once gone. */
function processStat(pid: number): { ppid: number; cpuSeconds: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces), from field 3 (state) on.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / clockTicks };
  } catch {
    return undefined;
  }
}

/** CPU seconds so far of each PostgreSQL process alive now (the postmaster and its children: backends, writers…), by pid. */
function postgresCpuByPid(): Map<number, number> {
  const byPid = new Map<number, number>();
  if (workDir === undefined) return byPid;
  const postmaster = livePidFrom(path.join(workDir, 'pg', 'postmaster.pid'), 'postgres');
  if (postmaster === undefined) return byPid;
  byPid.set(postmaster, processStat(postmaster)?.cpuSeconds ?? 0);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = processStat(Number(name));
    if (stat?.ppid === postmaster) byPid.set(Number(name), stat.cpuSeconds);
  }
  return byPid;
}

interface CpuSnapshot {
  app: number;
  bench: number;
  postgres: Map<number, number>;
}

function cpuNow(appPid: number): CpuSnapshot {
  const own = process.cpuUsage();
  return { app: processStat(appPid)?.cpuSeconds ?? 0, bench: (own.user + own.system) / 1e6, postgres: postgresCpuByPid() };
}

/** CPU used between two snapshots; for PostgreSQL, by the processes alive at the end (one started in between counts whole). */
function cpuSince(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  return { app: after.app - before.app, postgres, bench: after.bench - before.bench };
}

// --- HTTP --------------------------------------------------------------------------------------

/**
 * The shared document: published, external (it gets its share link in the same transaction),
 * streamed from disk.
 */
async function uploadFile(port: number, session: Session, folderId: string, file: string, size: number): Promise<string> {
  const fields = {
    folderId,
    title: 'Guide des aides à la rénovation énergétique des campings',
    summary: 'Les équipements financés, les conditions, les pièces à fournir et le calendrier de dépôt des demandes.',
    docType: 'guide',
    scope: 'external',
    status: 'published',
  };
  return (await postFile(port, session, { fields, file, size, filename: 'guide-renovation.pdf', timeoutMs: requestTimeoutMs })).documentId;
}

/** The public link of a document (`documents`) or of a scheme's page (`folders`). */
async function shareLinkOf(
  port: number,
  session: Session,
  id: string,
  kind: 'documents' | 'folders',
): Promise<{ url: string; token: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/${kind}/${id}/share`, {
    headers: { Cookie: session.cookie, Accept: 'application/json' },
  });
  const body = (await response.json()) as { url?: unknown; token?: unknown };
  if (response.status !== 200 || typeof body.token !== 'string' || typeof body.url !== 'string')
    throw new Error(`GET /api/${kind}/:id/share answered ${response.status}: ${JSON.stringify(body)}`);
  return { url: body.url, token: body.token };
}

/** GET one path without following redirects: status, headers and body. */
async function get(port: number, pathname: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, { redirect: 'manual', headers: { 'User-Agent': userAgent } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** `GET /s/:token/file` → the signed URL it redirects to (`/f/…`), and the milliseconds that took. */
async function signedUrlOf(port: number, token: string): Promise<{ location: string; ms: number }> {
  const startedAt = performance.now();
  const response = await get(port, `/s/${token}/file?download=1`);
  const ms = performance.now() - startedAt;
  const location = response.headers.get('location');
  if (response.status !== 302 || !location?.startsWith('/f/'))
    throw new Error(`GET /s/:token/file answered ${response.status} (Location ${location ?? 'none'}), expected 302 to /f/…`);
  return { location, ms };
}

/**
 * Downloads `pathname` in full over HTTP (one fresh connection), discarding the bytes (hashing
 * them when asked: not for the timed runs). Seconds from the request to the last byte.
 */
function download(
  port: number,
  pathname: string,
  isHashed = false,
): Promise<{ seconds: number; bytes: number; sha256?: string; status: number }> {
  return new Promise((resolve, reject) => {
    const hash = isHashed ? createHash('sha256') : undefined;
    const startedAt = performance.now();
    const request = http.get(
      { host: '127.0.0.1', port, path: pathname, agent: false, headers: { 'User-Agent': userAgent }, timeout: requestTimeoutMs },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          hash?.update(chunk);
        });
        response.once('error', reject);
        response.once('end', () =>
          resolve({
            seconds: (performance.now() - startedAt) / 1000,
            bytes,
            sha256: hash?.digest('hex'),
            status: response.statusCode ?? 0,
          }),
        );
      },
    );
    request.once('timeout', () => request.destroy(new Error(`no full answer within ${requestTimeoutMs / 1000} s`)));
    request.once('error', reject);
  });
}

/**
 * Downloads `pathname` with curl to /dev/null (a native client, as a browser is; one fresh
 * connection): seconds from the start of the transfer to the last byte (curl's time_total).
 */
async function curlDownload(port: number, pathname: string, size: number): Promise<number> {
  const curl = spawn(
    'curl',
    [
      '--silent',
      '--show-error',
      '--output',
      '/dev/null',
      '--user-agent',
      userAgent,
      '--write-out',
      '%{http_code} %{size_download} %{time_total}',
      `http://127.0.0.1:${port}${pathname}`,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  curl.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  curl.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const [code] = (await once(curl, 'exit')) as [number | null];
  const [status, bytes, seconds] = output.trim().split(' ');
  if (code !== 0 || status !== '200' || Number(bytes) !== size) throw new Error(`curl on the signed URL: exit ${code}, ${output.trim()}`);
  return Number(seconds);
}

/** Reads a file in full with fs.readSync into one reused 64 KiB buffer: the page cache's own speed, for comparison. */
function rawRead(file: string): { seconds: number; bytes: number } {
  const buffer = Buffer.allocUnsafe(64 * 1024);
  const startedAt = performance.now();
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) bytes += read;
  } finally {
    closeSync(fd);
  }
  return { seconds: (performance.now() - startedAt) / 1000, bytes };
}

/** Reads a file in full with fs.createReadStream (its defaults, as the local driver does) and discards it. */
async function plainRead(file: string): Promise<{ seconds: number; bytes: number }> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const startedAt = performance.now();
  await pipeline(createReadStream(file), sink);
  return { seconds: (performance.now() - startedAt) / 1000, bytes };
}

// --- load ----------------------------------------------------------------------------------------

async function load(
  port: number,
  pathname: string,
  options: Options,
  duration: number,
): Promise<{ result: LoadResult; cpu: CpuUse; seconds: number }> {
  return loadWithCpu(port, pathname, options, duration, 0);
}

async function loadWithCpu(
  port: number,
  pathname: string,
  options: Options,
  duration: number,
  appPid: number,
): Promise<{ result: LoadResult; cpu: CpuUse; seconds: number }> {
  const before = appPid > 0 ? cpuNow(appPid) : undefined;
  const startedAt = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${pathname}`,
    connections: options.connections,
    duration,
    headers: { 'User-Agent': userAgent },
    timeout: 10,
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const cpu = before ? cpuSince(before, cpuNow(appPid)) : { app: 0, postgres: 0, bench: 0 };
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || result['2xx'] === 0) {
    throw new Error(
      `autocannon on ${pathname}: ${result['2xx']} answers 2xx, ${result.non2xx} others, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { result, cpu, seconds };
}

async function measureLoad(server: BenchServer, pathname: string, options: Options): Promise<LoadSample> {
  const { result, cpu, seconds } = await loadWithCpu(server.port, pathname, options, options.duration, server.pid);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    bytesPerSecond: result.throughput.average,
    cpu,
    seconds,
  };
}

const describeLoad = (label: string, s: LoadSample) =>
  `${label} ${s.requestsPerSecond.toFixed(0)} req/s, p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms; CPU app ${((s.cpu.app / s.seconds) * 100).toFixed(0)} %, ` +
  `PostgreSQL ${((s.cpu.postgres / s.seconds) * 100).toFixed(0)} %, autocannon ${((s.cpu.bench / s.seconds) * 100).toFixed(0)} %`;

// --- files ---------------------------------------------------------------------------------------

/**
 * A private copy of the built web app (dist/web, built first with `npm run build` when missing),
 * so that a rebuild elsewhere during the bench cannot pull the asset away; and the asset to
 * load: the stylesheet.
 */
function prepareWebDir(target: string): { webDir: string; asset: string; assetBytes: number } {
  const hasAssets = () => existsSync(path.join(distWebDir, 'index.html')) && existsSync(path.join(distWebDir, 'assets'));
  if (!hasAssets()) {
    print('dist/web is missing: npm run build…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0 || !hasAssets()) throw new Error(`npm run build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  cpSync(distWebDir, target, { recursive: true });
  const assets = readdirSync(path.join(target, 'assets'));
  const asset = assets.find((name) => name.endsWith('.css')) ?? assets.find((name) => !name.endsWith('.map'));
  if (!asset) throw new Error(`no asset in ${path.join(distWebDir, 'assets')}`);
  return { webDir: target, asset, assetBytes: statSync(path.join(target, 'assets', asset)).size };
}

// --- report ----------------------------------------------------------------------------------------

interface Figures {
  options: Options;
  size: number;
  asset: string;
  assetBytes: number;
  pageBytes: number;
  schemePageBytes: number;
  loadRuns: LoadRun[];
  downloadRuns: DownloadRun[];
  opens: number;
  visits: number;
  loadAtStart: number[];
  loadAtEnd: number[];
}

const throughputRatio = (r: LoadRun) => r.share.requestsPerSecond / r.static.requestsPerSecond;
const p99Ratio = (r: LoadRun) => r.share.p99 / r.static.p99;
const schemeThroughputRatio = (r: LoadRun) => r.scheme.requestsPerSecond / r.static.requestsPerSecond;
const schemeP99Ratio = (r: LoadRun) => r.scheme.p99 / r.static.p99;
const downloadRatio = (r: DownloadRun) => r.readSeconds / r.downloadSeconds;
/** CPU microseconds per request of one process (or group). */
const cpuPerRequest = (s: LoadSample, who: keyof CpuUse) => (s.cpu[who] / s.requests) * 1e6;
/** The app runs on one thread: its CPU per request bounds its throughput; static / share bounds the ratio. */
const appCpuBound = (r: LoadRun) => cpuPerRequest(r.static, 'app') / cpuPerRequest(r.share, 'app');

function summaryRows(f: Figures): string[][] {
  const { loadRuns, downloadRuns, size } = f;
  const row = (label: string, values: number[], digits: number) => [
    label,
    median(values).toFixed(digits),
    spread(values, digits),
    '—',
    '—',
  ];
  const ratioRow = (label: string, ratios: number[], target: number, isAtLeast: boolean) => [
    label,
    percent(median(ratios)),
    `${percent(Math.min(...ratios))}–${percent(Math.max(...ratios))}`,
    `${isAtLeast ? '≥' : '≤'} ${percent(target)}`,
    verdict(isAtLeast ? median(ratios) >= target : median(ratios) <= target),
  ];
  const infoRatioRow = (label: string, ratios: number[]) => [
    label,
    percent(median(ratios)),
    `${percent(Math.min(...ratios))}–${percent(Math.max(...ratios))}`,
    '—',
    '—',
  ];
  const timesRow = (label: string, ratios: number[], target: number) => [
    label,
    `${median(ratios).toFixed(2)} ×`,
    `${spread(ratios, 2)} ×`,
    `≤ ${target} ×`,
    verdict(median(ratios) <= target),
  ];
  const of = (pick: (r: LoadRun) => number) => loadRuns.map(pick);
  return [
    row(
      `static route \`GET /assets/${f.asset}\` (req/s)`,
      of((r) => r.static.requestsPerSecond),
      0,
    ),
    row(
      'share page `GET /s/:token` (req/s)',
      of((r) => r.share.requestsPerSecond),
      0,
    ),
    ratioRow('share page / static route, throughput', of(throughputRatio), targets.throughputRatio, true),
    row(
      'static route latency p50 (ms)',
      of((r) => r.static.p50),
      0,
    ),
    row(
      'static route latency p99 (ms)',
      of((r) => r.static.p99),
      0,
    ),
    row(
      'share page latency p50 (ms)',
      of((r) => r.share.p50),
      0,
    ),
    row(
      'share page latency p99 (ms)',
      of((r) => r.share.p99),
      0,
    ),
    timesRow('share page p99 / static route p99', of(p99Ratio), targets.p99Ratio),
    infoRatioRow("the app's CPU per request, static route / share page (the throughput ratio its one thread allows)", of(appCpuBound)),
    row(
      'scheme page `GET /p/:token` (req/s)',
      of((r) => r.scheme.requestsPerSecond),
      0,
    ),
    ratioRow('scheme page / static route, throughput', of(schemeThroughputRatio), targets.throughputRatio, true),
    row(
      'scheme page latency p50 (ms)',
      of((r) => r.scheme.p50),
      0,
    ),
    row(
      'scheme page latency p99 (ms)',
      of((r) => r.scheme.p99),
      0,
    ),
    timesRow('scheme page p99 / static route p99', of(schemeP99Ratio), targets.p99Ratio),
    row(
      `plain read of the stored file, fs.createReadStream (MB/s)`,
      downloadRuns.map((r) => mbPerSecond(size, r.readSeconds)),
      0,
    ),
    row(
      'download through the signed URL `GET /f/…`, curl (MB/s)',
      downloadRuns.map((r) => mbPerSecond(size, r.downloadSeconds)),
      0,
    ),
    ratioRow('download / plain read', downloadRuns.map(downloadRatio), targets.downloadToRead, true),
    row(
      'raw read of the stored file, fs.readSync into one 64 KiB buffer, for comparison (MB/s)',
      downloadRuns.map((r) => mbPerSecond(size, r.rawReadSeconds)),
      0,
    ),
    infoRatioRow(
      'download / raw read, for comparison',
      downloadRuns.map((r) => r.rawReadSeconds / r.downloadSeconds),
    ),
    row(
      "the same download by Node's http client, for comparison (MB/s)",
      downloadRuns.map((r) => mbPerSecond(size, r.nodeSeconds)),
      0,
    ),
    row(
      '`GET /s/:token/file` → 302 to the signed URL (ms)',
      downloadRuns.map((r) => r.redirectMs),
      1,
    ),
  ];
}

function cpuRows(f: Figures): string[][] {
  const cell = (pick: (r: LoadRun) => number) => {
    const values = f.loadRuns.map(pick);
    return `${median(values).toFixed(0)} (${spread(values, 0)})`;
  };
  const share = (who: keyof CpuUse) => (r: LoadRun) => (r.share.cpu[who] / r.share.seconds) * 100;
  const stat = (who: keyof CpuUse) => (r: LoadRun) => (r.static.cpu[who] / r.static.seconds) * 100;
  const scheme = (who: keyof CpuUse) => (r: LoadRun) => (r.scheme.cpu[who] / r.scheme.seconds) * 100;
  return [
    [
      'static route',
      cell((r) => cpuPerRequest(r.static, 'app')),
      cell((r) => cpuPerRequest(r.static, 'postgres')),
      cell(stat('app')),
      cell(stat('postgres')),
      cell(stat('bench')),
    ],
    [
      'share page',
      cell((r) => cpuPerRequest(r.share, 'app')),
      cell((r) => cpuPerRequest(r.share, 'postgres')),
      cell(share('app')),
      cell(share('postgres')),
      cell(share('bench')),
    ],
    [
      'scheme page',
      cell((r) => cpuPerRequest(r.scheme, 'app')),
      cell((r) => cpuPerRequest(r.scheme, 'postgres')),
      cell(scheme('app')),
      cell(scheme('postgres')),
      cell(scheme('bench')),
    ],
  ];
}

function loadRunRows(f: Figures): string[][] {
  const cells = (s: LoadSample) => [s.requestsPerSecond.toFixed(0), `${s.p50.toFixed(0)} / ${s.p99.toFixed(0)}`];
  return f.loadRuns.map((r) => [
    String(r.run),
    r.load.toFixed(2),
    ...cells(r.static),
    ...cells(r.share),
    percent(throughputRatio(r)),
    `${p99Ratio(r).toFixed(2)} ×`,
    ...cells(r.scheme),
    percent(schemeThroughputRatio(r)),
    `${schemeP99Ratio(r).toFixed(2)} ×`,
  ]);
}

function downloadRunRows(f: Figures): string[][] {
  return f.downloadRuns.map((r) => [
    String(r.run),
    r.load.toFixed(2),
    `${r.readSeconds.toFixed(3)} (${mbPerSecond(f.size, r.readSeconds).toFixed(0)})`,
    `${r.rawReadSeconds.toFixed(3)} (${mbPerSecond(f.size, r.rawReadSeconds).toFixed(0)})`,
    `${r.downloadSeconds.toFixed(3)} (${mbPerSecond(f.size, r.downloadSeconds).toFixed(0)})`,
    percent(downloadRatio(r)),
    r.redirectMs.toFixed(1),
    percent(r.appCpuSeconds / r.downloadSeconds),
    `${r.nodeSeconds.toFixed(3)} (${mbPerSecond(f.size, r.nodeSeconds).toFixed(0)})`,
    `${percent(r.nodeCpu.app / r.nodeSeconds)} / ${percent(r.nodeCpu.bench / r.nodeSeconds)}`,
  ]);
}

const summaryHeaders = ['', 'median', 'spread (min–max)', 'target', 'result'];

function sectionMarkdown(f: Figures): string {
  const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
  const o = f.options;
  return [
    '## Share links — `npm run bench:share`',
    '',
    `Machine: ${machineLine()}. Load average (1, 5, 15 min) when the bench began: ${loads(f.loadAtStart)}; when it ended: ${loads(f.loadAtEnd)} — the bench's own processes (the app, PostgreSQL, autocannon) count in it.`,
    '',
    'The app runs alone in its own Node process (bench/servers/app.ts: the app of `npm start` with the built web app, no job worker, started by tsx, `NODE_ENV=test`, `LOG_LEVEL=warn`, ' +
      `the default database pool of 10), on PostgreSQL and Meilisearch (both embedded, throwaway settings) started by the bench, and the local storage driver in a temporary directory. ` +
      `\`SHARE_RATE_LIMIT_PER_MINUTE=${shareRateLimit}\`: the per-IP limiter of the public routes stays in the path but never refuses. ` +
      'A signed-in editor (dev sign-in) uploads one PDF through `POST /api/documents` (published, external, in a scheme folder with a promise, a referent and "permanent" availability), ' +
      'which gives it its share link; the bench reads the token from `GET /api/documents/:id/share`.',
    '',
    `**Load.** autocannon (programmatic, in the bench's own process), ${o.connections} connections, ${o.duration} s per run, ${o.runs} runs of each route, interleaved (static route, share page, static route, share page…), ` +
      `after ${o.warmUp} s of unrecorded warm-up on each route (and the same runs of the scheme page, third in each round). The static route is \`GET /assets/${f.asset}\` (${f.assetBytes} bytes), the built stylesheet served by express.static behind the same app-wide middleware ` +
      "and every router mounted before the web app's: the ceiling of this stack on this machine. " +
      `The share page \`GET /s/:token\` (${f.pageBytes} bytes of HTML) looks the token up, checks the document, reads the document, all folders (for the scheme card) and counts the open. ` +
      `The scheme page \`GET /p/:token\` (${f.schemePageBytes} bytes of HTML; token from \`GET /api/folders/:id/share\`) reads, in one statement, its link, the scheme card and its shared documents (published, external, with a live link), and counts the open the same way. ` +
      'autocannon sends no User-Agent, and a request without one counts no open: every request carries one fixed browser User-Agent, so that each takes the counting path — ' +
      'one visitor (same IP, same agent, same day), so only the very first request inserts a visit and bumps the counter; every other one runs the same transaction whose insert meets the unique key. ' +
      `After the bench the link showed ${f.opens} open(s) and ${f.visits} visit row(s). The built web app is a copy of dist/web in the temporary directory, so that a rebuild elsewhere cannot pull the asset away mid-run. ` +
      "The file and the page are in memory or the page cache: this measures the stack, not the disk. Throughput is autocannon's mean of its per-second samples; latencies are autocannon's percentiles (whole ms, 2xx answers). " +
      "Every run had no error, no timeout and no answer other than 200. Targets apply to the medians of the ratios of each pair of runs: share page (and scheme page) throughput ≥ 50 % of the static route's; share page (and scheme page) p99 ≤ 3 × the static route's.",
    '',
    `**Download.** The stored file: ${o.sizeMb} MB (${f.size} bytes), \`%PDF-1.7\` then pseudo-random bytes. It is downloaded once whole and hashed (SHA-256 checked against the source), ` +
      `then, untimed, read ${downloadWarmUps} times and downloaded ${downloadWarmUps} times by each client, so that both sides read it from a warm page cache and run warm code ` +
      "(in trials without it, the plain read — the first fs streams of the bench process, while the app's had just served the static route — stayed well below its warm speed) — " +
      "nothing is dropped from the page cache, and the figures are memory speeds, not the disk's. " +
      `Then ${o.downloadRuns} runs, each: a plain read of the stored file in the bench process (fs.createReadStream with its defaults, as the local driver reads it, each chunk discarded), ` +
      "then, for comparison only, a raw read of it with fs.readSync into one reused 64 KiB buffer (no stream, no allocation per chunk: the page cache's own speed), " +
      '`GET /s/:token/file?download=1` (the 302 to the local signed URL, timed apart), then `GET /f/<version>?d=…&e=…&s=…` by curl to /dev/null over a fresh loopback connection ' +
      "(a native client, as a browser is; curl's `time_total`, from the start of the transfer to the last byte), the app's CPU read around it; " +
      "then, after the timed runs (its garbage would otherwise weigh on the next plain read, in the same process), for comparison only (no target), as many downloads of a fresh signed URL by Node's http client in the bench process " +
      '(one untimed first; the body counted and discarded, timed from the request to the last byte), shown beside the run of the same number. ' +
      'The two downloads of each run hit the same route: what separates them is the client. ' +
      'MB = 1024² bytes. Target on the median of the per-run ratios: download ≥ 70 % of the plain read.',
    '',
    markdownTable(summaryHeaders, summaryRows(f)),
    '',
    "CPU, medians (min–max) over the runs: CPU time of the app's process and of PostgreSQL (postmaster and backends) per request, and the share of one core each used during the run (this machine has " +
      `${os.cpus().length}; autocannon shares them):`,
    '',
    markdownTable(
      [
        'route',
        'app CPU per request (µs)',
        'PostgreSQL CPU per request (µs)',
        'app CPU (% of a core)',
        'PostgreSQL CPU (% of a core)',
        'autocannon CPU (% of a core)',
      ],
      cpuRows(f),
    ),
    '',
    'Each load run:',
    '',
    markdownTable(
      [
        'run',
        'load (1 min)',
        'static req/s',
        'static p50 / p99 (ms)',
        'share req/s',
        'share p50 / p99 (ms)',
        'throughput share / static',
        'p99 share / static',
        'scheme req/s',
        'scheme p50 / p99 (ms)',
        'throughput scheme / static',
        'p99 scheme / static',
      ],
      loadRunRows(f),
    ),
    '',
    'Each download run:',
    '',
    markdownTable(
      [
        'run',
        'load (1 min)',
        'plain read s (MB/s)',
        'raw read s (MB/s)',
        'download s (MB/s)',
        'download / read',
        '302 (ms)',
        'app CPU during the download',
        "Node's client s (MB/s)",
        "app / client CPU during Node's download",
      ],
      downloadRunRows(f),
    ),
  ].join('\n');
}

// --- main ------------------------------------------------------------------------------------------

/** What the bench started, for `finally` to stop (filled one at a time). */
interface Started {
  postgres?: EmbeddedPostgresService;
  meili?: EmbeddedMeilisearchService;
  db?: Db;
}

/** The app serving one shared document of a scheme, and what the passes read and request. */
interface Setup {
  server: BenchServer;
  db: Db;
  size: number;
  sha256: string;
  web: { webDir: string; asset: string; assetBytes: number };
  /** The document's share token, and the scheme page's. */
  token: string;
  schemeToken: string;
  /** The stored file on the local driver's disk. */
  storedFile: string;
}

/** Not measured: PostgreSQL, Meilisearch, a copy of the web app, the app; an editor uploads the file and shares it. */
async function prepareSharedDocument(dir: string, options: Options, started: Started): Promise<Setup> {
  print('Starting PostgreSQL and Meilisearch, copying the web app, writing the file (not measured)…');
  const size = options.sizeMb * MB;
  const web = prepareWebDir(path.join(dir, 'web'));
  // One at a time, so that a failure leaves nothing started that `finally` does not know of.
  Object.assign(started, await startDatabaseAndSearch(dir, createLogger('warn')));
  const { postgres, meili } = started as Required<Pick<Started, 'postgres' | 'meili'>>;
  const sourceFile = path.join(dir, 'source.pdf');
  const sha256 = await writeSourceFile(sourceFile, size);
  const db = createDb(postgres.url);
  started.db = db;
  await migrateLatest(db);
  const directorate = await buildDirectorate(db);
  const editor = await buildUser(db, { role: 'editor', idp_issuer: devIssuer, directorate_id: directorate.id });
  const scheme = await buildScheme(db, { directorate_id: directorate.id, name: 'Ec’Eau Tourisme' });
  await db('folders').where({ id: scheme.id }).update({
    scheme_promise: 'Financer des équipements hydro-économes dans les hébergements touristiques',
    scheme_is_permanent: true,
    referent_service: 'Service Tourisme durable',
    referent_email: 'tourisme@region.example',
    referent_phone: '04 67 00 00 00',
  });

  const dataDir = path.join(dir, 'app');
  const server = await startServer({
    name: 'the share server',
    env: {
      RUN_WORKER: 'false',
      UPLOAD_MAX_MB: '100',
      SESSION_SECRET: benchSecrets.sessionSecret,
      SHARE_RATE_LIMIT_PER_MINUTE: shareRateLimit,
      DATABASE_URL: postgres.url,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: benchSecrets.meiliMasterKey,
      DATA_DIR: dataDir,
      BENCH_WEB_DIR: web.webDir,
    },
    nodeOptions: options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [],
  });
  const session = await signIn(server.port, editor.email);
  print(`Uploading the ${options.sizeMb} MB file (published, external)…`);
  const documentId = await uploadFile(server.port, session, scheme.id, sourceFile, size);
  const { token } = await shareLinkOf(server.port, session, documentId, 'documents');
  const { token: schemeToken } = await shareLinkOf(server.port, session, scheme.id, 'folders');
  rmSync(sourceFile);
  const version = (await db('versions').where({ document_id: documentId }).first('id', 'storage_key', 'size_bytes', 'sha256')) as
    { id: string; storage_key: string; size_bytes: string | number; sha256: string } | undefined;
  if (!version || Number(version.size_bytes) !== size || version.sha256 !== sha256)
    throw new Error(`the stored version differs from the source: ${JSON.stringify(version)}`);
  const storedFile = path.join(dataDir, 'files', ...version.storage_key.split('/'));
  return { server, db, size, sha256, web, token, schemeToken, storedFile };
}

/** Both routes and the asset answer as expected before anything is measured: the pages' sizes. */
async function checkRoutes({
  server,
  web,
  token,
  schemeToken,
  size,
  sha256,
}: Setup): Promise<{ pageBytes: number; schemePageBytes: number }> {
  const page = await get(server.port, `/s/${token}`);
  if (page.status !== 200 || !page.body.toString('utf8').includes('Guide des aides'))
    throw new Error(`GET /s/:token answered ${page.status}: ${page.body.toString('utf8').slice(0, 300)}`);
  const schemePage = await get(server.port, `/p/${schemeToken}`);
  if (schemePage.status !== 200 || !schemePage.body.toString('utf8').includes('Guide des aides'))
    throw new Error(`GET /p/:token answered ${schemePage.status}: ${schemePage.body.toString('utf8').slice(0, 300)}`);
  const assetPath = `/assets/${web.asset}`;
  const asset = await get(server.port, assetPath);
  if (asset.status !== 200 || asset.body.length !== web.assetBytes)
    throw new Error(`GET ${assetPath} answered ${asset.status} with ${asset.body.length} bytes`);

  // The download checked whole (it also brings the stored file into the page cache).
  const check = await download(server.port, (await signedUrlOf(server.port, token)).location, true);
  if (check.status !== 200 || check.bytes !== size || check.sha256 !== sha256)
    throw new Error(`the signed URL served ${check.bytes} bytes (status ${check.status}, sha256 ${check.sha256})`);
  return { pageBytes: page.body.length, schemePageBytes: schemePage.body.length };
}

/** The share page and the scheme page under load against the static asset, runs interleaved. */
async function measurePageLoads({ server, web, token, schemeToken }: Setup, options: Options): Promise<LoadRun[]> {
  const assetPath = `/assets/${web.asset}`;
  if (options.warmUp > 0) {
    print(`Warm-up: ${options.warmUp} s on each route (not recorded)…`);
    await load(server.port, assetPath, options, options.warmUp);
    await load(server.port, `/s/${token}`, options, options.warmUp);
    await load(server.port, `/p/${schemeToken}`, options, options.warmUp);
  }
  const loadRuns: LoadRun[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const loadAvg = os.loadavg()[0] ?? 0;
    print(`load run ${run}/${options.runs} (load ${loadAvg.toFixed(2)})`);
    const staticSample = await measureLoad(server, assetPath, options);
    print(`  ${describeLoad('static', staticSample)}`);
    await delay(1000);
    const shareSample = await measureLoad(server, `/s/${token}`, options);
    print(`  ${describeLoad('share ', shareSample)}`);
    await delay(1000);
    const schemeSample = await measureLoad(server, `/p/${schemeToken}`, options);
    print(`  ${describeLoad('scheme', schemeSample)}`);
    await delay(1000);
    loadRuns.push({ run, load: loadAvg, static: staticSample, share: shareSample, scheme: schemeSample });
  }
  return loadRuns;
}

/** The signed-URL download (curl) against a plain read of the stored file, then Node's client for comparison. */
async function measureDownloads({ server, token, storedFile, size }: Setup, options: Options): Promise<DownloadRun[]> {
  // Warm, untimed: the page cache, and the code paths of both sides (the plain read runs in this
  // process, where fs streams are otherwise cold; the app's have served the static route).
  for (let warm = 0; warm < downloadWarmUps; warm += 1) {
    await plainRead(storedFile);
    rawRead(storedFile);
    await curlDownload(server.port, (await signedUrlOf(server.port, token)).location, size);
  }
  const timed: Omit<DownloadRun, 'nodeSeconds' | 'nodeCpu'>[] = [];
  for (let run = 1; run <= options.downloadRuns; run += 1) {
    const loadAvg = os.loadavg()[0] ?? 0;
    const read = await plainRead(storedFile);
    if (read.bytes !== size) throw new Error(`the plain read gave ${read.bytes} bytes`);
    const raw = rawRead(storedFile);
    if (raw.bytes !== size) throw new Error(`the raw read gave ${raw.bytes} bytes`);
    const signed = await signedUrlOf(server.port, token);
    const before = cpuNow(server.pid);
    const downloadSeconds = await curlDownload(server.port, signed.location, size);
    const appCpuSeconds = cpuSince(before, cpuNow(server.pid)).app;
    timed.push({
      run,
      load: loadAvg,
      readSeconds: read.seconds,
      rawReadSeconds: raw.seconds,
      redirectMs: signed.ms,
      downloadSeconds,
      appCpuSeconds,
    });
    print(
      `download run ${run}/${options.downloadRuns}: plain read ${mbPerSecond(size, read.seconds).toFixed(0)} MB/s (raw ${mbPerSecond(size, raw.seconds).toFixed(0)}), ` +
        `download ${mbPerSecond(size, downloadSeconds).toFixed(0)} MB/s (${percent(read.seconds / downloadSeconds)}; CPU app ${percent(appCpuSeconds / downloadSeconds)}), 302 in ${signed.ms.toFixed(1)} ms`,
    );
  }
  // Node's client after the timed runs (its garbage would land on the next plain read), one untimed first.
  const downloadRuns: DownloadRun[] = [];
  for (let run = 0; run <= options.downloadRuns; run += 1) {
    const { location } = await signedUrlOf(server.port, token);
    const before = cpuNow(server.pid);
    const fetched = await download(server.port, location);
    const nodeCpu = cpuSince(before, cpuNow(server.pid));
    if (fetched.status !== 200 || fetched.bytes !== size)
      throw new Error(`the signed URL served ${fetched.bytes} bytes (status ${fetched.status})`);
    const entry = timed[run - 1];
    if (!entry) continue;
    downloadRuns.push({ ...entry, nodeSeconds: fetched.seconds, nodeCpu });
    print(
      `Node's client ${run}/${options.downloadRuns}: ${mbPerSecond(size, fetched.seconds).toFixed(0)} MB/s (CPU app ${percent(nodeCpu.app / fetched.seconds)}, client ${percent(nodeCpu.bench / fetched.seconds)})`,
    );
  }
  return downloadRuns;
}

/** The share link's opens and recorded visits after the load (the headless load generator is no visitor). */
async function countOpens({ db, token }: Setup): Promise<{ opens: number; visits: number }> {
  const link = (await db('share_links').where({ token }).first('id', 'opens')) as { id: string; opens: number };
  const visits = (await db('share_link_visits').where({ share_link_id: link.id }).count({ n: '*' }).first()) as { n: string | number };
  return { opens: link.opens, visits: Number(visits.n) };
}

/** The summary on the terminal, then the section `share` of docs/benchmarks.md (not when profiling). */
async function writeReport(result: Figures): Promise<void> {
  const { options } = result;
  const rows = summaryRows(result);
  print();
  print(markdownTable(summaryHeaders, rows));
  print();
  print(
    markdownTable(
      [
        'route',
        'app CPU per request (µs)',
        'PostgreSQL CPU per request (µs)',
        'app CPU (% of a core)',
        'PostgreSQL CPU (% of a core)',
        'autocannon CPU (% of a core)',
      ],
      cpuRows(result),
    ),
  );
  print();
  print(`Load average at the end (1, 5, 15 min): ${loadLine(result.loadAtEnd)}`);
  if (options.cpuProfDir) {
    print(`Profiled: the app's CPU profile is in ${options.cpuProfDir}; docs/benchmarks.md left as it was.`);
    return;
  }
  await writeBenchmarkSection('share', sectionMarkdown(result));
  const missed = rows.filter((row) => row[4] === verdict(false));
  for (const row of missed) print(`MISSED: ${row[0]}: ${row[1]} (target ${row[3]})`);
  if (missed.length === 0) print('All targets met.');
  print('Written to docs/benchmarks.md (section share).');
}

async function main() {
  const options = parseOptions();
  exitCleanlyOnInterrupt('share', { kill: () => killLeftovers(workDir), dirs: () => (workDir === undefined ? [] : [workDir]) });
  const loadAtStart = os.loadavg();
  print(`Load average (1, 5, 15 min): ${loadLine(loadAtStart)}`);
  if ((loadAtStart[0] ?? 0) > os.cpus().length / 2)
    print(`  warning: the machine is busy (${os.cpus().length} cores): other processes will weigh on the figures`);

  const dir = workDirectory('share');
  workDir = dir;
  const started: Started = {};
  let figures: Omit<Figures, 'loadAtEnd'> | undefined;
  try {
    const setup = await prepareSharedDocument(dir, options, started);
    const pages = await checkRoutes(setup);
    const loadRuns = await measurePageLoads(setup, options);
    const downloadRuns = await measureDownloads(setup, options);
    const opens = await countOpens(setup);
    figures = {
      options,
      size: setup.size,
      asset: setup.web.asset,
      assetBytes: setup.web.assetBytes,
      ...pages,
      loadRuns,
      downloadRuns,
      ...opens,
      loadAtStart,
    };
  } finally {
    await stopAllServers();
    await started.db?.destroy().catch(() => undefined);
    await Promise.allSettled([started.postgres?.stop(), started.meili?.stop()]);
    killLeftovers(dir);
    rmSync(dir, { recursive: true, force: true });
    workDir = undefined;
  }
  if (!figures) throw new Error('no figures were gathered');
  await writeReport({ ...figures, loadAtEnd: os.loadavg() });
}

main().catch(failed('share'));
