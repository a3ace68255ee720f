import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson } from '../api';
import { messageOf } from '../ui/hooks';
import { criteriaKey, criteriaParams, hasFilters, nextBaselines, type Baselines, type Criteria } from './criteria';
import { renewSearchSession, searchSession } from './searchSession';
import type { AnswerGroup, SearchAnswer } from './types';

/** Groups (schemes and lone documents) per page. */
export const hitsPerPage = 10;

interface Answer {
  criteria: Criteria;
  /** The confident groups received so far, best first. */
  groups: AnswerGroup[];
  /** The first page's answer: the words searched, the approachable results, the counts. */
  first: SearchAnswer;
  /** The last page received (the first, then each "Plus de résultats"). */
  last: SearchAnswer;
  /** Every result is shown: the last page was not full. */
  isComplete: boolean;
  /** Confident groups: exact once complete; before that the API's count. */
  total: number;
}

export interface SearchState {
  answer?: Answer;
  baselines: Baselines;
  error?: string;
  isPending: boolean;
}

/**
 * Results while typing: asks GET /api/search `delayMs` after the criteria stop changing. Each
 * request aborts the one before, and an answer counts only if its request is still the latest:
 * an old, slow answer never replaces a newer one.
 */
export function useSearch(criteria: Criteria, delayMs = 200) {
  const [state, setState] = useState<SearchState>({ baselines: {}, isPending: true });
  const controllerRef = useRef<AbortController | undefined>(undefined);
  const timerRef = useRef<number | undefined>(undefined);
  const criteriaRef = useRef(criteria);
  const key = criteriaKey(criteria);

  const run = useCallback((asked: Criteria, page: number) => {
    window.clearTimeout(timerRef.current);
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setState((s) => ({ ...s, isPending: true }));
    const params = criteriaParams(asked);
    params.set('page', String(page));
    params.set('hitsPerPage', String(hitsPerPage));
    // An empty box and no filter: the next visitor's search starts a new session.
    params.set('session', !asked.q.trim() && !hasFilters(asked) ? renewSearchSession() : searchSession());
    getJson<SearchAnswer>(`/api/search?${params.toString()}`, controller.signal).then(
      (response) => {
        if (controller.signal.aborted) return;
        setState((s) => {
          const isNextPage = page > 1 && s.answer !== undefined;
          const groups = isNextPage && s.answer ? [...s.answer.groups, ...response.groups] : response.groups;
          const first = isNextPage && s.answer ? s.answer.first : response;
          const isComplete = response.groups.length < hitsPerPage || groups.length >= response.total;
          return {
            answer: {
              criteria: asked,
              groups,
              first,
              last: response,
              isComplete,
              total: isComplete ? groups.length : Math.max(response.total, groups.length),
            },
            baselines: page === 1 ? nextBaselines(s.baselines, asked, response.facets) : s.baselines,
            isPending: false,
          };
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, error: messageOf(error), isPending: false }));
      },
    );
  }, []);

  useEffect(() => {
    criteriaRef.current = criteria;
  });

  useEffect(() => {
    timerRef.current = window.setTimeout(() => run(criteriaRef.current, 1), delayMs);
    return () => window.clearTimeout(timerRef.current);
  }, [key, delayMs, run]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  /** Now, without waiting (Enter in the search box). */
  const searchNow = useCallback(() => run(criteriaRef.current, 1), [run]);
  const loadMore = useCallback(() => {
    const answer = state.answer;
    if (answer) run(answer.criteria, answer.last.page + 1);
  }, [run, state.answer]);

  /** The answer on screen is the one for the current criteria, and nothing is on its way. */
  const isSettled = !state.isPending && state.answer !== undefined && criteriaKey(state.answer.criteria) === key;
  return { ...state, isSettled, searchNow, loadMore };
}
