import { tryTransactionLock, type Db } from '../db';
import type { Logger } from '../logger';
import { searchIndexDrift } from '../metrics';
import { loadFolderTree, type FolderTree } from '../folders/tree';
import type { IndexedState, Search } from '../../search';
import { documentForIndex, fingerprintOf, indexableDocuments, stampedRecords, storedOcrMarks, storedPages } from './indexing';
import { enqueueDocumentSync, enqueueSettings } from './enqueue';

export class RebuildRunningError extends Error {
  constructor() {
    super('another rebuild of the search index is running');
  }
}

/**
 * Rebuilds the index from PostgreSQL into a fresh index, then swaps it in atomically: searches
 * keep using the old index until the new one is complete. Writes that reached the old index while
 * the new one was built are then sent again, to the new one. One rebuild at a time (an advisory
 * lock held by a transaction for the whole rebuild): a second one throws RebuildRunningError.
 */
export async function rebuildIndex(
  deps: { db: Db; search: Search },
  onProgress: (documents: number, total: number, pages: number) => void | Promise<void> = () => {},
) {
  return deps.db.transaction(async (trx) => {
    if (!(await tryTransactionLock(trx, 'search.rebuild'))) throw new RebuildRunningError();
    const startedAt = await databaseNow(deps.db);
    const built = await buildAndSwap(deps, onProgress);
    return { ...built, caughtUp: await catchUp(deps.db, startedAt) };
  });
}

async function databaseNow(db: Db): Promise<Date> {
  return ((await db.raw<{ rows: { now: Date }[] }>('select now() as now')).rows[0] as { now: Date }).now;
}

async function buildAndSwap(
  deps: { db: Db; search: Search },
  onProgress: (documents: number, total: number, pages: number) => void | Promise<void>,
) {
  const { db, search } = deps;
  const tree = await loadFolderTree(db);
  const documents = await indexableDocuments(db, tree);
  const uid = await search.createFreshIndex();
  try {
    const pages = await fillIndex(deps, uid, documents, tree, onProgress);
    await search.waitForQueued();
    await search.swapInto(uid);
    return { documents: documents.length, pages };
  } catch (error) {
    // No orphan index left behind: the next rebuild starts from nothing anyway.
    await search.discardFreshIndex(uid).catch(() => undefined);
    throw error;
  }
}

/** Sends every document's records to the fresh index, in batches of documents; returns the page count. */
async function fillIndex(
  deps: { db: Db; search: Search },
  uid: string,
  documents: Awaited<ReturnType<typeof indexableDocuments>>,
  tree: FolderTree,
  onProgress: (documents: number, total: number, pages: number) => void | Promise<void>,
) {
  const { db, search } = deps;
  let pages = 0;
  let done = 0;
  const batchSize = 50;
  for (let i = 0; i < documents.length; i += batchSize) {
    const batch = documents.slice(i, i + batchSize);
    const versionIds = batch.map((d) => d.current_version_id);
    const [pagesByVersion, ocrByVersion, versions] = await Promise.all([
      storedPages(db, versionIds),
      storedOcrMarks(db, versionIds),
      db('versions').whereIn('id', versionIds).select<{ id: string; file_type: string }[]>('id', 'file_type'),
    ]);
    const fileTypes = new Map(versions.map((v) => [v.id, v.file_type]));
    const records = batch.flatMap((document) => {
      const documentPages = pagesByVersion.get(document.current_version_id) ?? [];
      pages += documentPages.length;
      return stampedRecords(
        documentForIndex(
          document,
          fileTypes.get(document.current_version_id) ?? null,
          tree,
          documentPages,
          ocrByVersion.get(document.current_version_id),
        ),
        document.current_version_id,
      );
    });
    // Queued, not awaited one by one: Meilisearch indexes consecutive additions as one batch.
    // search.queueRecords splits them into requests under Meilisearch's payload limit.
    if (records.length > 0) await search.queueRecords(uid, records);
    done += batch.length;
    await onProgress(done, documents.length, pages);
  }
  return pages;
}

