import type { Db } from '../db';
import { loadFolderTree, type FolderTree } from '../folders/tree';
import {
  hitOfRecord,
  metadataRecord,
  markEnd,
  markStart,
  recordMatches,
  understand,
  type QueryWord,
  type MetadataRecord,
  type SearchFilter,
  type SearchHit,
  type SearchResult,
} from '../../search';
import { documentForIndex, indexableDocuments } from './indexing';
import { facetFields, type Facet } from './schema';

/** The content words of a query as a tsquery: all of them (`&`) or any (`|`), the last one as a prefix (results while typing). */
function tsQuery(words: QueryWord[], operator: '&' | '|'): string | undefined {
  const terms = words
    .slice(0, 10)
    .map((word) => word.text.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 1);
  if (terms.length === 0) return undefined;
  return terms.map((term, i) => (i === terms.length - 1 ? `${term}:*` : term)).join(` ${operator} `);
}

const rankedPagesLimit = 1000;
/** Above any ts_rank_cd of a match of only some of the words. */
const everyWordBonus = 1000;

type Row = { document_id: string; page_number: number; rank: number };
/** Each folder and the scheme it belongs to (the folder itself, or its nearest scheme above), as two SQL arrays. */
function schemesOfFolders(tree: FolderTree): [string[], string[]] {
  const folderIds: string[] = [];
  const schemeIds: string[] = [];
  for (const folder of tree.rows) {
    const scheme = tree.schemeOf(folder.id);
    if (!scheme) continue;
    folderIds.push(folder.id);
    schemeIds.push(scheme.id);
  }
  return [folderIds, schemeIds];
}

/** The most rows one ranking returns; when reached, what was ranked is a sample of the matches. */
const rankedRowsLimit = 1000;
/**
 * The tsquery, written out at each use rather than read from a CTE: the planner then knows it and
 * estimates from the column's statistics how many pages match. Through a CTE it assumed 0.5 % of
 * them for every query, and read the whole GIN bitmap of a word found on every page (75 ms of a
 * 175 ms query on 200,000 pages) where a scan that stops at the limit takes a third of that.
 */
const tsQueryOf = `to_tsquery('fr_unaccent', :query)`;
/** Documents among those given (`:among`), or all when none is. */
const amongSql = `(:among::uuid[] is null or d.id = any(:among::uuid[]))`;
/** Matches of a tsquery, ranked: pages, titles and summaries, documents of the schemes that match; optionally among some documents. */
const rankedSql = `with schemes as (
           select f.id, ts_rank_cd(f.search_vector, ${tsQueryOf}) as rank
             from folders f
            where f.is_scheme and f.archived_at is null and f.search_vector @@ ${tsQueryOf}),
         under_schemes(id, rank) as (
           select b.folder_id, s.rank from unnest(:folderIds::uuid[], :schemeIds::uuid[]) as b(folder_id, scheme_id) join schemes s on s.id = b.scheme_id),
         pages as (
           select d.id as document_id, p.page_number, p.search_vector
             from version_pages p join documents d on d.current_version_id = p.version_id
            where p.search_vector @@ ${tsQueryOf} and d.deleted_at is null and d.status = 'published'
              and ${amongSql}
            limit :pagesLimit)
         select document_id, page_number, rank from (
           select pages.document_id, pages.page_number, ts_rank_cd(pages.search_vector, ${tsQueryOf}) as rank from pages
           union all
           select d.id, 0, 2 * ts_rank_cd(d.search_vector, ${tsQueryOf})
             from documents d
             where d.deleted_at is null and d.status = 'published' and d.search_vector @@ ${tsQueryOf}
               and ${amongSql}
           union all
           select d.id, 0, 2 * u.rank
             from documents d join under_schemes u on u.id = d.folder_id
             where d.deleted_at is null and d.status = 'published'
               and ${amongSql}
         ) matches order by rank desc limit :rowsLimit`;

/**
 * The matches of a tsquery (among some documents when given), ranked. Ranking reads each page's
 * whole vector: only the first `rankedPagesLimit` pages that match are ranked (a word common
 * enough to match more says little about which page is best), so that a query costs about the same
 * on a large corpus as on a small one. Title and summary matches, one row per document, are all
 * ranked, and weigh double; so are the documents of a scheme whose name, keywords, promise or
 * summary match (Meilisearch finds them by those too). `isSample` when a limit cut the matches.
 */
