import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ScopeBadge, StatusBadge } from '../ui/Badges';
import { Breadcrumb } from '../ui/Breadcrumb';
import { DocumentDetailsForm } from './DocumentDetailsForm';
import { DocumentFacts } from './DocumentFacts';
import { DocumentFile } from './DocumentFile';
import { DocumentRemoval } from './DocumentRemoval';
import { IndexedText } from './IndexedText';
import { NewVersionForm } from './NewVersionForm';
import { PublishingForm } from './PublishingForm';
import { VersionList } from './VersionList';
import { usePageTitle, useResource } from '../ui/hooks';
import { ShareButton } from '../sharing/ShareButton';
import { ReportButton } from '../reports/ReportButton';
import { linkTo, pagePaths } from '../routes';
import type { DocumentItem, Version } from './types';
import type { FolderDetail } from '../folders/types';

const text = {
  loading: 'Chargement du document…',
  notFound: 'Document introuvable',
  back: 'Revenir aux thèmes',
  manage: 'Gérer le document',
  shareHint: 'Lien public, QR code, e-mail ou version imprimable, pour les citoyens.',
};

/** A document: what it is, its file, and for its directorate: edit, scope, status, versions, archive, delete. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const loaded = useResource<{ document: DocumentItem }>(`/api/documents/${encodeURIComponent(id)}`);
  const document = loaded.data?.document;
  const folder = useResource<FolderDetail>(document?.folder ? `/api/folders/${document.folder.id}` : null);
  const versions = useResource<{ versions: Version[] }>(
    document?.can.readHistory ? `/api/documents/${encodeURIComponent(id)}/versions` : null,
  );
  const [notice, setNotice] = useState<{ id: string; message: string }>();
  usePageTitle(document?.title ?? (loaded.error ? text.notFound : undefined));

  if (loaded.error) {
    return <DocumentNotFound error={loaded.error} />;
  }
  if (!document) return <p role="status">{text.loading}</p>;

  function saved(changed: DocumentItem, message: string) {
    loaded.replace({ document: changed });
    versions.reload();
    setNotice({ id, message });
  }

  const trail = folder.data
    ? [...folder.data.path, { id: folder.data.folder.id, name: folder.data.folder.name }]
    : document.folder
      ? [document.folder]
      : [];
  const canManage = document.can.update || document.can.delete;
  // Only a published external document has a live public link.
  const isShared = document.isShared;
  return (
    <>
      <Breadcrumb trail={trail.map((f) => ({ name: f.name, to: linkTo.folder(f.id) }))} current={document.title} />
      <h1>{document.title}</h1>
      <p className="badges">
        <ScopeBadge scope={document.scope} /> <StatusBadge status={document.status} />
      </p>
      {isShared && (
        <p className="actions">
          <ShareButton documentId={document.id} title={document.title} canManage={document.can.manageShare} className="button" />
          <span className="field__hint">{text.shareHint}</span>
        </p>
      )}
      {document.status === 'published' && (
        <div className="actions">
          <ReportButton subject={{ documentId: document.id }} name={document.title} />
        </div>
      )}
      <p id="avis" tabIndex={-1} role="status" className={notice?.id === id ? 'alert alert--success' : undefined}>
        {notice?.id === id ? notice.message : ''}
      </p>
      {document.summary && <p className="lead">{document.summary}</p>}
      <div className="columns">
        <DocumentFile document={document} />
        <DocumentFacts document={document} />
      </div>
      {/* What the index holds: the directorate's check that its file reads as it should. */}
      {document.can.update && document.currentVersion && <IndexedText document={document} />}
      {versions.data && (
        <VersionList documentId={document.id} versions={versions.data.versions} currentNumber={document.currentVersion?.number} />
      )}
      {canManage && <DocumentManagement document={document} onSaved={saved} />}
    </>
  );
}

function DocumentNotFound({ error }: { error: string }) {
  return (
    <>
      <h1>{text.notFound}</h1>
      <p role="alert" className="alert alert--error">
        {error}
      </p>
      <p>
        <Link to={pagePaths.themes}>{text.back}</Link>
      </p>
    </>
  );
}

/** The directorate's forms: publishing, details, new version, archive and delete. */
function DocumentManagement({ document, onSaved }: { document: DocumentItem; onSaved(changed: DocumentItem, message: string): void }) {
  // Forms start again from the saved document after each change.
  const formKey = `${document.updatedAt}-${document.status}-${document.scope}`;
  return (
    <section aria-labelledby="gerer" className="manage">
      <h2 id="gerer">{text.manage}</h2>
      {document.can.update && (
        <>
          <PublishingForm key={`diffusion-${formKey}`} document={document} onSaved={onSaved} />
          <DocumentDetailsForm key={`infos-${formKey}`} document={document} onSaved={onSaved} />
          <NewVersionForm key={`version-${formKey}`} document={document} onSaved={onSaved} />
        </>
      )}
      <DocumentRemoval document={document} onSaved={onSaved} />
    </section>
  );
}
