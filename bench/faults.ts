import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { findFreePort } from '../server/embedded/ports';
import { embeddedPostgresUrl } from '../server/embedded/postgres';
import { embeddedDatabaseName } from '../server/services';
import { isRunning, livePidFrom, sendSignal } from './processes';
import { machineLine, markdownTable, repoRoot, verdict, writeBenchmarkSection } from './report';
import { signIn as signInAt, type Session } from './harness';
import { percentile } from './searchLoad';

/**
 * `npm run bench:faults [-- --parts load,faults --agents 200 --seconds 60 --think-ms 2000
 * --stall-seconds 21]`: the embedded default (`npm start` on a fresh DATA_DIR, demo catalogue
 * loaded) under the faults of issue 18 and under load. Loopback traffic only.
 *
 * - faults: kill -9 of the embedded Meilisearch, kill -9 of the embedded PostgreSQL, a PostgreSQL
 *   stall (SIGSTOP of the postmaster and every backend, SIGCONT `--stall-seconds` later), kill -9
 *   of the app then `npm start` again. For each: a document is published during the fault (retried
 *   with one Idempotency-Key until the app accepts it), and the bench times when the service is
 *   back, when `/readyz` answers 200 again, and when `GET /api/search` (from Meilisearch, not the
 *   fallback) lists the document. Targets: ready ≤ 30 s and searchable ≤ 60 s after the service is back.
 * - load: `--agents` signed-in agents (each its own session) search, open a result and sometimes
 *   its file, with a think time around `--think-ms`, for `--seconds`, while 2 editors publish a
 *   new document each every few seconds; then every publish must be searchable. Errors and p95
 *   per route are reported. Target: 0 errors, every publish searchable.
 *
 * Writes the section `faults` of docs/benchmarks.md, with the load average (the machine is shared).
 */

const targets = { readySeconds: 30, searchableSeconds: 60 };
const pollMs = 100;

function print(text = '') {
  process.stdout.write(`${text}\n`);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      parts: { type: 'string', default: 'load,faults' },
      agents: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '60' },
      'think-ms': { type: 'string', default: '2000' },
      'stall-seconds': { type: 'string', default: '21' },
    },
  });
  const whole = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} expects a whole number from ${min}, got ${value}`);
    return n;
  };
  const parts = (values.parts ?? '').split(',').filter(Boolean);
  for (const part of parts) if (part !== 'load' && part !== 'faults') throw new Error(`--parts: unknown part ${part} (load, faults)`);
  return {
    parts: new Set(parts),
    agents: whole('agents', values.agents, 1),
    seconds: whole('seconds', values.seconds, 1),
    thinkMs: whole('think-ms', values['think-ms'], 0),
    stallSeconds: whole('stall-seconds', values['stall-seconds'], 1),
  };
}

const loadLine = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

/** Polls `condition` every `everyMs` until it holds; the seconds it took from `since`, or undefined after `timeoutMs`. */
async function secondsUntil(
  condition: () => Promise<boolean>,
  since: number,
  timeoutMs: number,
  everyMs = pollMs,
): Promise<number | undefined> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition().catch(() => false)) return (performance.now() - since) / 1000;
    await delay(everyMs);
  }
  return undefined;
}

// --- the app -------------------------------------------------------------------------------------

interface App {
  npm: ChildProcess;
  exited: Promise<void>;
  output(): string;
}

let dataDir = '';
let port = 0;
let app: App | undefined;
const base = () => `http://127.0.0.1:${port}`;

function startApp(): App {
  const npm = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // 200 agents sign in at the start of the load, each with its own session.
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  npm.stdout?.on('data', collect);
  npm.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  return { npm, exited, output: () => output };
}

