import type { Db } from '../db';
import { listFolders } from '../folders/service';
import { buildRecords, type Search } from '../../search';
import { documentForIndex, indexableDocuments, storedPages } from './indexing';
import { synonymGroups } from './synonyms';

/**
 * Rebuilds the index from PostgreSQL into a fresh index, then swaps it in atomically: searches
 * keep using the old index until the new one is complete.
 */
export async function rebuildIndex(deps: { db: Db; search: Search }, onProgress: (documents: number, total: number, pages: number) => void = () => {}) {
  const { db, search } = deps;
  const tree = new Map((await listFolders(db)).map((row) => [row.id, row]));
  const documents = await indexableDocuments(db, tree);
  const uid = await search.createFreshIndex(await synonymGroups(db));
  let pages = 0;
  let done = 0;
  const batchSize = 50;
  for (let i = 0; i < documents.length; i += batchSize) {
    const batch = documents.slice(i, i + batchSize);
    const versionIds = batch.map((d) => d.current_version_id);
    const [pagesByVersion, versions] = await Promise.all([
      storedPages(db, versionIds),
      db('versions').whereIn('id', versionIds).select<{ id: string; file_type: string }[]>('id', 'file_type'),
    ]);
    const fileTypes = new Map(versions.map((v) => [v.id, v.file_type]));
    const records = batch.flatMap((document) => {
      const documentPages = pagesByVersion.get(document.current_version_id) ?? [];
      pages += documentPages.length;
      return buildRecords(documentForIndex(document, fileTypes.get(document.current_version_id) ?? null, tree, documentPages));
    });
    // Queued, not awaited one by one: Meilisearch indexes consecutive additions as one batch.
    if (records.length > 0) await search.queueRecords(uid, records);
    done += batch.length;
    onProgress(done, documents.length, pages);
  }
  await search.waitForQueued();
  await search.swapInto(uid);
  return { documents: documents.length, pages };
}

/** Compares PostgreSQL with the index: documents missing from it, and documents it should not hold. */
export async function checkIndex(deps: { db: Db; search: Search }) {
  const tree = new Map((await listFolders(deps.db)).map((row) => [row.id, row]));
  const expected = new Set((await indexableDocuments(deps.db, tree)).map((d) => d.id));
  const indexed = await deps.search.indexedDocuments();
  const missing = [...expected].filter((id) => !indexed.has(id));
  const extra = [...indexed.keys()].filter((id) => !expected.has(id));
  return { expected: expected.size, indexed: indexed.size, missing, extra };
}
