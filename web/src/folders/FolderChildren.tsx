import { Link } from 'react-router';
import { linkTo } from '../routes';
import type { Folder } from './types';
import { ArchivedBadge, AvailabilityBadge } from '../ui/Badges';

const text = { empty: 'Aucun pour l’instant.' };

/** The schemes of a theme, or the sub-folders of a scheme. Archived schemes only for those who may edit them. */
export function FolderChildren({ folders, empty = text.empty, label }: { folders: Folder[]; empty?: string; label: string }) {
  const shown = folders.filter((folder) => !folder.scheme?.isArchived || folder.can.update);
  if (shown.length === 0) return <p>{empty}</p>;
  return (
    <ul className="card-grid" aria-label={label}>
      {shown.map((folder) => (
        <li key={folder.id} className="card">
          <p className="card__title">
            <Link to={linkTo.folder(folder.id)}>{folder.name}</Link>
          </p>
          {folder.scheme && (
            <>
              {folder.scheme.promise && <p>{folder.scheme.promise}</p>}
              <p className="card__meta">
                <AvailabilityBadge availability={folder.scheme.availability} /> {folder.scheme.isArchived && <ArchivedBadge />}{' '}
                {folder.scheme.directorate?.code}
              </p>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
