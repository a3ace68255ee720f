import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDb, migrateLatest, type Db } from '../server/db';
import { startEmbeddedPostgres, type EmbeddedPostgresService } from '../server/embedded/postgres';
import { importDirectory, type ImportOptions, type ImportReport } from '../server/import/importDirectory';
import { createLogger } from '../server/logger';
import { toActor, usersWithPlaces } from '../server/users/service';
import { createStorage } from '../storage';
import { buildFolder, buildUser } from '../tests/factories';
import { makeDocx, makeOdt, makePdf, makeText } from '../tests/fixtures/files';
import { buildVocabulary, createRandom, ProseWriter, type Random } from './corpusText';
import { benchSecrets, exitCleanlyOnInterrupt, failed, loadLine, print, syncDisks, workDirectory } from './harness';
import { livePidFrom, sendSignal } from './processes';
import { MB, machineLine, markdownTable, mbPerSecond, median, megabytes, percent, spread, writeBenchmarkSection } from './report';

/**
 * `npm run bench:import [-- --runs N (3)] [--files N (2000)]`: the bulk import of a directory tree
 * (`importDirectory`, what `npm run import` runs) on the local storage driver. Generates once a
 * tree of distinct files (half small PDFs, then DOCX, ODT and plain text, a few KB to 1 MB, in 20
 * top folders, some nested), then, in each run, on a fresh PostgreSQL cluster and an empty storage
 * directory: a first pass that imports every file, then the same import again over the same tree,
 * where every file is already there (the "resume" pass: hashed, found, skipped). Measures files/s
 * and MB/s of each pass. Writes the section `import` of docs/benchmarks.md. There is no target:
 * the exit code is 0 unless a measurement failed.
 */

const directorateCode = 'DBENCH';
const themeName = 'Imports';
const treeName = 'Lecteur réseau';
const KB = 1024;
/** The default upload limit (UPLOAD_MAX_MB = 100), the one `npm run import` applies. */
const maxBytes = 100 * MB;
const seed = 20_260_601;

type Kind = 'pdf' | 'docx' | 'odt' | 'txt';
const kinds: readonly Kind[] = ['pdf', 'docx', 'odt', 'txt'];
const mix: Record<Kind, number> = { pdf: 0.5, docx: 0.2, odt: 0.1, txt: 0.2 };
const kindLabel: Record<Kind, string> = { pdf: 'PDF', docx: 'DOCX', odt: 'ODT', txt: 'TXT' };

const topFolders = [
  'Tourisme',
  'Agriculture et pêche',
  'Transports',
  'Lycées',
  'Formation professionnelle',
  'Économie',
  'Culture',
  'Sport',
  'Santé',
  'Environnement',
  'Numérique',
  'Jeunesse',
  'Europe',
  'Aménagement du territoire',
  'Logement',
  'Énergie',
  'Mer et littoral',
  'Recherche',
  'Solidarités',
  'Ressources humaines',
];

interface SourceFile {
  /** Path under the tree's root, as importDirectory reports it. */
  relative: string;
  kind: Kind;
  size: number;
}

interface Tree {
  root: string;
  files: SourceFile[];
  bytes: number;
  folders: number;
  seconds: number;
}

interface PassSample {
  seconds: number;
  /** CPU time of this Node process (user + system) during the pass. */
  cpuSeconds: number;
  /** CPU time of the PostgreSQL cluster (postmaster and its processes, those gone included) during the pass. */
  postgresCpuSeconds: number;
  /** Time this process's main thread spent runnable but waiting for a CPU (/proc schedstat), during the pass. */
  nodeWaitSeconds: number;
  /** The same for the cluster's processes that lived through the pass (the pool's backends). */
  postgresWaitSeconds: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** Seconds spent on each file (from its onFile call to the next one, or to the end), by relative path. */
  perFile: Map<string, number>;
}

