import { Link } from 'react-router';
import { formatDateTime } from '../ui/labels';
import { linkTo } from '../routes';
import type { AuditEvent } from './types';
import { Table } from '../ui/Table';

const text = {
  caption: 'Événements du journal d’audit, du plus récent au plus ancien',
  at: 'Date',
  event: 'Événement',
  details: 'Détails',
  none: '—',
  identity: (identity: string) => `Identifiant SSO de l’acteur : ${identity}`,
  open: (label: string, name: string) => `Ouvrir ${label.toLowerCase()} « ${name} »`,
};

const linkOf: Partial<Record<string, (id: string) => string>> = { document: linkTo.document, folder: linkTo.folder };

/** One row per event: when, what happened in words (who, what, which object), and what changed. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table caption={text.caption} columns={[text.at, text.event, text.details]} className="audit-table">
      {events.map((event) => {
        const link = event.objectId && event.objectName ? linkOf[event.objectType] : undefined;
        return (
          <tr key={event.id}>
            <td>{formatDateTime(event.at)}</td>
            <th scope="row" className="break">
              {event.sentence}
              <span className="table__hint">
                {event.actionLabel}
                {link && event.objectId && event.objectName && (
                  <>
                    {' · '}
                    <Link to={link(event.objectId)}>{text.open(event.objectLabel, event.objectName)}</Link>
                  </>
                )}
              </span>
              {event.actorIdentity && <span className="table__hint">{text.identity(event.actorIdentity)}</span>}
            </th>
            <td className="break">
              {event.details.length === 0 ? (
                text.none
              ) : (
                <ul className="plain-list">
                  {event.details.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
