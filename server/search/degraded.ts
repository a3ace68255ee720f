import type { Db } from '../db';
import { loadFolderTree, type FolderTree } from '../folders/tree';
import { buildRecords, hitOfRecord, markEnd, markStart, recordMatches, understand, type QueryWord, type SearchFilter, type SearchHit, type SearchResult } from '../../search';
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

const rankedPagesLimit = 3000;
/** What Meilisearch searches of a scheme (its name, keywords, promise and summary), as one tsvector; schemes are few, read whole. */
const schemeVector = `to_tsvector('fr_unaccent', concat_ws(' ', f.name, array_to_string(f.scheme_keywords, ' '), f.scheme_promise, f.scheme_summary))`;
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

/**
 * The pages, titles and schemes that match a tsquery, ranked. Ranking reads each page's whole
 * vector: only the first `rankedPagesLimit` pages that match are ranked (a word common enough to
 * match more says little about which page is best), so that a query costs about the same on a
 * large corpus as on a small one. Title and summary matches, one row per document, are all
 * ranked, and weigh double; so are the documents of a scheme whose name, keywords, promise or
 * summary match (Meilisearch finds them by those too).
 */
async function rankedMatches(db: Db, tsquery: string, folderSchemes: [string[], string[]]): Promise<Row[]> {
  const result = await db.raw<{ rows: Row[] }>(
    `with q as (select to_tsquery('fr_unaccent', ?) as query),
     schemes as (
       select f.id, ts_rank_cd(${schemeVector}, q.query) as rank
         from folders f, q
        where f.is_scheme and f.archived_at is null and ${schemeVector} @@ q.query),
     under_schemes(id, rank) as (
       select b.folder_id, s.rank from unnest(?::uuid[], ?::uuid[]) as b(folder_id, scheme_id) join schemes s on s.id = b.scheme_id),
     pages as (
       select d.id as document_id, p.page_number, p.search_vector
         from version_pages p join documents d on d.current_version_id = p.version_id, q
        where p.search_vector @@ q.query and d.deleted_at is null and d.status = 'published'
        limit ?)
     select document_id, page_number, rank from (
       select pages.document_id, pages.page_number, ts_rank_cd(pages.search_vector, q.query) as rank from pages, q
       union all
       select d.id, 0, 2 * ts_rank_cd(d.search_vector, q.query)
         from documents d, q
         where d.deleted_at is null and d.status = 'published' and d.search_vector @@ q.query
       union all
       select d.id, 0, 2 * u.rank
         from documents d join under_schemes u on u.id = d.folder_id
         where d.deleted_at is null and d.status = 'published'
     ) matches order by rank desc limit 2000`,
    [tsquery, ...folderSchemes, rankedPagesLimit],
  );
  return result.rows;
}

/**
 * Pages with every word first (few, cheap to rank); any word only when that finds too little for
 * the page asked. Without a content word: the latest published documents. Says which tsquery won.
 */
async function rankDocuments(db: Db, words: QueryWord[], tree: FolderTree, wanted: number): Promise<{ ranked: Row[]; tsquery: string | undefined }> {
  const allWords = tsQuery(words, '&');
  const anyWord = tsQuery(words, '|');
  if (!allWords || !anyWord) {
    const latest = await db('documents').whereNull('deleted_at').where({ status: 'published' }).orderBy('updated_at', 'desc').limit(200).select('id as document_id', db.raw('0 as page_number'), db.raw('0 as rank'));
    return { ranked: latest as Row[], tsquery: allWords };
  }
  const folderSchemes = schemesOfFolders(tree);
  const ranked = await rankedMatches(db, allWords, folderSchemes);
  const documentsFound = new Set(ranked.map((r) => r.document_id)).size;
  if (documentsFound >= wanted || anyWord === allWords) return { ranked, tsquery: allWords };
  // Matches of every word stay first, then those of some words.
  const withEveryWord = ranked.map((row) => ({ ...row, rank: row.rank + everyWordBonus }));
  return { ranked: [...withEveryWord, ...(await rankedMatches(db, anyWord, folderSchemes))], tsquery: anyWord };
}

