import { recordAudit, type AuditContext } from '../audit/record';
import type { Db } from '../db';
import { ConflictError, NotFoundError } from '../errors';
import type { AdminUserRow, UserRow } from './presenter';
import type { UsersQuery } from './schema';

/** Users joined with the names of their directorate and Maison. */
export function usersWithPlaces(db: Db) {
  return db('users as u')
    .leftJoin('directorates as d', 'd.id', 'u.directorate_id')
    .leftJoin('maisons as m', 'm.id', 'u.maison_id')
    .select<UserRow[]>(
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.directorate_id',
      'u.maison_id',
      'd.code as directorate_code',
      'd.name as directorate_name',
      'm.code as maison_code',
      'm.name as maison_name',
    );
}

const roleOrder = { admin: 0, editor: 1, agent: 2 } as const;

/** The seeded demo accounts of the embedded default, admins first. */
export async function listDevUsers(db: Db, devIssuer: string) {
  const rows = await usersWithPlaces(db).where('u.idp_issuer', devIssuer).andWhere('u.is_active', true);
  return rows.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.display_name.localeCompare(b.display_name, 'fr'));
}

/** Read on every signed-in request: a named statement, planned once per pooled connection. */
export async function findActiveUser(db: Db, id: string): Promise<UserRow | undefined> {
  return usersWithPlaces(db).where('u.id', id).andWhere('u.is_active', true).first().options({ name: 'users.findActive' });
}

/** The user as the policies see them. */
export function toActor(row: UserRow): Express.User {
  return {
    id: row.id,
    role: row.role,
    directorateId: row.directorate_id,
    maisonId: row.maison_id,
    email: row.email,
    displayName: row.display_name,
  };
}

/** Ends every session of a user at once, on every instance (sessions live in PostgreSQL); how many ended. */
export async function endSessionsOf(db: Db, userId: string): Promise<number> {
  return db('sessions').whereRaw(`sess::jsonb ->> 'userId' = ?`, [userId]).delete();
}

/**
 * SQL giving "<NameID> · <issuer>" of the user row aliased `alias` when another user has the same
 * e-mail (it may repeat across IdP identities), else null: lists and audit labels stay unambiguous.
 * `alias` is a constant of our code, never user input.
 */
export function identityWhereEmailShared(alias: 'u' | 'a'): string {
  return `case when exists (select 1 from users o where lower(o.email) = lower(${alias}.email) and o.id <> ${alias}.id) then ${alias}.name_id || ' · ' || ${alias}.idp_issuer end`;
}

/** The list's cap: beyond it, the administrators narrow the filter. */
const listLimit = 500;

/** Users matching the administrators' filter, by name, with their places and their identity when their e-mail is shared. */
export async function listUsers(db: Db, filter: UsersQuery): Promise<AdminUserRow[]> {
  const query = db('users as u')
    .leftJoin('directorates as d', 'd.id', 'u.directorate_id')
    .leftJoin('maisons as m', 'm.id', 'u.maison_id')
    .orderBy('u.display_name')
    .limit(listLimit)
    .select(
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.role_source',
      'u.groups',
      'u.is_active',
      'u.last_sign_in_at',
      'd.code as directorate_code',
      'd.name as directorate_name',
      'm.code as maison_code',
      'm.name as maison_name',
    )
    .select(db.raw(`${identityWhereEmailShared('u')} as identity`));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query.where((w) => w.whereILike('u.display_name', pattern).orWhereILike('u.email', pattern));
  }
  if (filter.role) query.where('u.role', filter.role);
  if (filter.directorate) query.where('u.directorate_id', filter.directorate);
  if (filter.maison) query.where('u.maison_id', filter.maison);
  if (filter.active) query.where('u.is_active', filter.active === 'true');
  return query;
}

/**
 * Deactivates or reactivates a user (audited); a deactivated user's sessions end at once, on every
 * instance. An administrator cannot deactivate their own account.
 */
export async function setUserActive(
  db: Db,
  audit: AuditContext,
  id: string,
  isActive: boolean,
): Promise<{ id: string; isActive: boolean }> {
  if (id === audit.actorId && !isActive) throw new ConflictError('Vous ne pouvez pas désactiver votre propre compte.');
  await db.transaction(async (trx) => {
    const before = await trx('users').where({ id }).first('is_active');
    if (!before) throw new NotFoundError('Cet utilisateur est introuvable.');
    await trx('users').where({ id }).update({ is_active: isActive, updated_at: trx.fn.now() });
    if (!isActive) await endSessionsOf(trx, id);
    const changes = { isActive: { before: before.is_active, after: isActive } };
    await recordAudit(trx, audit, {
      action: isActive ? 'user.reactivated' : 'user.deactivated',
      objectType: 'user',
      objectId: id,
      changes,
    });
  });
  return { id, isActive };
}
