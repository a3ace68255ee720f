import type { Db } from '../db';
import { ServiceUnavailableError } from '../errors';
import type { Logger } from '../logger';
import { anyOf, meiliFilter, snippetRenderer, type Search, type SearchFilter, type SearchResult } from '../../search';
import { searchDuration } from '../metrics';
import { degradedSearch } from './degraded';
import { answerSchemes, groupHits } from './answer';
import { presentHit } from './presenter';
import { queryExpander } from './synonyms';
import { facetFields, type Facet, type SearchQuery } from './schema';

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

export interface Searcher {
  id: string;
  role: string;
  maisonId: string | null;
}

/** What Meilisearch answered and how long it took (ms, as this process saw it), or why it did not (then PostgreSQL answers). */
export type StartedSearch = Promise<{ result: SearchResult; ms: number } | { unavailable: ServiceUnavailableError }>;

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
  return queryExpander(deps.db)
    .then((expand) => deps.search.search({ q: query.q, filter: filterOf(query), facets: Object.values(facetFields), ...documentWindow(query), isDistinct: true, groupBy: query.group, expand }))
    .then(
      (result) => {
        const ms = millisecondsSince(startedAt);
        searchDuration.observe({ path: 'meilisearch' }, ms / 1000);
        return { result, ms };
      },
      (error: unknown) => {
        if (!(error instanceof ServiceUnavailableError)) throw error;
        return { unavailable: error };
      },
    );
}

/** A query that found nothing above the floor: what to try next, in French. */
function suggestionFor(result: SearchResult, hasApproximate: boolean): string | null {
  if (result.reading.words.length === 0) return 'Décrivez le besoin avec quelques mots : le projet, le public, le secteur (par exemple « rénovation logement », « permis de conduire jeune »).';
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
export async function searchDocuments(deps: { db: Db; search: Search; logger: Logger }, searcher: Searcher, query: SearchQuery, started = startSearch(deps, query)) {
  const outcome = await started;
  let result: SearchResult;
  let isDegraded = false;
  let serverTiming: string;
  if ('result' in outcome) {
    result = outcome.result;
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
    return { answer, serverTiming, log: () => logSearch(deps, searcher, query, confidentHits.length === 0 ? 0 : result.total, isDegraded) };
  }

  const themes = new Map(result.hits.filter((hit) => hit.schemeId).map((hit) => [hit.schemeId as string, hit.themeId ? { id: hit.themeId, name: hit.themeName } : null]));
  const cards = await answerSchemes(deps.db, [...themes.keys()], themes);
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
  return { answer, serverTiming, log: () => logSearch(deps, searcher, query, result.total, isDegraded) };
}

/**
 * Logs a search. Results come while typing: a query that extends (or trims) the same user's query
 * of the last few seconds replaces it, so the insights see what the agent settled on, not every
 * keystroke.
 */
async function logSearch(deps: { db: Db; logger: Logger }, searcher: Searcher, query: SearchQuery, resultCount: number, isDegraded: boolean) {
  if (query.page > 1) return;
  const text = query.q.trim().slice(0, 1000);
  const filters = Object.fromEntries(Object.entries(query).filter(([key, value]) => !['q', 'page', 'hitsPerPage', 'group'].includes(key) && value !== undefined));
  try {
    // One statement (the refinement replaces the entry, anything else adds one), committed without
    // waiting for the disk: a crash may lose the last few entries of the log, never a document.
    await deps.db.transaction(async (trx) => {
      await trx.raw('set local synchronous_commit = off');
      await trx.raw(
        `with latest as (
           select id, query from search_log
            where user_id = :userId and created_at > now() - interval '5 seconds'
            order by id desc limit 1),
         previous as (select id from latest where :query <> '' and (starts_with(:query, query) or starts_with(query, :query))),
         refined as (
           update search_log l set query = :query, filters = :filters, result_count = :resultCount, degraded = :degraded, created_at = now()
             from previous where l.id = previous.id returning l.id)
         insert into search_log (query, filters, result_count, degraded, user_id, role, maison_id)
         select :query, :filters, :resultCount, :degraded, :userId, :role, :maisonId where not exists (select 1 from refined)`,
        { query: text, filters: JSON.stringify(filters), resultCount, degraded: isDegraded, userId: searcher.id, role: searcher.role, maisonId: searcher.maisonId },
      );
    });
  } catch (error) {
    deps.logger.warn({ err: error }, 'search not logged');
  }
}

/** Every matching page of one document, best first. */
export async function matchingPages(deps: { search: Search }, documentId: string, q: string) {
  const result = await deps.search.search({ q, filter: anyOf('documentId', [documentId]), facets: [], page: 1, hitsPerPage: 50, isDistinct: false, isContentOnly: true });
  const renderSnippet = snippetRenderer(q);
  return result.hits
    .filter((hit) => hit.page > 0)
    .map((hit) => {
      const presented = presentHit(hit, renderSnippet);
      return { page: hit.page, snippet: presented.snippet, ocrConfidence: presented.ocrConfidence };
    });
}

/** What agents look for, and what they look for and do not find, over a period (optionally within a theme). */
export async function searchInsights(db: Db, options: { days: number; theme?: string }) {
  const base = () => {
    const query = db('search_log').where('created_at', '>=', db.raw(`now() - make_interval(days => ?)`, [options.days])).whereNot('query', '');
    if (options.theme) query.whereRaw(`filters -> 'theme' @> ?::jsonb`, [JSON.stringify([options.theme])]);
    return query;
  };
  const top = await base()
    .select(db.raw('lower(query) as query'), db.raw('count(*)::int as searches'), db.raw('round(avg(result_count))::int as average_results'))
    .groupByRaw('lower(query)')
    .orderBy('searches', 'desc')
    .limit(50);
  const unanswered = await base()
    .where('result_count', 0)
    .select(db.raw('lower(query) as query'), db.raw('count(*)::int as searches'), db.raw('max(created_at) as last_searched_at'))
    .groupByRaw('lower(query)')
    .orderBy('searches', 'desc')
    .limit(50);
  return {
    days: options.days,
    topQueries: top.map((row) => ({ query: row.query as string, searches: row.searches as number, averageResults: row.average_results as number })),
    queriesWithoutResults: unanswered.map((row) => ({ query: row.query as string, searches: row.searches as number, lastSearchedAt: row.last_searched_at as Date })),
  };
}
