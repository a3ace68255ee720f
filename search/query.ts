import { type FederatedMultiSearchParams, type Meilisearch, type SearchParams } from 'meilisearch';
import { understand, type QueryWord } from './understand';
import type { SearchRecord } from './records';
import { coverageFloor, rankGroups, retrieve, type RankedGroup, type Retrieval } from './retrieval';
import { rawAttributes, stemAttributes } from './settings';
import { apiErrorOf } from './transport';

export interface SearchRequest {
  q: string;
  /** Built with search/filters.ts only. */
  filter: string;
  facets: string[];
  page: number;
  hitsPerPage: number;
  /**
   * One hit per document (the best page), grouped by scheme: `page` and `hitsPerPage` then count
   * groups (schemes, and documents outside any scheme). Otherwise every matching page.
   */
  isDistinct: boolean;
  /** Match the pages' text only (not the titles and scheme card every page carries). */
  isContentOnly?: boolean;
  /** Distinct hits grouped by scheme (the default), or each document on its own. */
  groupBy?: 'scheme' | 'document';
  /** The everyday or administrative terms a word also stands for (thesaurus and administrators' synonyms). */
  expand?: (word: QueryWord) => string[];
  /**
   * Told the schemes a grouped answer shows as soon as they are ranked, before their best pages are
   * searched: the caller reads their cards meanwhile instead of after the answer.
   */
  onSchemesRanked?: (schemeIds: string[]) => void;
}

/** How the query was read: the words searched, the ones set aside, what the thesaurus added. */
export interface QueryReading {
  words: string[];
  ignored: string[];
  expansions: { word: string; terms: string[] }[];
  /** Words found only through typo tolerance (as typed, they are in no document). */
  typos: string[];
}

/** The markers around highlighted words in `contentMatch` (they never occur in extracted text). */
export const markStart = '\u0001';
export const markEnd = '\u0002';

export interface SearchResult {
  hits: SearchHit[];
  facets: Record<string, Record<string, number>>;
  /** Groups above the relevance floor (documents, when not distinct). */
  total: number;
  /** Documents in those groups. */
  totalDocuments: number;
  /** Meilisearch's own time for the search (its processingTimeMs, whole milliseconds), when it answered. */
  engineMs?: number;
  reading: QueryReading;
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
  'ocrConfidence',
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
  /** The scheme it answers with, or `document:<id>` outside any scheme. */
  groupKey: string;
  /** Share of the query its group holds (0..1). */
  groupScore: number;
  /** Its group is under the relevance floor, or holds the query only through typos. */
  isApproximate: boolean;
};

type RawHit = RetrievedFields & {
  _formatted?: { content?: string };
  _rankingScore?: number;
  _federation?: { weightedRankingScore?: number };
};

const groupKeyOf = (hit: { schemeId: string | null; documentId: string }) => hit.schemeId ?? `document:${hit.documentId}`;

function toHit(record: RawHit, group?: { score: number; isApproximate: boolean }): SearchHit {
  const { _formatted, _rankingScore, _federation, ...fields } = record;
  const rankingScore = _federation?.weightedRankingScore ?? _rankingScore ?? 0;
  return {
    ...fields,
    contentMatch: _formatted?.content ?? '',
    rankingScore,
    groupKey: groupKeyOf(record),
    groupScore: group?.score ?? rankingScore,
    isApproximate: group?.isApproximate ?? false,
  };
}

/**
 * A hit made from a record found elsewhere than in the index (the PostgreSQL fallback): the fields
 * Meilisearch would have retrieved, the page that matched and its snippet.
 */
export function hitOfRecord(
  record: Pick<SearchRecord, (typeof retrieved)[number]>,
  found: { page: number; contentMatch: string; rankingScore: number },
): SearchHit {
  const fields = Object.fromEntries(retrieved.map((field) => [field, record[field]])) as RetrievedFields;
  return toHit(
    {
      ...fields,
      id: `${record.documentId}_${found.page}_0`,
      page: found.page,
      _formatted: { content: found.contentMatch },
      _rankingScore: found.rankingScore,
    },
    { score: 1, isApproximate: false },
  );
}

/** Content words a query reads (each with its thesaurus terms looked up). */
const maxQueryWords = 16;
/** Meilisearch reads the first 10 words of a query. */
const maxSentWords = 10;
/** Words that choose a document's best page: its most telling ones. */
const maxPageWords = 6;
/** Documents shown under one group: its evidence (one under an approaching answer). */
const documentsPerGroup = 3;
const documentsPerApproximateGroup = 1;
/** Approaching answers shown apart, on the first page. */
const maxApproximateGroups = 5;
/** The deepest a search goes. */
const maxGroups = 200;

const emptyReading: QueryReading = { words: [], ignored: [], expansions: [], typos: [] };

