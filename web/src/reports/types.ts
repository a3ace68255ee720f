/** The shapes the API sends about reports (server/reports/presenter.ts). */

export type ReportReason = 'inexact' | 'incomplete' | 'closed' | 'broken_link' | 'other';

export type ReportStatus = 'new' | 'in_progress' | 'resolved';

/** An agent's report on a scheme or a document (server/reports/presenter.ts). */
export interface Report {
  id: string;
  subject: { kind: 'folder' | 'document'; id: string; name: string | null; folderId: string | null };
  directorate: { id: string; name: string };
  reason: ReportReason;
  comment: string;
  status: ReportStatus;
  answer: string | null;
  reporter: { id: string | null; name: string | null; maison: string | null };
  handledBy: string | null;
  handledAt: string | null;
  createdAt: string;
  updatedAt: string;
  can: { update: boolean };
}
