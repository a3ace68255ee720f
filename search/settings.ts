import type { Settings } from 'meilisearch';
import { filterableFields } from './filters';
import { frenchStopWords } from './french';
import type { SynonymSet } from './thesaurus';

/** The raw and the stemmed attributes, in the order that weighs them: names and titles first, content last. */
export const rawAttributes = ['title', 'schemeName', 'keywords', 'summary', 'schemeSummary', 'content'];
export const stemAttributes = ['titleStem', 'schemeNameStem', 'keywordsStem', 'summaryStem', 'contentStem'];

/**
 * The pages index's settings. No synonyms: Meilisearch expands each synonym of each word of a
 * query into its query graph, and a sentence of ten words over the shipped thesaurus took it
 * hundreds of milliseconds per search; the query looks each term up itself (search/retrieval.ts).
 */
export function indexSettings(): Settings {
  return {
    searchableAttributes: [
      'title',
      'titleStem',
      'schemeName',
      'schemeNameStem',
      'keywords',
      'keywordsStem',
      'summary',
      'schemeSummary',
      'summaryStem',
      'content',
      'contentStem',
    ],
    filterableAttributes: [...filterableFields],
    sortableAttributes: ['updatedAt'],
    displayedAttributes: ['*'],
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
    stopWords: [...frenchStopWords],
    synonyms: {},
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: 2000 },
    faceting: { maxValuesPerFacet: 100 },
    // Word proximity counted within an attribute, not word by word: much cheaper to index, and
    // our records are pages, already small. Facet search is not used.
    proximityPrecision: 'byAttribute',
    facetSearch: false,
  };
}

/** Acronyms and short words ("fac", "caf", "vae") stand as written: their stem is another word's ("face", "café", "va"). */
const isShort = (term: string) => term.trim().length <= 4;

/**
 * What a query word also stands for, as written: the terms of its groups and its one-way links,
 * found by the word or by its stem ("chômeurs" finds the group of "chômage").
 */
export function expansionIndex(synonyms: SynonymSet, stemOf: (word: string) => string): (word: { text: string; stem: string }) => string[] {
  const byKey = new Map<string, Set<string>>();
  const add = (keys: string[], terms: string[]) => {
    for (const key of keys) {
      const found = byKey.get(key) ?? new Set<string>();
      for (const term of terms) found.add(term);
      byKey.set(key, found);
    }
  };
  const keysOf = (term: string) => (term.includes(' ') || isShort(term) ? [term] : [term, stemOf(term)]);
  for (const group of synonyms.groups) {
    const terms = group.map((term) => term.toLowerCase().trim()).filter(Boolean);
    add(terms.flatMap(keysOf), terms);
  }
  for (const { from, to } of synonyms.oneWay)
    add(
      from.map((term) => term.toLowerCase().trim()).flatMap(keysOf),
      to.map((term) => term.toLowerCase().trim()),
    );
  return (word) => {
    const terms = new Set([...(byKey.get(word.text) ?? []), ...(byKey.get(word.stem) ?? [])]);
    terms.delete(word.text);
    return [...terms];
  };
}