interface RunSample {
  run: number;
  load: number;
  first: PassSample;
  /** Seconds of a `sync` right after the first pass: the stored files (and PostgreSQL's pages) the kernel still had to write. */
  flushSeconds: number;
  /** Median milliseconds of a one-row insert in its own transaction (its commit waits for the WAL flush), before the first pass. */
  commitMs: number;
  resume: PassSample;
}

// Everything to clean up if the bench is interrupted or fails.
let workDir: string | undefined;
let currentPgDir: string | undefined;

function parseOptions(): { runs: number; files: number } {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, files: { type: 'string', default: '2000' } } });
  const runs = Number(values.runs);
  const files = Number(values.files);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number above 0, got ${values.runs}`);
  if (!Number.isInteger(files) || files < topFolders.length)
    throw new Error(`--files expects a whole number from ${topFolders.length}, got ${values.files}`);
  return { runs, files };
}

// --- processes -------------------------------------------------------------------------------------

/** The postmaster's pid, when the cluster in `pgDir` still runs. */
function livePostgresPid(pgDir: string): number | undefined {
  return livePidFrom(path.join(pgDir, 'postmaster.pid'), 'postgres');
}

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

/** utime, stime, cutime, cstime of `pid`, in seconds (cutime and cstime: its children that have exited and been waited for). */
function cpuOf(pid: number): { own: number; children: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (in parentheses, which may hold spaces): state is field 3, utime field 14.
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const field = (n: number) => fields[n - 3] ?? 0;
  return { own: (field(14) + field(15)) / clockTicks, children: (field(16) + field(17)) / clockTicks };
}

/** Seconds the (main thread of) `pid` has spent runnable, waiting for a CPU: the second field of /proc/PID/schedstat. */
function runQueueWaitOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1] ?? 0) / 1e9;
}

/**
 * CPU seconds used so far by the cluster in `pgDir` (the postmaster, its live processes, and
 * those gone), and run-queue wait per live process (by pid: only processes present at both ends count).
 */
function postgresUsage(pgDir: string): { cpu: number; waits: Map<number, number> } {
  const pid = livePostgresPid(pgDir);
  if (pid === undefined) throw new Error('PostgreSQL is not running');
  const postmaster = cpuOf(pid);
  let cpu = postmaster.own + postmaster.children;
  const waits = new Map<number, number>([[pid, runQueueWaitOf(pid)]]);
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  for (const child of children) {
    try {
      cpu += cpuOf(child).own;
      waits.set(child, runQueueWaitOf(child));
    } catch {
      // Exited meanwhile: counted in the postmaster's cutime once waited for.
    }
  }
  return { cpu, waits };
}

function timeSync(): number {
  const startedAt = performance.now();
  syncDisks();
  return (performance.now() - startedAt) / 1000;
}

// --- the tree ------------------------------------------------------------------------------------

/** `count` kinds in the proportions of `mix`, shuffled. */
function kindsFor(count: number, random: Random): Kind[] {
  const list: Kind[] = [];
  for (const kind of kinds) {
    const share = kind === 'txt' ? count - list.length : Math.round(count * mix[kind]);
    for (let i = 0; i < share; i += 1) list.push(kind);
  }
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [list[i], list[j]] = [list[j] as Kind, list[i] as Kind];
  }
  return list;
}

/**
 * The folder of file `index`: file i goes to top folder i mod 20. Even top folders nest two
 * levels (half the files at the top, 30 % one level down, 20 % two levels down), odd ones one
 * (60 % at the top, 40 % in "Archives").
 */
function folderOf(index: number, count: number): string {
  const top = topFolders.length;
  const topIndex = index % top;
  const name = topFolders[topIndex] as string;
  const position = Math.floor(index / top) / Math.ceil(count / top);
  if (topIndex % 2 === 0) {
    if (position < 0.5) return name;
    return position < 0.8 ? path.join(name, 'Dossiers 2024') : path.join(name, 'Dossiers 2024', 'Pièces jointes');
  }
  return position < 0.6 ? name : path.join(name, 'Archives');
}

/**
 * Writes `count` files of distinct content under `root`: French prose (bench/corpusText.ts) drawn
 * from a pool of paragraphs, each file starting with its own reference line. PDFs: 1 to 5 full
 * pages (makePdf, compressed content streams). TXT: 4 KB to 1 MB, DOCX and ODT: about 3 KB to
 * 370 KB (4 KB to 1.2 MB of text, which the zip packs about 3 : 1), log-uniform.
 */
async function writeTree(root: string, count: number): Promise<Tree> {
  const startedAt = performance.now();
  const random = createRandom(seed);
  const writer = new ProseWriter(buildVocabulary(seed), random);
  const pool: string[] = [];
  for (let i = 0; i < 4000; i += 1) {
    const sentences: string[] = [];
    for (let k = random.int(2, 6); k > 0; k -= 1) sentences.push(writer.sentence());
    pool.push(sentences.join(' '));
  }
  const paragraphs = (header: string, characters: number) => {
    const list = [header];
    let length = header.length;
    while (length < characters) {
      const paragraph = random.pick(pool);
      list.push(paragraph);
      length += paragraph.length + 2;
    }
    return list;
  };
  const logUniform = (min: number, max: number) => Math.round(min * (max / min) ** random.next());

  const files: SourceFile[] = [];
  const folders = new Set<string>();
  let bytes = 0;
  const kindOf = kindsFor(count, random);
  for (let index = 0; index < count; index += 1) {
    const kind = kindOf[index] as Kind;
    const folder = folderOf(index, count);
    const noun = writer.noun();
    const name = `${String(index + 1).padStart(4, '0')} ${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${writer.town()}.${kind}`;
    const header = `Référence ${index + 1}-${Math.floor(random.next() * 1e9).toString(36)} — ${folder.split(path.sep).join(' / ')}`;
    let content: Buffer;
    if (kind === 'pdf') {
      const pages: string[] = [];
      const pageCount = random.int(1, 5);
      for (let page = 0; page < pageCount; page += 1) pages.push(paragraphs(page === 0 ? header : `Page ${page + 1}`, 5200).join(' '));
      content = await makePdf(pages);
    } else if (kind === 'txt') content = makeText(paragraphs(header, logUniform(4 * KB, MB)).join('\n\n'));
    else {
      const text = paragraphs(header, logUniform(4 * KB, 1.2 * MB));
      content = kind === 'docx' ? makeDocx(text) : makeOdt(text);
    }
    const relative = path.join(folder, name);
    await mkdir(path.join(root, folder), { recursive: true });
    await writeFile(path.join(root, relative), content);
    for (let parent = folder; parent !== '.'; parent = path.dirname(parent)) folders.add(parent);
    files.push({ relative, kind, size: content.length });
    bytes += content.length;
    if ((index + 1) % 500 === 0) print(`  ${index + 1}/${count} files written`);
  }
  return { root, files, bytes, folders: folders.size, seconds: (performance.now() - startedAt) / 1000 };
}

// --- one run -------------------------------------------------------------------------------------

/** The sum of the sizes of the stored objects (the temporary directory of partial writes left out). */
async function storedBytes(dir: string): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.tmp') await walk(full);
      } else if (entry.isFile()) {
        count += 1;
        bytes += (await stat(full)).size;
      }
    }
  };
  await walk(dir);
  return { count, bytes };
}

async function timedImport(
  pgDir: string,
  run: (events: { onFile: (file: string) => void }) => Promise<ImportReport>,
): Promise<{ report: ImportReport; sample: PassSample }> {
  const marks: { file: string; at: number }[] = [];
  const postgresBefore = postgresUsage(pgDir);
  const nodeWaitBefore = runQueueWaitOf(process.pid);
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const report = await run({ onFile: (file) => void marks.push({ file, at: performance.now() }) });
  const endedAt = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const nodeWait = runQueueWaitOf(process.pid) - nodeWaitBefore;
  const postgresAfter = postgresUsage(pgDir);
  let postgresWait = 0;
  for (const [pid, wait] of postgresAfter.waits) postgresWait += wait - (postgresBefore.waits.get(pid) ?? wait);
  const perFile = new Map<string, number>();
  marks.forEach((mark, i) => perFile.set(mark.file, ((marks[i + 1]?.at ?? endedAt) - mark.at) / 1000));
  const sample: PassSample = {
    seconds: (endedAt - startedAt) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    postgresCpuSeconds: postgresAfter.cpu - postgresBefore.cpu,
    nodeWaitSeconds: nodeWait,
    postgresWaitSeconds: postgresWait,
    imported: report.imported.length,
    duplicates: report.duplicates.length,
    rejected: report.rejected.length,
    perFile,
  };
  return { report, sample };
}

/** Median milliseconds of 100 one-row inserts, each its own transaction: what a commit costs on this disk. */
async function commitLatencyMs(db: Db): Promise<number> {
  await db.schema.createTable('bench_commit_probe', (table) => {
    table.increments('id');
  });
  const times: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const startedAt = performance.now();
    await db('bench_commit_probe').insert({});
    times.push(performance.now() - startedAt);
  }
  await db.schema.dropTable('bench_commit_probe');
  return median(times);
}

function describeRejected(report: ImportReport): string {
  return report.rejected
    .slice(0, 5)
    .map((r) => `${r.file}: ${r.reason}`)
    .join('; ');
}

/** A fresh cluster and an empty storage directory: the first pass, `sync`, then the resume pass. */
async function measureRun(tree: Tree, runDir: string, run: number): Promise<RunSample> {
  const logger = createLogger('warn');
  const pgDir = path.join(runDir, 'pg');
  const storageDir = path.join(runDir, 'files');
  let postgres: EmbeddedPostgresService | undefined;
  let db: Db | undefined;
  currentPgDir = pgDir;
  try {
    // PostgreSQL's own settings (fsync, synchronous_commit), as `npm start` runs it: every file's
    // transaction waits for its commit to reach the disk, as in a real import.
    postgres = await startEmbeddedPostgres({ dir: pgDir, password: benchSecrets.postgresPassword, database: 'lpt_bench', logger });
    db = createDb(postgres.url);
    await migrateLatest(db);
    await db('directorates').insert({ code: directorateCode, name: 'Direction des mesures' });
    await buildFolder(db, { name: themeName });
    const admin = await buildUser(db, { role: 'admin', email: 'admin.import@region.example' });
    const row = await usersWithPlaces(db).where('u.id', admin.id).first();
    if (!row) throw new Error('the admin just created is not found');
    const actor = toActor(row);
    const storage = createStorage({ kind: 'local', dir: storageDir });
    const audit = {
      actorId: actor.id,
      actorLabel: `${actor.displayName} <${actor.email}> (import)`,
      ip: null,
      userAgent: 'npm run bench:import',
    };
    const options: ImportOptions = {
      root: tree.root,
      under: themeName,
      directorateCode,
      scope: 'internal',
      status: 'published',
      isDryRun: false,
      maxBytes,
    };
    const deps = { db, storage };
    const count = tree.files.length;

    const commitMs = await commitLatencyMs(db);
    const load = os.loadavg()[0] ?? 0;
    syncDisks();
    await db.raw('checkpoint');
    const first = await timedImport(pgDir, (events) => importDirectory(deps, actor, audit, options, events));
    const flushSeconds = timeSync();
    if (first.sample.imported !== count || first.sample.rejected !== 0 || first.report.bytes !== tree.bytes) {
      throw new Error(
        `run ${run}, first pass: imported ${first.sample.imported} of ${count} files (${first.report.bytes} of ${tree.bytes} bytes), ` +
          `${first.sample.duplicates} duplicates, ${first.sample.rejected} rejected ${describeRejected(first.report)}`,
      );
    }
    const documents = (await db('documents').count({ n: '*' }).first()) as { n: number };
    const versions = (await db('versions').sum({ bytes: 'size_bytes' }).first()) as { bytes: number | string };
    const stored = await storedBytes(storageDir);
    if (documents.n !== count || Number(versions.bytes) !== tree.bytes || stored.count !== count || stored.bytes !== tree.bytes) {
      throw new Error(
        `run ${run}: ${documents.n} documents, ${versions.bytes} bytes in versions, ${stored.count} stored objects of ${stored.bytes} bytes; expected ${count} of ${tree.bytes} bytes`,
      );
    }
    print(`  one-row commit: ${commitMs.toFixed(2)} ms (median of 100)`);
    print(`  first pass:  ${describePass(first.sample, tree.bytes, count)}, then sync ${flushSeconds.toFixed(2)} s`);

    syncDisks();
    await db.raw('checkpoint');
    const resume = await timedImport(pgDir, (events) => importDirectory(deps, actor, audit, options, events));
    if (resume.sample.duplicates !== count || resume.sample.imported !== 0 || resume.sample.rejected !== 0) {
      throw new Error(
        `run ${run}, resume pass: ${resume.sample.duplicates} duplicates of ${count}, ${resume.sample.imported} imported, ${resume.sample.rejected} rejected ${describeRejected(resume.report)}`,
      );
    }
    const after = (await db('documents').count({ n: '*' }).first()) as { n: number };
    if (after.n !== count) throw new Error(`run ${run}: ${after.n} documents after the resume pass, expected ${count}`);
    print(`  resume pass: ${describePass(resume.sample, tree.bytes, count)}`);
    return { run, load, first: first.sample, flushSeconds, commitMs, resume: resume.sample };
  } finally {
    await db?.destroy().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    const leftover = livePostgresPid(pgDir);
    if (leftover !== undefined) process.kill(leftover, 'SIGKILL');
    currentPgDir = undefined;
    // Not rmSync: tsx kills its child outright when a signal finds the event loop blocked, before the handler could clean up.
    await rm(runDir, { recursive: true, force: true });
  }
}

// --- report ----------------------------------------------------------------------------------------

const filesPerSecond = (count: number, seconds: number) => count / seconds;

function describePass(sample: PassSample, bytes: number, count: number): string {
  return (
    `${sample.seconds.toFixed(2)} s, ${filesPerSecond(count, sample.seconds).toFixed(1)} files/s, ${mbPerSecond(bytes, sample.seconds).toFixed(2)} MB/s ` +
    `(${sample.imported} imported, ${sample.duplicates} duplicates; CPU / time: Node ${percent(sample.cpuSeconds / sample.seconds)}, PostgreSQL ${percent(sample.postgresCpuSeconds / sample.seconds)}; waiting for a CPU / time: Node ${percent(sample.nodeWaitSeconds / sample.seconds)}, PostgreSQL ${percent(sample.postgresWaitSeconds / sample.seconds)})`
  );
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const ms = (seconds: number) => (seconds * 1000).toFixed(1);

function summaryRows(samples: RunSample[], tree: Tree): string[][] {
  const count = tree.files.length;
  const row = (label: string, values: number[], digits = 2) => [label, median(values).toFixed(digits), spread(values, digits)];
  const allFiles = (pass: 'first' | 'resume') => samples.flatMap((s) => [...s[pass].perFile.values()]);
  const perFile = (pass: 'first' | 'resume') => {
    const values = allFiles(pass);
    return `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} / ${ms(Math.max(...values))}`;
  };
  const cpuPerFileMs = (pass: 'first' | 'resume') => samples.map((s) => ((s[pass].cpuSeconds + s[pass].postgresCpuSeconds) / count) * 1000);
  return [
    row(
      'first pass: files/s',
      samples.map((s) => filesPerSecond(count, s.first.seconds)),
      1,
    ),
    row(
      'first pass: MB/s',
      samples.map((s) => mbPerSecond(tree.bytes, s.first.seconds)),
    ),
    row(
      'first pass: time (s)',
      samples.map((s) => s.first.seconds),
    ),
    ['first pass: ms per file, p50 / p95 / max (all runs)', perFile('first'), '—'],
    row('first pass: CPU per file, Node + PostgreSQL (ms)', cpuPerFileMs('first')),
    row(
      'first pass: Node CPU / time',
      samples.map((s) => s.first.cpuSeconds / s.first.seconds),
    ),
    row(
      'first pass: PostgreSQL CPU / time',
      samples.map((s) => s.first.postgresCpuSeconds / s.first.seconds),
    ),
    row(
      'first pass: Node waiting for a CPU / time',
      samples.map((s) => s.first.nodeWaitSeconds / s.first.seconds),
    ),
    row(
      'first pass: PostgreSQL waiting for a CPU / time',
      samples.map((s) => s.first.postgresWaitSeconds / s.first.seconds),
    ),
    row(
      '`sync` right after the first pass (s)',
      samples.map((s) => s.flushSeconds),
    ),
    row(
      'resume pass (all duplicates): files/s',
      samples.map((s) => filesPerSecond(count, s.resume.seconds)),
      1,
    ),
    row(
      'resume pass: MB/s (read and hashed)',
      samples.map((s) => mbPerSecond(tree.bytes, s.resume.seconds)),
    ),
    row(
      'resume pass: time (s)',
      samples.map((s) => s.resume.seconds),
    ),
    ['resume pass: ms per file, p50 / p95 / max (all runs)', perFile('resume'), '—'],
    row('resume pass: CPU per file, Node + PostgreSQL (ms)', cpuPerFileMs('resume')),
    row(
      'resume pass: Node waiting for a CPU / time',
      samples.map((s) => s.resume.nodeWaitSeconds / s.resume.seconds),
    ),
    row(
      'PostgreSQL one-row commit (ms), before the first pass',
      samples.map((s) => s.commitMs),
    ),
  ];
}

function typeRows(samples: RunSample[], tree: Tree): string[][] {
  return kinds.map((kind) => {
    const files = tree.files.filter((f) => f.kind === kind);
    const sizes = files.map((f) => f.size);
    const bytes = sizes.reduce((a, b) => a + b, 0);
    const seconds = (pass: 'first' | 'resume', sample: RunSample) =>
      files.reduce((sum, f) => sum + (sample[pass].perFile.get(f.relative) ?? 0), 0);
    const firstSeconds = samples.map((s) => seconds('first', s));
    const perFile = samples.flatMap((s) => files.map((f) => s.first.perFile.get(f.relative) ?? 0));
    return [
      kindLabel[kind],
      String(files.length),
      megabytes(bytes),
      `${(Math.min(...sizes) / KB).toFixed(0)} / ${(median(sizes) / KB).toFixed(0)} / ${(Math.max(...sizes) / KB).toFixed(0)}`,
      median(firstSeconds.map((s) => filesPerSecond(files.length, s))).toFixed(1),
      median(firstSeconds.map((s) => mbPerSecond(bytes, s))).toFixed(2),
      `${ms(percentile(perFile, 50))} / ${ms(percentile(perFile, 95))}`,
      `${((median(firstSeconds) / median(samples.map((s) => s.first.seconds))) * 100).toFixed(0)} %`,
      median(samples.map((s) => filesPerSecond(files.length, seconds('resume', s)))).toFixed(1),
    ];
  });
}

function runRows(samples: RunSample[], tree: Tree): string[][] {
  const count = tree.files.length;
  const pass = (sample: PassSample) =>
    `${sample.seconds.toFixed(2)} (${filesPerSecond(count, sample.seconds).toFixed(1)} files/s, ${mbPerSecond(tree.bytes, sample.seconds).toFixed(2)} MB/s)`;
  return samples.map((s) => [
    String(s.run),
    s.load.toFixed(2),
    pass(s.first),
    `${percent(s.first.cpuSeconds / s.first.seconds)} / ${percent(s.first.postgresCpuSeconds / s.first.seconds)}`,
    `${percent(s.first.nodeWaitSeconds / s.first.seconds)} / ${percent(s.first.postgresWaitSeconds / s.first.seconds)}`,
    s.flushSeconds.toFixed(2),
    s.commitMs.toFixed(2),
    pass(s.resume),
    `${percent(s.resume.cpuSeconds / s.resume.seconds)} / ${percent(s.resume.postgresCpuSeconds / s.resume.seconds)}`,
    `${percent(s.resume.nodeWaitSeconds / s.resume.seconds)} / ${percent(s.resume.postgresWaitSeconds / s.resume.seconds)}`,
  ]);
}

const summaryHeaders = ['', 'median', 'spread (min–max)'];
const typeHeaders = [
  'type',
  'files',
  'MB',
  'size KB min / median / max',
  'first pass files/s',
  'first pass MB/s',
  'first pass ms per file p50 / p95',
  'share of the first pass',
  'resume pass files/s',
];
const runHeaders = [
  'run',
  'load (1 min)',
  'first pass s',
  'CPU / time: Node / PostgreSQL',
  'waiting for a CPU / time: Node / PostgreSQL',
  '`sync` after (s)',
  'one-row commit (ms)',
  'resume pass s',
  'CPU / time: Node / PostgreSQL',
  'waiting for a CPU / time: Node / PostgreSQL',
];

function sectionMarkdown(samples: RunSample[], tree: Tree, options: { runs: number; loadAtStart: number[]; loadAtEnd: number[] }): string {
  const loads = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');
  const count = tree.files.length;
  return [
    '## Import — `npm run bench:import`',
    '',
    `Machine: ${machineLine()}. Load average (1, 5, 15 min) when the bench began: ${loads(options.loadAtStart)}; when it ended: ${loads(options.loadAtEnd)} — the bench's own processes (Node, PostgreSQL) count in it.`,
    '',
    `Runs: ${options.runs}. The tree: ${count} files, ${megabytes(tree.bytes)} MB (${tree.bytes} bytes), in ${tree.folders} folders: ${topFolders.length} top folders, ` +
      'half of them with two nested levels ("Dossiers 2024", then "Pièces jointes" in it), the others with one ("Archives"). ' +
      'Every file has its own content (French prose from bench/corpusText.ts drawn from a pool of paragraphs, each file starting with its own reference line), so none is a duplicate: ' +
      '50 % PDFs of 1 to 5 full pages (makePdf of tests/fixtures/files.ts: pdf-lib, compressed content streams, hence small), 20 % DOCX (makeDocx) and 10 % ODT (makeOdt) of 4 KB to 1.2 MB of text, ' +
      '20 % plain text of 4 KB to 1 MB, sizes drawn log-uniform; the types are shuffled across the folders. ' +
      `The tree is generated once (${tree.seconds.toFixed(0)} s, not measured) in the temporary directory, then read from the page cache by every pass.`,
    '',
    'Each run starts a fresh embedded PostgreSQL cluster (server/embedded/postgres.ts with the settings `npm start` uses, not the throwaway ones of the tests: fsync and synchronous commit on, ' +
      'so each imported file’s transaction waits for its WAL flush, as in a real import), migrated, with a directorate, a top folder (a theme) and an admin; and an empty directory for the local storage driver. ' +
      'It then calls `importDirectory` (server/import/importDirectory.ts, what `npm run import` runs) in the bench’s own process, as that admin, ' +
      `into the theme (the tree becomes a folder of the directorate, its sub-directories folders under it), scope internal, status published, limit 100 MB (the default UPLOAD_MAX_MB): ` +
      'the first pass lists the tree, creates the folders and, for each file, hashes it (SHA-256), looks for the same bytes in its folder, streams it into storage while detecting its type, ' +
      'and writes the document, its version, its search-sync job, its share link and its audit event in one transaction. ' +
      `It is checked afterwards: ${count} imported, none rejected, ${count} documents and ${count} stored objects of the tree’s size. ` +
      'The resume pass runs the same import again on the same tree: every file is hashed and found already in its folder, so none is stored again (it is checked: all duplicates, no new document). ' +
      'The pass is timed around the call to `importDirectory` (wall clock). `sync` and a PostgreSQL `CHECKPOINT` run (untimed) before each pass, so that no pass pays for the writes of what came before; ' +
      'the local driver does not fsync the stored files, so the first pass ends with them in the page cache, and the time of a `sync` right after it is given for information. ' +
      'Files/s = files in the tree / seconds; MB/s = bytes of the tree / seconds, MB = 1024² bytes (in the resume pass, bytes read and hashed, none written). ' +
      'Time per file = from one file’s start (the onFile progress call) to the next. ' +
      'One-row commit = the median of 100 one-row inserts into a scratch table, each its own transaction, timed before the first pass: the price of a commit on this disk ' +
      '(the first pass commits at least twice per file: the upload intent, then the document’s transaction). CPU / time = user + system CPU time / wall time of the pass, of the bench’s Node process, and of the PostgreSQL cluster (the postmaster and its processes, from /proc); 1.0 is one core busy all along; CPU per file = the two CPU times together / files in the tree. ' +
      'Waiting for a CPU / time = the time runnable but not running (run-queue wait, the second field of /proc/PID/schedstat) / wall time, of the Node process’s main thread, ' +
      'and summed over the PostgreSQL processes alive at both ends of the pass (the postmaster and the pool’s backends): the share of the pass lost to other load on the machine. ' +
      'Not measured here: text extraction and Meilisearch indexing, which the worker does later from the search-sync jobs (the import only queues them), so no Meilisearch runs.',
    '',
    markdownTable(summaryHeaders, summaryRows(samples, tree)),
    '',
    'By type (times per file summed by type; medians over the runs):',
    '',
    markdownTable(typeHeaders, typeRows(samples, tree)),
    '',
    'Each run (seconds):',
    '',
    markdownTable(runHeaders, runRows(samples, tree)),
  ].join('\n');
}

