import type { Db } from '../db';
import type { UserRow } from './presenter';

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
