import type { Db } from '../db';
import type { Logger } from '../logger';
import {
  anyOf,
  meiliFilter,
  SearchUnavailableError,
  snippetRenderer,
  type Search,
  type SearchFilter,
  type SearchResult,
} from '../../search';
import { searchDuration } from '../metrics';
import { degradedSearch } from './degraded';
import { answerSchemes, groupHits, readSchemes, type SchemeRead } from './answer';
import { presentHit } from './presenter';
import { queryExpander } from './synonyms';
import { facetFields, type Facet, type SearchQuery } from './schema';
import { logSearch, type Searcher } from './log';

export type { Searcher } from './log';

const todayDay = () => Math.floor(Date.now() / 86400000);

/** What a query keeps (its facets, dates, closed schemes or not), for Meilisearch and the PostgreSQL fallback alike. */
export function searchFilterOf(query: SearchQuery): SearchFilter {
  const anyOf: SearchFilter['anyOf'] = {};
  for (const facet of Object.keys(facetFields) as Facet[]) {
    const values = query[facet];
    if (values && values.length > 0) anyOf[facetFields[facet]] = values;
  }
  const wantsClosed = query.includeClosed === 'true' || (query.availability ?? []).includes('clos');
  return {
    anyOf,
    updatedSince: query.updatedSince ? Date.parse(`${query.updatedSince}T00:00:00Z`) / 1000 : undefined,
    openOnDay: wantsClosed ? undefined : todayDay(),
  };
}

/** The Meilisearch filter of a query: validated values only (search/filters.ts). */
export const filterOf = (query: SearchQuery): string => meiliFilter(searchFilterOf(query));

/** Facet counts under the API's names (theme, audience…) rather than the record fields. */
function renameFacets(facets: SearchResult['facets']) {
  return Object.fromEntries((Object.keys(facetFields) as Facet[]).map((facet) => [facet, facets[facetFields[facet]] ?? {}]));
}

/**
 * What Meilisearch answered and how long it took (ms, as this process saw it), with the read of
 * the cards of the schemes it shows (started while it searched their best pages); or why it did
 * not answer (then PostgreSQL answers).
 */
export type StartedSearch = Promise<
  { result: SearchResult; ms: number; schemes?: Promise<SchemeRead> } | { unavailable: SearchUnavailableError }
>;

const millisecondsSince = (startedAt: bigint) => Number(process.hrtime.bigint() - startedAt) / 1e6;

const groupsPerPage = 10;
const documentsPerPage = 20;

/** The page a query asks for: of schemes (grouped), or of documents (`group=document`). */
export function documentWindow(query: SearchQuery) {
  return { page: query.page, hitsPerPage: query.hitsPerPage ?? (query.group === 'document' ? documentsPerPage : groupsPerPage) };
}

/**
 * The Meilisearch half of a search, on its own: GET /api/search may start it while the session
 * loads (search/routes.ts `earlySearch`). What it finds depends on the query alone.
 */
export function startSearch(deps: { db: Db; search: Search }, query: SearchQuery): StartedSearch {
  const startedAt = process.hrtime.bigint();
  let schemes: Promise<SchemeRead> | undefined;
  const onSchemesRanked = (schemeIds: string[]) => {
    if (schemeIds.length === 0) return;
    schemes = readSchemes(deps.db, schemeIds);
    // Awaited by the answer, which reads again if this failed.
    schemes.catch(() => undefined);
  };
  return queryExpander(deps.db)
    .then((expand) =>
      deps.search.search({
        q: query.q,
        filter: filterOf(query),
        facets: Object.values(facetFields),
        ...documentWindow(query),
        isDistinct: true,
        groupBy: query.group,
        expand,
        onSchemesRanked,
      }),
    )
    .then(
      (result) => {
        const ms = millisecondsSince(startedAt);
        searchDuration.observe({ path: 'meilisearch' }, ms / 1000);
        return { result, ms, schemes };
      },
      (error: unknown) => {
        if (!(error instanceof SearchUnavailableError)) throw error;
        return { unavailable: error };
      },
    );
}

/** Every word found was found only through typo tolerance: the answer guessed, it did not answer. */
const isTypoOnly = (result: SearchResult) =>
  result.reading.words.length > 0 && result.reading.words.every((word) => result.reading.typos.includes(word));

/** The theme a search counts in: the one it was filtered by, else its best answer's. */
const themeOf = (query: SearchQuery, bestTheme: string | null | undefined) =>
  query.theme?.length === 1 ? (query.theme[0] ?? null) : (bestTheme ?? null);

