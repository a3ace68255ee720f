import { describe, expect, it } from 'vitest';
import { rankGroups, type DocumentMatch, type Retrieval, type WordEvidence } from './retrieval';

/** Two words of equal weight; each document holds the first only: half the query. */
const evidence: WordEvidence[] = ['isoler', 'grange'].map((text) => ({
  word: { text, stem: text },
  documents: 3,
  terms: [],
  isTypo: false,
  weight: Math.log(1 + 10 / 3),
}));

const document = (documentId: string, schemeId: string | null, audiences: string[]): DocumentMatch => ({
  documentId,
  schemeId,
  scores: new Map([[0, 1]]),
  forms: new Map([[0, { text: 'isoler', stems: 'isol' }]]),
  facets: { audiences },
});

const retrieval: Retrieval = {
  evidence,
  documents: new Map([
    ['a', document('a', 'for-companies', ['entreprises'])],
    ['b', document('b', 'for-households', ['particuliers'])],
    ['c', document('c', null, [])],
  ]),
  catalogue: 10,
  engineMs: 0,
};

const coverages = (profiles?: string[]) =>
  Object.fromEntries(rankGroups(retrieval, { profiles }).map((group) => [group.key, Number(group.coverage.toFixed(2))]));

describe('ranking by who the visitor says they are', () => {
  it('lifts, within bounds, a scheme for the structure the visitor says they are', () => {
    expect(coverages()).toEqual({ 'for-companies': 0.5, 'for-households': 0.5, 'document:c': 0.5 });
    expect(coverages(['entreprises'])).toEqual({ 'for-companies': 0.65, 'for-households': 0.5, 'document:c': 0.5 });
  });

  it('leaves the ranking as it was for a private person, an audience no scheme has, or no profile', () => {
    expect(coverages(['particuliers'])).toEqual(coverages());
    expect(coverages(['associations'])).toEqual(coverages());
    expect(coverages([])).toEqual(coverages());
  });
});
