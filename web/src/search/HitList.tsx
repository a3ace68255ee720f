import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { HitItem } from './HitItem';
import type { SearchHit } from './types';

const text = {
  results: 'Résultats',
  recent: 'Documents les plus récents',
  more: 'Plus de résultats',
  loadingMore: 'Chargement…',
  shown: (shown: number, total: number) => `${shown} affichés sur ${total}`,
};

/** The title links of the results, in order: the stops of ↓ and ↑. */
export const hitLinks = (list: HTMLElement | null): HTMLElement[] => (list ? [...list.querySelectorAll<HTMLElement>('[data-hit-link]')] : []);

interface Props {
  hits: SearchHit[];
  q: string;
  total: number;
  /** No page left to ask for. */
  isComplete: boolean;
  isPending: boolean;
  isDegraded: boolean;
  listRef: RefObject<HTMLOListElement | null>;
  onLoadMore(): void;
  /** Back to the search box (↑ on the first result, Esc, or typing). */
  onLeave(): void;
}

/**
 * The results as a list of articles. From the search box, ↓ moves focus to the first title link;
 * on a title link ↓ and ↑ go to the next and previous ones, Enter opens it (a real link), Esc
 * and ↑ on the first go back to the box. Tab still reaches every link and button in order.
 */
export function HitList({ hits, q, total, isComplete, isPending, isDegraded, listRef, onLoadMore, onLeave }: Props) {
  const firstNewRef = useRef<number | null>(null);

  const headingRef = useRef<HTMLHeadingElement>(null);

  // After "Plus de résultats", focus goes to the first new result (to the heading if none came).
  useEffect(() => {
    const first = firstNewRef.current;
    if (first === null || isPending) return;
    firstNewRef.current = null;
    (hitLinks(listRef.current)[first] ?? headingRef.current)?.focus();
  }, [hits.length, isPending, listRef]);

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const links = hitLinks(listRef.current);
    const index = links.indexOf(event.target as HTMLElement);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) onLeave();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
    } else if (event.key.length === 1 && event.key !== ' ') {
      // Typing goes on in the search box (which then receives the character).
      onLeave();
    }
  }

  return (
    <section aria-labelledby="resultats-titre" className="results">
      <h2 id="resultats-titre" ref={headingRef} tabIndex={-1}>{q.trim() ? text.results : text.recent}</h2>
      {/* Keys pressed on the title links inside bubble up to here. */}
      <ol ref={listRef} className="hit-list" aria-labelledby="resultats-titre" onKeyDown={onKeyDown}>
        {hits.map((hit) => (
          <li key={hit.document.id}>
            <HitItem hit={hit} q={q} isDegraded={isDegraded} />
          </li>
        ))}
      </ol>
      {!isComplete && hits.length > 0 && (
        <p className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              if (isPending) return;
              firstNewRef.current = hits.length;
              onLoadMore();
            }}
          >
            {isPending ? text.loadingMore : text.more}
          </button>
          <span className="results__shown">{text.shown(hits.length, total)}</span>
        </p>
      )}
    </section>
  );
}
