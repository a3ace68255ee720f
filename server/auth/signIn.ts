import type { Role } from '../environment';
import type { Db } from '../db';
import { AccessDeniedError } from '../errors';
import { recordAudit, type AuditContext } from '../audit/record';
import { endSessionsOf } from '../users/service';

/** Who the identity provider says signs in. */
export interface Identity {
  issuer: string;
  nameId: string;
  email: string;
  displayName: string;
  directorateCode?: string;
  maisonCode?: string;
  groups: string[];
}

const rolesByRank: Role[] = ['admin', 'editor', 'agent'];

/** The highest role one of the groups maps to, and the group that gave it. */
export function roleFromGroups(groups: string[], roleGroups: Record<Role, string[]>): { role: Role; group: string } | undefined {
  for (const role of rolesByRank) {
    const group = roleGroups[role].find((g) => groups.includes(g));
    if (group) return { role, group };
  }
  return undefined;
}

/**
 * First sign-in creates the user, keyed by issuer + NameID (never by e-mail); every sign-in
 * refreshes name, e-mail, directorate, Maison and role. Refused (AccessDeniedError) without a
 * mapped group, for an editor without a known directorate, or for a deactivated user.
 *
 * Sessions follow the IdP: each request re-reads the user's row (loadUser), so a lower role given
 * by this sign-in applies at once to every other session of that user; a sign-in refused for lack
 * of a role (or of a directorate) ends all of them. Between sign-ins the row, and so the role,
 * is what the last sign-in or an administrator left.
 */
export async function signInWithIdentity(
  db: Db,
  identity: Identity,
  roleGroups: Record<Role, string[]>,
  audit: Omit<AuditContext, 'actorId' | 'actorLabel'>,
) {
  try {
    return await refreshUser(db, identity, roleGroups, audit);
  } catch (error) {
    if (error instanceof AccessDeniedError && error.reason !== 'deactivated') {
      const known = await db('users').where({ idp_issuer: identity.issuer, name_id: identity.nameId }).first('id');
      if (known) await endSessionsOf(db, known.id as string);
    }
    throw error;
  }
}

async function refreshUser(
  db: Db,
  identity: Identity,
  roleGroups: Record<Role, string[]>,
  audit: Omit<AuditContext, 'actorId' | 'actorLabel'>,
) {
  return db.transaction(async (trx) => {
    const existing = await trx('users').where({ idp_issuer: identity.issuer, name_id: identity.nameId }).first('id', 'is_active', 'role');
    if (existing && !existing.is_active) throw new AccessDeniedError('deactivated');
    const mapped = roleFromGroups(identity.groups, roleGroups);
    if (!mapped) throw new AccessDeniedError('no_role');
    const directorate = identity.directorateCode
      ? await trx('directorates').where({ code: identity.directorateCode, is_active: true }).first('id')
      : undefined;
    const maison = identity.maisonCode ? await trx('maisons').where({ code: identity.maisonCode, is_active: true }).first('id') : undefined;
    if (mapped.role === 'editor' && !directorate) throw new AccessDeniedError('editor_without_directorate');

    const fields = {
      email: identity.email,
      display_name: identity.displayName,
      role: mapped.role,
      role_source: `sso:${mapped.group}`,
      groups: identity.groups,
      directorate_id: directorate?.id ?? null,
      maison_id: maison?.id ?? null,
      last_sign_in_at: trx.fn.now(),
      updated_at: trx.fn.now(),
    };
    const [user] = await trx('users')
      .insert({ idp_issuer: identity.issuer, name_id: identity.nameId, ...fields })
      .onConflict(['idp_issuer', 'name_id'])
      .merge(fields)
      .returning<{ id: string; role: Role }[]>(['id', 'role']);
    if (!user) throw new Error('the user upsert returned no row');
    await recordAudit(
      trx,
      { ...audit, actorId: user.id, actorLabel: `${identity.displayName} <${identity.email}>` },
      {
        action: existing ? 'user.sign_in' : 'user.created_at_sign_in',
        objectType: 'user',
        objectId: user.id,
        changes: existing && existing.role !== user.role ? { role: { before: existing.role, after: user.role } } : {},
      },
    );
    return user;
  });
}
