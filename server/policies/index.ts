import type { Role } from '../environment';
import { ForbiddenError } from '../errors';

/**
 * Who may do what: the one place that decides. Routes call authorize(); presenters call can() to
 * tell the UI which buttons to show.
 */

export interface Actor {
  id: string;
  role: Role;
  directorateId: string | null;
  maisonId: string | null;
}

export type Scope = 'internal' | 'external';
export type DocumentStatus = 'draft' | 'published' | 'archived';

export interface DocumentSubject {
  kind: 'document';
  directorateId: string;
  scope: Scope;
  status: DocumentStatus;
}

/** An existing folder: a theme (top of the tree, no directorate) or a scheme / sub-folder of a directorate. */
export interface FolderSubject {
  kind: 'folder';
  directorateId: string | null;
}

/** Where a new folder would go: under `parent` (null: a new theme), owned by `directorateId`. */
export interface FolderPlacement {
  kind: 'folderPlacement';
  parent: FolderSubject | null;
  directorateId: string | null;
}

/** A report of an agent, owned by the directorate it was routed to. */
export interface ReportSubject {
  kind: 'report';
  directorateId: string;
}

/** A directorate, for what its own editors follow: its gaps, its weekly digest. */
export interface DirectorateSubject {
  kind: 'directorate';
  directorateId: string | null;
}

export interface AppSubject {
  kind: 'app';
}

export const app: AppSubject = { kind: 'app' };

type ActionSubjects = {
  'document.read': DocumentSubject;
  'document.create': DocumentSubject;
  'document.update': DocumentSubject;
  'document.delete': DocumentSubject;
  'document.readHistory': DocumentSubject;
  'share.read': DocumentSubject;
  'share.manage': DocumentSubject;
  'folder.read': FolderSubject;
  'folder.create': FolderPlacement;
  'folder.update': FolderSubject;
  'folder.delete': FolderSubject;
  'insights.read': AppSubject;
  'report.manage': ReportSubject;
  'directorate.follow': DirectorateSubject;
  'admin.manage': AppSubject;
};

export type Action = keyof ActionSubjects;

const isOwnDirectorate = (actor: Actor, directorateId: string | null) =>
  actor.role === 'editor' && directorateId !== null && actor.directorateId === directorateId;

const rules: { [A in Action]: (actor: Actor, subject: ActionSubjects[A]) => boolean } = {
  // Agents of the Maisons see all published content, internal and external; editors also see
  // their directorate's drafts and archives.
  'document.read': (actor, d) => d.status === 'published' || isOwnDirectorate(actor, d.directorateId),
  'document.create': (actor, d) => isOwnDirectorate(actor, d.directorateId),
  'document.update': (actor, d) => isOwnDirectorate(actor, d.directorateId),
  'document.delete': (actor, d) => isOwnDirectorate(actor, d.directorateId),
  'document.readHistory': (actor, d) => isOwnDirectorate(actor, d.directorateId),
  'share.read': (actor, d) => d.scope === 'external' && rules['document.read'](actor, d),
  'share.manage': (actor, d) => d.scope === 'external' && isOwnDirectorate(actor, d.directorateId),
  'folder.read': () => true,
  // Admins make the themes; editors make schemes under a theme, and sub-folders in their own schemes.
  'folder.create': (actor, placement) =>
    placement.parent !== null &&
    isOwnDirectorate(actor, placement.directorateId) &&
    (placement.parent.directorateId === null || placement.parent.directorateId === placement.directorateId),
  'folder.update': (actor, f) => isOwnDirectorate(actor, f.directorateId),
  'folder.delete': (actor, f) => isOwnDirectorate(actor, f.directorateId),
  'insights.read': (actor) => actor.role === 'editor',
  // The directorate that owns the scheme or document answers its reports.
  'report.manage': (actor, r) => isOwnDirectorate(actor, r.directorateId),
  'directorate.follow': (actor, d) => isOwnDirectorate(actor, d.directorateId),
  'admin.manage': () => false,
};

export function can<A extends Action>(actor: Actor, action: A, subject: ActionSubjects[A]): boolean {
  return actor.role === 'admin' || rules[action](actor, subject);
}

/** Throws ForbiddenError unless the actor may do it. */
export function authorize<A extends Action>(actor: Actor, action: A, subject: ActionSubjects[A]): void {
  if (!can(actor, action, subject)) throw new ForbiddenError();
}