/** How the query was read, from what the documents hold of each word. */
function readingOf(retrieval: Retrieval): QueryReading {
  const typed = retrieval.evidence.filter((entry) => !entry.word.isInferred);
  return {
    words: typed.filter((entry) => entry.weight > 0).map((entry) => entry.word.text),
    ignored: typed.filter((entry) => entry.weight === 0).map((entry) => entry.word.text),
    expansions: typed.filter((entry) => entry.terms.length > 0).map((entry) => ({ word: entry.word.text, terms: entry.terms })),
    typos: typed.filter((entry) => entry.weight > 0 && entry.isTypo).map((entry) => entry.word.text),
  };
}

/** Facet counts of the documents of these groups, read from what the word searches retrieved. */
function countFacets(retrieval: Retrieval, groups: RankedGroup[], fields: string[]): SearchResult['facets'] {
  const facets: SearchResult['facets'] = Object.fromEntries(fields.map((field) => [field, {}]));
  for (const group of groups) {
    for (const documentId of group.documentIds) {
      const match = retrieval.documents.get(documentId);
      if (!match) continue;
      for (const field of fields) {
        const value = field === 'schemeId' ? match.schemeId : match.facets[field];
        const counts = facets[field] as Record<string, number>;
        for (const v of Array.isArray(value) ? value : [value])
          if (v !== null && v !== undefined && v !== '') counts[String(v)] = (counts[String(v)] ?? 0) + 1;
      }
    }
  }
  return facets;
}

type WordForm = { text: string; stems: string };
/** The documents whose most telling word is the same (in the same form), and the other words they hold. */
interface Band {
  top: WordForm;
  documentIds: string[];
  forms: Map<number, WordForm[]>;
}
type WantedDocument = { documentId: string; group: RankedGroup; isApproximate: boolean };

/** How telling a query word is (its evidence weight from the word searches). */
const weightIn = (retrieval: Retrieval) => (i: number) => retrieval.evidence[i]?.weight ?? 0;

/** The documents shown, each in the band of the most telling word it holds. */
function bandsOf(
  retrieval: Retrieval,
  shown: { group: RankedGroup; isApproximate: boolean }[],
): { bands: Map<string, Band>; wanted: WantedDocument[] } {
  const weightOf = weightIn(retrieval);
  const bands = new Map<string, Band>();
  const wanted: WantedDocument[] = [];
  for (const { group, isApproximate } of shown) {
    for (const documentId of group.documentIds.slice(0, isApproximate ? documentsPerApproximateGroup : documentsPerGroup)) {
      const forms = retrieval.documents.get(documentId)?.forms;
      const held = [...(forms?.keys() ?? [])].sort((a, b) => weightOf(b) - weightOf(a) || a - b);
      const top = held[0] === undefined ? undefined : forms?.get(held[0]);
      if (!forms || !top) continue;
      wanted.push({ documentId, group, isApproximate });
      const key = `${held[0]} ${top.stems}`;
      const band = bands.get(key) ?? { top, documentIds: [] as string[], forms: new Map<number, WordForm[]>() };
      band.documentIds.push(documentId);
      for (const i of held.slice(1, maxPageWords)) {
        const form = forms.get(i);
        if (form) band.forms.set(i, [...(band.forms.get(i) ?? []), form]);
      }
      bands.set(key, band);
    }
  }
  return { bands, wanted };
}

/**
 * The documents their band missed (a word came through typo tolerance, which the word as written in
 * first place does not always meet): each searched alone with its own words, as written and as
 * stems. What is found joins `found`; returns the engine's time.
 */
async function searchAlone(
  client: Meilisearch,
  alone: SearchParams & { indexUid: string },
  of: { filterOf: (ids: string[]) => string; formsOf: (documentId: string) => WordForm[] },
  missed: string[],
  found: { asWritten: Map<string, RawHit>; asStems: Map<string, RawHit> },
): Promise<number> {
  const queryOf = (documentId: string, key: 'text' | 'stems', attributesToSearchOn: string[]) => ({
    ...alone,
    filter: of.filterOf([documentId]),
    q: of
      .formsOf(documentId)
      .map((form) => form[key])
      .join(' '),
    attributesToSearchOn,
  });
  const result = await client.multiSearch({
    queries: missed.flatMap((documentId) => [queryOf(documentId, 'text', rawAttributes), queryOf(documentId, 'stems', stemAttributes)]),
  });
  missed.forEach((documentId, i) => {
    const written = result.results[2 * i]?.hits[0] as RawHit | undefined;
    const stems = result.results[2 * i + 1]?.hits[0] as RawHit | undefined;
    if (written) found.asWritten.set(documentId, written);
    if (stems) found.asStems.set(documentId, stems);
  });
  return Math.max(0, ...result.results.map((one) => one.processingTimeMs));
}

