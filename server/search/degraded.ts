import type { Db } from '../db';
import { schemeOf } from '../documents/presenter';
import { listFolders } from '../folders/service';
import { markEnd, markStart, understand, type QueryWord, type SearchHit, type SearchResult } from '../../search';
import { ancestry, schemeForIndex } from './indexing';
import { facetFields, type Facet, type SearchQuery } from './schema';

/** The content words of a query as a tsquery: all of them (`&`) or any (`|`), the last one as a prefix (results while typing). */
function tsQuery(words: QueryWord[], operator: '&' | '|'): string | undefined {
  const terms = words
    .slice(0, 10)
    .map((word) => word.text.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 1);
  if (terms.length === 0) return undefined;
  return terms.map((term, i) => (i === terms.length - 1 ? `${term}:*` : term)).join(` ${operator} `);
}

const todayDay = () => Math.floor(Date.now() / 86400000);

const rankedPagesLimit = 3000;
/** Above any ts_rank_cd of a match of only some of the words. */
const everyWordBonus = 1000;

/**
 * Search without Meilisearch: PostgreSQL full-text search (French configuration, accents removed)
 * over the same published documents, with the same filters and facets, computed here.
 */
export async function degradedSearch(db: Db, query: SearchQuery, window: { page: number; hitsPerPage: number }): Promise<SearchResult> {
  // Pages with every word first (few, cheap to rank); any word only when that finds too little.
  // The query read once, as Meilisearch's path reads it (search/understand.ts).
  const { words } = understand(query.q);
  const reading = { words: words.filter((word) => !word.isInferred).map((word) => word.text), ignored: [], expansions: [], typos: [] };
  const allWords = tsQuery(words, '&');
  const anyWord = tsQuery(words, '|');
  const folders = new Map((await listFolders(db)).map((row) => [row.id, row]));
  type Row = { document_id: string; page_number: number; rank: number };
  // Ranking reads each page's whole vector: only the first `rankedPagesLimit` pages that match are
  // ranked (a word common enough to match more says little about which page is best), so that a
  // query costs about the same on a large corpus as on a small one. Title and summary matches,
  // one row per document, are all ranked, and weigh double.
  const rankedBy = async (tsquery: string) =>
    (
      await db.raw<{ rows: Row[] }>(
        `with q as (select to_tsquery('fr_unaccent', ?) as query),
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
         ) matches order by rank desc limit 2000`,
        [tsquery, rankedPagesLimit],
      )
    ).rows;
  let ranked: Row[];
  let tsquery = allWords;
  if (allWords && anyWord) {
    ranked = await rankedBy(allWords);
    const documentsFound = new Set(ranked.map((r) => r.document_id)).size;
    if (documentsFound < window.page * window.hitsPerPage && anyWord !== allWords) {
      tsquery = anyWord;
      // Matches of every word stay first, then those of some words.
      const withEveryWord = ranked.map((row) => ({ ...row, rank: row.rank + everyWordBonus }));
      ranked = [...withEveryWord, ...(await rankedBy(anyWord))];
    }
  } else {
    ranked = await db('documents').whereNull('deleted_at').where({ status: 'published' }).orderBy('updated_at', 'desc').limit(200).select('id as document_id', db.raw('0 as page_number'), db.raw('0 as rank'));
  }
  // Per document: its best rank, and the best page that matched (a title match alone has no page).
  const best = new Map<string, Row>();
  for (const row of ranked) {
    const current = best.get(row.document_id);
    if (!current) best.set(row.document_id, { ...row });
    else if (current.page_number === 0 && row.page_number > 0) current.page_number = row.page_number;
  }
  if (best.size === 0) return { hits: [], facets: {}, total: 0, totalDocuments: 0, reading };

  const documents = await db('documents as doc')
    .join('directorates as d', 'd.id', 'doc.directorate_id')
    .leftJoin('versions as v', 'v.id', 'doc.current_version_id')
    .whereIn('doc.id', [...best.keys()])
    .select('doc.id', 'doc.folder_id', 'doc.title', 'doc.summary', 'doc.scope', 'doc.doc_type', 'doc.updated_at', 'd.code as directorate_code', 'd.name as directorate_name', 'v.file_type', 'v.extraction_status');
  // A hit, and what its scheme's dates say (whether it is still open).
  const hits: (SearchHit & { isPermanent: boolean; schemeClosesOnDay: number | null })[] = [];
  for (const document of documents) {
    const scheme = schemeForIndex(schemeOf(document.folder_id, folders));
    if (scheme?.isArchived) continue;
    const place = ancestry(document.folder_id, folders);
    const row = best.get(document.id) as Row;
    hits.push({
      id: `${document.id}_${row.page_number}_0`,
      documentId: document.id,
      page: row.page_number,
      title: document.title,
      schemeName: scheme?.name ?? '',
      summary: document.summary,
      schemeSummary: [scheme?.promise, scheme?.summary].filter(Boolean).join(' — '),
      schemeId: scheme?.id ?? null,
      schemePromise: scheme?.promise ?? '',
      themeId: place.theme?.id ?? null,
      themeName: place.theme?.name ?? '',
      directorateCode: document.directorate_code,
      directorateName: document.directorate_name,
      scope: document.scope,
      audiences: scheme?.audiences ?? [],
      aidTypes: scheme?.aidTypes ?? [],
      availability: scheme?.availability ?? 'permanent',
      schemeClosesOnDay: scheme?.closesOn ? Math.floor(Date.parse(`${scheme.closesOn}T00:00:00Z`) / 86400000) : null,
      isPermanent: scheme?.isPermanent ?? true,
      referent: scheme?.referent ?? { name: null, service: null, email: null, phone: null },
      docType: document.doc_type,
      fileType: document.file_type,
      hasText: document.extraction_status === 'done',
      updatedAt: Math.floor(new Date(document.updated_at).getTime() / 1000),
      contentMatch: '',
      rankingScore: row.rank,
      groupKey: scheme?.id ?? `document:${document.id}`,
      groupScore: 1,
      isApproximate: false,
    });
  }
  const matchesFacets = (hit: SearchHit) =>
    (Object.keys(facetFields) as Facet[]).every((facet) => {
      const wanted = query[facet];
      if (!wanted || wanted.length === 0) return true;
      const value = hit[facetFields[facet]];
      return Array.isArray(value) ? value.some((v) => wanted.includes(v as never)) : wanted.includes(value as never);
    });
  const isOpen = (hit: (typeof hits)[number]) =>
    query.includeClosed === 'true' || (query.availability ?? []).includes('clos') || hit.isPermanent || hit.schemeClosesOnDay === null || hit.schemeClosesOnDay >= todayDay();
  const since = query.updatedSince ? Date.parse(`${query.updatedSince}T00:00:00Z`) / 1000 : 0;
  const visible = hits.filter((hit) => isOpen(hit) && hit.updatedAt >= since).sort((a, b) => b.rankingScore - a.rankingScore || b.updatedAt - a.updatedAt);
  const selected = visible.filter((hit) => matchesFacets(hit));

  const facets: SearchResult['facets'] = {};
  for (const facet of Object.keys(facetFields) as Facet[]) {
    const field = facetFields[facet];
    const counts: Record<string, number> = {};
    for (const hit of selected) {
      const value = hit[field];
      for (const v of Array.isArray(value) ? value : [value]) if (v !== null && v !== undefined && v !== '') counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    }
    facets[field] = counts;
  }

  const pageHits = selected.slice((window.page - 1) * window.hitsPerPage, window.page * window.hitsPerPage);
  const withPages = pageHits.filter((hit) => hit.page > 0);
  if (tsquery && withPages.length > 0) {
    // Every snippet of the page in one query.
    const headlines = await db.raw<{ rows: { document_id: string; page_number: number; snippet: string }[] }>(
      `select d.id as document_id, p.page_number, ts_headline('fr_unaccent', p.text, to_tsquery('fr_unaccent', ?), ?) as snippet
         from unnest(?::uuid[], ?::int[]) as wanted(document_id, page_number)
         join documents d on d.id = wanted.document_id
         join version_pages p on p.version_id = d.current_version_id and p.page_number = wanted.page_number`,
      [tsquery, `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=28, MinWords=12, MaxFragments=1`, withPages.map((h) => h.documentId), withPages.map((h) => h.page)],
    );
    const byKey = new Map(headlines.rows.map((row) => [`${row.document_id}:${row.page_number}`, row.snippet]));
    for (const hit of withPages) hit.contentMatch = byKey.get(`${hit.documentId}:${hit.page}`) ?? '';
  }
  return { hits: pageHits, facets, total: new Set(selected.map((hit) => hit.groupKey)).size, totalDocuments: selected.length, reading };
}
