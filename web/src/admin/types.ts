/** The shapes the administration API sends (server/places/, server/users/, server/audit/ and server/jobs/routes.ts). */

export type PlaceKind = 'directorates' | 'maisons';

/** A directorate or a Maison de Région, with what still refers to it. */
export interface Place {
  id: string;
  code: string;
  name: string;
  /** Maisons only. */
  city?: string;
  /** Maisons only: the public phone their agents' share links show. */
  phone?: string | null;
  isActive: boolean;
  references: { users: number; documents: number; folders: number };
}

export interface AdminUser {
  id: string;
  email: string;
  /** "<NameID> · <issuer>" when another user has the same e-mail, else null. */
  identity: string | null;
  displayName: string;
  role: 'agent' | 'editor' | 'admin';
  /** "sso:<group>" when the role comes from an SSO group, "seed" for a demo account. */
  roleSource: string;
  groups: string[] | null;
  isActive: boolean;
  lastSignInAt: string | null;
  directorate: { code: string; name: string } | null;
  maison: { code: string; name: string } | null;
}

export interface AuditEvent {
  id: number | string;
  at: string;
  actorId: string | null;
  actor: string;
  /** The actor's "<NameID> · <issuer>" when another user has the same e-mail, else null. */
  actorIdentity: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  /** `{ field: { before, after } }`, or facts about the event (`{ reason: 'manual' }`). */
  changes: Record<string, unknown> | null;
  ip: string | null;
  /** The event in French, with names ("Claire Martin a rendu externe « … »"). */
  sentence: string;
  actionLabel: string;
  objectLabel: string;
  objectName: string | null;
  /** One line per change ("Diffusion : interne → externe"). */
  details: string[];
}

export interface AuditVocabulary {
  actions: { code: string; label: string }[];
  objectTypes: { code: string; label: string }[];
}

export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

export interface Job {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: string;
  updatedAt: string;
}
