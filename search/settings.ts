import type { Settings } from 'meilisearch';
import { filterableFields } from './filters';
import { frenchStopWords } from './french';
import type { SynonymSet } from './thesaurus';

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

/** Groups alone (tests, older callers) are a set without one-way links. */
export function asSynonymSet(synonyms: SynonymSet | string[][]): SynonymSet {
  return Array.isArray(synonyms) ? { groups: synonyms, oneWay: [] } : synonyms;
}

/**
 * Synonyms as Meilisearch wants them: every term of a group maps to the others, a one-way link's
 * specific terms to its broader ones, as written and (stemmed) as stems, so that the stemmed query
 * finds them too.
 */
export function synonymMap(synonyms: SynonymSet | string[][], stemOf: (text: string) => string): Record<string, string[]> {
  const { groups, oneWay } = asSynonymSet(synonyms);
  const map: Record<string, string[]> = {};
  const forms = (list: string[]) => [...new Set(list.flatMap((term) => [term.toLowerCase().trim(), stemOf(term)]).filter(Boolean))];
  const link = (from: string[], to: string[]) => {
    for (const term of from) map[term] = [...new Set([...(map[term] ?? []), ...to.filter((other) => other !== term)])];
  };
  for (const group of groups) {
    const terms = forms(group);
    link(terms, terms);
  }
  for (const { from, to } of oneWay) link(forms(from), forms(to));
  return map;
}

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
  const keysOf = (term: string) => (term.includes(' ') ? [term] : [term, stemOf(term)]);
  for (const group of synonyms.groups) {
    const terms = group.map((term) => term.toLowerCase().trim()).filter(Boolean);
    add(terms.flatMap(keysOf), terms);
  }
  for (const { from, to } of synonyms.oneWay) add(from.map((term) => term.toLowerCase().trim()).flatMap(keysOf), to.map((term) => term.toLowerCase().trim()));
  return (word) => {
    const terms = new Set([...(byKey.get(word.text) ?? []), ...(byKey.get(word.stem) ?? [])]);
    terms.delete(word.text);
    return [...terms];
  };
}