/** Per document: its best rank, and the best page that matched (a title match alone has no page). */
function bestPerDocument(ranked: Row[]): Map<string, Row> {
  const best = new Map<string, Row>();
  for (const row of ranked) {
    const current = best.get(row.document_id);
    if (!current) best.set(row.document_id, { ...row });
    else if (current.page_number === 0 && row.page_number > 0) current.page_number = row.page_number;
  }
  return best;
}

/**
 * Each document as the index holds it (its metadata record, built by the same mapping; its text
 * stays here), kept or not by the same filter description as Meilisearch's, best first.
 */
async function filteredHits(db: Db, tree: FolderTree, best: Map<string, Row>, filter: SearchFilter): Promise<SearchHit[]> {
  const documents = await indexableDocuments(db, tree, [...best.keys()]);
  const versions = new Map(
    (await db('versions').whereIn('id', documents.map((document) => document.current_version_id)).select<{ id: string; file_type: string; extraction_status: string }[]>('id', 'file_type', 'extraction_status')).map((version) => [version.id, version]),
  );
  const selected: SearchHit[] = [];
  for (const document of documents) {
    const version = versions.get(document.current_version_id);
    const [record] = buildRecords(documentForIndex(document, version?.file_type ?? null, tree, []));
    if (!record || !recordMatches(filter, record)) continue;
    const row = best.get(document.id) as Row;
    // Without its pages the record cannot tell whether the document has text: its version can.
    selected.push({ ...hitOfRecord(record, { page: row.page_number, contentMatch: '', rankingScore: row.rank }), hasText: version?.extraction_status === 'done' });
  }
  return selected.sort((a, b) => b.rankingScore - a.rankingScore || b.updatedAt - a.updatedAt);
}

/** The facet counts of the hits kept, counted here as Meilisearch would. */
function facetsOf(hits: SearchHit[]): SearchResult['facets'] {
  const facets: SearchResult['facets'] = {};
  for (const facet of Object.keys(facetFields) as Facet[]) {
    const field = facetFields[facet];
    const counts: Record<string, number> = {};
    for (const hit of hits) {
      const value = hit[field];
      for (const v of Array.isArray(value) ? value : [value]) if (v !== null && v !== undefined && v !== '') counts[String(v)] = (counts[String(v)] ?? 0) + 1;
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
    [tsquery, `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=28, MinWords=12, MaxFragments=1`, hits.map((h) => h.documentId), hits.map((h) => h.page)],
  );
  const byKey = new Map(headlines.rows.map((row) => [`${row.document_id}:${row.page_number}`, row]));
  for (const hit of hits) {
    const row = byKey.get(`${hit.documentId}:${hit.page}`);
    hit.contentMatch = row?.snippet ?? '';
    if (row && row.ocr_confidence !== null) hit.ocrConfidence = row.ocr_confidence;
  }
}

/**
 * Search without Meilisearch: PostgreSQL full-text search (French configuration, accents removed)
 * over the same published documents, each one mapped to its record as the index would hold it and
 * kept by the same filter description (search/filters.ts), its facets counted here.
 */
export async function degradedSearch(db: Db, request: { q: string; filter: SearchFilter }, window: { page: number; hitsPerPage: number }): Promise<SearchResult> {
  // The query read once, as Meilisearch's path reads it (search/understand.ts).
  const { words } = understand(request.q);
  const reading = { words: words.filter((word) => !word.isInferred).map((word) => word.text), ignored: [], expansions: [], typos: [] };
  const tree = await loadFolderTree(db);
  const { ranked, tsquery } = await rankDocuments(db, words, tree, window.page * window.hitsPerPage);
  const best = bestPerDocument(ranked);
  if (best.size === 0) return { hits: [], facets: {}, total: 0, totalDocuments: 0, reading };
  const selected = await filteredHits(db, tree, best, request.filter);
  const pageHits = selected.slice((window.page - 1) * window.hitsPerPage, window.page * window.hitsPerPage);
  const withPages = pageHits.filter((hit) => hit.page > 0);
  if (tsquery && withPages.length > 0) await addSnippets(db, tsquery, withPages);
  return { hits: pageHits, facets: facetsOf(selected), total: new Set(selected.map((hit) => hit.groupKey)).size, totalDocuments: selected.length, reading };
}
