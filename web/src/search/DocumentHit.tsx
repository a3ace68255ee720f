import { Link } from 'react-router';
import { ScopeBadge } from '../ui/Badges';
import { Thumbnail } from '../documents/Thumbnail';
import { docTypeLabels, labelOf } from '../ui/labels';
import { linkTo } from '../routes';
import { HitPages } from './HitPages';
import { markedWords } from './markedWords';
import { OcrMention } from './OcrMention';
import type { AnswerDocument } from './types';

const text = {
  docType: 'Type de document : ',
  page: (n: number) => `Page ${n}`,
  openAtPage: (n: number) => ` — lire le PDF à la page ${n}, mots surlignés`,
  details: 'Fiche du document',
  of: (title: string) => ` « ${title} »`,
};

interface Props {
  hit: AnswerDocument;
  q: string;
  isDegraded: boolean;
  /** Alone in its group (no scheme): its title is the group's heading. */
  isLone?: boolean;
}

/**
 * A matching document: its first page when the screen has room; its title (a stop of the arrow
 * keys) opens the app's viewer at the best page with the words highlighted, or the document's page
 * when no page matched; its type, the page, the matching words.
 */
export function DocumentHit({ hit, q, isDegraded, isLone = false }: Props) {
  const { document } = hit;
  const isPdf = document.fileType === 'pdf';
  // Without words, the page is only where the document starts; outside a PDF it opens nowhere: not worth saying.
  const page = q.trim() && isPdf ? hit.page : null;
  const opensAtPage = isPdf && page !== null;
  const metaId = `document-${document.id}-infos`;
  const titleLink = opensAtPage ? (
    <Link
      to={linkTo.documentViewer(document.id, page, q, markedWords(hit.snippet))}
      data-hit-link=""
      data-hit-key={`document:${document.id}`}
      aria-describedby={metaId}
    >
      {document.title}
      <span className="visually-hidden">{text.openAtPage(page)}</span>
    </Link>
  ) : (
    <Link to={linkTo.document(document.id)} data-hit-link="" data-hit-key={`document:${document.id}`} aria-describedby={metaId}>
      {document.title}
    </Link>
  );
  return (
    <div className="doc-hit">
      <Thumbnail documentId={document.id} fileType={document.fileType} className="doc-hit__thumbnail" />
      <div className="doc-hit__body">
        {isLone ? <h3 className="doc-hit__title doc-hit__title--lone">{titleLink}</h3> : <p className="doc-hit__title">{titleLink}</p>}
        <p className="doc-hit__meta" id={metaId}>
          <span>
            <span className="visually-hidden">{text.docType}</span>
            {labelOf(docTypeLabels, document.docType)}
          </span>
          {page !== null && <span className="doc-hit__page">{text.page(page)}</span>}
          {isLone && <ScopeBadge scope={document.scope} />}
          {opensAtPage && (
            <Link to={linkTo.document(document.id)} className="doc-hit__details">
              {text.details}
              <span className="visually-hidden">{text.of(document.title)}</span>
            </Link>
          )}
        </p>
        {hit.snippet && (
          // The server escapes the text and adds only <mark>: its snippets are the one HTML it sends.
          <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
        )}
        {hit.snippet && <OcrMention confidence={hit.ocrConfidence} />}
        {/* The second look needs Meilisearch: not offered while the search is degraded. */}
        {q.trim() && document.hasText && !isDegraded && <HitPages documentId={document.id} title={document.title} q={q} isPdf={isPdf} />}
      </div>
    </div>
  );
}