/**
 * The best page of each shown document, with its snippet. The documents are taken in bands by the
 * most telling word each holds (known from the word searches): one search per band, that word
 * first and the band's other words after it, with Meilisearch's "last" strategy, which drops words
 * from the end and never the first: every document of the band matches, on its page that holds
 * the most of the words. Each band is searched as written (for the highlighted snippet) and as
 * stems. A few bands cover the documents of a page of answers, where one search per document made
 * this step most of an answer's time, and one search of every word dropped the documents that lack
 * the rarest.
 */
async function bestPages(
  client: Meilisearch,
  indexUid: string,
  request: SearchRequest,
  retrieval: Retrieval,
  shown: { group: RankedGroup; isApproximate: boolean }[],
): Promise<{ hits: SearchHit[]; engineMs: number }> {
  const common = {
    indexUid,
    attributesToRetrieve: [...retrieved],
    attributesToCrop: ['content'],
    cropLength: 28,
    attributesToHighlight: ['content'],
    highlightPreTag: markStart,
    highlightPostTag: markEnd,
    showRankingScore: true,
    distinct: 'documentId',
    matchingStrategy: 'last' as const,
  };
  const weightOf = weightIn(retrieval);
  const { bands, wanted } = bandsOf(retrieval, shown);
  if (wanted.length === 0) return { hits: [], engineMs: 0 };
  const filterOf = (ids: string[]) =>
    [request.filter, `documentId IN [${ids.map((id) => `"${id.replace(/[\\"]/g, '')}"`).join(', ')}]`]
      .filter(Boolean)
      .map((f) => `(${f})`)
      .join(' AND ');
  /** The band's own word first, then the other words its documents hold, the most telling first. */
  const queryOf = (band: Band, key: 'text' | 'stems') => {
    const seen = new Set([band.top[key]]);
    const others = [...band.forms]
      .sort(([a], [b]) => weightOf(b) - weightOf(a) || a - b)
      .flatMap(([, forms]) => forms.map((form) => form[key]));
    return [band.top[key], ...others.filter((form) => !seen.has(form) && seen.add(form) !== undefined)].slice(0, maxSentWords).join(' ');
  };
  const result = await client.multiSearch({
    queries: [...bands.values()].flatMap((band) => {
      const query = { ...common, filter: filterOf(band.documentIds), limit: band.documentIds.length };
      return [
        { ...query, q: queryOf(band, 'text'), attributesToSearchOn: rawAttributes },
        { ...query, q: queryOf(band, 'stems'), attributesToSearchOn: stemAttributes },
      ];
    }),
  });
  let engineMs = Math.max(0, ...result.results.map((one) => one.processingTimeMs));
  const asWritten = new Map<string, RawHit>();
  const asStems = new Map<string, RawHit>();
  result.results.forEach((one, i) => {
    for (const hit of one.hits as RawHit[]) (i % 2 === 0 ? asWritten : asStems).set(hit.documentId, hit);
  });
  const missed = wanted.filter((w) => !asWritten.has(w.documentId) && !asStems.has(w.documentId)).map((w) => w.documentId);
  if (missed.length > 0) {
    const formsOf = (documentId: string) =>
      [...(retrieval.documents.get(documentId)?.forms ?? new Map<number, WordForm>())]
        .sort(([a], [b]) => weightOf(b) - weightOf(a) || a - b)
        .map(([, form]) => form)
        .slice(0, maxPageWords);
    engineMs += await searchAlone(client, { ...common, limit: 1, matchingStrategy: 'frequency' }, { filterOf, formsOf }, missed, {
      asWritten,
      asStems,
    });
  }
  const hits: SearchHit[] = [];
  for (const { documentId, group, isApproximate } of wanted) {
    const written = asWritten.get(documentId);
    const stems = asStems.get(documentId);
    // A match as written has the snippet; a page only the stems find is the better page when the
    // words as written found none, or only a title match (page 0).
    const best = written && (written.page > 0 || !stems || stems.page === 0) ? written : stems;
    if (best) hits.push(toHit(best, { score: group.coverage, isApproximate }));
  }
  return { hits, engineMs };
}

/**
 * The answer to a query, grouped by scheme: its content words (search/understand.ts) looked up one
 * by one (search/retrieval.ts), groups ranked by the weight of the words they hold, the groups of
 * the page (and, on the first page, those under the relevance floor, apart) with their best pages.
 */
