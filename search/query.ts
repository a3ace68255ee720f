import { type FederatedMultiSearchParams, type Meilisearch, type SearchParams } from 'meilisearch';
import { stemText, words } from './french';
import type { SearchRecord } from './records';
import { rawAttributes, stemAttributes } from './settings';
import { apiErrorOf } from './transport';

export interface SearchRequest {
  q: string;
  /** Built with search/filters.ts only. */
  filter: string;
  facets: string[];
  page: number;
  hitsPerPage: number;
  /** One hit per document (the best page), or every matching page. */
  isDistinct: boolean;
  /** Match the pages' text only (not the titles and scheme card every page carries). */
  isContentOnly?: boolean;
}

/** The markers around highlighted words in `contentMatch` (they never occur in extracted text). */
export const markStart = '\u0001';
export const markEnd = '\u0002';

export interface SearchResult {
  hits: SearchHit[];
  facets: Record<string, Record<string, number>>;
  total: number;
  /** Meilisearch's own time for the search (its processingTimeMs, whole milliseconds), when it answered. */
  engineMs?: number;
}

/**
 * What a hit carries: the fields the results screen shows (server/search/presenter.ts), no more.
 * Meilisearch repeats every retrieved field in `_formatted`, so each one left out is read, sent and
 * parsed twice less per hit.
 */
const retrieved = [
  'id',
  'documentId',
  'page',
  'title',
  'summary',
  'docType',
  'scope',
  'fileType',
  'hasText',
  'updatedAt',
  'schemeId',
  'schemeName',
  'schemeSummary',
  'schemePromise',
  'availability',
  'referent',
  'audiences',
  'aidTypes',
  'themeId',
  'themeName',
  'directorateCode',
  'directorateName',
] as const satisfies readonly (keyof SearchRecord)[];

type RetrievedFields = Pick<SearchRecord, (typeof retrieved)[number]>;

export type SearchHit = RetrievedFields & {
  /** A window of the page's text around the match, with markers. */
  contentMatch: string;
  rankingScore: number;
};

/** Long queries are cut: nobody types 5,000 characters at a front desk, and Meilisearch keeps 10 words. */
export function boundedQuery(q: string): string {
  return words(q).slice(0, 10).join(' ');
}

type RawHit = RetrievedFields & { _formatted?: { content?: string }; _rankingScore?: number };

function toHit(record: RawHit): SearchHit {
  const { _formatted, _rankingScore, ...fields } = record;
  return { ...fields, contentMatch: _formatted?.content ?? '', rankingScore: _rankingScore ?? 0 };
}

/** Hits asked for beyond the page, for the documents both queries find on two different pages. */
const spareHits = 2;
/** The deepest a federated search goes (page × hits per page beyond it answer nothing). */
const maxHits = 1000;

/** The federated hits in order, each document (or each record, when not distinct) once. */
function mergeHits(records: RawHit[], isDistinct: boolean): SearchHit[] {
  const seen = new Set<string>();
  const merged: SearchHit[] = [];
  for (const record of records) {
    const key = isDistinct ? record.documentId : record.id;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(toHit(record));
  }
  return merged;
}

/**
 * Searches the pages index twice in one federated request, as written (raw attributes) and as
 * stems (stemmed attributes), merges by score, and keeps one hit per document when asked.
 */
export async function runSearch(client: Meilisearch, indexUid: string, request: SearchRequest): Promise<SearchResult> {
  const q = boundedQuery(request.q);
  const common: SearchParams & { indexUid: string } = {
    indexUid,
    filter: request.filter || undefined,
    attributesToRetrieve: [...retrieved],
    attributesToCrop: ['content'],
    cropLength: 28,
    attributesToHighlight: ['content'],
    highlightPreTag: markStart,
    highlightPostTag: markEnd,
    showRankingScore: true,
    matchingStrategy: 'frequency',
    ...(request.isDistinct ? { distinct: 'documentId' } : {}),
  };
  const wanted = request.page * request.hitsPerPage;

  if (!q) {
    // No words: the most recently updated documents, one record each (exact totals and facet counts).
    const { indexUid: _uid, ...params } = common;
    const result = await client.index<SearchRecord>(indexUid).search('', {
      ...params,
      filter: [request.filter, 'isPrimary = true'].filter(Boolean).map((f) => `(${f})`).join(' AND '),
      sort: ['updatedAt:desc'],
      facets: request.facets,
      offset: (request.page - 1) * request.hitsPerPage,
      limit: request.hitsPerPage,
    });
    return {
      hits: (result.hits as RawHit[]).map(toHit),
      facets: (result.facetDistribution ?? {}) as SearchResult['facets'],
      total: result.estimatedTotalHits ?? result.hits.length,
      engineMs: result.processingTimeMs,
    };
  }

  const stemmed = stemText(q);
  const queries: FederatedMultiSearchParams['queries'] = [{ ...common, q, attributesToSearchOn: request.isContentOnly ? ['content'] : rawAttributes }];
  if (stemmed && stemmed !== q) {
    queries.push({ ...common, q: stemmed, attributesToSearchOn: request.isContentOnly ? ['contentStem'] : stemAttributes, federationOptions: { weight: 0.9 } });
  }
  // Meilisearch gives a record both queries find once, and each query gives a document once
  // (distinct): a document comes back twice only when the two queries prefer two of its pages, which
  // is rare. So a few hits more than the page are asked for and, when repeats still leave the page
  // short while more hits exist, twice the page, which is enough whatever repeats. Every hit asked
  // for is cropped, highlighted, sent and parsed: 0.3 to 0.5 ms each on a 200,000-page index.
  const federated = (limit: number) => client.multiSearch({ queries, federation: { offset: 0, limit, facetsByIndex: { [indexUid]: request.facets }, mergeFacets: {} } });
  const enough = Math.min(wanted * 2, maxHits);
  let limit = Math.min(wanted + spareHits, maxHits);
  let result;
  let merged: SearchHit[];
  let engineMs = 0;
  try {
    result = await federated(limit);
    engineMs += result.processingTimeMs;
    merged = mergeHits(result.hits as unknown as RawHit[], request.isDistinct);
    if (merged.length < wanted && result.hits.length === limit && limit < enough) {
      limit = enough;
      result = await federated(limit);
      engineMs += result.processingTimeMs;
      merged = mergeHits(result.hits as unknown as RawHit[], request.isDistinct);
    }
  } catch (error) {
    // A new index that has no record yet knows no searchable attribute: nothing to find.
    if (apiErrorOf(error)?.cause?.code === 'invalid_search_attributes_to_search_on') return { hits: [], facets: {}, total: 0 };
    throw error;
  }
  return {
    hits: merged.slice((request.page - 1) * request.hitsPerPage, wanted),
    facets: (result.facetDistribution ?? {}) as SearchResult['facets'],
    // Exact when everything fitted in one request; otherwise Meilisearch's estimate (counted per query).
    total: result.hits.length < limit ? merged.length : Math.max(merged.length, Math.round((result.estimatedTotalHits ?? 0) / queries.length)),
    engineMs,
  };
}
