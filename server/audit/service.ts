import type { Readable } from 'node:stream';
import type { Db } from '../db';
import { identityWhereEmailShared } from '../users/service';
import type { AuditEventRow } from './presenter';
import type { AuditQuery } from './schema';

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

/** One page of the trail, with how many pages there are. A page past the last is `null`. */
export async function auditPage(db: Db, filter: AuditQuery) {
  const counted = await eventRows(db, filter).clearSelect().clearOrder().count<{ n: string }[]>({ n: '*' });
  const total = Number(counted[0]?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / eventsPerPage));
  if (filter.page > pageCount) return { total, pageCount, events: null };
  const rows = (await eventRows(db, filter)
    .limit(eventsPerPage)
    .offset((filter.page - 1) * eventsPerPage)) as AuditEventRow[];
  return { total, pageCount, events: rows };
}

/**
 * The trail's events, streamed from a database cursor (pg-query-stream through knex): rows are read
 * as the client takes them (backpressure), never the whole trail in memory.
 */
export function auditEventStream(db: Db, filter: AuditQuery): Readable {
  return eventRows(db, filter).stream({ highWaterMark: 200 });
}
