import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { findFreePort } from '../server/embedded/ports';
import { createLogger } from '../server/logger';
import { ensureWebBuild } from '../server/web/build';
import { machineLine, markdownTable, median, megabytes, repoRoot, spread, verdict, writeBenchmarkSection } from './report';
import { exitCleanlyOnInterrupt, failed, print, workDirectory } from './harness';
import { isRunning, livePidFrom, readMemory, sendSignal, settlesWithin } from './processes';

/**
 * `npm run bench:startup [-- --runs N]`: time from `npm start` to the first 200 from /readyz, on a
 * fresh data directory and on the same directory started again after a clean stop, and the memory
 * of the app's Node process. Writes the section `startup` of docs/benchmarks.md.
 * A missed target is reported, not an error: the exit code is 0 unless a measurement failed.
 */

const targets = { freshSeconds: 10, warmSeconds: 4, idleRssMb: 200 };
const pollEveryMs = 50;
const idleMs = 3000;
const startTimeoutMs = 120_000;
/** The app's own shutdown deadline is SHUTDOWN_TIMEOUT_MS (10 s) + 15 s. */
const stopTimeoutMs = 60_000;

type Kind = 'fresh' | 'warm';

interface Sample {
  run: number;
  kind: Kind;
  seconds: number;
  idleRssKb: number;
  peakRssKb: number;
  /** From SIGTERM to npm's exit: informative, no target. */
  stopSeconds: number;
}

/** One `npm start` under measurement. */
interface Instance {
  npm: ChildProcess;
  dataDir: string;
  exited: Promise<void>;
  /** The app's own Node process (tsx may run a wrapper between npm and it), from app.lock. */
  appPid?: number;
  /** The last lines the process group printed, for error messages. */
  output(): string;
}

// Everything to clean up if the bench itself is interrupted.
const liveInstances = new Set<Instance>();
const tempDirs = new Set<string>();

function parseRuns(): number {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number above 0, got ${values.runs}`);
  return runs;
}

// --- processes -------------------------------------------------------------------------------

function readAppPid(dataDir: string): number | undefined {
  try {
    const { pid } = JSON.parse(readFileSync(path.join(dataDir, 'app.lock'), 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' && Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Processes of this instance still running: the app, and the embedded services by their pid files. */
function survivors(instance: Instance): { name: string; pid: number }[] {
  const found: { name: string; pid: number }[] = [];
  const appPid = instance.appPid ?? readAppPid(instance.dataDir);
  if (appPid !== undefined && isRunning(appPid)) found.push({ name: 'app', pid: appPid });
  const postgres = livePidFrom(path.join(instance.dataDir, 'pg', 'postmaster.pid'), 'postgres');
  if (postgres !== undefined) found.push({ name: 'postgres', pid: postgres });
  const meili = livePidFrom(path.join(instance.dataDir, 'meili', 'meilisearch.pid'), 'meilisearch');
  if (meili !== undefined) found.push({ name: 'meilisearch', pid: meili });
  return found;
}

/**
 * SIGKILL to whatever of this instance still runs: npm's process group (npm, tsx, the app,
 * PostgreSQL) and Meilisearch (its own group). Synchronous, so a signal handler can use it.
 */
function killEverything(instance: Instance): { name: string; pid: number }[] {
  const killed = survivors(instance);
  for (const { pid } of killed) sendSignal(pid, 'SIGKILL');
  if (instance.npm.pid !== undefined) sendSignal(-instance.npm.pid, 'SIGKILL');
  return killed;
}

// --- one start -------------------------------------------------------------------------------

function spawnApp(dataDir: string, port: number): Instance {
  const npm = spawn('npm', ['start'], {
    cwd: repoRoot,
    // Without the demo catalogue: its one-time load (and the extraction of its 74 documents, which the
    // idle memory would count) is the demo's cost, not the app's start (README "Run it").
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_CATALOGUE: 'off' },
    // Its own process group, so that everything it starts can be killed at once if need be.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  npm.stdout?.on('data', collect);
  npm.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    npm.once('exit', () => resolve());
    npm.once('error', (error) => {
      collect(Buffer.from(String(error)));
      resolve();
    });
  });
  const instance: Instance = { npm, dataDir, exited, output: () => output.trim() };
  liveInstances.add(instance);
  return instance;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Polls /readyz until a 200; fails if npm exits first or after `startTimeoutMs`. */
async function waitUntilReady(instance: Instance, port: number): Promise<void> {
  const deadline = performance.now() + startTimeoutMs;
  while (performance.now() < deadline) {
    if (hasExited(instance.npm)) throw new Error(`npm start exited before ready (code ${instance.npm.exitCode}):\n${instance.output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      async (response) => {
        await response.body?.cancel();
        return response.status;
      },
      () => 0,
    );
    if (status === 200) return;
    await delay(pollEveryMs);
  }
  throw new Error(`/readyz did not answer 200 within ${startTimeoutMs / 1000} s:\n${instance.output()}`);
}

