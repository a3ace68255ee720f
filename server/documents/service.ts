import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { changedFields } from '../folders/service';
import { findFolder } from '../folders/rows';
import type { FolderRow } from '../folders/presenter';
import { authorize, type Actor } from '../policies';
import type { Storage } from '../../storage';
import { enqueueDocumentSync } from '../search/enqueue';
import { syncSchemePageOf } from '../sharing/schemePages';
import { syncShareLink } from '../sharing/service';
import { suggestDocType } from './docTypeSuggestion';
import { documentSubject, type DocumentRow } from './presenter';
import type { CreateDocumentFields, UpdateDocumentInput } from './schema';
import { readableFilename } from './titles';
import type { StoredUpload } from './uploadEngine';

function documentsQuery(db: Db | Transaction) {
  return db('documents as doc')
    .join('directorates as d', 'd.id', 'doc.directorate_id')
    .leftJoin('users as u', 'u.id', 'doc.owner_id')
    .leftJoin('versions as v', 'v.id', 'doc.current_version_id')
    .whereNull('doc.deleted_at')
    .select(
      'doc.id',
      'doc.folder_id',
      'doc.title',
      'doc.summary',
      'doc.doc_type',
      'doc.title_source',
      'doc.doc_type_is_suggested',
      'doc.scope',
      'doc.status',
      'doc.directorate_id',
      'd.code as directorate_code',
      'd.name as directorate_name',
      'doc.owner_id',
      'u.display_name as owner_name',
      'doc.current_version_id',
      'doc.published_at',
      'doc.created_at',
      'doc.updated_at',
      'v.number as version_number',
      'v.original_filename as version_filename',
      'v.file_type as version_file_type',
      'v.mime_type as version_mime_type',
      'v.size_bytes as version_size',
      'v.sha256 as version_sha256',
      'v.created_at as version_created_at',
      'v.extraction_status as version_extraction_status',
      'v.extraction_error as version_extraction_error',
      'v.ocr_note as version_ocr_note',
      'v.ocr_pending as version_ocr_pending',
      db.raw('exists (select 1 from share_links l where l.document_id = doc.id and l.revoked_at is null) as is_shared'),
    );
}

export async function findDocument(db: Db | Transaction, id: string): Promise<DocumentRow> {
  const row = (await documentsQuery(db).where('doc.id', id).first()) as DocumentRow | undefined;
  if (!row) throw new NotFoundError('Ce document est introuvable.');
  return row;
}

/** Documents the actor may read: published ones, plus drafts and archives of their directorate (all, for admins). */
export async function listDocuments(
  db: Db,
  actor: Actor,
  filter: { folderId?: string; publishedOnly?: boolean; updatedSince?: Date; limit: number },
) {
  const query = documentsQuery(db).orderBy('doc.updated_at', 'desc').limit(filter.limit);
  if (filter.folderId) query.where('doc.folder_id', filter.folderId);
  if (filter.updatedSince) query.where('doc.updated_at', '>=', filter.updatedSince);
  if (filter.publishedOnly) query.where('doc.status', 'published');
  else if (actor.role === 'editor')
    query.where((w) => w.where('doc.status', 'published').orWhere('doc.directorate_id', actor.directorateId));
  else if (actor.role !== 'admin') query.where('doc.status', 'published');
  return (await query) as DocumentRow[];
}

/** The folder a document may go into: a scheme or one of its sub-folders (they carry a directorate). */
export async function folderForDocuments(db: Db | Transaction, folderId: string): Promise<FolderRow & { directorate_id: string }> {
  const folder = await findFolder(db, folderId);
  if (!folder.directorate_id) {
    throw new ValidationError(
      'folderId : Déposez les documents dans un dispositif ou un de ses sous-dossiers, pas directement dans un thème.',
    );
  }
  return folder as FolderRow & { directorate_id: string };
}

/** Authorizes an upload into a folder before any byte is stored. */
export async function authorizeUpload(db: Db, actor: Actor, fields: CreateDocumentFields) {
  const folder = await folderForDocuments(db, fields.folderId);
  authorize(actor, 'document.create', {
    kind: 'document',
    directorateId: folder.directorate_id,
    scope: fields.scope,
    status: fields.status,
  });
}

/**
 * The document an earlier upload with this idempotency key made, if any; else the key is taken for
 * the upload under way (a concurrent one with the same key waits for it, then finds its document).
 */
async function claimUploadKey(trx: Transaction, actor: Actor, key: string): Promise<string | undefined> {
  const taken = await trx('upload_keys').insert({ user_id: actor.id, key }).onConflict(['user_id', 'key']).ignore().returning('key');
  if (taken.length > 0) return undefined;
  const earlier = await trx('upload_keys').where({ user_id: actor.id, key }).first('document_id');
  if (!earlier?.document_id) throw new ConflictError('Ce dépôt est déjà en cours : patientez avant de réessayer.');
  return earlier.document_id as string;
}

