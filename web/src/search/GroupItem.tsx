import { ShareButton } from '../sharing/ShareButton';
import { AnswerCard } from './AnswerCard';
import { DocumentHit } from './DocumentHit';
import type { AnswerGroup } from './types';

const text = {
  documentsTitle: (n: number) => (n === 1 ? 'Le document qui correspond' : `Les ${n} documents qui correspondent`),
};

const shareClass = 'button button--secondary button--small';

interface Props {
  group: AnswerGroup;
  q: string;
  isDegraded: boolean;
  /** The best answer: shown larger. */
  isFirst: boolean;
  /** Under the relevance floor. */
  isApproximate?: boolean;
}

/** One answer: the scheme's card, then its matching documents; or a document outside any scheme, alone. */
export function GroupItem({ group, q, isDegraded, isFirst, isApproximate = false }: Props) {
  const className = ['answer', isFirst && 'answer--first', isApproximate && 'answer--approximate'].filter(Boolean).join(' ');
  const { scheme, documents } = group;
  if (!scheme) {
    const [lone] = documents;
    if (!lone) return null;
    const { document } = lone;
    return (
      <article className={`${className} answer--document`}>
        <DocumentHit hit={lone} q={q} isDegraded={isDegraded} isLone />
        {document.scope === 'external' && (
          <p className="answer__actions">
            <ShareButton documentId={document.id} title={document.title} isTitleInName className={shareClass} />
          </p>
        )}
      </article>
    );
  }
  // The scheme's public page (it lives while the scheme has an external published document): what a
  // printed QR code should lead to, whichever of its documents matched.
  const listId = `documents-${scheme.id}`;
  return (
    <article className={className}>
      <AnswerCard
        scheme={scheme}
        isCompact={isApproximate}
        share={
          scheme.isShared && (
            <ShareButton scheme={{ id: scheme.id, name: scheme.name }} title={scheme.name} isTitleInName className={shareClass} />
          )
        }
      />
      {documents.length > 0 && (
        <div className="answer__documents">
          <p className="answer__documents-title" id={listId}>
            {text.documentsTitle(documents.length)}
          </p>
          <ul className="doc-list" aria-labelledby={listId}>
            {documents.map((hit) => (
              <li key={hit.document.id}>
                <DocumentHit hit={hit} q={q} isDegraded={isDegraded} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