/** SIGTERM to the app, then waits for npm to exit and for the app and its services to be gone. */
async function stopApp(instance: Instance): Promise<void> {
  const { appPid } = instance;
  if (appPid === undefined) throw new Error('no app pid to stop');
  process.kill(appPid, 'SIGTERM');
  if (!(await settlesWithin(instance.exited, stopTimeoutMs)))
    throw new Error(`npm start did not exit within ${stopTimeoutMs / 1000} s of SIGTERM:\n${instance.output()}`);
  if (instance.npm.exitCode !== 0)
    print(`  warning: npm start exited with code ${instance.npm.exitCode} (signal ${instance.npm.signalCode})`);
  // npm exits when the app has; give the process table a moment to show it.
  for (let waited = 0; waited < 2000 && survivors(instance).length > 0; waited += 50) await delay(50);
  const left = survivors(instance);
  if (left.length > 0) throw new Error(`still running after a clean stop: ${left.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`);
}

/** Starts the app on `dataDir`, times it to ready, waits idle, reads its memory, stops it. */
async function measureStart(run: number, kind: Kind, dataDir: string): Promise<Sample> {
  // The same up-to-date check `npm start` makes: a no-op unless the web sources changed meanwhile.
  await ensureWebBuild(repoRoot, createLogger('warn'));
  const port = await findFreePort();
  const startedAt = performance.now();
  const instance = spawnApp(dataDir, port);
  try {
    await waitUntilReady(instance, port);
    const seconds = (performance.now() - startedAt) / 1000;
    instance.appPid = readAppPid(dataDir);
    if (instance.appPid === undefined) throw new Error(`no pid in ${path.join(dataDir, 'app.lock')}`);
    await delay(idleMs);
    const memory = readMemory(instance.appPid);
    const stoppingAt = performance.now();
    await stopApp(instance);
    const stopSeconds = (performance.now() - stoppingAt) / 1000;
    return { run, kind, seconds, idleRssKb: memory.rssKb, peakRssKb: memory.peakKb, stopSeconds };
  } finally {
    const killed = killEverything(instance);
    if (killed.length > 0) print(`  killed leftovers: ${killed.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`);
    await settlesWithin(instance.exited, 5000);
    liveInstances.delete(instance);
  }
}

// --- report ----------------------------------------------------------------------------------

function describe(sample: Sample): string {
  const memory = `idle RSS ${megabytes(sample.idleRssKb, 1024)} MB, peak RSS ${megabytes(sample.peakRssKb, 1024)} MB`;
  return `ready in ${sample.seconds.toFixed(2)} s, ${memory}, stopped in ${sample.stopSeconds.toFixed(2)} s`;
}

function summaryRows(samples: Sample[]): string[][] {
  const of = (kind: Kind) => samples.filter((sample) => sample.kind === kind);
  const seconds = (kind: Kind) => of(kind).map((sample) => sample.seconds);
  const mb = (kind: Kind, field: 'idleRssKb' | 'peakRssKb') => of(kind).map((sample) => sample[field] / 1024);
  // Seconds with 2 decimals, MB with 1.
  const row = (label: string, values: number[], target?: number) => [
    label,
    median(values).toFixed(label.endsWith('(s)') ? 2 : 1),
    spread(values, label.endsWith('(s)') ? 2 : 1),
    target === undefined ? '—' : `≤ ${target}`,
    target === undefined ? '—' : verdict(median(values) <= target),
  ];
  return [
    row('fresh start (s)', seconds('fresh'), targets.freshSeconds),
    row('warm start (s)', seconds('warm'), targets.warmSeconds),
    row('idle RSS after fresh start (MB)', mb('fresh', 'idleRssKb'), targets.idleRssMb),
    row('idle RSS after warm start (MB)', mb('warm', 'idleRssKb'), targets.idleRssMb),
    row('peak RSS, fresh start (MB)', mb('fresh', 'peakRssKb')),
    row('peak RSS, warm start (MB)', mb('warm', 'peakRssKb')),
  ];
}

