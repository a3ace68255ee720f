import { Link } from 'react-router';
import { docTypeLabels, formatDate, labelOf } from '../ui/labels';
import { linkTo } from '../routes';
import type { DocumentItem } from './types';
import { AvailabilityBadge } from '../ui/Badges';

const text = {
  title: 'Informations',
  type: 'Type',
  scheme: 'Dispositif',
  directorate: 'Direction',
  owner: 'Responsable',
  published: 'Publié le',
  updated: 'Mis à jour le',
  never: 'Pas encore publié',
  none: '—',
};

/** Type, scheme, directorate, owner and dates of a document. */
export function DocumentFacts({ document }: { document: DocumentItem }) {
  return (
    <section aria-labelledby="infos" className="panel">
      <h2 id="infos">{text.title}</h2>
      <dl className="facts">
        <dt>{text.type}</dt>
        <dd>{labelOf(docTypeLabels, document.docType)}</dd>
        <dt>{text.scheme}</dt>
        <dd>
          {document.scheme ? (
            <>
              <Link to={linkTo.folder(document.scheme.id)}>{document.scheme.name}</Link>{' '}
              <AvailabilityBadge availability={document.scheme.availability} />
            </>
          ) : (
            text.none
          )}
        </dd>
        <dt>{text.directorate}</dt>
        <dd>{document.directorate.name}</dd>
        <dt>{text.owner}</dt>
        <dd>{document.owner?.displayName ?? text.none}</dd>
        <dt>{text.published}</dt>
        <dd>{document.publishedAt ? formatDate(document.publishedAt) : text.never}</dd>
        <dt>{text.updated}</dt>
        <dd>{formatDate(document.updatedAt)}</dd>
      </dl>
    </section>
  );
}
