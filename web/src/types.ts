/** The shapes the API sends (server/folders/presenter.ts, server/documents/presenter.ts). */

export type Availability = 'a_venir' | 'ouvert' | 'cloture_proche' | 'clos' | 'permanent';
export type Scope = 'internal' | 'external';
export type DocumentStatus = 'draft' | 'published' | 'archived';

export interface Directorate {
  id: string;
  code: string;
  name: string;
}

/** The referent's contact fields a card may make public (server/folders/schema.ts). */
export type ReferentField = 'name' | 'service' | 'email' | 'phone';

export type Scheme = {
  promise: string;
  summary: string;
  /** What it pays, as the card says it ("jusqu'à 500 €"); empty when the card does not say. */
  amount: string;
  directorate: Directorate | null;
  audiences: string[];
  aidTypes: string[];
  keywords: string[];
  opensOn: string | null;
  closesOn: string | null;
  isPermanent: boolean;
  availability: Availability;
  referent: { name: string | null; service: string | null; email: string | null; phone: string | null; publicFields: ReferentField[] };
  links: { infoUrl: string | null; applyUrl: string | null };
  isArchived: boolean;
} & Verification;

/** When the card was last confirmed and when it is due again (server/folders/presenter.ts). */
export interface Verification {
  verifiedAt: string | null;
  verifiedBy: { id: string; name: string | null } | null;
  reviewIntervalDays: number;
  /** AAAA-MM-JJ on the Region's calendar; null when never verified. */
  reviewDueOn: string | null;
  /** Due (or overdue): agents see "À vérifier". */
  isReviewDue: boolean;
  /** `isNamed`: chosen on the card; otherwise the referent, who has an editor's account. */
  verifier: { id: string; name: string | null; isNamed: boolean } | null;
}

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

export interface Folder {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  directorateId: string | null;
  scheme: Scheme | null;
  updatedAt: string;
  can: { update: boolean; delete: boolean; createScheme: boolean; createSubfolder: boolean; upload: boolean; verify: boolean; report: boolean };
}

export interface FolderDetail {
  folder: Folder;
  path: { id: string; name: string }[];
  children: Folder[];
}

export interface Version {
  number: number;
  originalFilename: string;
  fileType: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
  extractionStatus: 'pending' | 'done' | 'failed' | 'skipped' | 'unrecognized';
  extractionError: string | null;
  /** OCR of its scans: why some or all were not read ("texte non reconnu : …"). */
  ocrNote: string | null;
  /** Its scans wait for OCR. */
  ocrPending: boolean;
  uploadedBy?: string | null;
}

export interface DocumentItem {
  id: string;
  title: string;
  summary: string;
  docType: string;
  /** 'user' (given or edited), 'file_name' (its file name made readable) or 'document' (read in the file). */
  titleSource: 'user' | 'file_name' | 'document';
  /** The type is the app's suggestion, not yet confirmed or changed by an editor. */
  isDocTypeSuggested: boolean;
  scope: Scope;
  status: DocumentStatus;
  folder: { id: string; name: string } | null;
  scheme: { id: string; name: string; promise: string; availability: Availability } | null;
  directorate: Directorate;
  owner: { id: string; displayName: string | null } | null;
  currentVersion: Version | null;
  /** A live public link exists: published, external, and its scheme not archived. */
  isShared: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  can: { update: boolean; delete: boolean; readHistory: boolean; manageShare: boolean };
}
