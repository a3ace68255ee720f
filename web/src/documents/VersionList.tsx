import { fileTypeLabel, formatDateTime, formatSize } from '../ui/labels';
import { linkTo } from '../routes';
import type { Version } from './types';
import { Table } from '../ui/Table';

const text = {
  title: 'Historique des versions',
  caption: 'Versions du document, de la plus récente à la plus ancienne',
  number: 'Version',
  file: 'Fichier',
  size: 'Taille',
  by: 'Déposée par',
  date: 'Date',
  download: 'Téléchargement',
  current: ' (en cours)',
  downloadVersion: (n: number) => `Télécharger la version ${n}`,
  unknown: '—',
};

/** Every version of a document, newest first, each downloadable. */
export function VersionList({ documentId, versions, currentNumber }: { documentId: string; versions: Version[]; currentNumber?: number }) {
  return (
    <section aria-labelledby="versions" className="panel">
      <h2 id="versions">{text.title}</h2>
      <Table caption={text.caption} columns={[text.number, text.file, text.size, text.by, text.date, text.download]}>
        {versions.map((version) => (
          <tr key={version.number}>
            <th scope="row">
              {version.number}
              {version.number === currentNumber && text.current}
            </th>
            <td className="break">
              {version.originalFilename} ({fileTypeLabel(version.fileType)})
            </td>
            <td>{formatSize(version.size)}</td>
            <td>{version.uploadedBy ?? text.unknown}</td>
            <td>{formatDateTime(version.createdAt)}</td>
            <td>
              <a href={linkTo.documentFile(documentId, version.number)} download={version.originalFilename}>
                {text.downloadVersion(version.number)}
              </a>
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
