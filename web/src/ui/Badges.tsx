import { availabilityLabels, scopeLabels, statusLabels } from './labels';
import type { Availability } from '../folders/types';
import type { DocumentStatus, Scope } from '../documents/types';

const text = {
  availability: 'Disponibilité : ',
  scope: 'Diffusion : ',
  status: 'Statut : ',
  archived: 'Archivé',
};

/** The words carry the meaning; the colour only repeats it. */
export function AvailabilityBadge({ availability }: { availability: Availability }) {
  return (
    <span className={`badge badge--${availability}`}>
      <span className="visually-hidden">{text.availability}</span>
      {availabilityLabels[availability]}
    </span>
  );
}

export function ScopeBadge({ scope }: { scope: Scope }) {
  return (
    <span className={`badge badge--${scope}`}>
      <span className="visually-hidden">{text.scope}</span>
      {scopeLabels[scope]}
    </span>
  );
}

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`badge badge--status-${status}`}>
      <span className="visually-hidden">{text.status}</span>
      {statusLabels[status]}
    </span>
  );
}

export function ArchivedBadge() {
  return <span className="badge badge--status-archived">{text.archived}</span>;
}
