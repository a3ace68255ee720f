import type { Role } from '../environment';
import type { DocumentStatus, Scope } from './index';

/**
 * The rights table, written as the product decision it is, one row per action × scope × status.
 * Columns: agent (Maison) · editor of the document's directorate · editor of another directorate
 * · admin. `Y` allowed, `.` refused. Tests generate every cell from it, against the policy module
 * and against the real routes.
 */
export const documentRightsTable = {
  'document.read': {
    internal: { published: 'YYYY', draft: '.Y.Y', archived: '.Y.Y' },
    external: { published: 'YYYY', draft: '.Y.Y', archived: '.Y.Y' },
  },
  'document.update': {
    internal: { published: '.Y.Y', draft: '.Y.Y', archived: '.Y.Y' },
    external: { published: '.Y.Y', draft: '.Y.Y', archived: '.Y.Y' },
  },
  'document.delete': {
    internal: { published: '.Y.Y', draft: '.Y.Y', archived: '.Y.Y' },
    external: { published: '.Y.Y', draft: '.Y.Y', archived: '.Y.Y' },
  },
  'document.readHistory': {
    internal: { published: '.Y.Y', draft: '.Y.Y', archived: '.Y.Y' },
    external: { published: '.Y.Y', draft: '.Y.Y', archived: '.Y.Y' },
  },
  'share.read': {
    internal: { published: '...Y', draft: '...Y', archived: '...Y' },
    external: { published: 'YYYY', draft: '.Y.Y', archived: '.Y.Y' },
  },
  'share.manage': {
    internal: { published: '...Y', draft: '...Y', archived: '...Y' },
    external: { published: '.Y.Y', draft: '.Y.Y', archived: '.Y.Y' },
  },
} as const;

export type DocumentAction = keyof typeof documentRightsTable;
export type Relation = 'own' | 'other';

export interface RightsCell {
  action: DocumentAction;
  role: Role;
  relation: Relation;
  scope: Scope;
  status: DocumentStatus;
  isAllowed: boolean;
}

const columns: { role: Role; relation: Relation }[] = [
  { role: 'agent', relation: 'other' },
  { role: 'editor', relation: 'own' },
  { role: 'editor', relation: 'other' },
  { role: 'admin', relation: 'other' },
];

/** Every cell of the table: role × action × scope × own/other directorate × status. */
export function documentRightsCells(): RightsCell[] {
  return Object.entries(documentRightsTable).flatMap(([action, byScope]) =>
    Object.entries(byScope).flatMap(([scope, byStatus]) =>
      Object.entries(byStatus as Record<DocumentStatus, string>).flatMap(([status, row]) =>
        columns.map((column, i) => ({
          action: action as DocumentAction,
          ...column,
          scope: scope as Scope,
          status: status as DocumentStatus,
          isAllowed: row[i] === 'Y',
        })),
      ),
    ),
  );
}
