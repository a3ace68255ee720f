import type { Availability, Directorate } from '../folders/types';

/** The shapes the API sends about documents (server/documents/presenter.ts). */

export type Scope = 'internal' | 'external';

export type DocumentStatus = 'draft' | 'published' | 'archived';

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
