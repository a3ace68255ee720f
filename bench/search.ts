import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buffer } from 'node:stream/consumers';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { loadConfig, type Config } from '../server/config';
import { createDb, migrateLatest, type Db } from '../server/db';
import { extractText } from '../server/extraction';
import { aidTypes, audiences } from '../server/folders/schema';
import { docTypes } from '../server/documents/schema';
import { createLogger } from '../server/logger';
import { degradedSearch } from '../server/search/degraded';
import { extractVersion, syncDocuments } from '../server/search/indexing';
import { facetFields, searchQuerySchema, type SearchQuery } from '../server/search/schema';
import { documentWindow, filterOf, searchDocuments, searchFilterOf } from '../server/search/service';
import { queryExpander } from '../server/search/synonyms';
import { startServices, type Services } from '../server/services';
import { runSearch } from '../search/query';
import { createClient, type Search } from '../search';
import { makePdf } from '../tests/fixtures/files';
import { defaultCorpusDir, readCorpusInfo, type CorpusInfo } from './corpus';
import { buildVocabulary, createRandom, ProseWriter, type Random } from './corpusText';
import { machineLine, markdownTable, median, repoRoot, spread, verdict, writeBenchmarkSection } from './report';
import { figuresOf, inTurns, percentile, runInterleaved, runSet, type Outcome, type RunFigures, type SetResult } from './searchLoad';
import { failed, print, signIn, startServer, stopServer, type BenchServer, type Session } from './harness';

/**
 * `npm run bench:search [-- --data-dir DIR --runs N (3) --queries N (200) --publish-samples N (20) --parts search,breakdown,profile,publish,reindex]`:
 * search on the corpus of `npm run corpus` (bench/corpus.ts), in one run, on one query set:
 * direct Meilisearch (the federated request of search/query.ts runSearch, through the Meilisearch
 * client with Accept-Encoding: identity, as the app sets it, with the client's default, compressed
 * answers, and through the app's own search transport, search/transport.ts),
 * `GET /api/search` of the app (own process, signed in; facets and snippets), and the degraded
 * PostgreSQL search (server/search/degraded.ts), each at concurrency 1, 8 and 32, `--runs` times.
 * Then where indexing time goes (per document, then one batch), publish → searchable for a 20-page
 * PDF on the index as loaded, `npm run reindex` of the whole corpus, and publish → searchable again
 * on the rebuilt index. Writes the section `search` of docs/benchmarks.md.
 * A missed target is reported, not an error.
 */

const targets = {
  apiP50Ratio: 1.3,
  apiP50ExtraMs: 5,
  apiP95Ratio: 1.5,
  degradedP95Ms: 300,
  publishP95Seconds: 3,
  indexPagesPerSecond: 200,
  reindexPagesPerSecond: 500,
};
const concurrencies = [1, 8, 32] as const;
const modes = ['direct', 'directGzip', 'directTransport', 'api', 'degraded'] as const;
type Mode = (typeof modes)[number];
const modeLabels: Record<Mode, string> = {
  direct: 'direct Meilisearch (identity)',
  directGzip: 'direct Meilisearch (client default: gzip)',
  directTransport: 'direct Meilisearch (identity, app transport)',
  api: '`GET /api/search`',
  degraded: 'PostgreSQL (degradedSearch)',
};
const agentEmail = 'agent.ales@region.example';
const editorEmail = 'editeur.dei@region.example';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: defaultCorpusDir },
      runs: { type: 'string', default: '3' },
      queries: { type: 'string', default: '200' },
      'publish-samples': { type: 'string', default: '20' },
      parts: { type: 'string', default: allParts.join(',') },
    },
  });
  const whole = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} expects a whole number from ${min}, got ${value}`);
    return n;
  };
  return {
    dataDir: path.resolve(values['data-dir']),
    runs: whole('runs', values.runs, 1),
    queries: whole('queries', values.queries, 1),
    publishSamples: whole('publish-samples', values['publish-samples'], 1),
    parts: partsOf(values.parts),
  };
}

/** What a run measures (all by default); fewer parts for a quicker look, written the same way. */
const allParts = ['search', 'breakdown', 'profile', 'publish', 'reindex'] as const;
type Part = (typeof allParts)[number];
function partsOf(value: string | undefined): Set<Part> {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(allParts as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--parts expects some of ${allParts.join(',')}, got ${value}`);
  return new Set(names as Part[]);
}

// --- the app in its own process ------------------------------------------------------------------

let liveServer: BenchServer | undefined;
/** The embedded PostgreSQL and Meilisearch of the data directory, once started. */
let liveServices: Services | undefined;

/** The app of `npm start` with its job worker (bench/servers/app.ts), on the corpus's services. */
async function startAppServer(env: Record<string, string>): Promise<BenchServer> {
  liveServer = await startServer({
    name: 'the search server',
    env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000', ...env },
    inherit: ['WORKER_CONCURRENCY', 'DATABASE_POOL_MAX'],
  });
  return liveServer;
}

async function stopAppServer(server: BenchServer): Promise<void> {
  await stopServer(server);
  liveServer = undefined;
}

// --- HTTP ----------------------------------------------------------------------------------------

interface ApiAnswer {
  groups: { documents: { document: { id: string }; snippet: string }[] }[];
  facets: Record<string, Record<string, number>>;
  total: number;
  degraded: boolean;
}

