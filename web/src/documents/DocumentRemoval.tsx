import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../api';
import { useCsrfToken } from '../ui/hooks';
import { linkTo, pagePaths } from '../routes';
import type { DocumentItem } from './types';
import { ReachNotice } from '../sharing/ReachNotice';
import { ConfirmDialog } from '../ui/ConfirmDialog';

const text = {
  title: 'Archiver ou supprimer',
  archive: 'Archiver le document',
  archiveTitle: 'Archiver ce document ?',
  archiveBody:
    'Il ne sera plus visible par les agents des Maisons de Région ni trouvé par la recherche, et son lien public éventuel cessera de fonctionner. Votre direction le garde, avec son historique : vous pourrez le republier.',
  archiveConfirm: 'Archiver',
  archived: 'Le document est archivé.',
  isArchived: 'Ce document est archivé. Pour le remettre en service, changez son statut ci-dessus.',
  delete: 'Supprimer le document',
  deleteTitle: 'Supprimer ce document ?',
  deleteBody: (title: string) => `« ${title} » et toutes ses versions seront supprimés. Cette action ne peut pas être annulée.`,
  deleteConfirm: 'Supprimer définitivement',
  deleted: (title: string) => `Le document « ${title} » est supprimé.`,
};

/** Archive (PATCH status) and delete, each behind a confirmation dialog. */
export function DocumentRemoval({ document, onSaved }: { document: DocumentItem; onSaved(document: DocumentItem, notice: string): void }) {
  const csrfToken = useCsrfToken();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'archive' | 'delete'>();

  async function archive() {
    const { document: saved } = await sendJson<{ document: DocumentItem }>(
      'PATCH',
      `/api/documents/${document.id}`,
      { status: 'archived' },
      csrfToken,
    );
    onSaved(saved, text.archived);
  }
  async function remove() {
    await sendJson('DELETE', `/api/documents/${document.id}`, undefined, csrfToken);
    await navigate(document.folder ? linkTo.folder(document.folder.id) : pagePaths.themes, {
      state: { notice: text.deleted(document.title) },
    });
  }

  const isArchived = document.status === 'archived';
  return (
    <section aria-labelledby="archiver-supprimer" className="panel panel--danger">
      <h3 id="archiver-supprimer">{text.title}</h3>
      {isArchived && <p>{text.isArchived}</p>}
      <div className="actions">
        {document.can.update && !isArchived && (
          <button type="button" className="button button--secondary" onClick={() => setDialog('archive')}>
            {text.archive}
          </button>
        )}
        {document.can.delete && (
          <button type="button" className="button button--danger" onClick={() => setDialog('delete')}>
            {text.delete}
          </button>
        )}
      </div>
      <ConfirmDialog
        isOpen={dialog === 'archive'}
        title={text.archiveTitle}
        confirmLabel={text.archiveConfirm}
        onConfirm={archive}
        onClose={() => setDialog(undefined)}
      >
        <p>{text.archiveBody}</p>
        {document.isShared && dialog === 'archive' && <ReachNotice target={{ kind: 'document', id: document.id }} />}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={dialog === 'delete'}
        title={text.deleteTitle}
        confirmLabel={text.deleteConfirm}
        isDanger
        onConfirm={remove}
        onClose={() => setDialog(undefined)}
      >
        <p>{text.deleteBody(document.title)}</p>
        {document.isShared && dialog === 'delete' && <ReachNotice target={{ kind: 'document', id: document.id }} />}
      </ConfirmDialog>
    </section>
  );
}