async function rankedBy(
  db: Db,
  tsquery: string,
  [folderIds, schemeIds]: [string[], string[]],
  among: string[] | null,
): Promise<{ rows: Row[]; isSample: boolean }> {
  const { rows } = await db.raw<{ rows: Row[] }>(rankedSql, {
    query: tsquery,
    folderIds,
    schemeIds,
    among,
    pagesLimit: rankedPagesLimit,
    rowsLimit: rankedRowsLimit,
  });
  return { rows, isSample: rows.length >= rankedRowsLimit };
}

/** Per document: its best rank, and the best page that matched (a title match alone has no page). */
function bestOf(rows: Row[]): Map<string, Row> {
  const best = new Map<string, Row>();
  for (const row of rows) {
    const current = best.get(row.document_id);
    if (!current) best.set(row.document_id, { ...row });
    else if (current.page_number === 0 && row.page_number > 0) current.page_number = row.page_number;
  }
  return best;
}

/**
 * The hits the filter keeps among the documents that match the query's words (among `among` when
 * given): pages with every word first (few, cheap to rank); any word only when the filter kept too
 * few of those. `isSample` when only part of the matches was ranked.
 */
async function findHits(
  db: Db,
  tree: FolderTree,
  records: Records,
  words: QueryWord[],
  filter: SearchFilter,
  wanted: number,
  among: string[] | null = null,
): Promise<{ kept: Kept[]; tsquery?: string; isSample: boolean }> {
  const allWords = tsQuery(words, '&');
  const anyWord = tsQuery(words, '|');
  if (!allWords || !anyWord) {
    const latest = db('documents').whereNull('deleted_at').where({ status: 'published' });
    if (among) latest.whereIn('id', among);
    const rows: Row[] = await latest
      .orderBy('updated_at', 'desc')
      .limit(200)
      .select('id as document_id', db.raw('0 as page_number'), db.raw('0 as rank'));
    return { kept: await keptOf(db, tree, bestOf(rows), filter, records), isSample: rows.length >= 200 };
  }
  const folderSchemes = schemesOfFolders(tree);
  const every = await rankedBy(db, allWords, folderSchemes, among);
  const kept = await keptOf(db, tree, bestOf(every.rows), filter, records);
  if (kept.length >= wanted || anyWord === allWords) return { kept, tsquery: allWords, isSample: every.isSample };
  // Matches of every word stay first, then those of some words.
  const some = await rankedBy(db, anyWord, folderSchemes, among);
  const rows = [...every.rows.map((row) => ({ ...row, rank: row.rank + everyWordBonus })), ...some.rows];
  return { kept: await keptOf(db, tree, bestOf(rows), filter, records), tsquery: anyWord, isSample: every.isSample || some.isSample };
}

/** Each document's record (null: not searchable), read once per search. */
type Records = Map<string, { record: MetadataRecord; hasText: boolean } | null>;

/** A document the filter keeps: its best match and its record (made a hit only when on the page shown). */
interface Kept {
  row: Row;
  record: MetadataRecord;
  hasText: boolean;
}

/**
 * Each document as the index holds it (its metadata record, built by the same mapping; its text
 * stays here), kept or not by the same filter description as Meilisearch's.
 */
async function keptOf(db: Db, tree: FolderTree, best: Map<string, Row>, filter: SearchFilter, records: Records): Promise<Kept[]> {
  const unread = [...best.keys()].filter((id) => !records.has(id));
  if (unread.length > 0) {
    const documents = await indexableDocuments(db, tree, unread);
    const versions = new Map(
      (
        await db('versions')
          .whereIn(
            'id',
            documents.map((document) => document.current_version_id),
          )
          .select<{ id: string; file_type: string; extraction_status: string }[]>('id', 'file_type', 'extraction_status')
      ).map((version) => [version.id, version]),
    );
    for (const id of unread) records.set(id, null);
    for (const document of documents) {
      const version = versions.get(document.current_version_id);
      // Without its pages the record cannot tell whether the document has text: its version can.
      records.set(document.id, {
        record: metadataRecord(documentForIndex(document, version?.file_type ?? null, tree, [])),
        hasText: version?.extraction_status === 'done',
      });
    }
  }
  const kept: Kept[] = [];
  for (const [id, row] of best) {
    const read = records.get(id);
    if (read && recordMatches(filter, read.record)) kept.push({ row, ...read });
  }
  return kept;
}