/**
 * Records a stored upload as a new document with its first version, in one transaction. With an
 * idempotency key already used by this user, nothing is recorded: the earlier document comes back
 * (`isReplay`), and the caller discards the upload.
 */
export async function createDocument(
  db: Db,
  actor: Actor,
  fields: CreateDocumentFields,
  upload: StoredUpload,
  audit: AuditContext,
  idempotencyKey?: string,
): Promise<DocumentRow & { isReplay?: boolean }> {
  return db.transaction(async (trx) => {
    if (idempotencyKey) {
      const earlier = await claimUploadKey(trx, actor, idempotencyKey);
      if (earlier) return { ...(await findDocument(trx, earlier)), isReplay: true };
    }
    const folder = await folderForDocuments(trx, fields.folderId);
    authorize(actor, 'document.create', {
      kind: 'document',
      directorateId: folder.directorate_id,
      scope: fields.scope,
      status: fields.status,
    });
    // Until its text is read (server/documents/naming.ts), a document without a given title is named after its file.
    const title = fields.title ?? readableFilename(upload.originalFilename);
    const docType = fields.docType ?? suggestDocType({ filename: upload.originalFilename, title: fields.title });
    const [document] = await trx('documents')
      .insert({
        folder_id: folder.id,
        title,
        title_source: fields.title === undefined ? 'file_name' : 'user',
        summary: fields.summary,
        doc_type: docType,
        doc_type_is_suggested: fields.docType === undefined,
        scope: fields.scope,
        status: fields.status,
        directorate_id: folder.directorate_id,
        owner_id: actor.id,
        published_at: fields.status === 'published' ? trx.fn.now() : null,
      })
      .returning<{ id: string }[]>('id');
    const documentId = (document as { id: string }).id;
    await insertVersion(trx, documentId, 1, upload, actor);
    await enqueueDocumentSync(trx, documentId);
    await syncShareLink(trx, documentId, audit);
    if (idempotencyKey) await trx('upload_keys').where({ user_id: actor.id, key: idempotencyKey }).update({ document_id: documentId });
    await recordAudit(trx, audit, {
      action: 'document.created',
      objectType: 'document',
      objectId: documentId,
      changes: {
        title: { before: null, after: title },
        scope: { before: null, after: fields.scope },
        status: { before: null, after: fields.status },
        version: { before: null, after: 1 },
      },
    });
    return findDocument(trx, documentId);
  });
}

async function insertVersion(trx: Transaction, documentId: string, number: number, upload: StoredUpload, actor: Actor) {
  const [version] = await trx('versions')
    .insert({
      document_id: documentId,
      number,
      storage_key: upload.storageKey,
      original_filename: upload.originalFilename,
      file_type: upload.fileType,
      mime_type: upload.mime,
      size_bytes: upload.size,
      sha256: upload.sha256,
      uploaded_by: actor.id,
    })
    .returning<{ id: string }[]>('id');
  await trx('documents')
    .where({ id: documentId })
    .update({ current_version_id: (version as { id: string }).id, updated_at: trx.fn.now() });
  await trx('upload_intents').where({ storage_key: upload.storageKey }).delete();
}

/** Authorizes a new version before any byte is stored. */
export async function authorizeNewVersion(db: Db, actor: Actor, documentId: string) {
  authorize(actor, 'document.update', documentSubject(await findDocument(db, documentId)));
}

/** A new current version; the same bytes as an existing version are refused (409). */
export async function addVersion(db: Db, actor: Actor, documentId: string, upload: StoredUpload, audit: AuditContext) {
  return db.transaction(async (trx) => {
    await trx('documents').where({ id: documentId }).forUpdate().first('id');
    const document = await findDocument(trx, documentId);
    authorize(actor, 'document.update', documentSubject(document));
    const same = await trx('versions').where({ document_id: documentId, sha256: upload.sha256 }).first('number');
    if (same)
      throw new ConflictError(`Ce fichier est identique à la version ${same.number as number} : aucune nouvelle version n'a été créée.`);
    const last = await trx('versions').where({ document_id: documentId }).max<{ max: number }>('number as max').first();
    const number = (last?.max ?? 0) + 1;
    await insertVersion(trx, documentId, number, upload, actor);
    await enqueueDocumentSync(trx, documentId);
    await recordAudit(trx, audit, {
      action: 'document.version_added',
      objectType: 'document',
      objectId: documentId,
      changes: {
        version: { before: document.version_number, after: number },
        file: { before: document.version_filename, after: upload.originalFilename },
      },
    });
    return findDocument(trx, documentId);
  });
}

