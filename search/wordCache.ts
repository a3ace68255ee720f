import type { Meilisearch, MultiSearchQuery, SearchResponse } from 'meilisearch';

/**
 * What one word's search found, kept while the index does not change. An agent types a sentence
 * in pauses and the screen searches at each: "mon fils a 20 ans", then "… il veut passer son
 * permis"; and the desks of a Region ask for the same everyday words all day ("aide", "jeune",
 * "entreprise"). Each word's search is its own small search (search/retrieval.ts), so the words
 * already looked up cost nothing the next time.
 *
 * The index's own `updatedAt` (Meilisearch changes it with every document added or deleted and
 * every setting) is read before the searches, and a result is used only while the index is still
 * at the version read before it was searched: any change since makes every word searched again, so
 * a document published a moment ago is found at once, whichever instance published it. One small
 * request per answer, where each word's search costs the engine a few milliseconds.
 */

/** Results kept per instance: a few thousand words under a few filters (each a few kilobytes). */
const maxEntries = 4000;

type Result = Pick<SearchResponse<Record<string, unknown>>, 'hits' | 'estimatedTotalHits' | 'processingTimeMs'>;

interface Entry {
  version: string;
  result: Result;
}

const entries = new Map<string, Entry>();

const keyOf = (query: MultiSearchQuery) => JSON.stringify(query);

/**
 * Meilisearch runs the searches of one multi-search one after the other, on the worker thread of
 * its connection: the searches of an answer are sent as this many requests side by side, so that
 * as many of its workers (one per core) search at once. Small sets stay one request.
 */
const parallelRequests = 2;
const minSearchesPerRequest = 4;

function inParts<T>(items: T[]): T[][] {
  const parts = Math.min(parallelRequests, Math.floor(items.length / minSearchesPerRequest)) || 1;
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, part) => items.slice(part * size, (part + 1) * size));
}

/** The index's version: when it last changed. */
export async function indexVersion(client: Meilisearch, indexUid: string): Promise<string> {
  const index = await client.getRawIndex(indexUid);
  return String(index.updatedAt);
}

/**
 * The results of these searches, in their order: those read under `version` from memory, the
 * others in multi-searches sent side by side (then kept). `engineMs` is Meilisearch's own time for the searches
 * it ran (the slowest of them), 0 when memory answered all.
 */
export async function cachedMultiSearch(
  client: Meilisearch,
  version: string,
  queries: MultiSearchQuery[],
): Promise<{ results: Result[]; engineMs: number }> {
  const results: (Result | undefined)[] = queries.map((query) => {
    const key = keyOf(query);
    const entry = entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Most recently used last: the first entries are the ones forgotten first.
    entries.delete(key);
    entries.set(key, entry);
    return entry.result;
  });
  const missing = queries.map((query, i) => ({ query, i })).filter(({ i }) => results[i] === undefined);
  let engineMs = 0;
  if (missing.length > 0) {
    const answers = await Promise.all(
      inParts(missing).map((part) => client.multiSearch({ queries: part.map(({ query }) => query) }).then((answer) => answer.results)),
    );
    const found = answers.flat();
    engineMs = Math.max(0, ...found.map((result) => result.processingTimeMs));
    missing.forEach(({ query, i }, j) => {
      const result = found[j];
      if (!result) return;
      const kept: Result = { hits: result.hits, estimatedTotalHits: result.estimatedTotalHits, processingTimeMs: result.processingTimeMs };
      results[i] = kept;
      entries.set(keyOf(query), { version, result: kept });
    });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }
  return { results: results.map((result) => result ?? { hits: [], estimatedTotalHits: 0, processingTimeMs: 0 }), engineMs };
}

/** Forgets every result kept (the benchmark measures answers to words never asked before). */
export function forgetWords(): void {
  entries.clear();
}
