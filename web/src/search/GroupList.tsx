import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { GroupItem } from './GroupItem';
import type { AnswerGroup } from './types';

const text = {
  results: 'Résultats',
  recent: 'Les plus récents',
  approximate: 'Résultats approchants',
  approximateHint: 'Ils ne contiennent qu’une partie des mots : vérifiez qu’ils répondent à la demande.',
  more: 'Plus de résultats',
  loadingMore: 'Chargement…',
  shown: (shown: number, total: number) => `${shown} affichés sur ${total}`,
};

/** The stops of ↓ and ↑, in order: each scheme's name, each document's title. */
export const hitLinks = (container: HTMLElement | null): HTMLElement[] =>
  container ? [...container.querySelectorAll<HTMLElement>('[data-hit-link]')] : [];

interface Props {
  groups: AnswerGroup[];
  approximate: AnswerGroup[];
  q: string;
  total: number;
  /** No page left to ask for. */
  isComplete: boolean;
  isPending: boolean;
  isDegraded: boolean;
  containerRef: RefObject<HTMLDivElement | null>;
  onLoadMore(): void;
  /** Back to the search box (↑ on the first stop, Esc, or typing). */
  onLeave(): void;
}

/**
 * The answers, best first, then those under the relevance floor, set apart. From the search box,
 * ↓ moves focus to the first scheme's name; ↓ and ↑ go through the names and document titles,
 * Enter opens one (a real link), Esc and ↑ on the first go back to the box. Tab reaches every
 * link and button in order.
 */
export function GroupList({ groups, approximate, q, total, isComplete, isPending, isDegraded, containerRef, onLoadMore, onLeave }: Props) {
  const firstNewRef = useRef<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // After "Plus de résultats", focus goes to the first new answer (to the heading if none came).
  useEffect(() => {
    const first = firstNewRef.current;
    if (first === null || isPending) return;
    firstNewRef.current = null;
    const item = listRef.current?.children[first];
    (item?.querySelector<HTMLElement>('[data-hit-link]') ?? headingRef.current)?.focus();
  }, [groups.length, isPending]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const links = hitLinks(containerRef.current);
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
    // Keys pressed on the links inside bubble up to here.
    <div ref={containerRef} onKeyDown={onKeyDown}>
      {groups.length > 0 && (
        <section aria-labelledby="resultats-titre" className="results">
          <h2 id="resultats-titre" ref={headingRef} tabIndex={-1}>
            {q.trim() ? text.results : text.recent}
          </h2>
          <ol ref={listRef} className="answer-list" aria-labelledby="resultats-titre">
            {groups.map((group, i) => (
              <li key={group.scheme ? `scheme:${group.scheme.id}` : `document:${group.documents[0]?.document.id ?? i}`}>
                <GroupItem group={group} q={q} isDegraded={isDegraded} isFirst={i === 0 && q.trim() !== ''} />
              </li>
            ))}
          </ol>
          {!isComplete && (
            <p className="actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  if (isPending) return;
                  firstNewRef.current = groups.length;
                  onLoadMore();
                }}
              >
                {isPending ? text.loadingMore : text.more}
              </button>
              <span className="results__shown">{text.shown(groups.length, total)}</span>
            </p>
          )}
        </section>
      )}
      {approximate.length > 0 && (
        <section aria-labelledby="approchants-titre" className="results results--approximate">
          <h2 id="approchants-titre">{text.approximate}</h2>
          <p className="results__hint">{text.approximateHint}</p>
          <ol className="answer-list" aria-labelledby="approchants-titre">
            {approximate.map((group, i) => (
              <li key={group.scheme ? `scheme:${group.scheme.id}` : `document:${group.documents[0]?.document.id ?? i}`}>
                <GroupItem group={group} q={q} isDegraded={isDegraded} isFirst={false} isApproximate />
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