function appPid(): number | undefined {
  try {
    const { pid } = JSON.parse(readFileSync(path.join(dataDir, 'app.lock'), 'utf8')) as { pid?: number };
    return pid !== undefined && isRunning(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

const postgresPid = () => livePidFrom(path.join(dataDir, 'pg', 'postmaster.pid'), 'postgres');
const meiliPid = () => livePidFrom(path.join(dataDir, 'meili', 'meilisearch.pid'), 'meilisearch');

function killEverything() {
  for (const pid of [appPid(), postgresPid(), meiliPid()]) if (pid !== undefined) sendSignal(pid, 'SIGKILL');
  if (app?.npm.pid !== undefined) sendSignal(-app.npm.pid, 'SIGKILL');
}

async function isReady(): Promise<boolean> {
  const response = await fetch(`${base()}/readyz`, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.status === 200;
}

/** Jobs due now (queued with run_at passed, or running), and dead ones, read in the app's PostgreSQL (periodic jobs wait in the queue for their hour). */
async function queueDepth(): Promise<{ due: number; dead: number }> {
  const { postgresPort } = JSON.parse(readFileSync(path.join(dataDir, 'app.lock'), 'utf8')) as { postgresPort?: number };
  const { postgresPassword } = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { postgresPassword: string };
  if (!postgresPort) throw new Error('no PostgreSQL port in app.lock yet');
  const client = new pg.Client({
    connectionString: embeddedPostgresUrl(postgresPassword, postgresPort, embeddedDatabaseName),
    connectionTimeoutMillis: 3000,
    statement_timeout: 3000,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ due: number; dead: number }>(
      "select count(*) filter (where status = 'running' or (status = 'queued' and run_at <= now()))::int as due, count(*) filter (where status = 'dead')::int as dead from jobs",
    );
    return rows[0] ?? { due: 0, dead: 0 };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Until no job is due (the demo catalogue's extraction and indexing, a load's publishes); the seconds it took. */
async function waitForQueue(timeoutMs: number): Promise<number> {
  const took = await secondsUntil(async () => (await queueDepth()).due === 0, performance.now(), timeoutMs, 250);
  if (took === undefined)
    throw new Error(
      `jobs still due after ${timeoutMs / 1000} s: ${JSON.stringify(await queueDepth().catch((error: Error) => error.message))}`,
    );
  return took;
}

// --- HTTP as a user ------------------------------------------------------------------------------

/** Signs in on the app under test, through the harness. */
const signIn = (email: string): Promise<Session> => signInAt(port, email);

/** An open scheme (not closed, not archived: searches leave closed schemes out by default) where this editor may upload. */
async function uploadFolder(session: Session): Promise<string> {
  const response = await fetch(`${base()}/api/folders`, { headers: { Cookie: session.cookie } });
  const { folders } = (await response.json()) as {
    folders: { id: string; scheme: { availability: string; isArchived: boolean } | null; can: { upload: boolean } }[];
  };
  const folder = folders.find(
    (f) => f.can.upload && f.scheme && !f.scheme.isArchived && ['ouvert', 'permanent'].includes(f.scheme.availability),
  );
  if (!folder) throw new Error('no open scheme this editor may upload into');
  return folder.id;
}

/** A word no document holds, shaped like a word (vowels and consonants), as bench/search.ts makes its own. */
function uniqueWord(): string {
  const bytes = randomUUID().replaceAll('-', '');
  let word = 'publi';
  for (let i = 0; i < 10; i += 1) word += 'abcdefghijklmnopqrstuvwxyz'[Number.parseInt(bytes.slice(i * 2, i * 2 + 2), 16) % 26];
  return word;
}

interface Published {
  documentId: string;
  word: string;
}

/** One upload of a small published text document holding `word`; its status and, when created, its id. */
async function upload(
  session: Session,
  folderId: string,
  word: string,
  idempotencyKey: string,
): Promise<{ status: number; documentId?: string }> {
  const form = new FormData();
  form.set('folderId', folderId);
  form.set('title', `Mesure de reprise ${word}`);
  form.set('status', 'published');
  form.set('docType', 'guide');
  form.set('file', new Blob([`Document publié pendant une panne. Mot repère : ${word}.\n`], { type: 'text/plain' }), 'reprise.txt');
  const response = await fetch(`${base()}/api/documents`, {
    method: 'POST',
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken, 'Idempotency-Key': idempotencyKey, Accept: 'application/json' },
    body: form,
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json().catch(() => ({}))) as { document?: { id?: string } };
  return { status: response.status, documentId: body.document?.id };
}

/** Publishes, retrying every second with the same Idempotency-Key until the app says 201 (a fault may refuse it first). */
async function publishThroughFault(
  session: () => Session,
  folderId: string,
  timeoutMs = 180_000,
): Promise<Published & { attempts: number }> {
  const word = uniqueWord();
  const key = randomUUID();
  const deadline = performance.now() + timeoutMs;
  let attempts = 0;
  while (performance.now() < deadline) {
    attempts += 1;
    const answer = await upload(session(), folderId, word, key).catch(() => ({ status: 0, documentId: undefined }));
    if (answer.status === 201 && answer.documentId) return { documentId: answer.documentId, word, attempts };
    await delay(1000);
  }
  throw new Error(`the publish during the fault was not accepted within ${timeoutMs / 1000} s`);
}

/** True when `GET /api/search` answers from Meilisearch (not the fallback) and lists the document. */
async function isSearchable(session: Session, published: Published): Promise<boolean> {
  const params = new URLSearchParams({ q: published.word, group: 'document' });
  const response = await fetch(`${base()}/api/search?${params}`, {
    headers: { Cookie: session.cookie, Accept: 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  if (response.status !== 200) return false;
  const answer = (await response.json()) as { hits: { document: { id: string } }[]; degraded: boolean };
  return !answer.degraded && answer.hits.some((hit) => hit.document.id === published.documentId);
}

// --- faults --------------------------------------------------------------------------------------

interface FaultFigures {
  fault: string;
  /** Seconds from the fault to the service back (restarted, resumed, or the app spawned again). */
  backSeconds?: number;
  readySeconds?: number;
  searchableSeconds?: number;
  publishAttempts: number;
}

/** The postmaster and every backend it forked. */
function postgresProcesses(): number[] {
  const postmaster = postgresPid();
  if (postmaster === undefined) throw new Error('no embedded PostgreSQL running');
  const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [postmaster, ...children];
}

async function measureFault(
  fault: string,
  inject: () => Promise<{ back: () => Promise<number> }>,
  folderId: string,
  sessions: { editor: Session; agent: Session },
): Promise<FaultFigures> {
  await secondsUntil(isReady, performance.now(), 60_000);
  print(`  ${fault}: load average ${loadLine()}`);
  const startedAt = performance.now();
  const { back } = await inject();
  const [published, backAt] = await Promise.all([publishThroughFault(() => sessions.editor, folderId), back()]);
  const backSeconds = (backAt - startedAt) / 1000;
  const readyAt = await secondsUntil(isReady, backAt, 120_000);
  const searchableAt = await secondsUntil(() => isSearchable(sessions.agent, published), backAt, 180_000, 250);
  const figures = { fault, backSeconds, readySeconds: readyAt, searchableSeconds: searchableAt, publishAttempts: published.attempts };
  print(
    `  ${fault}: back after ${backSeconds.toFixed(2)} s; then ready ${readyAt?.toFixed(2) ?? 'never'} s, searchable ${searchableAt?.toFixed(2) ?? 'never'} s (publish accepted at attempt ${published.attempts})`,
  );
  return figures;
}

/** Polls until `pidOf` names a live process other than `before`; the moment it did. */
async function newProcess(pidOf: () => number | undefined, before: number): Promise<number> {
  const took = await secondsUntil(
    async () => {
      const now = pidOf();
      return now !== undefined && now !== before;
    },
    performance.now(),
    120_000,
    50,
  );
  if (took === undefined) throw new Error('the killed service was not started again within 120 s');
  return performance.now();
}

async function runFaults(
  options: { stallSeconds: number },
  sessions: { editor: Session; agent: Session },
  folderId: string,
): Promise<FaultFigures[]> {
  const figures: FaultFigures[] = [];
  figures.push(
    await measureFault(
      'kill -9 of the embedded Meilisearch',
      async () => {
        const pid = meiliPid();
        if (pid === undefined) throw new Error('no embedded Meilisearch running');
        sendSignal(pid, 'SIGKILL');
        return { back: () => newProcess(meiliPid, pid) };
      },
      folderId,
      sessions,
    ),
  );
  await waitForQueue(120_000);
  figures.push(
    await measureFault(
      'kill -9 of the embedded PostgreSQL',
      async () => {
        const pid = postgresPid();
        if (pid === undefined) throw new Error('no embedded PostgreSQL running');
        sendSignal(pid, 'SIGKILL');
        return { back: () => newProcess(postgresPid, pid) };
      },
      folderId,
      sessions,
    ),
  );
  await waitForQueue(120_000);
  figures.push(
    await measureFault(
      `PostgreSQL stalled ${options.stallSeconds} s (SIGSTOP, then SIGCONT)`,
      async () => {
        const pids = postgresProcesses();
        for (const pid of pids) sendSignal(pid, 'SIGSTOP');
        return {
          back: async () => {
            await delay(options.stallSeconds * 1000);
            for (const pid of pids) sendSignal(pid, 'SIGCONT');
            return performance.now();
          },
        };
      },
      folderId,
      sessions,
    ),
  );
  await waitForQueue(120_000);
  // The app killed right after it accepted a publish (its indexing job queued or claimed), then
  // started again: the document published just before the kill must become searchable.
  await secondsUntil(isReady, performance.now(), 60_000);
  print(`  app: load average ${loadLine()}`);
  const published = await publishThroughFault(() => sessions.editor, folderId);
  const killedAt = performance.now();
  const pid = appPid();
  if (pid === undefined) throw new Error('no app process');
  sendSignal(pid, 'SIGKILL');
  await app?.exited;
  app = startApp();
  const backAt = performance.now();
  const readySeconds = await secondsUntil(isReady, backAt, 180_000);
  // Sessions live in PostgreSQL: they outlive the app.
  const searchableSeconds = await secondsUntil(() => isSearchable(sessions.agent, published), backAt, 180_000, 250);
  print(
    `  kill -9 of the app, then npm start: spawned after ${((backAt - killedAt) / 1000).toFixed(2)} s; ready ${readySeconds?.toFixed(2) ?? 'never'} s, searchable ${searchableSeconds?.toFixed(2) ?? 'never'} s`,
  );
  figures.push({
    fault: 'kill -9 of the app (right after a publish), then `npm start`',
    backSeconds: (backAt - killedAt) / 1000,
    readySeconds,
    searchableSeconds,
    publishAttempts: published.attempts,
  });
  await waitForQueue(120_000);
  return figures;
}

// --- load ----------------------------------------------------------------------------------------

type Route = 'GET /api/search' | 'GET /api/documents/:id' | 'GET /api/documents/:id/file' | 'POST /api/documents';

interface Sample {
  route: Route;
  ms: number;
  status: number;
  /** A network error (reset, refused, timeout) instead of an HTTP answer. */
  failure?: string;
}

interface LoadFigures {
  agents: number;
  seconds: number;
  thinkMs: number;
  samples: Sample[];
  published: Published[];
  searchableAtEnd: number;
  loadAtStart: string;
  loadAtEnd: string;
  queueAfterSeconds?: number;
}

const agentQueries = [
  'camping',
  'économies d’eau',
  'apprentissage',
  'aide à l’embauche',
  'création d’entreprise',
  'rénovation énergétique',
  'transport scolaire',
  'installation agriculteur',
  'association sportive',
  'hébergement touristique',
  'formation',
  'innovation',
  'export',
  'vélo',
  'jeunes',
  'emploi',
  'festival',
  'subvention',
  'prêt',
  'numérique',
];

async function timed(route: Route, samples: Sample[], request: () => Promise<Response>): Promise<Response | undefined> {
  const startedAt = performance.now();
  try {
    const response = await request();
    const body = await response.clone().text();
    // An error says why in its JSON ({ error: { code } }): the request bound, a service down…
    const code = response.status >= 300 ? (/"code":"(\w+)"/.exec(body)?.[1] ?? 'no code') : undefined;
    samples.push({
      route,
      ms: performance.now() - startedAt,
      status: response.status,
      ...(code ? { failure: `HTTP ${response.status} ${code}` } : {}),
    });
    return response;
  } catch (error) {
    samples.push({
      route,
      ms: performance.now() - startedAt,
      status: 0,
      failure: (error as Error).cause ? String((error as { cause: unknown }).cause) : String(error),
    });
    return undefined;
  }
}

const think = (meanMs: number) => delay(meanMs === 0 ? 0 : meanMs / 2 + Math.random() * meanMs);

async function agentLoop(session: Session, until: number, thinkMs: number, samples: Sample[]): Promise<void> {
  // Agents do not all start on the same millisecond.
  await delay(Math.random() * thinkMs);
  while (performance.now() < until) {
    const q = agentQueries[Math.floor(Math.random() * agentQueries.length)] as string;
    const response = await timed('GET /api/search', samples, () =>
      fetch(`${base()}/api/search?${new URLSearchParams({ q, group: 'document' })}`, {
        headers: { Cookie: session.cookie, Accept: 'application/json' },
      }),
    );
    const answer = response?.status === 200 ? ((await response.json()) as { hits: { document: { id: string } }[] }) : undefined;
    const first = answer?.hits[0]?.document.id;
    if (first && Math.random() < 0.5) {
      await think(thinkMs / 2);
      await timed('GET /api/documents/:id', samples, () =>
        fetch(`${base()}/api/documents/${first}`, { headers: { Cookie: session.cookie, Accept: 'application/json' } }),
      );
      if (Math.random() < 0.3)
        await timed('GET /api/documents/:id/file', samples, () =>
          fetch(`${base()}/api/documents/${first}/file`, { headers: { Cookie: session.cookie } }),
        );
    }
    await think(thinkMs);
  }
}

async function editorLoop(session: Session, folderId: string, until: number, samples: Sample[], published: Published[]): Promise<void> {
  while (performance.now() < until) {
    const word = uniqueWord();
    const startedAt = performance.now();
    const answer = await upload(session, folderId, word, randomUUID()).catch((error: Error) => ({
      status: 0,
      documentId: undefined,
      failure: String(error.cause ?? error),
    }));
    samples.push({
      route: 'POST /api/documents',
      ms: performance.now() - startedAt,
      status: answer.status,
      ...('failure' in answer ? { failure: answer.failure } : {}),
    });
    if (answer.status === 201 && answer.documentId) published.push({ documentId: answer.documentId, word });
    await think(3000);
  }
}

async function runLoad(
  options: { agents: number; seconds: number; thinkMs: number },
  editors: { session: Session; folderId: string }[],
  checker: Session,
): Promise<LoadFigures> {
  const agentEmails = [
    'agent.ales@region.example',
    'agent.tarbes@region.example',
    'agent.montauban@region.example',
    'agent.narbonne@region.example',
  ];
  const sessions: Session[] = [];
  for (let i = 0; i < options.agents; i += 1) sessions.push(await signIn(agentEmails[i % agentEmails.length] as string));
  const samples: Sample[] = [];
  const published: Published[] = [];
  const loadAtStart = loadLine();
  print(`  ${options.agents} agents signed in; load average ${loadAtStart}; ${options.seconds} s of load`);
  const until = performance.now() + options.seconds * 1000;
  await Promise.all([
    ...sessions.map((session) => agentLoop(session, until, options.thinkMs, samples)),
    ...editors.map((editor) => editorLoop(editor.session, editor.folderId, until, samples, published)),
  ]);
  const loadAtEnd = loadLine();
  const endedAt = performance.now();
  const queueAfterSeconds = await secondsUntil(async () => (await queueDepth()).due === 0, endedAt, 180_000, 250);
  // Each publish asked until found, for up to 60 s each (the app may still be catching up).
  let searchableAtEnd = 0;
  for (const item of published)
    if ((await secondsUntil(() => isSearchable(checker, item), performance.now(), 60_000, 250)) !== undefined) searchableAtEnd += 1;
  return { ...options, samples, published, searchableAtEnd, loadAtStart, loadAtEnd, queueAfterSeconds };
}

function loadReport(figures: LoadFigures): { rows: string[][]; errors: number; failures: Map<string, number> } {
  const routes: Route[] = ['GET /api/search', 'GET /api/documents/:id', 'GET /api/documents/:id/file', 'POST /api/documents'];
  const failures = new Map<string, number>();
  let errors = 0;
  const rows = routes.map((route) => {
    const of = figures.samples.filter((sample) => sample.route === route);
    const bad = of.filter((sample) => sample.status < 200 || sample.status >= 300);
    for (const sample of bad) {
      const key = `${route}: ${sample.failure ?? `HTTP ${sample.status}`}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    errors += bad.length;
    const ms = of.map((sample) => sample.ms);
    const cell = (p: number) => (ms.length === 0 ? '—' : percentile(ms, p).toFixed(0));
    return [
      route,
      String(of.length),
      (of.length / figures.seconds).toFixed(1),
      cell(50),
      cell(95),
      cell(99),
      ms.length === 0 ? '—' : Math.max(...ms).toFixed(0),
      String(bad.length),
    ];
  });
  return { rows, errors, failures };
}

// --- main ----------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'lpt-faults-'));
  port = await findFreePort();
  const startedAt = new Date();
  const loadAtBeginning = loadLine();
  print(`bench:faults on ${machineLine(startedAt)}; load average ${loadAtBeginning}`);
  app = startApp();
  if ((await secondsUntil(isReady, performance.now(), 180_000, 250)) === undefined)
    throw new Error(`the app did not become ready:\n${app.output()}`);
  // The demo catalogue is extracted and indexed in the background: measured once it is done.
  await waitForQueue(600_000);
  print('  ready, demo catalogue indexed');
  const admin = await signIn('admin@region.example');
  const editorSessions = await Promise.all(['editeur.dei@region.example', 'editeur.dtour@region.example'].map(signIn));
  const editors = await Promise.all(editorSessions.map(async (session) => ({ session, folderId: await uploadFolder(session) })));

  let load: LoadFigures | undefined;
  if (options.parts.has('load')) load = await runLoad(options, editors, admin);
  let faults: FaultFigures[] = [];
  const [editor] = editors;
  if (options.parts.has('faults') && editor) {
    const sessions = { editor: editor.session, agent: admin };
    faults = await runFaults(options, sessions, editor.folderId);
  }
  const depth = await queueDepth();
  const loadAtFinish = loadLine();

  const sections: string[] = [
    '## Faults and load — `npm run bench:faults`',
    '',
    `Machine: ${machineLine(startedAt)}. Load average (1, 5, 15 min, as \`uptime\` shows it) when the bench began: ${loadAtBeginning}; when it ended: ${loadAtFinish}. The machine is shared with other engineers' work: what else ran shows in these figures.`,
    '',
    'The embedded default as `npm start` runs it (fresh DATA_DIR, embedded PostgreSQL and Meilisearch supervised by the app, the demo catalogue loaded and indexed before anything is measured, LOG_LEVEL=warn), loopback traffic only.',
  ];
  if (faults.length > 0) {
    sections.push(
      '',
      `### Faults`,
      '',
      "Each fault is made while the app serves; a document is published during it by an editor (a small text file, `POST /api/documents` retried every second with one Idempotency-Key until 201: PostgreSQL down or stalled refuses it with a 503). \"Back\" is when the killed service runs again (a new pid, started by the app's supervision), when SIGCONT is sent after the stall, or when `npm start` is spawned again after the app's kill. From then: the first 200 of `/readyz` (polled every 100 ms) and the first `GET /api/search` for the document's word that lists it from Meilisearch (not the PostgreSQL fallback; polled every 250 ms). Targets: ready ≤ 30 s, searchable ≤ 60 s after the service is back.",
      '',
      markdownTable(
        ['fault', 'back after (s)', 'ready after back (s)', 'searchable after back (s)', 'publish attempts', 'result'],
        faults.map((f) => [
          f.fault,
          f.backSeconds?.toFixed(2) ?? '—',
          f.readySeconds?.toFixed(2) ?? 'never',
          f.searchableSeconds?.toFixed(2) ?? 'never',
          String(f.publishAttempts),
          verdict(
            f.readySeconds !== undefined &&
              f.readySeconds <= targets.readySeconds &&
              f.searchableSeconds !== undefined &&
              f.searchableSeconds <= targets.searchableSeconds,
          ),
        ]),
      ),
      '',
      `Jobs at the end: ${depth.due} due (queued or running), ${depth.dead} dead.`,
    );
  }
  if (load) {
    const report = loadReport(load);
    const requests = load.samples.length;
    sections.push(
      '',
      '### Load',
      '',
      `${load.agents} agents, each signed in with its own session (the 4 agent accounts of the seed), for ${load.seconds} s: each searches (\`GET /api/search\`, one of ${agentQueries.length} visitor queries, group=document), opens the first result one time in two (\`GET /api/documents/:id\`) and then its file one time in three, and thinks between actions (${load.thinkMs} ms on average, uniform from half to one and a half times that). Meanwhile 2 editors (two directorates) each publish a new small text document about every 3 s. Latency from the request sent to the last byte read; an error is any answer other than 2xx or no answer (reset, refused). Load average at the start of the load: ${load.loadAtStart}; at its end: ${load.loadAtEnd}.`,
      '',
      markdownTable(['route', 'requests', 'per second', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'], report.rows),
      '',
      `Requests: ${requests} (${(requests / load.seconds).toFixed(1)} per second); errors: ${report.errors} (target 0: ${verdict(report.errors === 0)})${report.failures.size > 0 ? ` — ${[...report.failures].map(([key, n]) => `${key} × ${n}`).join('; ')}` : ''}. Publishes accepted: ${load.published.length}, searchable at the end: ${load.searchableAtEnd} (target all: ${load.published.length === 0 ? '**MISSED**: no publish was accepted' : verdict(load.searchableAtEnd === load.published.length)}); the job queue was empty ${load.queueAfterSeconds === undefined ? 'not within 180 s' : `${load.queueAfterSeconds.toFixed(1)} s`} after the load ended.`,
    );
  }
  const markdown = sections.join('\n');
  print();
  print(markdown);
  await writeBenchmarkSection('faults', markdown);
}

let isCleaning = false;
async function cleanUp() {
  if (isCleaning) return;
  isCleaning = true;
  if (app && app.npm.pid !== undefined) {
    sendSignal(-app.npm.pid, 'SIGTERM');
    const pid = appPid();
    if (pid !== undefined) sendSignal(pid, 'SIGTERM');
    await Promise.race([app.exited, delay(30_000)]);
  }
  killEverything();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  await main();
} catch (error) {
  process.stderr.write(`bench:faults failed: ${(error as Error).stack ?? String(error)}\n${app?.output().slice(-3000) ?? ''}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
