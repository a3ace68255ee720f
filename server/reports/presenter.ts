import { can, type Actor } from '../policies';
import type { ReportReason, ReportStatus } from './schema';

export interface ReportRow {
  id: string;
  folder_id: string | null;
  document_id: string | null;
  subject_name: string | null;
  /** The scheme the subject belongs to (the folder itself, or the document's folder). */
  subject_folder_id: string | null;
  directorate_id: string;
  directorate_name: string;
  reason: ReportReason;
  comment: string;
  status: ReportStatus;
  answer: string | null;
  reporter_id: string | null;
  reporter_name: string | null;
  maison_name: string | null;
  handled_by_name: string | null;
  handled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A report as its sender and its directorate see it. */
export function presentReport(row: ReportRow, actor: Actor) {
  return {
    id: row.id,
    subject: row.document_id
      ? { kind: 'document' as const, id: row.document_id, name: row.subject_name, folderId: row.subject_folder_id }
      : { kind: 'folder' as const, id: row.folder_id as string, name: row.subject_name, folderId: row.subject_folder_id },
    directorate: { id: row.directorate_id, name: row.directorate_name },
    reason: row.reason,
    comment: row.comment,
    status: row.status,
    answer: row.answer,
    reporter: { id: row.reporter_id, name: row.reporter_name, maison: row.maison_name },
    handledBy: row.handled_by_name,
    handledAt: row.handled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { update: can(actor, 'report.manage', { kind: 'report', directorateId: row.directorate_id }) },
  };
}
