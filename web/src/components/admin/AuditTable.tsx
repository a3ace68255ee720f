import { Link } from 'react-router';
import { formatDateTime, labelOf } from '../../labels';
import { linkTo } from '../../routes';
import { actionLabels, changeLines, objectTypeLabels } from './auditText';
import type { AuditEvent } from './types';

const text = {
  caption: 'Événements du journal d’audit, du plus récent au plus ancien',
  at: 'Date',
  actor: 'Acteur',
  action: 'Action',
  object: 'Objet',
  changes: 'Modifications',
  none: '—',
  identity: (identity: string) => `Identifiant SSO : ${identity}`,
};

/** The names the page already knows for objects, by type then id (users, directorates, Maisons). */
export type KnownNames = Partial<Record<string, Map<string, string>>>;

const linkOf: Partial<Record<string, (id: string) => string>> = { document: linkTo.document, folder: linkTo.folder };

function ObjectCell({ event, names }: { event: AuditEvent; names: KnownNames }) {
  const type = labelOf(objectTypeLabels, event.objectType);
  if (!event.objectId) return <>{type}</>;
  const name = names[event.objectType]?.get(event.objectId);
  const link = linkOf[event.objectType];
  return (
    <>
      {type}
      {name && <> : {name}</>}
      <span className="table__hint break">{link ? <Link to={link(event.objectId)}>{event.objectId}</Link> : event.objectId}</span>
    </>
  );
}

/** One row per event: when, who, what, on which object, and what changed. */
export function AuditTable({ events, names }: { events: AuditEvent[]; names: KnownNames }) {
  return (
    <div className="table-scroll">
      <table className="table audit-table">
        <caption className="visually-hidden">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.at}</th>
            <th scope="col">{text.actor}</th>
            <th scope="col">{text.action}</th>
            <th scope="col">{text.object}</th>
            <th scope="col">{text.changes}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const lines = changeLines(event.changes);
            return (
              <tr key={event.id}>
                <td>{formatDateTime(event.at)}</td>
                <td className="break">
                  {event.actor}
                  {event.actorIdentity && <span className="table__hint">{text.identity(event.actorIdentity)}</span>}
                </td>
                <th scope="row">{labelOf(actionLabels, event.action)}</th>
                <td>
                  <ObjectCell event={event} names={names} />
                </td>
                <td className="break">
                  {lines.length === 0 ? (
                    text.none
                  ) : (
                    <ul className="plain-list">
                      {lines.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
