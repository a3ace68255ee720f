import { MeilisearchApiError, type FederatedMultiSearchParams, type Meilisearch, type SearchParams } from 'meilisearch';
import { stemText, words } from './french';
import type { SearchRecord } from './records';
import { rawAttributes, stemAttributes } from './settings';

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

export type SearchHit = Omit<SearchRecord, 'content' | 'contentStem' | 'titleStem' | 'schemeNameStem' | 'keywordsStem' | 'summaryStem'> & {
  /** A window of the page's text around the match, with markers. */
  contentMatch: string;
  rankingScore: number;
};

export interface SearchResult {
  hits: SearchHit[];
  facets: Record<string, Record<string, number>>;
  total: number;
}

const retrieved = [
  'id',
  'documentId',
  'page',
  'chunk',
  'title',
  'schemeName',
  'keywords',
  'summary',
  'schemeSummary',
  'schemeId',
  'schemePromise',
  'themeId',
  'themeName',
  'folderIds',
  'directorateCode',
  'directorateName',
  'scope',
  'audiences',
  'aidTypes',
  'availability',
  'schemeClosesOnDay',
  'isPermanent',
  'schemeArchived',
  'referent',
  'docType',
  'fileType',
  'status',
  'hasText',
  'updatedAt',
];

/** Long queries are cut: nobody types 5,000 characters at a front desk, and Meilisearch keeps 10 words. */
export function boundedQuery(q: string): string {
  return words(q).slice(0, 10).join(' ');
}

type RawHit = SearchRecord & { _formatted?: { content?: string }; _rankingScore?: number };

function toHit(record: RawHit): SearchHit {
  const { content: _content, contentStem: _cs, titleStem: _ts, schemeNameStem: _ss, keywordsStem: _ks, summaryStem: _sus, _formatted, _rankingScore, ...rest } = record;
  return { ...rest, contentMatch: _formatted?.content ?? '', rankingScore: _rankingScore ?? 0 };
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
    attributesToRetrieve: retrieved,
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
    };
  }

  const stemmed = stemText(q);
  const queries: FederatedMultiSearchParams['queries'] = [{ ...common, q, attributesToSearchOn: request.isContentOnly ? ['content'] : rawAttributes }];
  if (stemmed && stemmed !== q) {
    queries.push({ ...common, q: stemmed, attributesToSearchOn: request.isContentOnly ? ['contentStem'] : stemAttributes, federationOptions: { weight: 0.9 } });
  }
  // Enough to fill the page once the same document found by both queries is kept once.
  const limit = Math.min(wanted * 2 + 10, 1000);
  let result;
  try {
    result = await client.multiSearch({
      queries,
      federation: { offset: 0, limit, facetsByIndex: { [indexUid]: request.facets }, mergeFacets: {} },
    });
  } catch (error) {
    // A new index that has no record yet knows no searchable attribute: nothing to find.
    if (error instanceof MeilisearchApiError && error.cause?.code === 'invalid_search_attributes_to_search_on') return { hits: [], facets: {}, total: 0 };
    throw error;
  }
  const seen = new Set<string>();
  const merged: SearchHit[] = [];
  for (const record of result.hits as unknown as RawHit[]) {
    const key = request.isDistinct ? record.documentId : record.id;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(toHit(record));
  }
  return {
    hits: merged.slice((request.page - 1) * request.hitsPerPage, wanted),
    facets: (result.facetDistribution ?? {}) as SearchResult['facets'],
    // Exact when everything fitted in one request; otherwise Meilisearch's estimate (counted per query).
    total: result.hits.length < limit ? merged.length : Math.max(merged.length, Math.round((result.estimatedTotalHits ?? 0) / queries.length)),
  };
}
