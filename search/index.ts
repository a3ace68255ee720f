import { Meilisearch, MeilisearchRequestError, MeilisearchRequestTimeOutError, type Index, type Task } from 'meilisearch';
import { SearchUnavailableError } from './errors';
import { and, anyOf } from './filters';
import { stemText } from './french';
import { runSearch, type SearchRequest, type SearchResult } from './query';
import { analysisVersion, type SearchRecord } from './records';
import { expansionIndex, indexSettings } from './settings';
import type { SynonymSet } from './thesaurus';
import { apiErrorOf, createHttpClient } from './transport';

export type { SearchRecord, DocumentForIndex, MetadataRecord } from './records';
export { buildRecords, metadataRecord } from './records';
export type { QueryReading } from './query';
export { coverageFloor } from './retrieval';
export { shippedThesaurus, synonymSet, type SynonymSet, type ThesaurusEntry } from './thesaurus';
export { prepareUnderstanding, understand, type QueryWord } from './understand';
export { and, anyOf, atLeast, meiliFilter, recordMatches, type SearchFilter } from './filters';
export { hitOfRecord, markEnd, markStart } from './query';
export { snippetRenderer } from './snippets';
export { stem, stemText } from './french';
export { withAccents } from './accents';
export { SearchUnavailableError } from './errors';

/** What a query word also stands for, from a synonym set (search/settings.ts). */
export const expansionsOf = (synonyms: SynonymSet) => expansionIndex(synonyms, stemText);
export type { SearchRequest, SearchResult, SearchHit } from './query';

/**
 * The one door to Meilisearch. The rest of the app never imports the client library.
 */
export interface SearchOptions {
  url: string;
  apiKey?: string;
  /** Every index this app owns is named `${indexPrefix}_…`, so several apps or test files can share one server. */
  indexPrefix: string;
  /** Meilisearch's payload limit (`--http-payload-size-limit`, 100 MB by default): every write stays under it. */
  payloadLimitBytes?: number;
}

export interface Search {
  readonly indexPrefix: string;
  readonly pagesIndex: string;
  indexUid(name: string): string;
  /** Throws SearchUnavailableError when Meilisearch does not answer or is not healthy. */
  checkHealth(): Promise<void>;
  /** Creates the pages index if missing and applies its settings (idempotent). */
  ensureIndex(uid?: string): Promise<void>;
  /**
   * Makes `records` (all built with `syncId`) the whole content of these documents in the index:
   * their records of earlier syncs are removed, so a document without records leaves the index.
   */
  replaceDocuments(documentIds: string[], records: SearchRecord[], syncId: string, uid?: string): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  /** Does the index hold records of an older text analysis (they must be rebuilt)? */
  hasOutdatedRecords(): Promise<boolean>;
  /** Every indexed document id with its record count (for drift checks). */
  indexedDocuments(): Promise<Map<string, number>>;
  /** Every indexed document with what its records say of their origin (for drift checks). */
  indexedStates(): Promise<Map<string, IndexedState>>;
  /** Rebuild helpers: a fresh index under a temporary uid, then an atomic swap. */
  createFreshIndex(): Promise<string>;
  /** Queues records without waiting (Meilisearch batches consecutive additions); `waitForQueued` waits for them all. */
  queueRecords(uid: string, records: SearchRecord[]): Promise<void>;
  waitForQueued(): Promise<void>;
  swapInto(freshUid: string): Promise<void>;
  /** Drops a fresh index that will not be swapped in (a rebuild that failed), and forgets its queued tasks. */
  discardFreshIndex(freshUid: string): Promise<void>;
}

/** What a document's records in the index say of the sync that wrote them (the stamps of server/search/indexing.ts). */
export interface IndexedState {
  records: number;
  versionIds: Set<string | undefined>;
  fingerprints: Set<string | undefined>;
  pageCounts: Set<number | undefined>;
  recordCounts: Set<number | undefined>;
}

/**
 * Meilisearch unreachable, too slow or failing on its side (408, 5xx: a cold start, an overload)
 * becomes a SearchUnavailableError (the app answers 503); its refusal of a request (another 4xx)
 * and anything else, a bug, stay as they are.
 */
