import type { FacetCounts } from './types';

/**
 * What the agent asks for: words, facet filters, and whether closed schemes count. It lives in the
 * page's address (?q=…&audience=…), so that "Back" from a document finds the same results.
 */

/** The facets offered as filters, in the order shown (the API's parameter names). */
export const facetNames = ['theme', 'audience', 'aidType', 'availability', 'docType', 'directorate', 'scope', 'fileType'] as const;
export type FacetName = (typeof facetNames)[number];

export interface Criteria {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  includeClosed: boolean;
}

export const emptyCriteria: Criteria = { q: '', filters: {}, includeClosed: false };

const isFacetName = (name: string): name is FacetName => (facetNames as readonly string[]).includes(name);

/** The criteria of an address; unknown parameters are left out (the API would refuse them). */
export function criteriaFromParams(params: URLSearchParams): Criteria {
  const filters: Criteria['filters'] = {};
  for (const name of new Set(params.keys())) {
    if (isFacetName(name)) filters[name] = params.getAll(name).filter(Boolean);
  }
  return { q: params.get('q') ?? '', filters, includeClosed: params.get('includeClosed') === 'true' };
}

/** The query string of the criteria, in a stable order (it is also their identity). */
export function criteriaParams(criteria: Criteria, without?: FacetName): URLSearchParams {
  const params = new URLSearchParams();
  if (criteria.q.trim()) params.set('q', criteria.q.trim());
  for (const name of facetNames) {
    if (name === without) continue;
    for (const value of [...(criteria.filters[name] ?? [])].sort()) params.append(name, value);
  }
  if (criteria.includeClosed) params.set('includeClosed', 'true');
  return params;
}

export const criteriaKey = (criteria: Criteria, without?: FacetName) => criteriaParams(criteria, without).toString();

export const selectedIn = (criteria: Criteria, name: FacetName): string[] => criteria.filters[name] ?? [];

export const hasFilters = (criteria: Criteria) =>
  criteria.includeClosed || facetNames.some((name) => selectedIn(criteria, name).length > 0);

export function toggleFilter(criteria: Criteria, name: FacetName, value: string, isChecked: boolean): Criteria {
  const others = selectedIn(criteria, name).filter((v) => v !== value);
  return { ...criteria, filters: { ...criteria.filters, [name]: isChecked ? [...others, value] : others } };
}

/**
 * Counts of a facet taken before one of its values was ticked: the API ORs the values of a facet,
 * but its counts are those of the narrowed results, where the other values no longer appear.
 */
export interface Baseline {
  key: string;
  counts: Record<string, number>;
}
export type Baselines = Partial<Record<FacetName, Baseline>>;

/** After an answer: the facets without a ticked value give their counts as the new baselines. */
export function nextBaselines(baselines: Baselines, criteria: Criteria, facets: FacetCounts): Baselines {
  const next = { ...baselines };
  for (const name of facetNames) {
    if (selectedIn(criteria, name).length === 0) next[name] = { key: criteriaKey(criteria, name), counts: facets[name] ?? {} };
  }
  return next;
}

/**
 * The values to offer for a facet, with their counts: the ticked ones (their count in the results),
 * and the others with the count they had before the facet was narrowed, when the rest of the
 * criteria has not changed since (otherwise only those the results still have).
 */
export function facetChoices(
  name: FacetName,
  criteria: Criteria,
  facets: FacetCounts,
  baselines: Baselines,
): { value: string; count: number }[] {
  const current = facets[name] ?? {};
  const selected = selectedIn(criteria, name);
  const baseline = baselines[name];
  const before = selected.length > 0 && baseline?.key === criteriaKey(criteria, name) ? baseline.counts : {};
  const counts: Record<string, number> = { ...current, ...before };
  for (const value of selected) counts[value] = current[value] ?? 0;
  return Object.entries(counts).map(([value, count]) => ({ value, count }));
}
