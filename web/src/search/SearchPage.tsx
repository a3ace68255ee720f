import { useEffect, useMemo, useRef, useState, type FocusEvent, type RefObject } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { usePageTitle, useResource } from '../ui/hooks';
import { criteriaFromParams, criteriaParams, hasFilters, type Criteria } from './criteria';
import { FilterPanel, type ValueNames } from './Filters';
import { recalledFocus, rememberFocus } from './focusMemory';
import { GroupList, hitLinks } from './GroupList';
import { ProfileRow } from './ProfileRow';
import { QueryLine } from './QueryLine';
import { SearchBox } from './SearchBox';
import { SearchHome } from './SearchHome';
import { useSearch } from './useSearch';
import type { AnswerGroup, AnswerScheme } from './types';
import type { Directorate, Folder } from '../folders/types';

const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const plural = (n: number, word: string) => `${number(n)} ${word}${n > 1 ? 's' : ''}`;

const text = {
  title: 'Recherche',
  heading: 'Trouver un dispositif',
  count: (total: number, documents: number) =>
    total === 0 ? 'Aucun dispositif ne correspond' : `${plural(total, 'dispositif')}, ${plural(documents, 'document')}`,
  degraded: 'La recherche fonctionne en mode dégradé : les résultats peuvent être moins pertinents.',
  none: 'Essayez d’autres mots, ou retirez des filtres.',
};

/** Nothing typed, nothing filtered: the home lists instead of results. */
const isHome = (criteria: Criteria) => !criteria.q.trim() && !hasFilters(criteria);

/** The schemes of some answers, once each, in order. */
const schemesOf = (groups: AnswerGroup[]): AnswerScheme[] => [
  ...new Map(groups.flatMap((group) => (group.scheme ? [[group.scheme.id, group.scheme] as const] : []))).values(),
];

/** Theme and directorate names for the filters (facet values are ids and codes). */
function useValueNames(): ValueNames {
  const folders = useResource<{ folders: Pick<Folder, 'id' | 'name' | 'parentId'>[] }>('/api/folders').data?.folders;
  const directorates = useResource<{ directorates: Directorate[] }>('/api/directorates').data?.directorates;
  return useMemo(
    () => ({
      theme: Object.fromEntries((folders ?? []).filter((f) => f.parentId === null).map((f) => [f.id, f.name])),
      directorate: Object.fromEntries((directorates ?? []).map((d) => [d.code, d.name])),
    }),
    [folders, directorates],
  );
}

/**
 * Back to these results (the address is the same): focus returns to the result the agent had
 * focused, as soon as it is on screen again, unless the agent has already pressed a key or clicked.
 */
function useFocusReturn(rootRef: RefObject<HTMLDivElement | null>, address: string, isBack: boolean) {
  const [recalled] = useState(() => (isBack ? recalledFocus(address) : null));
  useEffect(() => {
    const root = rootRef.current;
    if (!recalled || !root) return;
    const observer = new MutationObserver(() => tryFocus());
    const stop = () => {
      observer.disconnect();
      window.removeEventListener('keydown', stop, true);
      window.removeEventListener('pointerdown', stop, true);
    };
    function tryFocus() {
      const target = root?.querySelector<HTMLElement>(`[data-hit-key="${CSS.escape(recalled ?? '')}"]`);
      if (!target) return;
      stop();
      target.focus();
    }
    observer.observe(root, { childList: true, subtree: true });
    window.addEventListener('keydown', stop, true);
    window.addEventListener('pointerdown', stop, true);
    tryFocus();
    return stop;
  }, [recalled, rootRef]);
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const key = event.target.dataset.hitKey;
    if (key) rememberFocus(address, key);
  };
  return onFocus;
}

/**
 * The agent's home: one search box, the visitor's profile, answers while typing (each a scheme's
 * card above its matching documents), filters, and the keyboard to move through the answers. The
 * criteria live in the address, so "Back" from a scheme or a document finds them.
 */
export function SearchPage() {
  usePageTitle(text.title);
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const [criteria, setCriteria] = useState<Criteria>(() => criteriaFromParams(searchParams));
  const [shownLocation, setShownLocation] = useState(location.key);
  const search = useSearch(criteria);
  const names = useValueNames();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);
  const onFocus = useFocusReturn(layoutRef, location.pathname + location.search, navigationType === 'POP');

  // A link or Back/Forward to this page with other criteria (our own updates replace the entry).
  if (location.key !== shownLocation) {
    setShownLocation(location.key);
    if (navigationType !== 'REPLACE') setCriteria(criteriaFromParams(searchParams));
  }

  function update(next: Criteria) {
    setCriteria(next);
    setSearchParams(criteriaParams(next), { replace: true });
  }

  const answer = search.answer;
  const first = answer?.first;
  const isHomeShown = isHome(criteria);
  const isAnswerShown = answer !== undefined && !isHomeShown && !isHome(answer.criteria);
  const isEmpty = isAnswerShown && answer.total === 0;
  return (
    <>
      <h1>{text.heading}</h1>
      <SearchBox
        value={criteria.q}
        inputRef={inputRef}
        onChange={(q) => update({ ...criteria, q })}
        onSubmit={search.searchNow}
        onEnterResults={() => hitLinks(layoutRef.current)[0]?.focus()}
      />
      <ProfileRow criteria={criteria} onChange={update} />
      <p role="status" className={isEmpty ? 'search-count search-count--none' : 'search-count'}>
        {isAnswerShown ? text.count(answer.total, answer.last.totalDocuments) : ''}
      </p>
      <QueryLine query={isAnswerShown ? first?.query : undefined} isEmpty={isEmpty} />
      {isEmpty && <p className="search-empty">{first?.suggestion ?? text.none}</p>}
      <div role="status">{answer?.last.degraded && <p className="alert alert--warning">{text.degraded}</p>}</div>
      {search.error && (
        <p role="alert" className="alert alert--error">
          {search.error}
        </p>
      )}
      <div className="search-layout" aria-busy={!search.isSettled} ref={layoutRef} onFocus={onFocus}>
        {answer && (
          <FilterPanel criteria={criteria} facets={answer.last.facets} baselines={search.baselines} names={names} onChange={update} />
        )}
        <div className="search-layout__results">
          {isHomeShown && <SearchHome recent={answer && isHome(answer.criteria) ? schemesOf(answer.groups) : undefined} />}
          {isAnswerShown && (
            <GroupList
              groups={answer.groups}
              approximate={first?.approximate ?? []}
              q={answer.criteria.q}
              total={answer.total}
              isComplete={answer.isComplete}
              isPending={search.isPending}
              isDegraded={answer.last.degraded}
              containerRef={resultsRef}
              onLoadMore={search.loadMore}
              onLeave={() => inputRef.current?.focus()}
            />
          )}
        </div>
      </div>
    </>
  );
}
