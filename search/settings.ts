import type { Settings } from 'meilisearch';
import { filterableFields } from './filters';
import { frenchStopWords } from './french';

/** The raw and the stemmed attributes, in the order that weighs them: names and titles first, content last. */
export const rawAttributes = ['title', 'schemeName', 'keywords', 'summary', 'schemeSummary', 'content'];
export const stemAttributes = ['titleStem', 'schemeNameStem', 'keywordsStem', 'summaryStem', 'contentStem'];

export function indexSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: ['title', 'titleStem', 'schemeName', 'schemeNameStem', 'keywords', 'keywordsStem', 'summary', 'schemeSummary', 'summaryStem', 'content', 'contentStem'],
    filterableAttributes: [...filterableFields],
    sortableAttributes: ['updatedAt'],
    displayedAttributes: ['*'],
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
    stopWords: [...frenchStopWords],
    synonyms,
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 2000 },
    faceting: { maxValuesPerFacet: 100 },
    // Word proximity counted within an attribute, not word by word: much cheaper to index, and
    // our records are pages, already small. Facet search is not used.
    proximityPrecision: 'byAttribute',
    facetSearch: false,
  };
}

/**
 * Synonym groups as Meilisearch wants them: every term of a group maps to the others, as written
 * and (single words) as stems, so that the stemmed query finds them too.
 */
export function synonymMap(groups: string[][], stemOf: (text: string) => string): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    const terms = [...new Set(group.flatMap((term) => [term.toLowerCase().trim(), stemOf(term)]).filter(Boolean))];
    for (const term of terms) map[term] = [...new Set([...(map[term] ?? []), ...terms.filter((other) => other !== term)])];
  }
  return map;
}