export function toSearchError(error: unknown): unknown {
  const refusal = apiErrorOf(error);
  const status = refusal?.response?.status ?? 0;
  if (refusal && status !== 408 && status < 500) return refusal;
  if (refusal || error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) {
    return new SearchUnavailableError({ cause: error });
  }
  return error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toSearchError(error);
  }
}

const taskTimeoutMs = 120000;
/** Meilisearch's own default payload limit. */
export const defaultPayloadLimitBytes = 100_000_000;

/**
 * Splits records into requests whose JSON body stays within `maxBytes` (a 2.5 MB document makes
 * hundreds of records: counting records or documents cannot bound a request). A record larger
 * than `maxBytes` goes alone, and Meilisearch refuses it.
 */
export function chunkByBytes<T>(records: T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let size = 2;
  for (const record of records) {
    const bytes = Buffer.byteLength(JSON.stringify(record)) + 1;
    if (chunk.length > 0 && size + bytes > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      size = 2;
    }
    chunk.push(record);
    size += bytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * The Meilisearch client as the app builds it; the one for searches goes its own, quicker way
 * (search/transport.ts). The search bench measures direct Meilisearch through these too.
 */
export function createClient(options: Pick<SearchOptions, 'url' | 'apiKey'>, { isForSearches = false } = {}): Meilisearch {
  return new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    timeout: 10000,
    // The client asks for gzip by default; on loopback that costs more than it saves.
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    ...(isForSearches ? { httpClient: createHttpClient() } : {}),
  });
}

type Enqueued = { taskUid: number } | PromiseLike<{ taskUid: number }>;

/**
 * Waits for a task to end, polling `GET /tasks/:uid`. Not the client's waitForTask: its one
 * timeout signal gains an abort listener per poll, thousands during a rebuild.
 */
async function settledTask(client: Meilisearch, enqueued: Enqueued, timeoutMs = taskTimeoutMs, intervalMs = 25): Promise<Task> {
  const { taskUid } = await enqueued;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await client.tasks.getTask(taskUid);
    if (task.status !== 'enqueued' && task.status !== 'processing') return task;
    if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} still ${task.status} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Replaces the records of these documents with the sync's: the new ones added, then those of an
 * older sync deleted. Every task is queued before any is awaited: Meilisearch runs an index's
 * tasks in order and indexes consecutive additions as one batch.
 */
async function replaceRecords(
  target: Index<SearchRecord>,
  settled: (enqueued: Enqueued) => Promise<Task>,
  sync: { documentIds: string[]; records: SearchRecord[]; syncId: string; maxRequestBytes: number },
) {
  const enqueued = [];
  // The primary key named: a sync that reaches Meilisearch before the settings job creates the
  // index with it, instead of an index without one that refuses every record.
  for (const chunk of chunkByBytes(sync.records, sync.maxRequestBytes))
    enqueued.push(await target.addDocuments(chunk, { primaryKey: 'id' }));
  enqueued.push(
    await target.deleteDocuments({ filter: and([anyOf('documentId', sync.documentIds), `NOT ${anyOf('syncId', [sync.syncId])}`]) }),
  );
  for (const { taskUid } of enqueued) {
    const task = await settled({ taskUid });
    if (task.status === 'failed') throw new Error(`Meilisearch refused the documents' pages: ${task.error?.message}`);
  }
}

/** How many records each document has in the index, read 10,000 at a time. */
async function countIndexedRecords(index: Index<SearchRecord>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let offset = 0; ; offset += 10000) {
    const batch = await index.getDocuments({ fields: ['documentId'], limit: 10000, offset });
    for (const record of batch.results) counts.set(record.documentId, (counts.get(record.documentId) ?? 0) + 1);
    if (batch.results.length < 10000) return counts;
  }
}

