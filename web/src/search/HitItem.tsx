import { Fragment } from 'react';
import { Link } from 'react-router';
import { AvailabilityBadge, ScopeBadge } from '../components/Badges';
import { docTypeLabels, formatDate, labelOf } from '../labels';
import { linkTo } from '../routes';
import { ShareButton } from '../sharing/ShareButton';
import { HitContact } from './HitContact';
import { HitPages } from './HitPages';
import { PageLink } from './PageLink';
import type { SearchHit } from './types';

const text = {
  scheme: 'Dispositif : ',
  theme: 'Thème : ',
  docType: 'Type de document : ',
  updated: (date: string) => `Mis à jour le ${date}`,
  page: (n: number) => `page ${n}`,
};

/** One result: title (the link the arrow keys move through), where it belongs, the matching words, the page, who to call. */
export function HitItem({ hit, q, isDegraded }: { hit: SearchHit; q: string; isDegraded: boolean }) {
  const { document, scheme } = hit;
  const metaId = `resultat-${document.id}-infos`;
  const isPdf = document.fileType === 'pdf';
  // Without words, the page is only where the document starts: not worth saying.
  const matchedPage = q.trim() ? hit.page : null;
  const place = scheme ? [text.scheme, scheme.name] : hit.theme ? [text.theme, hit.theme.name] : undefined;
  const meta = [
    place && (
      <span className="hit__scheme">
        <span className="visually-hidden">{place[0]}</span>
        {place[1]}
      </span>
    ),
    scheme && <AvailabilityBadge availability={scheme.availability} />,
    <span>
      <span className="visually-hidden">{text.docType}</span>
      {labelOf(docTypeLabels, document.docType)}
    </span>,
    <ScopeBadge scope={document.scope} />,
    <span>{text.updated(formatDate(document.updatedAt))}</span>,
    matchedPage !== null && <span className="hit__page">{text.page(matchedPage)}</span>,
  ].filter(Boolean);
  return (
    <article className="hit">
      <h3 className="hit__title">
        <Link to={linkTo.document(document.id)} data-hit-link="" aria-describedby={metaId}>
          {document.title}
        </Link>
      </h3>
      <p className="hit__meta" id={metaId}>
        {meta.map((item, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <>
                {' '}
                <span className="hit__sep" aria-hidden="true">
                  ·
                </span>{' '}
              </>
            )}
            {item}
          </Fragment>
        ))}
      </p>
      {hit.snippet && (
        // The server escapes the text and adds only <mark>: its snippets are the one HTML it sends.
        <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
      )}
      {isPdf && matchedPage !== null && (
        <p className="hit__open">
          <PageLink documentId={document.id} title={document.title} page={matchedPage} />
        </p>
      )}
      {document.scope === 'external' && (
        <p className="hit__share">
          <ShareButton documentId={document.id} title={document.title} isTitleInName className="button button--secondary button--small" />
        </p>
      )}
      {scheme && <HitContact hit={hit} />}
      {/* The second look needs Meilisearch: not offered while the search is degraded. */}
      {q.trim() && document.hasText && !isDegraded && <HitPages documentId={document.id} title={document.title} q={q} isPdf={isPdf} />}
    </article>
  );
}