async function searchGroups(client: Meilisearch, indexUid: string, request: SearchRequest): Promise<SearchResult> {
  const understood = understand(request.q);
  if (understood.words.length === 0) return { hits: [], facets: {}, total: 0, totalDocuments: 0, reading: emptyReading };
  const facetFields = request.facets.filter((field) => field !== 'schemeId');
  const retrieval = await retrieve(
    client,
    indexUid,
    { filter: request.filter, facetFields, expand: request.expand },
    understood.words.slice(0, maxQueryWords),
  );
  const groups = rankGroups(retrieval, { isByDocument: request.groupBy === 'document', profiles: understood.profiles }).slice(0, maxGroups);
  const confident = groups.filter((group) => group.coverage >= coverageFloor && !group.isTypoOnly);
  const approximate = groups.filter((group) => group.coverage < coverageFloor && !group.isTypoOnly);
  const window = <T>(list: T[]) => list.slice((request.page - 1) * request.hitsPerPage, request.page * request.hitsPerPage);
  const marked = (list: RankedGroup[], isApproximate: boolean) => list.map((group) => ({ group, isApproximate }));
  // Grouped, the approaching answers come apart, on the first page; one list of documents pages
  // through both, the confident ones first.
  const isFlat = request.groupBy === 'document';
  const onPage = isFlat ? window([...marked(confident, false), ...marked(approximate, true)]) : marked(window(confident), false);
  const apart =
    !isFlat && request.page === 1 ? marked(approximate.slice(0, Math.min(request.hitsPerPage, maxApproximateGroups)), true) : [];
  const shown = [...onPage, ...apart];
  request.onSchemesRanked?.([...new Set(shown.map(({ group }) => group.key).filter((key) => !key.startsWith('document:')))]);
  const pages = await bestPages(client, indexUid, request, retrieval, shown);
  return {
    hits: pages.hits,
    facets: countFacets(retrieval, confident, request.facets),
    total: isFlat ? confident.length + approximate.length : confident.length,
    totalDocuments: confident.reduce((sum, group) => sum + group.documentIds.length, 0),
    engineMs: retrieval.engineMs + pages.engineMs,
    reading: readingOf(retrieval),
  };
}

/** Every matching page of the documents under the filter, best first (one document's pages, for the viewer). */
async function searchPages(client: Meilisearch, indexUid: string, request: SearchRequest): Promise<SearchResult> {
  const words = understand(request.q).words.slice(0, maxSentWords);
  if (words.length === 0) return { hits: [], facets: {}, total: 0, totalDocuments: 0, reading: emptyReading };
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
    matchingStrategy: 'last',
  };
  const queries: FederatedMultiSearchParams['queries'] = [
    { ...common, q: words.map((word) => word.text).join(' '), attributesToSearchOn: request.isContentOnly ? ['content'] : rawAttributes },
    {
      ...common,
      q: words.map((word) => word.stem).join(' '),
      attributesToSearchOn: request.isContentOnly ? ['contentStem'] : stemAttributes,
      federationOptions: { weight: 0.9 },
    },
  ];
  const limit = request.page * request.hitsPerPage;
  const result = await client.multiSearch({ queries, federation: { offset: 0, limit } });
  const seen = new Set<string>();
  const hits = (result.hits as unknown as RawHit[]).filter((hit) => !seen.has(hit.id) && seen.add(hit.id)).map((hit) => toHit(hit));
  return {
    hits: hits.slice((request.page - 1) * request.hitsPerPage),
    facets: {},
    total: hits.length,
    totalDocuments: new Set(hits.map((hit) => hit.documentId)).size,
    engineMs: result.processingTimeMs,
    reading: emptyReading,
  };
}

/** No words: the most recently updated documents, one record each (exact totals and facet counts). */
async function browse(client: Meilisearch, indexUid: string, request: SearchRequest): Promise<SearchResult> {
  const result = await client.index<SearchRecord>(indexUid).search('', {
    filter: [request.filter, 'isPrimary = true']
      .filter(Boolean)
      .map((f) => `(${f})`)
      .join(' AND '),
    attributesToRetrieve: [...retrieved],
    sort: ['updatedAt:desc'],
    facets: request.facets,
    offset: (request.page - 1) * request.hitsPerPage,
    limit: request.hitsPerPage,
  });
  const total = result.estimatedTotalHits ?? result.hits.length;
  return {
    hits: (result.hits as RawHit[]).map((hit) => toHit(hit)),
    facets: (result.facetDistribution ?? {}) as SearchResult['facets'],
    total,
    totalDocuments: total,
    engineMs: result.processingTimeMs,
    reading: emptyReading,
  };
}

export async function runSearch(client: Meilisearch, indexUid: string, request: SearchRequest): Promise<SearchResult> {
  try {
    if (!request.q.trim()) return await browse(client, indexUid, request);
    return await (request.isDistinct ? searchGroups(client, indexUid, request) : searchPages(client, indexUid, request));
  } catch (error) {
    // A new index that has no record yet knows no searchable attribute: nothing to find.
    if (apiErrorOf(error)?.cause?.code === 'invalid_search_attributes_to_search_on')
      return { hits: [], facets: {}, total: 0, totalDocuments: 0, reading: emptyReading };
    throw error;
  }
}