/** The facet counts of the documents kept, counted here as Meilisearch would. */
function facetsOf(kept: Kept[]): SearchResult['facets'] {
  const facets: SearchResult['facets'] = {};
  for (const facet of Object.keys(facetFields) as Facet[]) {
    const field = facetFields[facet];
    const counts: Record<string, number> = {};
    for (const { record } of kept) {
      const value = record[field];
      for (const v of Array.isArray(value) ? value : [value])
        if (v !== null && v !== undefined && v !== '') counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    }
    facets[field] = counts;
  }
  return facets;
}

/** Every snippet of the page of hits in one query, marked as Meilisearch marks its own. */
async function addSnippets(db: Db, tsquery: string, hits: SearchHit[]): Promise<void> {
  const headlines = await db.raw<{ rows: { document_id: string; page_number: number; snippet: string; ocr_confidence: number | null }[] }>(
    `select d.id as document_id, p.page_number, ts_headline('fr_unaccent', p.text, to_tsquery('fr_unaccent', ?), ?) as snippet,
            case when p.ocr then coalesce(p.ocr_confidence, 0) end as ocr_confidence
       from unnest(?::uuid[], ?::int[]) as wanted(document_id, page_number)
       join documents d on d.id = wanted.document_id
       join version_pages p on p.version_id = d.current_version_id and p.page_number = wanted.page_number`,
    [
      tsquery,
      `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=28, MinWords=12, MaxFragments=1`,
      hits.map((h) => h.documentId),
      hits.map((h) => h.page),
    ],
  );
  const byKey = new Map(headlines.rows.map((row) => [`${row.document_id}:${row.page_number}`, row]));
  for (const hit of hits) {
    const row = byKey.get(`${hit.documentId}:${hit.page}`);
    hit.contentMatch = row?.snippet ?? '';
    if (row && row.ocr_confidence !== null) hit.ocrConfidence = row.ocr_confidence;
  }
}

/**
 * When only a sample of the matches was ranked and the filter kept too few of them (a common word
 * under one theme: the sample may hold none of its documents), searched again among the documents
 * the filter keeps, as Meilisearch filters before it ranks.
 */
async function searchAmongKept(db: Db, tree: FolderTree, records: Records, words: QueryWord[], filter: SearchFilter, wanted: number) {
  const everyDocument = bestOf(
    (await indexableDocuments(db, tree)).map((document) => ({ document_id: document.id, page_number: 0, rank: 0 })),
  );
  const kept = (await keptOf(db, tree, everyDocument, filter, records)).map(({ record }) => record.documentId);
  return kept.length > 0 ? findHits(db, tree, records, words, filter, wanted, kept) : undefined;
}

/**
 * Search without Meilisearch: PostgreSQL full-text search (French configuration, accents removed)
 * over the same published documents, each one mapped to its record as the index would hold it and
 * kept by the same filter description (search/filters.ts), its facets counted here.
 */
export async function degradedSearch(
  db: Db,
  request: { q: string; filter: SearchFilter },
  window: { page: number; hitsPerPage: number },
): Promise<SearchResult> {
  const { filter } = request;
  // The query read once, as Meilisearch's path reads it (search/understand.ts).
  const { words } = understand(request.q);
  const reading = { words: words.filter((word) => !word.isInferred).map((word) => word.text), ignored: [], expansions: [], typos: [] };
  const tree = await loadFolderTree(db);
  const wanted = window.page * window.hitsPerPage;
  const records: Records = new Map();
  let found = await findHits(db, tree, records, words, filter, wanted);
  if (found.kept.length < wanted && found.isSample) found = (await searchAmongKept(db, tree, records, words, filter, wanted)) ?? found;
  const { kept, tsquery } = found;
  if (kept.length === 0) return { hits: [], facets: {}, total: 0, totalDocuments: 0, reading };
  kept.sort((a, b) => b.row.rank - a.row.rank || b.record.updatedAt - a.record.updatedAt);
  const pageHits = kept.slice((window.page - 1) * window.hitsPerPage, window.page * window.hitsPerPage).map(({ row, record, hasText }) => ({
    ...hitOfRecord(record, { page: row.page_number, contentMatch: '', rankingScore: row.rank }),
    hasText,
  }));
  const withPages = pageHits.filter((hit) => hit.page > 0);
  if (tsquery && withPages.length > 0) await addSnippets(db, tsquery, withPages);
  return {
    hits: pageHits,
    facets: facetsOf(kept),
    total: new Set(kept.map(({ record }) => record.schemeId ?? `document:${record.documentId}`)).size,
    totalDocuments: kept.length,
    reading,
  };
}
