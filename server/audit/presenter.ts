import { Transform } from 'node:stream';
import { actionLabels, objectTypeLabels, presentEvent, type DescribedRow } from './describe';

/** An event of the trail as read, with the names of its actor and object (see eventRows in service.ts). */
export type AuditEventRow = DescribedRow & {
  id: string;
  created_at: Date;
  actor_id: string | null;
  ip: string | null;
  actor_identity: string | null;
};

export function presentAuditEvent(row: AuditEventRow) {
  return {
    id: row.id,
    at: row.created_at,
    actorId: row.actor_id,
    actor: row.actor_name ?? row.actor_label,
    actorIdentity: row.actor_identity,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    ...presentEvent(row),
    changes: row.changes,
    ip: row.ip,
  };
}

/** The choices of the trail's filters, in French. */
export const auditVocabulary = {
  actions: Object.entries(actionLabels).map(([code, label]) => ({ code, label })),
  objectTypes: Object.entries(objectTypeLabels).map(([code, label]) => ({ code, label })),
};

const parisTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The export's columns: French names, the same words as the screen. */
export const csvColumns = [
  { key: 'at', header: 'Date (heure de Paris)' },
  { key: 'actor', header: 'Acteur' },
  { key: 'sentence', header: 'Événement' },
  { key: 'action', header: 'Action' },
  { key: 'object', header: 'Objet' },
  { key: 'details', header: 'Détails' },
  { key: 'ip', header: 'Adresse IP' },
] as const;

/** One event as a row of the export: the same words as the screen. */
export function csvRecordOf(row: AuditEventRow): Record<(typeof csvColumns)[number]['key'], string> {
  const event = presentAuditEvent(row);
  return {
    at: parisTime.format(row.created_at).replace(',', ''),
    actor: event.actorIdentity ? `${event.actor} (${event.actorIdentity})` : event.actor,
    sentence: event.sentence,
    action: event.actionLabel,
    object: event.objectName ? `${event.objectLabel} : ${event.objectName}` : event.objectLabel,
    details: event.details.join(' ; '),
    ip: event.ip ?? '',
  };
}

/** Turns a stream of events into the export's records. */
export function csvRecords(): Transform {
  return new Transform({
    objectMode: true,
    transform(row: AuditEventRow, _encoding, done) {
      done(null, csvRecordOf(row));
    },
  });
}