/**
 * A sync that finished after the rebuild started, or is still running, may have written to the old
 * index after the rebuild read its document: it is enqueued again, and now reaches the new index.
 * (A change the rebuild did not see commits after it started, so its job cannot have finished
 * before.) The same for the settings. Returns the number of documents synced again.
 */
async function catchUp(db: Db, since: Date): Promise<number> {
  const touched = (type: string) =>
    db('jobs')
      .where({ type })
      .andWhere((q) => void q.where('finished_at', '>=', since).orWhere({ status: 'running' }));
  const documentIds = (
    (await touched('search.syncDocument').distinct(db.raw(`payload->>'documentId' as id`))) as { id: string | null }[]
  ).flatMap((row) => (row.id ? [row.id] : []));
  const settingsChanged = (await touched('search.applySettings').first('id')) !== undefined;
  await db.transaction(async (trx) => {
    for (const id of documentIds) await enqueueDocumentSync(trx, id);
    if (settingsChanged) await enqueueSettings(trx);
  });
  return documentIds.length;
}

/**
 * The nightly rebuild (job search.rebuild, at SEARCH_REBUILD_HOUR). Meilisearch never writes its
 * database compact again after changes, and on a large index a document's addition slows: a
 * publish becomes searchable later on the index as its documents reached it batch after batch than
 * once rebuilt (docs/benchmarks.md, "Figures behind choices in the code"). A rebuild writes it
 * compact.
 * Skipped when no document was synced since the last one, or when another rebuild is running.
 */
export async function nightlyRebuild(deps: { db: Db; search: Search; logger: Logger }) {
  const last = (await deps.db('jobs').where({ type: 'search.rebuild', status: 'done' }).max('finished_at as at').first()) as
    { at: Date | null } | undefined;
  const changed = await deps
    .db('jobs')
    .where({ type: 'search.syncDocument', status: 'done' })
    .modify((q) => void (last?.at && q.where('finished_at', '>', last.at)))
    .first('id');
  if (!changed) {
    deps.logger.info('search index not rebuilt: no document changed since the last rebuild');
    return;
  }
  const startedAt = performance.now();
  try {
    const result = await rebuildIndex(deps);
    deps.logger.info({ ...result, seconds: Math.round((performance.now() - startedAt) / 100) / 10 }, 'search index rebuilt');
  } catch (error) {
    if (!(error instanceof RebuildRunningError)) throw error;
    deps.logger.info('search index not rebuilt: another rebuild is running');
  }
}

/**
 * After an upgrade that changed the text analysis, records stemmed the old way no longer meet the
 * queries: the index is rebuilt (into a fresh one, then swapped in), unless a rebuild runs already.
 */
export async function rebuildIfOutdated(deps: { db: Db; search: Search; logger: Logger }) {
  if (!(await deps.search.hasOutdatedRecords())) return;
  deps.logger.info('search index built by an older text analysis: rebuilding it');
  try {
    await rebuildIndex(deps);
  } catch (error) {
    if (!(error instanceof RebuildRunningError)) throw error;
  }
}

/** Why a document's records in the index are not what PostgreSQL would make of it now. */
export type StaleReason = 'version' | 'pages' | 'records' | 'content';

export interface IndexCheck {
  /** Documents search should show (PostgreSQL), and documents the index holds. */
  expected: number;
  indexed: number;
  missing: string[];
  extra: string[];
  stale: { id: string; reason: StaleReason }[];
  /** Drift already being repaired: documents with a sync job waiting or running, left out above. */
  pending: number;
}

const only = <T>(values: Set<T>): T | undefined => (values.size === 1 ? [...values][0] : undefined);

