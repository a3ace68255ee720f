import { useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../api';
import { linkTo } from '../routes';
import { useSession } from '../auth/session';
import type { Folder } from './types';
import { ReachNotice } from '../sharing/ReachNotice';
import { ConfirmDialog } from '../ui/ConfirmDialog';

const text = {
  label: 'Actions sur le dispositif',
  edit: 'Modifier la fiche',
  archive: 'Archiver le dispositif',
  restore: 'Réactiver le dispositif',
  archiveTitle: 'Archiver ce dispositif ?',
  archiveBody:
    'Le dispositif sera marqué « Archivé » et n’apparaîtra plus dans la liste des thèmes ; sa page publique et les liens publics de ses documents cesseront de fonctionner. Vous pourrez le réactiver : sa page publique reviendra à la même adresse.',
  archiveConfirm: 'Archiver',
  restoreTitle: 'Réactiver ce dispositif ?',
  restoreBody: 'Le dispositif apparaîtra de nouveau dans son thème pour tous les agents.',
  restoreConfirm: 'Réactiver',
  archived: 'Le dispositif est archivé.',
  restored: 'Le dispositif est réactivé.',
};

/** Edit and archive (or restore) a scheme, for those who may update it. */
export function SchemeActions({ folder, onChanged }: { folder: Folder; onChanged(folder: Folder, notice: string): void }) {
  const { session } = useSession();
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const isArchived = folder.scheme?.isArchived ?? false;

  async function toggleArchive() {
    const csrfToken = session.status === 'signedIn' ? session.csrfToken : undefined;
    const { folder: changed } = await sendJson<{ folder: Folder }>(
      'PATCH',
      `/api/folders/${folder.id}`,
      { isArchived: !isArchived },
      csrfToken,
    );
    onChanged(changed, isArchived ? text.restored : text.archived);
  }

  return (
    <div className="actions" role="group" aria-label={text.label}>
      <Link className="button" to={linkTo.editScheme(folder.id)}>
        {text.edit}
      </Link>
      <button type="button" className="button button--secondary" onClick={() => setIsDialogOpen(true)}>
        {isArchived ? text.restore : text.archive}
      </button>
      <ConfirmDialog
        isOpen={isDialogOpen}
        title={isArchived ? text.restoreTitle : text.archiveTitle}
        confirmLabel={isArchived ? text.restoreConfirm : text.archiveConfirm}
        isDanger={!isArchived}
        onConfirm={toggleArchive}
        onClose={() => setIsDialogOpen(false)}
      >
        <p>{isArchived ? text.restoreBody : text.archiveBody}</p>
        {!isArchived && isDialogOpen && <ReachNotice target={{ kind: 'scheme', id: folder.id }} />}
      </ConfirmDialog>
    </div>
  );
}
