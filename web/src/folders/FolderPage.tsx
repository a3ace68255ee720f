import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ArchivedBadge } from '../ui/Badges';
import { Breadcrumb } from '../ui/Breadcrumb';
import { DocumentTable } from '../documents/DocumentTable';
import { FolderChildren } from './FolderChildren';
import { NewSubfolderForm } from './NewSubfolderForm';
import { SchemeActions } from './SchemeActions';
import { SchemeCard } from './SchemeCard';
import { ShareButton } from '../sharing/ShareButton';
import { ReportButton } from '../reports/ReportButton';
import { VerifyButton, verifyText } from '../verification/VerifyButton';
import { UploadPanel } from '../documents/UploadPanel';
import { usePageTitle, useResource } from '../ui/hooks';
import { linkTo, pagePaths } from '../routes';
import type { DocumentItem } from '../documents/types';
import type { Folder, FolderDetail } from './types';

const text = {
  loading: 'Chargement du dossier…',
  notFound: 'Dossier introuvable',
  back: 'Revenir aux thèmes',
  schemes: 'Dispositifs',
  schemesOf: (name: string) => `Dispositifs du thème ${name}`,
  noScheme: 'Aucun dispositif dans ce thème pour l’instant.',
  newScheme: 'Créer un dispositif dans ce thème',
  subfolders: 'Sous-dossiers',
  subfoldersOf: (name: string) => `Sous-dossiers de ${name}`,
  noSubfolder: 'Aucun sous-dossier.',
  documents: 'Documents',
  documentsOf: (name: string) => `Documents de ${name}`,
  noDocument: 'Aucun document pour l’instant.',
  loadingDocuments: 'Chargement des documents…',
};

/** A theme (its schemes), a scheme (its card, sub-folders and documents) or a sub-folder. */
export function FolderPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const detail = useResource<FolderDetail>(`/api/folders/${encodeURIComponent(id)}`);
  const documents = useResource<{ documents: DocumentItem[] }>(`/api/documents?folderId=${encodeURIComponent(id)}`);
  const [notice, setNotice] = useState<{ id: string; message: string }>();
  const arrivalNotice = (location.state as { notice?: string } | null)?.notice;
  const shownNotice = notice?.id === id ? notice.message : arrivalNotice;
  const folder = detail.data?.folder;
  usePageTitle(folder?.name ?? (detail.error ? text.notFound : undefined));

  if (detail.error || (!folder && !detail.isLoading)) {
    return (
      <>
        <h1>{text.notFound}</h1>
        <p role="alert" className="alert alert--error">
          {detail.error}
        </p>
        <p>
          <Link to={pagePaths.themes}>{text.back}</Link>
        </p>
      </>
    );
  }
  if (!detail.data || !folder) return <p role="status">{text.loading}</p>;

  const data = detail.data;
  const { path, children } = data;
  const isTheme = folder.parentId === null;
  return (
    <>
      <Breadcrumb trail={path.map((p) => ({ name: p.name, to: linkTo.folder(p.id) }))} current={folder.name} />
      <h1>
        {folder.name} {folder.scheme?.isArchived && <ArchivedBadge />}
      </h1>
      {shownNotice && (
        <p role="status" className="alert alert--success">
          {shownNotice}
        </p>
      )}
      {folder.scheme && <SchemeCard scheme={folder.scheme} />}
      {folder.scheme && !folder.scheme.isArchived && (
        <div className="actions">
          <ShareButton scheme={{ id: folder.id, name: folder.name }} title={folder.name} canManage={folder.can.update} className="button" />
          {folder.can.report && <ReportButton subject={{ folderId: folder.id }} name={folder.name} />}
          {folder.can.verify && (
            <VerifyButton
              folderId={folder.id}
              name={folder.name}
              className="button button--secondary"
              onVerified={(changed) => {
                detail.replace({ ...data, folder: changed });
                setNotice({ id, message: verifyText.done });
              }}
            />
          )}
        </div>
      )}
      {folder.scheme && folder.can.update && (
        <SchemeActions
          folder={folder}
          onChanged={(changed, message) => {
            detail.replace({ ...data, folder: changed });
            setNotice({ id, message });
          }}
        />
      )}

      {isTheme ? (
        <ThemeSchemes folder={folder} schemes={children} />
      ) : (
        <FolderContents folder={folder} subfolders={children} documents={documents} />
      )}
    </>
  );
}

/** A theme's schemes, and "Nouveau dispositif" for its editors. */
function ThemeSchemes({ folder, schemes }: { folder: Folder; schemes: Folder[] }) {
  return (
    <section aria-labelledby="dispositifs">
      <h2 id="dispositifs">{text.schemes}</h2>
      {folder.can.createScheme && (
        <p>
          <Link className="button" to={linkTo.newScheme(folder.id)}>
            {text.newScheme}
          </Link>
        </p>
      )}
      <FolderChildren folders={schemes} label={text.schemesOf(folder.name)} empty={text.noScheme} />
    </section>
  );
}

/** A scheme's or sub-folder's sub-folders and documents, and the upload for its editors. */
function FolderContents({
  folder,
  subfolders,
  documents,
}: {
  folder: Folder;
  subfolders: Folder[];
  documents: ReturnType<typeof useResource<{ documents: DocumentItem[] }>>;
}) {
  return (
    <>
      {(subfolders.length > 0 || folder.can.createSubfolder) && (
        <section aria-labelledby="sous-dossiers">
          <h2 id="sous-dossiers">{text.subfolders}</h2>
          <FolderChildren folders={subfolders} label={text.subfoldersOf(folder.name)} empty={text.noSubfolder} />
          {folder.can.createSubfolder && <NewSubfolderForm parentId={folder.id} />}
        </section>
      )}
      <section aria-labelledby="documents">
        <h2 id="documents">{text.documents}</h2>
        {documents.error && (
          <p role="alert" className="alert alert--error">
            {documents.error}
          </p>
        )}
        {documents.isLoading && <p role="status">{text.loadingDocuments}</p>}
        {documents.data &&
          (documents.data.documents.length === 0 ? (
            <p>{text.noDocument}</p>
          ) : (
            <DocumentTable documents={documents.data.documents} caption={text.documentsOf(folder.name)} />
          ))}
      </section>
      {folder.can.upload && <UploadPanel folderId={folder.id} onUploaded={documents.reload} />}
    </>
  );
}
