import { useMemo, useRef, useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { usePageTitle, useResource } from '../hooks';
import { criteriaFromParams, criteriaParams, type Criteria } from '../search/criteria';
import { Filters, type ValueNames } from '../search/Filters';
import { HitList, hitLinks } from '../search/HitList';
import { SearchBox } from '../search/SearchBox';
import { useSearch } from '../search/useSearch';
import type { Directorate, Folder } from '../types';

const text = {
  title: 'Recherche',
  heading: 'Trouver un dispositif',
  count: (n: number) => (n === 0 ? 'Aucun résultat' : n === 1 ? '1 résultat' : `${new Intl.NumberFormat('fr-FR').format(n)} résultats`),
  degraded: 'La recherche fonctionne en mode dégradé : les résultats peuvent être moins pertinents.',
  none: 'Aucun document ne correspond. Essayez d’autres mots, ou retirez des filtres.',
};

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
 * The agent's home: one search box, results while typing, facets, and the keyboard to move
 * through the results. The criteria live in the address, so "Back" from a document finds them.
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
  const listRef = useRef<HTMLOListElement>(null);

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
  const hits = answer?.hits ?? [];
  return (
    <>
      <h1>{text.heading}</h1>
      <SearchBox
        value={criteria.q}
        inputRef={inputRef}
        onChange={(q) => update({ ...criteria, q })}
        onSubmit={search.searchNow}
        onEnterResults={() => hitLinks(listRef.current)[0]?.focus()}
      />
      <p role="status" className="search-count">
        {answer ? text.count(answer.total) : ''}
      </p>
      <div role="status">
        {answer?.last.degraded && <p className="alert alert--warning">{text.degraded}</p>}
      </div>
      {search.error && (
        <p role="alert" className="alert alert--error">
          {search.error}
        </p>
      )}
      <div className="search-layout" aria-busy={!search.isSettled}>
        {answer && <Filters criteria={criteria} facets={answer.last.facets} baselines={search.baselines} names={names} onChange={update} />}
        <div className="search-layout__results">
          {answer && hits.length === 0 && <p className="search-empty">{text.none}</p>}
          {hits.length > 0 && (
            <HitList
            hits={hits}
            q={answer?.criteria.q ?? ''}
            total={answer?.total ?? 0}
            isComplete={answer?.isComplete ?? true}
            isPending={search.isPending}
            isDegraded={answer?.last.degraded ?? false}
            listRef={listRef}
            onLoadMore={search.loadMore}
            onLeave={() => inputRef.current?.focus()}
            />
          )}
        </div>
      </div>
    </>
  );
}
