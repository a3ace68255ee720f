import { availabilityOf } from '../folders/availability';
import type { FolderTree } from '../folders/tree';
import { can, type Actor, type DocumentSubject } from '../policies';

export interface DocumentRow {
  id: string;
  folder_id: string;
  title: string;
  summary: string;
  doc_type: string;
  title_source: 'user' | 'file_name' | 'document';
  doc_type_is_suggested: boolean;
  scope: 'internal' | 'external';
  status: 'draft' | 'published' | 'archived';
  directorate_id: string;
  directorate_code: string;
  directorate_name: string;
  owner_id: string | null;
  owner_name: string | null;
  current_version_id: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version_number: number | null;
  version_filename: string | null;
  version_file_type: string | null;
  version_mime_type: string | null;
  version_size: number | null;
  version_sha256: string | null;
  version_created_at: Date | null;
  version_extraction_status: string | null;
  version_extraction_error: string | null;
  version_ocr_note: string | null;
  version_ocr_pending: boolean;
  is_shared: boolean;
}

export const documentSubject = (row: Pick<DocumentRow, 'directorate_id' | 'scope' | 'status'>): DocumentSubject => ({
  kind: 'document',
  directorateId: row.directorate_id,
  scope: row.scope,
  status: row.status,
});

export function presentVersion(row: {
  number: number;
  original_filename: string;
  file_type: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
  extraction_status: string;
  extraction_error: string | null;
  ocr_note?: string | null;
  ocr_pending?: boolean;
  uploaded_by_name?: string | null;
}) {
  return {
    number: row.number,
    originalFilename: row.original_filename,
    fileType: row.file_type,
    mimeType: row.mime_type,
    size: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
    extractionStatus: row.extraction_status,
    extractionError: row.extraction_error,
    /** OCR of its scans: why some or all were not read ("texte non reconnu : …"); null when all were, or none was tried. */
    ocrNote: row.ocr_note ?? null,
    /** Its scans wait for OCR (their job runs after the text is indexed). */
    ocrPending: row.ocr_pending ?? false,
    ...(row.uploaded_by_name !== undefined ? { uploadedBy: row.uploaded_by_name } : {}),
  };
}

/** A document as the UI sees it, with its scheme, current version and what the user may do. */
export function presentDocument(row: DocumentRow, folders: FolderTree, actor: Actor) {
  const folder = folders.get(row.folder_id);
  const scheme = folders.schemeOf(row.folder_id);
  const subject = documentSubject(row);
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    docType: row.doc_type,
    /** 'user' (given or edited), 'file_name' (its file name made readable) or 'document' (read in the file). */
    titleSource: row.title_source,
    /** The type is the app's suggestion, not yet confirmed or changed by an editor. */
    isDocTypeSuggested: row.doc_type_is_suggested,
    scope: row.scope,
    status: row.status,
    folder: folder ? { id: folder.id, name: folder.name } : null,
    scheme: scheme
      ? {
          id: scheme.id,
          name: scheme.name,
          promise: scheme.scheme_promise ?? '',
          availability: availabilityOf({
            opensOn: scheme.scheme_opens_on,
            closesOn: scheme.scheme_closes_on,
            isPermanent: scheme.scheme_is_permanent,
          }),
        }
      : null,
    directorate: { id: row.directorate_id, code: row.directorate_code, name: row.directorate_name },
    owner: row.owner_id ? { id: row.owner_id, displayName: row.owner_name } : null,
    currentVersion:
      row.version_number === null
        ? null
        : presentVersion({
            number: row.version_number,
            original_filename: row.version_filename as string,
            file_type: row.version_file_type as string,
            mime_type: row.version_mime_type as string,
            size_bytes: row.version_size as number,
            sha256: row.version_sha256 as string,
            created_at: row.version_created_at as Date,
            extraction_status: row.version_extraction_status as string,
            extraction_error: row.version_extraction_error,
            ocr_note: row.version_ocr_note,
            ocr_pending: row.version_ocr_pending,
          }),
    /** A live public link exists (published, external, its scheme not archived). */
    isShared: row.is_shared,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: {
      update: can(actor, 'document.update', subject),
      delete: can(actor, 'document.delete', subject),
      readHistory: can(actor, 'document.readHistory', subject),
      manageShare: can(actor, 'share.manage', subject),
    },
  };
}