/** GET /api/search, and Meilisearch's own time for it (from the Server-Timing header). */
async function apiSearch(session: Session, params: URLSearchParams): Promise<{ answer: ApiAnswer; engineMs?: number }> {
  const response = await fetch(`${session.base}/api/search?${params}`, { headers: { Cookie: session.cookie, Accept: 'application/json' } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /api/search answered ${response.status}: ${text.slice(0, 300)}`);
  const answer = JSON.parse(text) as ApiAnswer;
  if (answer.degraded) throw new Error('the API answered from PostgreSQL (degraded)');
  const engine = /(?:^|,\s*)meilisearch;dur=(\d+)/.exec(response.headers.get('server-timing') ?? '')?.[1];
  return { answer, engineMs: engine === undefined ? undefined : Number(engine) };
}

// --- the query set -------------------------------------------------------------------------------

interface BenchQuery {
  params: URLSearchParams;
  query: SearchQuery;
  words: number;
  hasFacet: boolean;
}

/** ~`count` queries of 1–4 words drawn from the corpus vocabulary; a quarter with a facet. */
function buildQueries(info: CorpusInfo, count: number, themeIds: string[]): BenchQuery[] {
  const vocabulary = buildVocabulary(info.seed);
  const random: Random = createRandom(info.seed + 99);
  const writer = new ProseWriter(vocabulary, random);
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  while (queries.length < count) {
    const words = random.pick([1, 1, 1, 2, 2, 2, 3, 3, 4]);
    const noun = writer.noun();
    const parts = [noun];
    if (words >= 2) parts.push(random.chance(0.6) ? writer.adjective(noun) : writer.noun());
    if (words >= 3) parts.push(random.chance(0.5) ? writer.town() : writer.noun());
    if (words >= 4) parts.push(vocabulary.verbs.draw(random).infinitive);
    if (words === 1 && random.chance(0.2)) parts[0] = writer.town();
    const q = parts.join(' ');
    if (seen.has(q)) continue;
    seen.add(q);
    const raw: Record<string, string> = { q };
    const hasFacet = random.chance(0.25);
    if (hasFacet) {
      const facet = random.pick(['audience', 'aidType', 'docType', 'scope', 'theme'] as const);
      if (facet === 'audience') raw.audience = random.pick(audiences);
      else if (facet === 'aidType') raw.aidType = random.pick(aidTypes);
      else if (facet === 'docType') raw.docType = random.pick(docTypes);
      else if (facet === 'scope') raw.scope = random.pick(['internal', 'external']);
      else raw.theme = random.pick(themeIds);
    }
    const params = new URLSearchParams(raw);
    queries.push({ params, query: searchQuerySchema.parse(raw), words, hasFacet });
  }
  return queries;
}

// --- one measured pass ---------------------------------------------------------------------------

interface Runners {
  direct: Meilisearch;
  directGzip: Meilisearch;
  directTransport: Meilisearch;
  pagesIndex: string;
  /** The app's query expander: the shipped thesaurus and the administrators' synonyms. */
  expand: Awaited<ReturnType<typeof queryExpander>>;
  session: Session;
  db: Db;
}

function requestOf(query: SearchQuery, expand: Runners['expand']) {
  // What server/search/service.ts searchDocuments sends: the same design, its thesaurus and synonyms included.
  return { q: query.q, filter: filterOf(query), facets: Object.values(facetFields), ...documentWindow(query), isDistinct: true, expand };
}

function runnerFor(mode: Mode, runners: Runners): (query: BenchQuery) => Promise<Outcome> {
  const direct = async (client: Meilisearch, item: BenchQuery) => {
    const result = await runSearch(client, runners.pagesIndex, requestOf(item.query, runners.expand));
    return { hits: result.hits.length, engineMs: result.engineMs };
  };
  switch (mode) {
    case 'direct':
      return (item) => direct(runners.direct, item);
    case 'directGzip':
      return (item) => direct(runners.directGzip, item);
    case 'directTransport':
      return (item) => direct(runners.directTransport, item);
    case 'api':
      return async (item) => {
        const { answer, engineMs } = await apiSearch(runners.session, item.params);
        return { hits: answer.groups.length, engineMs };
      };
    case 'degraded':
      return async (item) => ({
        hits: (await degradedSearch(runners.db, { q: item.query.q, filter: searchFilterOf(item.query) }, documentWindow(item.query))).hits
          .length,
      });
  }
}

interface PassSample {
  /** 1-minute load average when the pass began: other work on the machine shows here. */
  load: number;
  run: number;
  mode: Mode;
  concurrency: number;
  figures: RunFigures;
}

// --- where the API's time goes ------------------------------------------------------------------

interface ApiBreakdown {
  queries: number;
  directMs: number;
  inProcessMs: number;
  apiMs: number;
  selectMs: number;
  logInsertMs: number;
}

/**
 * At concurrency 1, per query, taking turns: direct Meilisearch, server/search/service.ts searchDocuments called
 * in the bench process (the search and the presenter; its search_log write after, untimed), and GET /api/search; then
 * the PostgreSQL statements every signed-in request adds, one at a time: a read like the session
 * and user loads, and the search_log insert (its own transaction, synchronous_commit off, as
 * logSearch writes it). Medians, ms.
 */
async function breakdownApi(
  runners: Runners,
  services: Services,
  searcher: { id: string; role: string; maisonId: string | null },
  queries: BenchQuery[],
): Promise<ApiBreakdown> {
  const logger = createLogger('warn');
  const direct: number[] = [];
  const inProcess: number[] = [];
  const api: number[] = [];
  const time = async (work: () => Promise<unknown>) => {
    const startedAt = performance.now();
    await work();
    return performance.now() - startedAt;
  };
  await inTurns(queries, [
    async (item) =>
      void direct.push(await time(() => runSearch(runners.direct, runners.pagesIndex, requestOf(item.query, runners.expand)))),
    async (item) => {
      let log = async () => {};
      inProcess.push(
        await time(
          async () => ({ log } = await searchDocuments({ db: services.db, search: services.search, logger }, searcher, item.query)),
        ),
      );
      await log();
    },
    async (item) => void api.push(await time(() => apiSearch(runners.session, item.params))),
  ]);
  const sid =
    decodeURIComponent(/lpt\.sid=([^;]+)/.exec(runners.session.cookie)?.[1] ?? '')
      .replace(/^s:/, '')
      .split('.')[0] ?? '';
  const select: number[] = [];
  const insert: number[] = [];
  for (let i = 0; i < queries.length; i += 1) {
    select.push(await time(() => services.db('sessions').where({ sid }).first('sess')));
    insert.push(
      await time(() =>
        services.db.transaction(async (trx) => {
          await trx.raw('set local synchronous_commit = off');
          await trx('search_log').insert({
            query: 'mesure',
            filters: {},
            result_count: 0,
            degraded: false,
            user_id: searcher.id,
            role: searcher.role,
            maison_id: searcher.maisonId,
          });
        }),
      ),
    );
  }
  await services.db('search_log').where({ query: 'mesure', user_id: searcher.id }).delete();
  return {
    queries: queries.length,
    directMs: median(direct),
    inProcessMs: median(inProcess),
    apiMs: median(api),
    selectMs: median(select),
    logInsertMs: median(insert),
  };
}

// --- where indexing time goes --------------------------------------------------------------------

interface ExtractionProfile {
  fileType: string;
  documents: number;
  pages: number;
  storageMs: number;
  extractMs: number;
  pgWriteMs: number;
}

interface BatchProfile {
  documents: number;
  pages: number;
  totalMs: number;
  replaceMs: number;
  addTasks: number;
  meiliAddMs: number;
  meiliDeleteMs: number;
}

interface IndexProfile {
  extraction: ExtractionProfile[];
  batch?: BatchProfile;
}

function isoDurationMs(duration: string | null | undefined): number {
  const match = /PT(?:(\d+)M)?([\d.]+)S/.exec(duration ?? '');
  return match ? Number(match[1] ?? 0) * 60000 + Number(match[2]) * 1000 : 0;
}

/** Meilisearch's processing time of tasks: the tasks it ran together share one batch (and its duration), counted once. */
function processingMs(tasks: { batchUid?: number | null; duration?: string | null }[]): { ms: number; batches: number } {
  const byBatch = new Map<number | string, number>();
  tasks.forEach((task, i) => {
    const key = task.batchUid ?? `task-${i}`;
    byBatch.set(key, Math.max(byBatch.get(key) ?? 0, isoDurationMs(task.duration)));
  });
  return { ms: [...byBatch.values()].reduce((sum, ms) => sum + ms, 0), batches: byBatch.size };
}

/**
 * Where a search.syncDocument batch spends its time, re-running its steps on documents of the
 * corpus: extraction per document (storage read, extraction thread, PostgreSQL write), then one
 * `syncDocuments` of all of them (stored pages read, records built, one `replaceDocuments`).
 */
async function profileIndexing(
  services: Services,
  client: Meilisearch,
  samples: { id: string; file_type: string }[],
): Promise<IndexProfile> {
  const logger = createLogger('warn');
  const deps = { db: services.db, storage: services.storage, search: services.search, logger };
  const byType = new Map<string, ExtractionProfile>();
  // The extraction thread and pdf.js warmed up first: a job in a running worker finds them warm.
  for (const sample of samples.slice(-1).concat(samples.slice(0, 1))) {
    const version = (await services
      .db('versions as v')
      .join('documents as d', 'd.current_version_id', 'v.id')
      .where('d.id', sample.id)
      .first('v.storage_key', 'v.file_type')) as { storage_key: string; file_type: 'pdf' | 'txt' };
    await extractText(version.file_type, await buffer((await services.storage.get(version.storage_key)).body));
  }
  for (const sample of samples) {
    const version = (await services
      .db('versions as v')
      .join('documents as d', 'd.current_version_id', 'v.id')
      .where('d.id', sample.id)
      .first('v.id', 'v.storage_key', 'v.file_type', 'v.size_bytes', 'v.extraction_status')) as {
      id: string;
      storage_key: string;
      file_type: 'pdf' | 'txt';
      size_bytes: number;
      extraction_status: string;
    };
    // extractVersion (storage read + extraction + PostgreSQL write) timed whole; storage read and
    // extraction timed apart, twice, the faster kept; the PostgreSQL write is the difference.
    let startedAt = performance.now();
    await extractVersion(deps, { ...version, extraction_status: 'pending' });
    const extractVersionMs = performance.now() - startedAt;
    let storageMs = Number.POSITIVE_INFINITY;
    let extractMs = Number.POSITIVE_INFINITY;
    let pages = 0;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      startedAt = performance.now();
      const data = await buffer((await services.storage.get(version.storage_key)).body);
      storageMs = Math.min(storageMs, performance.now() - startedAt);
      startedAt = performance.now();
      const extracted = await extractText(version.file_type, data);
      extractMs = Math.min(extractMs, performance.now() - startedAt);
      pages = extracted.ok ? extracted.pages.length : 0;
    }
    const entry = byType.get(version.file_type) ?? {
      fileType: version.file_type,
      documents: 0,
      pages: 0,
      storageMs: 0,
      extractMs: 0,
      pgWriteMs: 0,
    };
    entry.documents += 1;
    entry.pages += pages;
    entry.storageMs += storageMs;
    entry.extractMs += extractMs;
    entry.pgWriteMs += Math.max(0, extractVersionMs - storageMs - extractMs);
    byType.set(version.file_type, entry);
  }
  // One batch, as the worker runs it, with replaceDocuments timed apart.
  let replaceMs = 0;
  let pages = 0;
  const timedSearch: Search = {
    ...services.search,
    replaceDocuments: async (documentIds, records, syncId, uid) => {
      const replaceStartedAt = performance.now();
      await services.search.replaceDocuments(documentIds, records, syncId, uid);
      replaceMs += performance.now() - replaceStartedAt;
      pages = records.length;
    },
  };
  const batchStartedAt = new Date();
  const startedAt = performance.now();
  const failures = await syncDocuments(
    { ...deps, search: timedSearch },
    samples.map((sample) => sample.id),
  );
  const totalMs = performance.now() - startedAt;
  if (failures.size > 0) throw new Error(`profile: ${failures.size} documents failed to sync`);
  const tasks = (await client.tasks.getTasks({ afterEnqueuedAt: batchStartedAt.toISOString(), limit: 1000 })).results.filter(
    (task) => task.indexUid === services.search.pagesIndex,
  );
  const taskMs = (type: string) => processingMs(tasks.filter((task) => task.type === type)).ms;
  return {
    extraction: [...byType.values()],
    batch: {
      documents: samples.length,
      pages,
      totalMs,
      replaceMs,
      addTasks: tasks.filter((task) => task.type === 'documentAdditionOrUpdate').length,
      meiliAddMs: taskMs('documentAdditionOrUpdate'),
      meiliDeleteMs: taskMs('documentDeletion'),
    },
  };
}

// --- publish → searchable ------------------------------------------------------------------------

interface PublishSample {
  uploadSeconds: number;
  /** From sending the upload to the job's end (PostgreSQL's finished_at). */
  jobDoneSeconds: number;
  searchableSeconds: number;
  documentId: string;
  /** Meilisearch's task of the document's pages: enqueued, started and finished, from sending the upload. */
  meiliEnqueuedSeconds: number;
  meiliStartedSeconds: number;
  meiliFinishedSeconds: number;
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
function uniqueWord(): string {
  const bytes = randomUUID().replaceAll('-', '');
  let word = 'publi';
  for (let i = 0; i < 10; i += 1) word += letters[Number.parseInt(bytes.slice(i * 2, i * 2 + 2), 16) % 26];
  return word;
}

async function publishOnce(
  session: Session,
  db: Db,
  meili: { client: Meilisearch; indexUid: string },
  folderId: string,
  writer: ProseWriter,
): Promise<PublishSample> {
  const word = uniqueWord();
  const pages = Array.from({ length: 20 }, () => writer.page(250));
  pages[9] = `${pages[9]} ${word}.`;
  const pdf = await makePdf(pages);
  const form = new FormData();
  form.set('folderId', folderId);
  form.set('title', `Mesure de publication ${word.slice(5)}`);
  form.set('status', 'published');
  form.set('docType', 'guide');
  form.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'publication.pdf');
  const sentAt = performance.now();
  const sentAtClock = Date.now();
  const response = await fetch(`${session.base}/api/documents`, {
    method: 'POST',
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken, Accept: 'application/json' },
    body: form,
  });
  const created = (await response.json()) as { document?: { id?: string } };
  const uploadSeconds = (performance.now() - sentAt) / 1000;
  const documentId = created.document?.id;
  if (response.status !== 201 || !documentId)
    throw new Error(`the upload answered ${response.status}: ${JSON.stringify(created).slice(0, 300)}`);
  const params = new URLSearchParams({ q: word, hitsPerPage: '5' });
  // Searchable when GET /api/search finds it; asked once the worker has marked the document's job
  // done (polled in PostgreSQL every 20 ms), then every 20 ms if need be. Searching every 20 ms from
  // the start measured the measurement too: those searches took a core from the indexing they
  // waited for (Meilisearch's addition took about 3.3 s instead of 2).
  const jobDoneAt = async () =>
    (
      (await db('jobs')
        .where({ type: 'search.syncDocument', status: 'done' })
        .whereRaw(`payload->>'documentId' = ?`, [documentId])
        .orderBy('id', 'desc')
        .first('finished_at')) as { finished_at: Date } | undefined
    )?.finished_at;
  let doneAt: Date | undefined;
  for (;;) {
    doneAt ??= await jobDoneAt();
    if (
      doneAt &&
      (await apiSearch(session, params)).answer.groups.some((group) => group.documents.some((hit) => hit.document.id === documentId))
    )
      break;
    if (performance.now() - sentAt > 60000)
      throw new Error(`document ${documentId} not searchable within 60 s (${word}; job done: ${doneAt !== undefined})`);
    await delay(20);
  }
  const searchableSeconds = (performance.now() - sentAt) / 1000;
  const jobDoneSeconds = (doneAt.getTime() - sentAtClock) / 1000;
  // The addition that carried the document's pages (the first one enqueued after the upload).
  const tasks = await meili.client.tasks.getTasks({
    indexUids: [meili.indexUid],
    types: ['documentAdditionOrUpdate'],
    afterEnqueuedAt: new Date(sentAtClock).toISOString(),
    reverse: true,
    limit: 5,
  });
  const task = tasks.results[0];
  const since = (at: string | null | undefined) => (at ? (Date.parse(at) - sentAtClock) / 1000 : Number.NaN);
  return {
    uploadSeconds,
    jobDoneSeconds,
    searchableSeconds,
    documentId,
    meiliEnqueuedSeconds: since(task?.enqueuedAt),
    meiliStartedSeconds: since(task?.startedAt),
    meiliFinishedSeconds: since(task?.finishedAt),
  };
}

async function waitForQueue(db: Db, timeoutMs = 600000): Promise<void> {
  const startedAt = performance.now();
  for (;;) {
    // Jobs due later (the nightly rebuild that `npm start` schedules) are not waited for.
    const row = (await db('jobs')
      .whereIn('status', ['queued', 'running'])
      .whereNot('type', 'storage.cleanup')
      .andWhere('run_at', '<=', db.fn.now())
      .count<{ n: string }[]>('* as n')
      .first()) as { n: string } | undefined;
    if (Number(row?.n ?? 0) === 0) return;
    if (performance.now() - startedAt > timeoutMs) throw new Error('the job queue did not empty');
    await delay(100);
  }
}

type IndexState = 'as loaded' | 'rebuilt';
const indexStateLabels: Record<IndexState, string> = {
  'as loaded': 'index as the corpus loader left it (never rebuilt)',
  rebuilt: 'index rebuilt, as the nightly job keeps it',
};

interface PublishPass {
  indexState: IndexState;
  /** The app's first publish since it started (extraction thread, pdf.js): not counted. */
  warmUp: PublishSample;
  samples: PublishSample[];
}

/** One warm-up publish, then `count` measured, 500 ms apart; the documents are deleted afterwards. */
async function publishPass(
  port: number,
  db: Db,
  meili: { client: Meilisearch; indexUid: string },
  info: CorpusInfo,
  count: number,
  indexState: IndexState,
): Promise<PublishPass> {
  print(`Publish → searchable, index ${indexState} (${count} uploads)…`);
  const editor = await signIn(port, editorEmail);
  const folder = (await db('folders as f')
    .join('directorates as d', 'd.id', 'f.directorate_id')
    .where({ 'f.is_scheme': true, 'f.scheme_is_permanent': true, 'd.code': 'DEI' })
    .whereNull('f.archived_at')
    .first('f.id')) as { id: string } | undefined;
  if (!folder) throw new Error('no permanent scheme of DEI in the corpus');
  const writer = new ProseWriter(buildVocabulary(info.seed), createRandom(Date.now()));
  const warmUp = await publishOnce(editor, db, meili, folder.id, writer);
  print(`  first publish since the app started (not counted): searchable ${warmUp.searchableSeconds.toFixed(2)} s`);
  await delay(500);
  const samples: PublishSample[] = [];
  for (let i = 0; i < count; i += 1) {
    const sample = await publishOnce(editor, db, meili, folder.id, writer);
    samples.push(sample);
    print(
      `  upload ${sample.uploadSeconds.toFixed(2)} s, Meilisearch task ${sample.meiliEnqueuedSeconds.toFixed(2)} → ${sample.meiliStartedSeconds.toFixed(2)} → ${sample.meiliFinishedSeconds.toFixed(2)} s, job done ${sample.jobDoneSeconds.toFixed(2)} s, searchable ${sample.searchableSeconds.toFixed(2)} s`,
    );
    await delay(500);
  }
  for (const sample of [warmUp, ...samples]) {
    const response = await fetch(`${editor.base}/api/documents/${sample.documentId}`, {
      method: 'DELETE',
      headers: { Cookie: editor.cookie, 'X-CSRF-Token': editor.csrfToken },
    });
    await response.body?.cancel();
  }
  await waitForQueue(db);
  return { indexState, warmUp, samples };
}

// --- reindex -------------------------------------------------------------------------------------

interface ReindexResult {
  /** Seconds Meilisearch reports processing the rebuild's document additions, and their number. */
  meiliSeconds?: number;
  meiliTasks?: number;
  meiliBatches?: number;
  wallSeconds: number;
  commandSeconds: number;
  documents: number;
  pages: number;
}

async function runReindex(env: Record<string, string>): Promise<ReindexResult> {
  const baseEnv: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) baseEnv[name] = value;
  }
  const startedAt = performance.now();
  const child = spawn('npm', ['run', '--silent', 'reindex'], {
    cwd: repoRoot,
    env: { ...baseEnv, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallSeconds = (performance.now() - startedAt) / 1000;
  if (code !== 0) throw new Error(`npm run reindex exited with ${code}:\n${output}`);
  const match = /Index rebuilt: (\d+) documents, (\d+) pages \(([\d.]+) s\)/.exec(output);
  if (!match) throw new Error(`npm run reindex said nothing the bench understands:\n${output}`);
  return { wallSeconds, documents: Number(match[1]), pages: Number(match[2]), commandSeconds: Number(match[3]) };
}

// --- report --------------------------------------------------------------------------------------

const ms = (value: number) => value.toFixed(1);

interface Results {
  info: CorpusInfo;
  options: ReturnType<typeof parseOptions>;
  queries: BenchQuery[];
  passes: PassSample[];
  /** Publish → searchable: on the index as the corpus loader left it, then (with the reindex part) once rebuilt. */
  publishPasses: PublishPass[];
  profile?: IndexProfile;
  reindex?: ReindexResult;
  reindexError?: string;
  breakdown?: ApiBreakdown;
  config: Config;
  loadAtStart: number[];
  loadAtEnd?: number[];
}

function passesOf(results: Results, mode: Mode, concurrency: number) {
  return results.passes.filter((pass) => pass.mode === mode && pass.concurrency === concurrency);
}

function ratiosOf(results: Results, concurrency: number, field: 'p50' | 'p95', mode: Mode = 'api', base: Mode = 'direct'): number[] {
  return results.passes
    .filter((pass) => pass.mode === mode && pass.concurrency === concurrency)
    .map(
      (pass) =>
        pass.figures[field] / (passesOf(results, base, concurrency).find((other) => other.run === pass.run)?.figures[field] ?? Number.NaN),
    );
}

function latencyRows(results: Results): string[][] {
  const rows: string[][] = [];
  for (const concurrency of concurrencies) {
    for (const mode of modes) {
      const passes = passesOf(results, mode, concurrency);
      if (passes.length === 0) continue;
      const p50s = passes.map((pass) => pass.figures.p50);
      const p95s = passes.map((pass) => pass.figures.p95);
      const rates = passes.map((pass) => pass.figures.rate);
      const errors = passes.reduce((sum, pass) => sum + pass.figures.errors, 0);
      rows.push([
        modeLabels[mode],
        String(concurrency),
        `${ms(median(p50s))} (${spread(p50s, 1)})`,
        `${ms(median(p95s))} (${spread(p95s, 1)})`,
        `${median(rates).toFixed(0)} (${spread(rates, 0)})`,
        String(errors),
        String(passes[0]?.figures.empty ?? 0),
      ]);
    }
  }
  return rows;
}

function targetRows(results: Results): string[][] {
  const rows: string[][] = [];
  const p50Ratios = ratiosOf(results, 1, 'p50');
  const p50Extra = passesOf(results, 'api', 1).map(
    (pass) => pass.figures.p50 - (passesOf(results, 'direct', 1).find((other) => other.run === pass.run)?.figures.p50 ?? Number.NaN),
  );
  const p95Ratios = ratiosOf(results, 32, 'p95');
  const degradedP95 = passesOf(results, 'degraded', 1).map((pass) => pass.figures.p95);
  const degradedErrors = passesOf(results, 'degraded', 1).reduce((sum, pass) => sum + pass.figures.errors, 0);
  if (results.passes.length > 0) {
    rows.push([
      'API p50 / direct p50, concurrency 1',
      `${median(p50Ratios).toFixed(2)} ×`,
      spread(p50Ratios),
      `≤ ${targets.apiP50Ratio} ×`,
      verdict(median(p50Ratios) <= targets.apiP50Ratio),
    ]);
    rows.push([
      'API p50 − direct p50, concurrency 1 (ms)',
      ms(median(p50Extra)),
      spread(p50Extra, 1),
      `≤ ${targets.apiP50ExtraMs}`,
      verdict(median(p50Extra) <= targets.apiP50ExtraMs),
    ]);
    const engineOf = (mode: Mode) => passesOf(results, mode, 1).map((pass) => pass.figures.engineP50);
    const extraOver = (base: Mode, field: 'p50' | 'outsideEngineP50') =>
      passesOf(results, 'api', 1).map(
        (pass) => pass.figures[field] - (passesOf(results, base, 1).find((other) => other.run === pass.run)?.figures[field] ?? Number.NaN),
      );
    const outsideExtra = extraOver('direct', 'outsideEngineP50');
    rows.push([
      "Meilisearch's own time p50, concurrency 1 (ms): direct; API",
      `${ms(median(engineOf('direct')))}; ${ms(median(engineOf('api')))}`,
      `${spread(engineOf('direct'), 1)}; ${spread(engineOf('api'), 1)}`,
      '—',
      '—',
    ]);
    rows.push([
      "API p50 − direct p50 less Meilisearch's own time of each request, concurrency 1 (ms)",
      ms(median(outsideExtra)),
      spread(outsideExtra, 1),
      '—',
      '—',
    ]);
    const transportExtra = extraOver('directTransport', 'p50');
    const transportOutsideExtra = extraOver('directTransport', 'outsideEngineP50');
    if (transportExtra.length > 0) {
      rows.push([
        "API p50 − direct p50 through the app's search transport, concurrency 1 (ms): as measured; less Meilisearch's own time",
        `${ms(median(transportExtra))}; ${ms(median(transportOutsideExtra))}`,
        `${spread(transportExtra, 1)}; ${spread(transportOutsideExtra, 1)}`,
        '—',
        '—',
      ]);
    }
    rows.push([
      'API p95 / direct p95, concurrency 32',
      `${median(p95Ratios).toFixed(2)} ×`,
      spread(p95Ratios),
      `≤ ${targets.apiP95Ratio} ×`,
      verdict(median(p95Ratios) <= targets.apiP95Ratio),
    ]);
    rows.push([
      `PostgreSQL p95, concurrency 1 (ms); queries answered`,
      `${ms(median(degradedP95))}; ${results.queries.length * passesOf(results, 'degraded', 1).length - degradedErrors}/${results.queries.length * passesOf(results, 'degraded', 1).length}`,
      spread(degradedP95, 1),
      `≤ ${targets.degradedP95Ms}; all`,
      verdict(median(degradedP95) <= targets.degradedP95Ms && degradedErrors === 0),
    ]);
  }
  for (const pass of results.publishPasses) {
    const seconds = pass.samples.map((sample) => sample.searchableSeconds);
    rows.push([
      `publish → searchable, 20-page PDF, p95 of ${seconds.length} (s); ${indexStateLabels[pass.indexState]}`,
      percentile(seconds, 95).toFixed(2),
      spread(seconds),
      `≤ ${targets.publishP95Seconds}`,
      verdict(percentile(seconds, 95) <= targets.publishP95Seconds),
    ]);
  }
  rows.push([
    `extraction + indexing by the job worker (pages/s, \`npm run corpus\`)`,
    results.info.pagesPerSecond.toFixed(0),
    '1 run',
    `≥ ${targets.indexPagesPerSecond}`,
    verdict(results.info.pagesPerSecond >= targets.indexPagesPerSecond),
  ]);
  if (results.reindex) {
    const rate = results.reindex.pages / results.reindex.commandSeconds;
    rows.push([
      `\`npm run reindex\` of ${results.reindex.pages} pages (pages/s)`,
      rate.toFixed(0),
      '1 run',
      `≥ ${targets.reindexPagesPerSecond}`,
      verdict(rate >= targets.reindexPagesPerSecond),
    ]);
  } else
    rows.push([
      '`npm run reindex` (pages/s)',
      `not measured: ${results.reindexError ?? ''}`,
      '—',
      `≥ ${targets.reindexPagesPerSecond}`,
      '—',
    ]);
  const gzipExtra = passesOf(results, 'directGzip', 1).map(
    (pass) => pass.figures.p50 - (passesOf(results, 'direct', 1).find((other) => other.run === pass.run)?.figures.p50 ?? Number.NaN),
  );
  if (gzipExtra.length > 0)
    rows.push(['client default (gzip) p50 − identity p50, concurrency 1 (ms)', ms(median(gzipExtra)), spread(gzipExtra, 1), '—', '—']);
  return rows;
}

function extractionRows(profile: IndexProfile): string[][] {
  return profile.extraction.map((entry) => {
    const perPage = (value: number) => (value / entry.pages).toFixed(2);
    const total = entry.storageMs + entry.extractMs + entry.pgWriteMs;
    return [
      `${entry.fileType} (${entry.documents} docs, ${entry.pages} pages)`,
      perPage(entry.storageMs),
      perPage(entry.extractMs),
      perPage(entry.pgWriteMs),
      perPage(total),
      (entry.pages / (total / 1000)).toFixed(0),
    ];
  });
}

function batchRows(profile: IndexProfile): string[][] {
  const batch = profile.batch;
  if (!batch) return [];
  const perPage = (value: number) => (value / batch.pages).toFixed(2);
  return [
    [
      `${batch.documents} docs, ${batch.pages} pages`,
      perPage(batch.totalMs - batch.replaceMs),
      perPage(batch.replaceMs),
      `${perPage(batch.meiliAddMs)} (${batch.addTasks} tasks) / ${perPage(batch.meiliDeleteMs)}`,
      perPage(batch.totalMs),
      (batch.pages / (batch.totalMs / 1000)).toFixed(0),
    ],
  ];
}

function publishRows(samples: PublishSample[]): string[][] {
  const row = (label: string, values: number[]) =>
    values.length === 0 ? [label, '—', '—', '—'] : [label, median(values).toFixed(2), percentile(values, 95).toFixed(2), spread(values)];
  return [
    row(
      'upload answered (201)',
      samples.map((s) => s.uploadSeconds),
    ),
    row('pages sent to Meilisearch (its task enqueued)', samples.map((s) => s.meiliEnqueuedSeconds).filter(Number.isFinite)),
    row('Meilisearch starts the task', samples.map((s) => s.meiliStartedSeconds).filter(Number.isFinite)),
    row('Meilisearch has indexed them (task finished)', samples.map((s) => s.meiliFinishedSeconds).filter(Number.isFinite)),
    row('indexing job done (jobs.finished_at)', samples.map((s) => s.jobDoneSeconds).filter(Number.isFinite)),
    row(
      'found by `GET /api/search`',
      samples.map((s) => s.searchableSeconds),
    ),
  ];
}

function sectionMarkdown(results: Results): string {
  const { info } = results;
  const queryWords = [1, 2, 3, 4]
    .map((n) => `${results.queries.filter((q) => q.words === n).length} of ${n} word${n > 1 ? 's' : ''}`)
    .join(', ');
  const isFullScale = info.documents >= 10000 && info.pages >= 200000;
  return [
    '## Search — `npm run corpus`, then `npm run bench:search`',
    '',
    `Machine: ${machineLine()}. Load average (1, 5, 15 min) when the bench began: ${results.loadAtStart.map((v) => v.toFixed(2)).join(', ')}; when it ended: ${(results.loadAtEnd ?? []).map((v) => v.toFixed(2)).join(', ')}; 1-minute load average at the start of the measured passes: ${spread(results.passes.map((pass) => pass.load))} — the machine is shared: other work running at the same time (test suites, browsers) shows here and widens the spreads.`,
    '',
    `Corpus (\`npm run corpus -- --documents ${info.documents} --pages-per-document ${Math.round(info.pages / info.documents)}\`, seed ${info.seed}, made ${info.createdAt.slice(0, 16).replace('T', ' ')} UTC): ` +
      `**${info.documents} documents, ${info.pages} pages**${isFullScale ? '' : ' — a reduced scale, not the 10,000 documents / 200,000 pages of the target corpus'}, ` +
      `${info.schemes} schemes under the ${16} themes of the seed (scheme card: keywords, promise, summary, audiences, aid types, dates — about one in eight closed — and referent), ` +
      `${(info.words / 1e6).toFixed(1)} million words of generated French prose (bench/corpusText.ts: a Zipf-like draw over ${info.vocabularyForms} word forms derived from hand-written lemmas — plurals, feminine forms, conjugations, re-/dé- prefixes, -ment, -eur, -euse, -able, -ité —, towns, rivers, invented people and companies; ${info.distinctWordsWritten} distinct words actually written), pages of 150–400 words. ` +
      `Loaded through the real pipeline: each file stored by \`storeInspected\` (the upload API's storage path: storage driver, SHA-256, type from the bytes) and recorded by \`createDocument\` (published), ` +
      `${info.pdfDocuments} of them (${info.pdfPages} pages) as PDFs made by pdf-lib, the others as UTF-8 text with a form feed between pages (PDF making and pdf.js extraction of every file would not fit the time of a run on 2 cores); ` +
      `then extracted and indexed by the real job worker (startWorker + createJobHandlers, concurrency ${info.workerConcurrency}) in ${info.indexSeconds.toFixed(0)} s.`,
    '',
    `Method: one query set of ${results.queries.length} queries drawn from the corpus vocabulary (${queryWords}; ${results.queries.filter((q) => q.hasFacet).length} with a facet filter: audience, aid type, document type, scope or theme), the same for every path. ` +
      `Each run measures five paths. At concurrency 1, direct Meilisearch (both ways of identity), \`GET /api/search\` and PostgreSQL take turns query by query (one request at a time, the order rotating from one query to the next), so that they are measured over the same minutes and the machine's drift falls on them alike; the client with its defaults then runs its own pass, request after request as the app would send them (its extra cost mostly vanished when it took turns with the others). At concurrency 8 and 32 (8 or 32 requests always in flight) the paths run one after another. The paths, in this order: direct Meilisearch — search/query.ts \`runSearch\` (the answer's design: the per-word searches, then the best pages) with the filter, facets, page and query expansion (shipped thesaurus, administrators' synonyms) of \`searchDocuments\`, through the Meilisearch client with \`Accept-Encoding: identity\` as search/index.ts sets it, the client's own transport (Node's fetch) — the reference of the targets —; ` +
      "the same through a client with its defaults (Node's fetch asks for gzip, br); the same through the client as the app searches with it, on the app's search transport (search/transport.ts: node:http on kept-alive connections, instead of fetch), for what the API adds over the very request the app sends; `GET /api/search` of the app (bench/servers/app.ts: the app and its job worker in their own Node process, signed in as an agent by the dev sign-in; every answer carries facets and snippets, and the query is logged in search_log); " +
      `\`degradedSearch\` (PostgreSQL full-text search) called in the bench process with a pool of 40. Every path is warmed up once (not measured). Runs: ${results.options.runs}. ` +
      'p50 and p95 are per run over the set; the table gives the median of the runs and their spread (min–max). Ratios are taken per run, API against direct in the same run. At concurrency 1 the requests/s figure is 1 over the mean latency. At concurrency 32 the 2 cores are saturated: those latencies measure throughput. ' +
      "Meilisearch's own time is the `processingTimeMs` of its answer (whole milliseconds): read by the client for direct Meilisearch, from the app's `Server-Timing` header for `GET /api/search`. Meilisearch 1.21 runs each search on the HTTP worker thread of its connection (one worker per core here), and the two do not search alike: the same searches took it 13–14 ms on one and 15–18 ms on the other (four connections taking turns; the faster is the worker that searched first after Meilisearch started). Which worker holds the app's connection and which the bench's follows from the order the connections were opened, so a run's API − direct moves by up to that much either way; the row \"less Meilisearch's own time\" takes each request's own Meilisearch time out of its latency before the p50s are compared, which leaves what the API adds.",
    '',
    markdownTable(
      ['path', 'concurrency', 'p50 ms (spread)', 'p95 ms (spread)', 'requests/s (spread)', 'errors', 'empty answers'],
      latencyRows(results),
    ),
    '',
    markdownTable(['target', 'median', 'spread (min–max)', 'target', 'result'], targetRows(results)),
    '',
    results.publishPasses.length > 0
      ? `Publish → searchable: uploads one after the other, 500 ms apart, of a new 20-page PDF (pdf-lib) holding one new word, by \`POST /api/documents\` (editor, status published) into a permanent scheme; the time runs from sending the upload until \`GET /api/search\` for that word lists the document (asked once the document's indexing job is done, polled in PostgreSQL every 20 ms, then every 20 ms if need be). The app's worker wakes when a job is enqueued (PostgreSQL NOTIFY from the jobs table, server/jobs/wakeUp.ts; otherwise it polls every second) and takes up to 50 due documents in one batch. Before each pass, one publish made the same way is not counted: the app's first PDF starts its extraction thread (tsx, the readers) and loads pdf.js. The documents are deleted after each pass. ` +
        'Two passes: first on the index as the corpus loader left it (10,000 documents added batch after batch, never rebuilt: Meilisearch does not write its database compact again after changes), then on the index `npm run reindex` has just rebuilt, the state the nightly rebuild (job `search.rebuild`, README "Search") brings it back to each night when documents changed. Both passes are held to the target. Meilisearch runs with `--max-indexing-memory 1GiB` (MEILI_MAX_INDEXING_MEMORY): with its default, two thirds of the RAM, each of these additions spent 0.1 to 2.3 s more in the kernel.\n\n' +
        results.publishPasses
          .map(
            (pass) =>
              `${indexStateLabels[pass.indexState]}, ${pass.samples.length} uploads (the first publish, not counted: searchable after ${pass.warmUp.searchableSeconds.toFixed(2)} s):\n\n${markdownTable(['seconds from sending the upload', 'median', 'p95', 'spread (min–max)'], publishRows(pass.samples))}`,
          )
          .join('\n\n')
      : '',
    '',
    results.breakdown
      ? `Where the time of \`GET /api/search\` goes, concurrency 1, ${results.breakdown.queries} queries of the set, the three taking turns (rotating order), medians: direct Meilisearch ${ms(results.breakdown.directMs)} ms; ` +
        `\`searchDocuments\` in the bench process (the same search, through the app's search transport, and \`presentHit\`, server/search/service.ts; the \`search_log\` write comes after the answer, untimed) ${ms(results.breakdown.inProcessMs)} ms; ` +
        `\`GET /api/search\` ${ms(results.breakdown.apiMs)} ms. Alone, one at a time: a one-row read of \`sessions\` ${ms(results.breakdown.selectMs)} ms (each signed-in request reads its session, connect-pg-simple, and its user, server/auth/session.ts \`loadUser\`; a search with a session cookie the app signed starts its Meilisearch query while they are read, server/search/routes.ts \`earlySearch\`); ` +
        `the \`search_log\` write ${ms(results.breakdown.logInsertMs)} ms (server/search/service.ts \`logSearch\`, once the answer is sent: one statement in a transaction with \`synchronous_commit = off\`, so its commit does not wait for the disk; the session store does not touch the session on each request, \`disableTouch\`).`
      : '',
    '',
    results.profile
      ? 'Where indexing time goes (the bench re-runs the steps of a `search.syncDocument` batch on documents of the corpus, with nothing else of the bench running), ms per page. ' +
        'First each document alone: storage read, pdf.js/text extraction in the extraction thread (server/extraction), PostgreSQL write of `version_pages` (server/search/indexing.ts `extractVersion`, the stored `to_tsvector` column included).\n\n' +
        markdownTable(['documents', 'storage', 'extraction', 'PostgreSQL write', 'total', 'pages/s'], extractionRows(results.profile)) +
        '\n\nThen all of them as one batch, as the worker takes them (server/search/indexing.ts `syncDocuments`): reading their stored pages and building the records (Snowball stems of every page, search/records.ts), then `replaceDocuments` (search/index.ts: the additions in requests of at most 1,000 records then (since issue 18: in requests under 90 % of the payload limit of Meilisearch, `MEILI_HTTP_PAYLOAD_SIZE_LIMIT`, whatever their record count) and one deletion of stale records, all queued, then awaited), with the processing time Meilisearch reports for its tasks (`duration` in its task list).\n\n' +
        markdownTable(
          [
            'batch',
            'read + records',
            'Meilisearch replaceDocuments',
            'of which Meilisearch processing: additions / deletion',
            'total',
            'pages/s',
          ],
          batchRows(results.profile),
        )
      : '',
    '',
    results.reindex
      ? `\`npm run reindex\` (server/cli/reindex.ts → server/search/rebuild.ts \`rebuildIndex\`: fresh index, batches of 50 documents queued by \`queueRecords\` without waiting (split into requests under the payload limit since issue 18), then all awaited, then the swap), spawned on the bench's services with the app stopped, after the searches and the first publish pass: ${results.reindex.documents} documents, ${results.reindex.pages} pages in ${results.reindex.commandSeconds.toFixed(1)} s as the command reports it (${results.reindex.wallSeconds.toFixed(1)} s with npm and tsx starting). Meilisearch reports ${results.reindex.meiliSeconds?.toFixed(1) ?? '?'} s processing its ${results.reindex.meiliTasks ?? '?'} document-addition tasks (one per batch of documents), which it ran in ${results.reindex.meiliBatches ?? '?'} batches of its own (consecutive additions indexed together while the next batches are read and built); the rest is reading \`version_pages\`, \`buildRecords\` (stems) and the HTTP transfer.`
      : '',
  ].join('\n');
}

// --- main ----------------------------------------------------------------------------------------

/** Search latency of every path, at each concurrency, `--runs` times (after one warm-up set per path). */
async function measureSearchLatency(results: Results, runners: Runners, runs: number): Promise<void> {
  print('Warming up every path (not measured)…');
  for (const mode of modes) {
    const warm = await runSet(results.queries, 4, runnerFor(mode, runners));
    if (warm.errors > 0) throw new Error(`${modeLabels[mode]}: ${warm.errors} errors while warming up, the first: ${warm.firstError}`);
  }
  for (let run = 1; run <= runs; run += 1) {
    for (const concurrency of concurrencies) {
      const load = os.loadavg()[0] ?? 0;
      // One at a time, the paths take turns query by query, but the gzip client runs its own pass
      // after them (see the method); 8 or 32 in flight, one path after another.
      const sets: Partial<Record<Mode, SetResult>> =
        concurrency === 1
          ? await runInterleaved(results.queries, {
              direct: runnerFor('direct', runners),
              directTransport: runnerFor('directTransport', runners),
              api: runnerFor('api', runners),
              degraded: runnerFor('degraded', runners),
            })
          : {};
      for (const mode of modes) {
        const interleaved = sets[mode];
        const figures = figuresOf(interleaved ?? (await runSet(results.queries, concurrency, runnerFor(mode, runners))));
        results.passes.push({ load: interleaved ? load : (os.loadavg()[0] ?? 0), run, mode, concurrency, figures });
        const engine = Number.isNaN(figures.engineP50) ? '' : `  Meilisearch p50 ${ms(figures.engineP50)} ms`;
        print(
          `run ${run}/${runs} c=${String(concurrency).padStart(2)} ${modeLabels[mode].padEnd(42)} p50 ${ms(figures.p50).padStart(7)} ms  p95 ${ms(figures.p95).padStart(7)} ms  ${figures.rate.toFixed(0).padStart(4)}/s  errors ${figures.errors}  empty ${figures.empty}${engine}`,
        );
      }
    }
  }
}

/** Where the API's time goes, one query at a time, on the first 50 queries. */
async function measureApiBreakdown(results: Results, runners: Runners, services: Services, db: Db): Promise<void> {
  print('Where the API time goes (concurrency 1)…');
  const agent = (await db('users').where({ email: agentEmail }).first('id', 'role', 'maison_id')) as {
    id: string;
    role: string;
    maison_id: string | null;
  };
  results.breakdown = await breakdownApi(
    runners,
    services,
    { id: agent.id, role: agent.role, maisonId: agent.maison_id },
    results.queries.slice(0, 50),
  );
  print(`  ${JSON.stringify(results.breakdown)}`);
}

/** Where indexing time goes: the steps of search.syncDocument re-run on 46 text and 4 PDF documents. */
async function measureIndexingSteps(results: Results, runners: Runners, services: Services, db: Db): Promise<void> {
  print('Where indexing time goes (re-running the steps of search.syncDocument on sample documents)…');
  const samples = (
    await db.raw<{ rows: { id: string; file_type: string }[] }>(
      `(select d.id, v.file_type from documents d join versions v on v.id = d.current_version_id where d.status = 'published' and d.deleted_at is null and v.file_type = 'txt' order by d.created_at limit 46)
     union all
     (select d.id, v.file_type from documents d join versions v on v.id = d.current_version_id where d.status = 'published' and d.deleted_at is null and v.file_type = 'pdf' order by d.created_at limit 4)`,
    )
  ).rows;
  results.profile = await profileIndexing(services, runners.direct, samples);
  for (const row of [...extractionRows(results.profile), ...batchRows(results.profile)]) print(`  ${row.join(' | ')}`);
}

/** `npm run reindex` of the whole corpus, and Meilisearch's own processing time of the rebuild. */
async function measureReindex(results: Results, runners: Runners, serviceEnv: Record<string, string>): Promise<void> {
  print('npm run reindex…');
  try {
    const reindexStartedAt = new Date();
    results.reindex = await runReindex(serviceEnv);
    const tasks = await runners.direct.tasks.getTasks({
      types: ['documentAdditionOrUpdate'],
      afterEnqueuedAt: reindexStartedAt.toISOString(),
      limit: 10000,
    });
    const rebuildTasks = tasks.results.filter((task) => task.indexUid?.endsWith('_rebuild'));
    results.reindex.meiliTasks = rebuildTasks.length;
    const processing = processingMs(rebuildTasks);
    results.reindex.meiliSeconds = processing.ms / 1000;
    results.reindex.meiliBatches = processing.batches;
    print(
      `  ${results.reindex.documents} documents, ${results.reindex.pages} pages in ${results.reindex.commandSeconds.toFixed(1)} s (${(results.reindex.pages / results.reindex.commandSeconds).toFixed(0)} pages/s)`,
    );
  } catch (error) {
    results.reindexError = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 2).join(' ');
    print(`  failed: ${results.reindexError}`);
  }
}

