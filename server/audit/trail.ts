import { Transform, type Readable } from 'node:stream';
import type { Db } from '../db';
import type { AuditQuery } from '../admin/schema';
import { identityWhereEmailShared } from '../users/service';
import { actionLabels, objectTypeLabels, presentEvent, type DescribedRow } from './describe';

/** Events per page of the trail. */
export const eventsPerPage = 100;

const objectJoin = (table: string, alias: string, type: string) =>
  `left join ${table} ${alias} on e.object_type = '${type}' and ${alias}.id = (case when e.object_type = '${type}' then e.object_id::uuid end)`;

/**
 * The trail's events matching a filter, newest first, with the names of their actor and object as
 * they are now (or as recorded, for what was deleted since).
 */
function eventRows(db: Db, filter: AuditQuery) {
  const query = db
    .from(
      db.raw(
        `audit_events e
         left join users a on a.id = e.actor_id
         ${objectJoin('users', 'ou', 'user')}
         ${objectJoin('folders', 'of', 'folder')}
         ${objectJoin('documents', 'od', 'document')}
         ${objectJoin('directorates', 'odir', 'directorate')}
         ${objectJoin('maisons', 'om', 'maison')}`,
      ),
    )
    .select(
      'e.id',
      'e.created_at',
      'e.actor_id',
      'e.actor_label',
      'e.action',
      'e.object_type',
      'e.object_id',
      'e.changes',
      'e.ip',
      'a.display_name as actor_name',
      db.raw('coalesce(ou.display_name, of.name, od.title, odir.name, om.name) as object_name'),
      // The actor's IdP identity when their e-mail is shared by another user (see identityWhereEmailShared).
      db.raw(`${identityWhereEmailShared('a')} as actor_identity`),
    )
    .orderBy('e.id', 'desc');
  if (filter.actor) query.where('e.actor_id', filter.actor);
  if (filter.action) query.where('e.action', filter.action);
  if (filter.objectType) query.where('e.object_type', filter.objectType);
  if (filter.objectId) query.where('e.object_id', filter.objectId);
  // Days of the Region's calendar (Europe/Paris), not of the database server.
  if (filter.from) query.where('e.created_at', '>=', db.raw(`(?::date)::timestamp at time zone 'Europe/Paris'`, [filter.from]));
  if (filter.to) query.where('e.created_at', '<', db.raw(`(?::date + 1)::timestamp at time zone 'Europe/Paris'`, [filter.to]));
  return query;
}

type EventRow = DescribedRow & { id: string; created_at: Date; actor_id: string | null; ip: string | null; actor_identity: string | null };

function presentRow(row: EventRow) {
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

/** One page of the trail, with how many pages there are. A page past the last is `null`. */
export async function auditPage(db: Db, filter: AuditQuery) {
  const counted = await eventRows(db, filter).clearSelect().clearOrder().count<{ n: string }[]>({ n: '*' });
  const total = Number(counted[0]?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / eventsPerPage));
  if (filter.page > pageCount) return { total, pageCount, events: null };
  const rows = (await eventRows(db, filter)
    .limit(eventsPerPage)
    .offset((filter.page - 1) * eventsPerPage)) as EventRow[];
  return { total, pageCount, events: rows.map(presentRow) };
}

const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The export's columns: French names, the same words as the screen. */
export const csvColumns = [
  { key: 'at', header: 'Date (heure de Paris)' },
  { key: 'actor', header: 'Acteur' },
  { key: 'sentence', header: 'Événement' },
  { key: 'action', header: 'Action' },
  { key: 'object', header: 'Objet' },
  { key: 'details', header: 'Détails' },
  { key: 'ip', header: 'Adresse IP' },
];

/**
 * The trail as CSV records, streamed from a database cursor (pg-query-stream through knex): rows are
 * read as the client takes them (backpressure), never the whole trail in memory.
 */
export function auditRecords(db: Db, filter: AuditQuery): Readable {
  const rows = eventRows(db, filter).stream({ highWaterMark: 200 });
  const toRecord = new Transform({
    objectMode: true,
    transform(row: EventRow, _encoding, done) {
      const event = presentRow(row);
      done(null, {
        at: parisTime.format(row.created_at).replace(',', ''),
        actor: event.actorIdentity ? `${event.actor} (${event.actorIdentity})` : event.actor,
        sentence: event.sentence,
        action: event.actionLabel,
        object: event.objectName ? `${event.objectLabel} : ${event.objectName}` : event.objectLabel,
        details: event.details.join(' ; '),
        ip: event.ip ?? '',
      });
    },
  });
  rows.on('error', (error) => toRecord.destroy(error));
  return rows.pipe(toRecord);
}
