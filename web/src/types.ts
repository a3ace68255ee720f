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

export interface Scheme {
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
}

export interface Folder {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  directorateId: string | null;
  scheme: Scheme | null;
  updatedAt: string;
  can: { update: boolean; delete: boolean; createScheme: boolean; createSubfolder: boolean; upload: boolean };
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