/** A query that found nothing above the floor: what to try next, in French. */
function suggestionFor(result: SearchResult, hasApproximate: boolean): string | null {
  if (result.reading.words.length === 0)
    return 'Décrivez le besoin avec quelques mots : le projet, le public, le secteur (par exemple « rénovation logement », « permis de conduire jeune »).';
  if (result.reading.words.length > 3) return 'Essayez avec moins de mots : gardez les deux ou trois qui décrivent le besoin.';
  if (hasApproximate) return 'Les résultats approchants ci-dessous ne correspondent qu’en partie : vérifiez-les avant de les proposer.';
  return 'Essayez un mot plus général, ou retirez des filtres.';
}

/**
 * Searches Meilisearch; when it does not answer, PostgreSQL full-text search answers instead
 * (`degraded: true`), in the same shape. The answer is grouped by scheme (the scheme's card first,
 * its matching documents beneath), or flat with `group=document`. Every query is logged for the
 * insights of the directorates: `log()` writes it, once the answer is on its way (the agent does
 * not wait for the log). `serverTiming` says where the time went (Server-Timing header):
 * Meilisearch's own time and the round trip to it, or PostgreSQL's.
 */
export async function searchDocuments(
  deps: { db: Db; search: Search; logger: Logger },
  searcher: Searcher,
  query: SearchQuery,
  started = startSearch(deps, query),
  receivedAt = new Date(),
) {
  const outcome = await started;
  let result: SearchResult;
  let schemes: Promise<SchemeRead> | undefined;
  let isDegraded = false;
  let serverTiming: string;
  if ('result' in outcome) {
    result = outcome.result;
    schemes = outcome.schemes;
    serverTiming = `meilisearch;dur=${result.engineMs ?? 0}, search;dur=${outcome.ms.toFixed(1)}`;
  } else {
    deps.logger.warn({ err: outcome.unavailable }, 'Meilisearch unavailable: answering from PostgreSQL');
    const startedAt = process.hrtime.bigint();
    result = await degradedSearch(deps.db, { q: query.q, filter: searchFilterOf(query) }, documentWindow(query));
    const ms = millisecondsSince(startedAt);
    searchDuration.observe({ path: 'postgresql' }, ms / 1000);
    serverTiming = `postgresql;dur=${ms.toFixed(1)}`;
    isDegraded = true;
  }
  const renderSnippet = snippetRenderer(query.q);
  const confidentHits = result.hits.filter((hit) => !hit.isApproximate);
  if (query.group === 'document') {
    const answer = {
      hits: result.hits.map((hit) => ({ ...presentHit(hit, renderSnippet), isApproximate: hit.isApproximate })),
      facets: renameFacets(result.facets),
      total: result.total,
      page: query.page,
      hitsPerPage: documentWindow(query).hitsPerPage,
      degraded: isDegraded,
    };
    const best = confidentHits[0];
    const logged = {
      resultCount: confidentHits.length === 0 ? 0 : result.total,
      isAnswered: best !== undefined && !isTypoOnly(result),
      themeId: themeOf(query, best?.themeId),
      isDegraded,
    };
    return { answer, serverTiming, log: () => logSearch(deps, searcher, query, logged, receivedAt) };
  }

  const themes = new Map(
    result.hits
      .filter((hit) => hit.schemeId)
      .map((hit) => [hit.schemeId as string, hit.themeId ? { id: hit.themeId, name: hit.themeName } : null]),
  );
  const cards = await answerSchemes(deps.db, [...themes.keys()], themes, schemes);
  const groups = groupHits(result.hits, cards, renderSnippet);
  const confident = groups.filter((group) => !group.isApproximate);
  const approximate = groups.filter((group) => group.isApproximate);
  const answer = {
    query: { text: query.q.trim(), ...result.reading },
    groups: confident,
    approximate,
    total: result.total,
    totalDocuments: result.totalDocuments,
    facets: renameFacets(result.facets),
    page: query.page,
    hitsPerPage: documentWindow(query).hitsPerPage,
    degraded: isDegraded,
    suggestion: query.q.trim() !== '' && confident.length === 0 ? suggestionFor(result, approximate.length > 0) : null,
  };
  // Unanswered when no group is confident: only typos or results under the relevance floor.
  const logged = {
    resultCount: result.total,
    isAnswered: confident.length > 0 && !isTypoOnly(result),
    themeId: themeOf(query, confident[0]?.scheme?.theme?.id),
    isDegraded,
  };
  return { answer, serverTiming, log: () => logSearch(deps, searcher, query, logged, receivedAt) };
}

/** Every matching page of one document, best first. */
export async function matchingPages(deps: { search: Search }, documentId: string, q: string) {
  const result = await deps.search.search({
    q,
    filter: anyOf('documentId', [documentId]),
    facets: [],
    page: 1,
    hitsPerPage: 50,
    isDistinct: false,
    isContentOnly: true,
  });
  const renderSnippet = snippetRenderer(q);
  return result.hits
    .filter((hit) => hit.page > 0)
    .map((hit) => {
      const presented = presentHit(hit, renderSnippet);
      return { page: hit.page, snippet: presented.snippet, ocrConfidence: presented.ocrConfidence };
    });
}