/** The tables on the terminal; the section `search` of docs/benchmarks.md when every part ran. */
async function writeReport(results: Results): Promise<void> {
  const rows = targetRows(results);
  print();
  print(
    markdownTable(
      ['path', 'concurrency', 'p50 ms (spread)', 'p95 ms (spread)', 'requests/s (spread)', 'errors', 'empty answers'],
      latencyRows(results),
    ),
  );
  print();
  print(markdownTable(['target', 'median', 'spread (min–max)', 'target', 'result'], rows));
  for (const row of rows.filter((row) => row[4] === verdict(false))) print(`MISSED: ${row[0]}: ${row[1]} (target ${row[3]})`);
  if (results.options.parts.size === allParts.length) {
    await writeBenchmarkSection('search', sectionMarkdown(results));
    print('Written to docs/benchmarks.md (section search).');
  } else {
    print(`Not written to docs/benchmarks.md: only ${[...results.options.parts].join(', ')} ran.`);
  }
}

async function main() {
  const options = parseOptions();
  const info = readCorpusInfo(options.dataDir);
  const loadAtStart = os.loadavg();
  print(
    `Corpus in ${options.dataDir}: ${info.documents} documents, ${info.pages} pages. Load average: ${loadAtStart.map((v) => v.toFixed(2)).join(', ')}`,
  );
  const interrupt = (signal: NodeJS.Signals) => {
    process.stderr.write(`bench:search interrupted (${signal}): stopping the app and the embedded services…\n`);
    void (async () => {
      if (liveServer) await stopAppServer(liveServer);
      await liveServices?.stop().catch(() => undefined);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' };
  const config = loadConfig(env);
  const logger = createLogger('warn');
  const services = await startServices(config, logger);
  liveServices = services;
  // A corpus made before the latest migrations gets them, as \`npm start\` would give them.
  await migrateLatest(services.db);
  const secrets = JSON.parse(readFileSync(path.join(options.dataDir, 'secrets.json'), 'utf8')) as {
    meiliMasterKey: string;
    sessionSecret: string;
  };
  const meiliUrl = await meiliUrlOf(options.dataDir);
  const db = createDb(services.databaseUrl, { poolMax: 40 });
  let server: BenchServer | undefined;
  const results: Results = { info, options, queries: [], passes: [], publishPasses: [], config, loadAtStart };
  try {
    await waitForQueue(services.db);
    const serviceEnv = {
      DATABASE_URL: services.databaseUrl,
      MEILI_URL: meiliUrl,
      MEILI_MASTER_KEY: secrets.meiliMasterKey,
      DATA_DIR: options.dataDir,
    };
    // Saturated on purpose (32 in flight on 2 cores): latencies are measured, not cut by the request bound.
    const appEnv = { ...serviceEnv, SESSION_SECRET: secrets.sessionSecret, REQUEST_TIMEOUT_MS: '120000' };
    server = await startAppServer(appEnv);
    const session = await signIn(server.port, agentEmail);
    const themeIds = ((await db('folders').whereNull('parent_id').select('id')) as { id: string }[]).map((row) => row.id);
    results.queries = buildQueries(info, options.queries, themeIds);
    const runners: Runners = {
      direct: createClient({ url: meiliUrl, apiKey: secrets.meiliMasterKey }),
      directGzip: new Meilisearch({ host: meiliUrl, apiKey: secrets.meiliMasterKey, timeout: 10000 }),
      directTransport: createClient({ url: meiliUrl, apiKey: secrets.meiliMasterKey }, { isForSearches: true }),
      pagesIndex: services.search.pagesIndex,
      expand: await queryExpander(db),
      session,
      db,
    };
    await checkCompression(meiliUrl, secrets.meiliMasterKey, services.search.pagesIndex);

    if (options.parts.has('search')) await measureSearchLatency(results, runners, options.runs);
    if (options.parts.has('breakdown')) await measureApiBreakdown(results, runners, services, db);
    if (options.parts.has('profile')) await measureIndexingSteps(results, runners, services, db);
    const meiliTasks = { client: runners.direct, indexUid: runners.pagesIndex };
    if (options.parts.has('publish'))
      results.publishPasses.push(await publishPass(server.port, db, meiliTasks, info, options.publishSamples, 'as loaded'));
    await stopAppServer(server);
    server = undefined;
    if (options.parts.has('reindex')) await measureReindex(results, runners, serviceEnv);
    if (options.parts.has('publish') && results.reindex) {
      // Again on the rebuilt index: the state the nightly rebuild (search.rebuild) keeps it in.
      server = await startAppServer(appEnv);
      results.publishPasses.push(await publishPass(server.port, db, meiliTasks, info, options.publishSamples, 'rebuilt'));
    }
  } finally {
    if (server) await stopAppServer(server);
    await db.destroy().catch(() => undefined);
    await services.stop();
    liveServices = undefined;
  }
  results.loadAtEnd = os.loadavg();
  await writeReport(results);
}

/** The embedded Meilisearch's URL, from the port the data directory's lock records. */
async function meiliUrlOf(dataDir: string): Promise<string> {
  const lock = JSON.parse(readFileSync(path.join(dataDir, 'app.lock'), 'utf8')) as { meiliPort?: number };
  if (!lock.meiliPort) throw new Error(`no Meilisearch port in ${path.join(dataDir, 'app.lock')}`);
  return `http://127.0.0.1:${lock.meiliPort}`;
}

/** Prints what Meilisearch answers to each client's Accept-Encoding (is the default answer compressed?). */
async function checkCompression(url: string, key: string, indexUid: string): Promise<void> {
  for (const encoding of ['identity', 'gzip, deflate, br']) {
    const response = await fetch(`${url}/multi-search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Accept-Encoding': encoding },
      body: JSON.stringify({ queries: [{ indexUid, q: 'projet', limit: 20 }] }),
    });
    const body = await response.arrayBuffer();
    print(
      `Meilisearch with Accept-Encoding "${encoding}": Content-Encoding ${response.headers.get('content-encoding') ?? 'none'}, ${body.byteLength} bytes decoded`,
    );
  }
}

main().catch((error: unknown) => {
  failed('search')(error);
  if (liveServer) void stopAppServer(liveServer);
});