/** What each document's records say of the sync that wrote them, read 10,000 at a time. */
async function readIndexedStates(client: Meilisearch, uid: string): Promise<Map<string, IndexedState>> {
  type Stamped = { documentId: string; versionId?: string; fingerprint?: string; pageCount?: number; recordCount?: number };
  const states = new Map<string, IndexedState>();
  for (let offset = 0; ; offset += 10000) {
    const batch = await client
      .index<Stamped>(uid)
      .getDocuments({ fields: ['documentId', 'versionId', 'fingerprint', 'pageCount', 'recordCount'], limit: 10000, offset });
    for (const record of batch.results) {
      let state = states.get(record.documentId);
      if (!state) {
        state = { records: 0, versionIds: new Set(), fingerprints: new Set(), pageCounts: new Set(), recordCounts: new Set() };
        states.set(record.documentId, state);
      }
      state.records += 1;
      state.versionIds.add(record.versionId);
      state.fingerprints.add(record.fingerprint);
      state.pageCounts.add(record.pageCount);
      state.recordCounts.add(record.recordCount);
    }
    if (batch.results.length < 10000) return states;
  }
}

export function createSearch(options: SearchOptions): Search {
  const client = createClient(options);
  const searchClient = createClient(options, { isForSearches: true });
  const pagesIndex = `${options.indexPrefix}_pages`;
  const queued: number[] = [];
  // A margin under the limit: the client's own serialisation may differ by a few bytes per record.
  const maxRequestBytes = Math.floor((options.payloadLimitBytes ?? defaultPayloadLimitBytes) * 0.9);
  const index = (uid = pagesIndex): Index<SearchRecord> => client.index<SearchRecord>(uid);
  const settled = (enqueued: Enqueued, timeoutMs?: number, intervalMs?: number) => settledTask(client, enqueued, timeoutMs, intervalMs);

  async function ensureIndex(uid = pagesIndex) {
    await guarded(async () => {
      const existing = await client.getIndex(uid).catch(() => undefined);
      if (!existing) await settled(client.createIndex(uid, { primaryKey: 'id' }));
      await settled(index(uid).updateSettings(indexSettings()));
    });
  }

  return {
    indexPrefix: options.indexPrefix,
    pagesIndex,
    indexUid: (name) => `${options.indexPrefix}_${name}`,
    checkHealth: () => guarded(async () => void (await client.health())),
    ensureIndex,

    replaceDocuments: (documentIds, records, syncId, uid) =>
      guarded(async () => {
        if (documentIds.length > 0) await replaceRecords(index(uid), settled, { documentIds, records, syncId, maxRequestBytes });
      }),

    search: (request) => guarded(() => runSearch(searchClient, pagesIndex, request)),

    hasOutdatedRecords: () =>
      guarded(async () => {
        const result = await index().search('', { filter: `NOT analysis = ${analysisVersion}`, limit: 0 });
        return (result.estimatedTotalHits ?? 0) > 0;
      }),

    indexedDocuments: () => guarded(() => countIndexedRecords(index())),

    indexedStates: () => guarded(() => readIndexedStates(client, pagesIndex)),

    createFreshIndex: () =>
      guarded(async () => {
        const uid = `${pagesIndex}_rebuild`;
        await settled(client.deleteIndex(uid)).catch(() => undefined);
        await ensureIndex(uid);
        return uid;
      }),

    queueRecords: (uid, records) =>
      guarded(async () => {
        for (const chunk of chunkByBytes(records, maxRequestBytes)) queued.push((await index(uid).addDocuments(chunk)).taskUid);
      }),

    waitForQueued: () =>
      guarded(async () => {
        const uids = queued.splice(0);
        for (const uid of uids) {
          const task = await settled({ taskUid: uid }, 30 * 60000, 250);
          if (task.status === 'failed') throw new Error(`Meilisearch refused records: ${task.error?.message}`);
        }
      }),

    swapInto: (freshUid) =>
      guarded(async () => {
        const existing = await client.getIndex(pagesIndex).catch(() => undefined);
        if (!existing) await settled(client.createIndex(pagesIndex, { primaryKey: 'id' }));
        const task = await settled(client.swapIndexes([{ indexes: [pagesIndex, freshUid], rename: false }]));
        if (task.status === 'failed') throw new Error(`Meilisearch could not swap the indexes: ${task.error?.message}`);
        await settled(client.deleteIndex(freshUid));
      }),

    discardFreshIndex: (freshUid) =>
      guarded(async () => {
        queued.splice(0);
        await settled(client.deleteIndex(freshUid));
      }),
  };
}