function staleReason(state: IndexedState, versionId: string, pageCount: number, fingerprint: string): StaleReason | undefined {
  if (only(state.versionIds) !== versionId) return 'version';
  if (only(state.pageCounts) !== pageCount) return 'pages';
  if (only(state.recordCounts) !== state.records) return 'records';
  if (only(state.fingerprints) !== fingerprint) return 'content';
  return undefined;
}

/**
 * Compares PostgreSQL with the index, document by document: documents missing from it, documents
 * it should not hold, and documents whose records are stale (another version, another page or
 * record count, or other content or metadata: a fingerprint of what the records are built from).
 * Documents whose sync is already queued or running are not drift.
 */
export async function checkIndex(deps: { db: Db; search: Search }): Promise<IndexCheck> {
  const { db } = deps;
  const tree = await loadFolderTree(db);
  const pendingRows = (await db('jobs')
    .where({ type: 'search.syncDocument' })
    .whereIn('status', ['queued', 'running'])
    .distinct(db.raw(`payload->>'documentId' as id`))) as { id: string | null }[];
  const pending = new Set(pendingRows.flatMap((row) => (row.id ? [row.id] : [])));
  const documents = await indexableDocuments(db, tree);
  const expected = new Set(documents.map((d) => d.id));
  const indexed = await deps.search.indexedStates();
  const missing = [...expected].filter((id) => !indexed.has(id) && !pending.has(id));
  const extra = [...indexed.keys()].filter((id) => !expected.has(id) && !pending.has(id));
  const stale: IndexCheck['stale'] = [];
  const compared = documents.filter((d) => indexed.has(d.id) && !pending.has(d.id));
  for (let i = 0; i < compared.length; i += 50) {
    const batch = compared.slice(i, i + 50);
    const versionIds = batch.map((d) => d.current_version_id);
    const [pagesByVersion, ocrByVersion, versions] = await Promise.all([
      storedPages(db, versionIds),
      storedOcrMarks(db, versionIds),
      db('versions').whereIn('id', versionIds).select<{ id: string; file_type: string }[]>('id', 'file_type'),
    ]);
    const fileTypes = new Map(versions.map((v) => [v.id, v.file_type]));
    for (const document of batch) {
      const forIndex = documentForIndex(
        document,
        fileTypes.get(document.current_version_id) ?? null,
        tree,
        pagesByVersion.get(document.current_version_id) ?? [],
        ocrByVersion.get(document.current_version_id),
      );
      const reason = staleReason(
        indexed.get(document.id) as IndexedState,
        document.current_version_id,
        forIndex.pages.length,
        fingerprintOf(forIndex, document.current_version_id),
      );
      if (reason) stale.push({ id: document.id, reason });
    }
  }
  const allPending = [...pending].filter((id) => expected.has(id) || indexed.has(id)).length;
  return { expected: expected.size, indexed: indexed.size, missing, extra, stale, pending: allPending };
}

/** Every document the check found drifting. */
export const driftOf = (report: IndexCheck) => [...report.missing, ...report.extra, ...report.stale.map((s) => s.id)];

/**
 * Checks the index and queues a sync for every drifting document (`index:check -- --fix`, and the
 * worker's periodic search.checkIndex); /metrics shows the drift found.
 */
export async function repairIndexDrift(deps: { db: Db; search: Search; logger?: Logger }, { isFixing = true } = {}): Promise<IndexCheck> {
  const report = await checkIndex(deps);
  searchIndexDrift.set({ kind: 'missing' }, report.missing.length);
  searchIndexDrift.set({ kind: 'extra' }, report.extra.length);
  searchIndexDrift.set({ kind: 'stale' }, report.stale.length);
  const drift = driftOf(report);
  if (drift.length > 0 && isFixing) {
    await deps.db.transaction(async (trx) => {
      for (const id of drift) await enqueueDocumentSync(trx, id);
    });
    deps.logger?.warn(
      { missing: report.missing.length, extra: report.extra.length, stale: report.stale.length },
      'search index drift found: repairs queued',
    );
  }
  return report;
}