// --- main ------------------------------------------------------------------------------------------

/** The summary and per-type tables on the terminal, then the section `import` of docs/benchmarks.md. */
async function writeReport(samples: RunSample[], tree: Tree, options: { runs: number; loadAtStart: number[] }): Promise<void> {
  const loadAtEnd = os.loadavg();
  print();
  print(markdownTable(summaryHeaders, summaryRows(samples, tree)));
  print();
  print(markdownTable(typeHeaders, typeRows(samples, tree)));
  print();
  print(`Load average at the end (1, 5, 15 min): ${loadLine(loadAtEnd)}`);
  await writeBenchmarkSection('import', sectionMarkdown(samples, tree, { ...options, loadAtEnd }));
  print('Written to docs/benchmarks.md (section import).');
}

async function main() {
  const { runs, files } = parseOptions();
  exitCleanlyOnInterrupt('import', {
    kill: () => {
      const pid = currentPgDir === undefined ? undefined : livePostgresPid(currentPgDir);
      if (pid === undefined) return [];
      sendSignal(pid, 'SIGKILL');
      return [pid];
    },
    dirs: () => (workDir === undefined ? [] : [workDir]),
  });
  const loadAtStart = os.loadavg();
  print(`Load average (1, 5, 15 min): ${loadLine(loadAtStart)}`);

  const dir = workDirectory('import');
  workDir = dir;
  const samples: RunSample[] = [];
  let tree: Tree;
  try {
    print(`Writing ${files} files (not measured)…`);
    tree = await writeTree(path.join(dir, treeName), files);
    print(`  ${files} files, ${megabytes(tree.bytes)} MB, ${tree.folders} folders, in ${tree.seconds.toFixed(1)} s`);
    for (let run = 1; run <= runs; run += 1) {
      print(`run ${run}/${runs} (load ${(os.loadavg()[0] ?? 0).toFixed(2)}): fresh PostgreSQL and storage…`);
      samples.push(await measureRun(tree, path.join(dir, `run-${run}`), run));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    workDir = undefined;
  }
  await writeReport(samples, tree, { runs, loadAtStart });
}

main().catch(failed('import'));
