export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: 'agent' | 'editor' | 'admin';
  directorate_id: string | null;
  maison_id: string | null;
  directorate_code: string | null;
  directorate_name: string | null;
  maison_code: string | null;
  maison_name: string | null;
}

/** A user as the UI sees them: no identity-provider keys, no groups. */
export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    directorate: row.directorate_code ? { id: row.directorate_id, code: row.directorate_code, name: row.directorate_name } : null,
    maison: row.maison_code ? { id: row.maison_id, code: row.maison_code, name: row.maison_name } : null,
  };
}

/** A user in the administrators' list: with role, its source, groups, whether active, last sign-in. */
export interface AdminUserRow {
  id: string;
  email: string;
  display_name: string;
  role: UserRow['role'];
  role_source: string;
  groups: string[];
  is_active: boolean;
  last_sign_in_at: Date | null;
  directorate_code: string | null;
  directorate_name: string | null;
  maison_code: string | null;
  maison_name: string | null;
  identity: string | null;
}

export function presentAdminUser(row: AdminUserRow) {
  return {
    id: row.id,
    email: row.email,
    /** "<NameID> · <issuer>" when another user has the same e-mail, else null. */
    identity: row.identity,
    displayName: row.display_name,
    role: row.role,
    roleSource: row.role_source,
    groups: row.groups,
    isActive: row.is_active,
    lastSignInAt: row.last_sign_in_at,
    directorate: row.directorate_code ? { code: row.directorate_code, name: row.directorate_name } : null,
    maison: row.maison_code ? { code: row.maison_code, name: row.maison_name } : null,
  };
}