function runRows(samples: Sample[]): string[][] {
  return samples.map((sample) => [
    String(sample.run),
    sample.kind,
    sample.seconds.toFixed(2),
    megabytes(sample.idleRssKb, 1024),
    megabytes(sample.peakRssKb, 1024),
    sample.stopSeconds.toFixed(2),
  ]);
}

function sectionMarkdown(samples: Sample[], runs: number): string {
  return [
    '## Startup — `npm run bench:startup`',
    '',
    `Machine: ${machineLine()}.`,
    '',
    `Runs: ${runs}, each a fresh start on a new empty DATA_DIR (cluster created, migrations, demo data; DEMO_CATALOGUE=off) ` +
      'then a warm start of the same DATA_DIR after a clean stop (SIGTERM). Startup time is from spawning ' +
      '`npm start` (LOG_LEVEL=warn) to the first 200 from `GET /readyz`, polled every 50 ms. The web app ' +
      'is built before measuring, by the up-to-date check `npm start` itself makes (`ensureWebBuild`), so ' +
      'these figures are the server start, not the Vite build (a plain `npm run build` would not do: Vite ' +
      "empties dist/web, with the source signature `npm start` checks, and the first start would build again). Memory is that of the app's Node process (the pid in " +
      'DATA_DIR/app.lock), without the embedded PostgreSQL and Meilisearch: VmRSS after 3 s idle, ' +
      'VmHWM for the peak; MB = 1024² bytes. Targets apply to the medians.',
    '',
    markdownTable(['', 'median', 'spread (min–max)', 'target', 'result'], summaryRows(samples)),
    '',
    'Each run:',
    '',
    markdownTable(['run', 'start', 'ready (s)', 'idle RSS (MB)', 'peak RSS (MB)', 'stop (s)'], runRows(samples)),
  ].join('\n');
}

// --- main ------------------------------------------------------------------------------------

function newDataDir(): string {
  const dir = workDirectory('startup');
  tempDirs.add(dir);
  return dir;
}

function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Each run: `npm start` on a new data directory (fresh), then again on the same one after a clean stop (warm). */
async function measureFreshAndWarmStarts(runs: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const dataDir = newDataDir();
      for (const kind of ['fresh', 'warm'] as const) {
        const sample = await measureStart(run, kind, dataDir);
        samples.push(sample);
        print(`run ${run}/${runs} ${kind}: ${describe(sample)}`);
      }
    }
  } finally {
    removeTempDirs();
  }
  return samples;
}

/** The summary on the terminal, then the section `startup` of docs/benchmarks.md. */
async function writeReport(samples: Sample[], runs: number): Promise<void> {
  const rows = summaryRows(samples);
  print();
  print(markdownTable(['', 'median', 'spread (min–max)', 'target', 'result'], rows));
  print();
  await writeBenchmarkSection('startup', sectionMarkdown(samples, runs));
  const missed = rows.filter((row) => row[4] === verdict(false)).map((row) => row[0]);
  print(missed.length > 0 ? `MISSED: ${missed.join(', ')}` : 'All targets met.');
  print('Written to docs/benchmarks.md (section startup).');
}

async function main() {
  const runs = parseRuns();
  exitCleanlyOnInterrupt('startup', {
    kill: () => [...liveInstances].flatMap((instance) => killEverything(instance).map(({ pid }) => pid)),
    dirs: () => [...tempDirs],
  });
  print('Building the web app if missing or stale (not measured)…');
  await ensureWebBuild(repoRoot, createLogger('warn'));
  await writeReport(await measureFreshAndWarmStarts(runs), runs);
}

main().catch(failed('startup'));
