import { extractionLabels, fileTypeLabel, formatDateTime, formatSize } from '../ui/labels';
import { linkTo } from '../routes';
import type { DocumentItem } from './types';
import { Thumbnail } from './Thumbnail';

const text = {
  title: 'Fichier',
  none: 'Aucun fichier pour ce document.',
  filename: 'Nom du fichier',
  size: 'Taille',
  type: 'Format',
  version: 'Version',
  date: 'Déposé le',
  indexing: 'Recherche',
  ocrPending: 'Reconnaissance du texte des scans en cours.',
  ocrNote: (note: string) => `Reconnaissance des scans : ${note}.`,
  open: 'Ouvrir',
  download: 'Télécharger',
  newTab: ' (nouvel onglet)',
  fileOf: (title: string) => ` le document « ${title} »`,
};

/** The current version: its first page, name, size, format, date, indexing, and the links to open or download it. */
export function DocumentFile({ document }: { document: DocumentItem }) {
  const version = document.currentVersion;
  return (
    <section aria-labelledby="fichier" className="panel">
      <h2 id="fichier">{text.title}</h2>
      {!version ? (
        <p>{text.none}</p>
      ) : (
        <>
          <Thumbnail documentId={document.id} fileType={version.fileType} version={version.number} className="document-file__thumbnail" />
          <dl className="facts">
            <dt>{text.filename}</dt>
            <dd className="break">{version.originalFilename}</dd>
            <dt>{text.size}</dt>
            <dd>{formatSize(version.size)}</dd>
            <dt>{text.type}</dt>
            <dd>{fileTypeLabel(version.fileType)}</dd>
            <dt>{text.version}</dt>
            <dd>{version.number}</dd>
            <dt>{text.date}</dt>
            <dd>{formatDateTime(version.createdAt)}</dd>
            <dt>{text.indexing}</dt>
            <dd>
              {extractionLabels[version.extractionStatus] ?? version.extractionStatus}
              {version.ocrPending && <span className="facts__note">{text.ocrPending}</span>}
              {version.ocrNote && <span className="facts__note">{text.ocrNote(version.ocrNote)}</span>}
            </dd>
          </dl>
          <p className="actions">
            <a className="button" href={linkTo.documentFile(document.id)} target="_blank" rel="noopener">
              {text.open}
              <span className="visually-hidden">
                {text.fileOf(document.title)}
                {text.newTab}
              </span>
            </a>
            <a className="button button--secondary" href={linkTo.documentFile(document.id)} download={version.originalFilename}>
              {text.download}
              <span className="visually-hidden">{text.fileOf(document.title)}</span>
            </a>
          </p>
        </>
      )}
    </section>
  );
}