export async function updateDocument(db: Db, actor: Actor, documentId: string, input: UpdateDocumentInput, audit: AuditContext) {
  return db.transaction(async (trx) => {
    await trx('documents').where({ id: documentId }).forUpdate().first('id');
    const before = await findDocument(trx, documentId);
    authorize(actor, 'document.update', documentSubject(before));
    const changes: Record<string, unknown> = {};
    // A title or type the editor sets is theirs: what the document says no longer replaces it.
    if (input.title !== undefined) Object.assign(changes, { title: input.title, title_source: 'user' });
    if (input.summary !== undefined) changes.summary = input.summary;
    if (input.docType !== undefined) Object.assign(changes, { doc_type: input.docType, doc_type_is_suggested: false });
    if (input.scope !== undefined) changes.scope = input.scope;
    if (input.status !== undefined) {
      changes.status = input.status;
      if (input.status === 'published' && !before.published_at) changes.published_at = trx.fn.now();
    }
    if (input.folderId !== undefined && input.folderId !== before.folder_id) {
      const target = await folderForDocuments(trx, input.folderId);
      authorize(actor, 'document.create', {
        kind: 'document',
        directorateId: target.directorate_id,
        scope: before.scope,
        status: before.status,
      });
      changes.folder_id = target.id;
      changes.directorate_id = target.directorate_id;
    }
    await trx('documents')
      .where({ id: documentId })
      .update({ ...changes, updated_at: trx.fn.now() });
    await enqueueDocumentSync(trx, documentId);
    await syncShareLink(trx, documentId, audit);
    // Moved to another scheme: the one it left may have no shared document any more.
    if (changes.folder_id !== undefined) await syncSchemePageOf(trx, before.folder_id, audit);
    const after = await findDocument(trx, documentId);
    const fields = ['title', 'summary', 'doc_type', 'scope', 'status', 'folder_id', 'directorate_id'] as const;
    const pick = (row: DocumentRow) => Object.fromEntries(fields.map((f) => [f, row[f]]));
    await recordAudit(trx, audit, {
      action: input.status === 'archived' && before.status !== 'archived' ? 'document.archived' : 'document.updated',
      objectType: 'document',
      objectId: documentId,
      changes: changedFields(pick(before), pick(after)),
    });
    return { before, after };
  });
}

/** Soft delete: the document disappears at once; its files are removed after the grace period. */
export async function deleteDocument(db: Db, actor: Actor, documentId: string, audit: AuditContext) {
  await db.transaction(async (trx) => {
    const document = await findDocument(trx, documentId);
    authorize(actor, 'document.delete', documentSubject(document));
    await trx('documents').where({ id: documentId }).update({ deleted_at: trx.fn.now(), updated_at: trx.fn.now() });
    await enqueueDocumentSync(trx, documentId);
    await syncShareLink(trx, documentId, audit);
    await recordAudit(trx, audit, {
      action: 'document.deleted',
      objectType: 'document',
      objectId: documentId,
      changes: { title: { before: document.title, after: null } },
    });
  });
}

export async function listVersions(db: Db, documentId: string) {
  return db('versions as v')
    .leftJoin('users as u', 'u.id', 'v.uploaded_by')
    .where('v.document_id', documentId)
    .orderBy('v.number', 'desc')
    .select(
      'v.number',
      'v.original_filename',
      'v.file_type',
      'v.mime_type',
      'v.size_bytes',
      'v.sha256',
      'v.created_at',
      'v.extraction_status',
      'v.extraction_error',
      'v.ocr_note',
      'v.ocr_pending',
      'u.display_name as uploaded_by_name',
    );
}

export async function findVersion(db: Db, documentId: string, number?: number) {
  const query = db('versions').where({ document_id: documentId });
  if (number === undefined) query.whereIn('id', db('documents').where({ id: documentId }).select('current_version_id'));
  else query.where({ number });
  const version = await query.first(
    'id',
    'number',
    'storage_key',
    'original_filename',
    'file_type',
    'mime_type',
    'size_bytes',
    'sha256',
    'storage_deleted_at',
  );
  if (!version || version.storage_deleted_at) throw new NotFoundError('Cette version est introuvable.');
  return version as {
    id: string;
    number: number;
    storage_key: string;
    original_filename: string;
    file_type: string;
    mime_type: string;
    size_bytes: number;
    sha256: string;
  };
}

/** Removes a stored object whose database record failed; the upload intent lets cleanup retry. */
export async function discardUpload(storage: Storage, db: Db, upload: StoredUpload) {
  try {
    await storage.delete(upload.storageKey);
    await db('upload_intents').where({ storage_key: upload.storageKey }).delete();
  } catch {
    // Left for the cleanup job (the intent is still there).
  }
}
