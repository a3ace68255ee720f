import { Link } from 'react-router';
import { docTypeLabels, fileTypeLabel, formatDate, formatSize, labelOf } from '../ui/labels';
import { linkTo } from '../routes';
import type { DocumentItem } from './types';
import { ScopeBadge, StatusBadge } from '../ui/Badges';
import { Table } from '../ui/Table';

const text = {
  title: 'Document',
  scheme: 'Dispositif',
  type: 'Type',
  scope: 'Diffusion',
  status: 'Statut',
  date: 'Mis à jour le',
};

/** The documents of a folder, or the latest ones: title, type, scope, status, date. */
export function DocumentTable({
  documents,
  caption,
  showScheme = false,
}: {
  documents: DocumentItem[];
  caption: string;
  showScheme?: boolean;
}) {
  return (
    <Table caption={caption} columns={[text.title, ...(showScheme ? [text.scheme] : []), text.type, text.scope, text.status, text.date]}>
      {documents.map((document) => (
        <tr key={document.id}>
          <th scope="row">
            <Link to={linkTo.document(document.id)}>{document.title}</Link>
            {document.currentVersion && (
              <span className="table__hint">
                {fileTypeLabel(document.currentVersion.fileType)} · {formatSize(document.currentVersion.size)}
              </span>
            )}
          </th>
          {showScheme && <td>{document.scheme ? <Link to={linkTo.folder(document.scheme.id)}>{document.scheme.name}</Link> : '—'}</td>}
          <td>{labelOf(docTypeLabels, document.docType)}</td>
          <td>
            <ScopeBadge scope={document.scope} />
          </td>
          <td>
            <StatusBadge status={document.status} />
          </td>
          <td>{formatDate(document.updatedAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
