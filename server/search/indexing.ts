import { createHash, randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { Db, Transaction } from '../db';
import type { FileType } from '../documents/fileTypes';
import { nameFromContent } from '../documents/naming';
import {
  defaultExtractionLimits,
  defaultOcrSettings,
  extractText,
  readScans,
  scannedPages,
  type ExtractionLimits,
  type ExtractionResult,
  type OcrSettings,
} from '../extraction';
import { availabilityOf } from '../folders/availability';
import type { FolderRow } from '../folders/presenter';
import { loadFolderTree, type FolderTree } from '../folders/tree';
import { enqueueJob } from '../jobs/queue';
import { enqueueDocumentSync } from './enqueue';
import type { Logger } from '../logger';
import { extractionDuration } from '../metrics';
import { buildRecords, type DocumentForIndex, type Search, type SearchRecord } from '../../search';
import type { Storage } from '../../storage';

export interface IndexingDeps {
  db: Db;
  storage: Storage;
  search: Search;
  logger: Logger;
  extractionLimits?: ExtractionLimits;
  /** French OCR of scans (config.ocr): its bounds, or null when off; the extraction limits' default when unset. */
  ocr?: OcrSettings | null;
}

/** Text safe for PostgreSQL and for our highlight markers: no NUL, no other C0 control but tab and new line. */
const cleanText = (text: string) => [...text].filter((c) => c === '\n' || c === '\t' || c === '\f' || c.charCodeAt(0) >= 0x20).join('');

interface VersionRow {
  id: string;
  storage_key: string;
  file_type: FileType;
  size_bytes: number;
  extraction_status: string;
}

/** A page whose text OCR read, with the engine's confidence (0 to 1). */
export interface OcrMark {
  page: number;
  confidence: number;
}

/** Replaces the stored pages of a version, OCR pages marked with their confidence. */
async function storePages(trx: Transaction, versionId: string, pages: string[], ocrPages: Map<number, { confidence: number | null }>) {
  await trx('version_pages').where({ version_id: versionId }).delete();
  for (let i = 0; i < pages.length; i += 500) {
    await trx('version_pages').insert(
      pages.slice(i, i + 500).map((text, j) => {
        const ocr = ocrPages.get(i + j + 1);
        return { version_id: versionId, page_number: i + j + 1, text, ocr: ocr !== undefined, ocr_confidence: ocr?.confidence ?? null };
      }),
    );
  }
}

/** The OCR bounds in force: the deps' (config.ocr), else the extraction limits' own, else the default. */
function ocrSettingsOf(deps: IndexingDeps): OcrSettings | null {
  if (deps.ocr !== undefined) return deps.ocr;
  const limits = deps.extractionLimits ?? defaultExtractionLimits;
  return limits.ocr === undefined ? defaultOcrSettings : limits.ocr;
}

/**
 * Reads the text of a version once: in a bounded child process, stored per page in PostgreSQL.
 * A file whose text cannot be read stays published and findable by its title and metadata; its
 * version says why ("texte non extrait"). Its scans (images, PDF pages without a text layer) are
 * left to a job of their own (`extraction.ocr`, enqueued here with the pages): a long OCR never
 * holds up the documents synced with this one.
 */
export async function extractVersion(deps: IndexingDeps, version: VersionRow): Promise<string[]> {
  const stored = await deps.storage.get(version.storage_key);
  const data = await buffer(stored.body);
  const startedAt = Date.now();
  const result = await extractText(version.file_type, data, { ...(deps.extractionLimits ?? defaultExtractionLimits), ocr: null });
  extractionDuration.observe({ file_type: version.file_type, outcome: result.ok ? 'ok' : 'failed' }, (Date.now() - startedAt) / 1000);
  const pages = result.ok ? result.pages.map(cleanText) : [];
  const scans = result.ok && ocrSettingsOf(deps) ? scannedPages(version.file_type, pages) : [];
  await deps.db.transaction(async (trx) => {
    await storePages(trx, version.id, pages, new Map());
    await trx('versions')
      .where({ id: version.id })
      .update({
        extraction_status: result.ok ? (pages.some((p) => p.trim()) ? 'done' : 'skipped') : 'failed',
        extraction_error: result.ok ? null : result.reason,
        ocr_note: null,
        ocr_pending: scans.length > 0,
        page_count: pages.length || null,
      });
    if (result.ok) await nameFromContent(trx, version.id, { hints: result.hints, firstPage: pages[0] });
    // One OCR job at a time (a shared key), whatever the number of job loops and workers: the other
    // loops stay free for syncs and text uploads, and only one OCR child is ever busy.
    if (scans.length > 0) await enqueueJob(trx, 'extraction.ocr', { versionId: version.id }, { key: 'ocr' });
  });
  deps.logger.info(
    {
      versionId: version.id,
      fileType: version.file_type,
      pages: pages.length,
      scans: scans.length || undefined,
      ms: Date.now() - startedAt,
      failure: result.ok ? undefined : result.reason,
    },
    'text extracted',
  );
  return pages;
}

/**
 * The job `extraction.ocr`: reads the scans of a version by French OCR (in the OCR child process,
 * within the OCR bounds), stores the pages with their OCR marks, says "texte non reconnu" and why
 * when nothing could be read, and enqueues the document's sync in the same transaction.
 */
export async function ocrVersion(deps: IndexingDeps, versionId: string): Promise<void> {
  const version = (await deps
    .db('versions')
    .where({ id: versionId })
    .first('id', 'document_id', 'storage_key', 'file_type', 'ocr_pending', 'extraction_status')) as
    | { id: string; document_id: string; storage_key: string; file_type: FileType; ocr_pending: boolean; extraction_status: string }
    | undefined;
  if (!version?.ocr_pending) return;
  const settings = ocrSettingsOf(deps);
  const texts = (await storedPages(deps.db, [versionId])).get(versionId) ?? [];
  const startedAt = Date.now();
  const result: ExtractionResult = settings
    ? await readScans(
        version.file_type,
        await buffer((await deps.storage.get(version.storage_key)).body),
        texts,
        settings,
        deps.extractionLimits ?? defaultExtractionLimits,
      )
    : { ok: true, pages: texts };
  const pages = result.ok ? result.pages.map(cleanText) : texts;
  const ocr = result.ok ? result.ocr : undefined;
  const hasText = pages.some((p) => p.trim());
  await deps.db.transaction(async (trx) => {
    await storePages(trx, versionId, pages, new Map((ocr?.pages ?? []).map((page) => [page.page, page])));
    await trx('versions')
      .where({ id: versionId })
      .update({
        extraction_status: hasText ? 'done' : ocr ? 'unrecognized' : version.extraction_status,
        ocr_note: ocr?.note ?? null,
        ocr_pending: false,
        page_count: pages.length || null,
      });
    await enqueueDocumentSync(trx, version.document_id);
  });
  deps.logger.info(
    {
      versionId,
      fileType: version.file_type,
      ocrPages: ocr?.pages.length ?? 0,
      ms: Date.now() - startedAt,
      ocrNote: ocr?.note ?? undefined,
    },
    'scans read',
  );
}

/** The stored text of versions, page by page, in one query. */
export async function storedPages(db: Db, versionIds: string[]): Promise<Map<string, string[]>> {
  const pages = new Map<string, string[]>();
  if (versionIds.length === 0) return pages;
  const rows = await db('version_pages')
    .whereIn('version_id', versionIds)
    .orderBy(['version_id', 'page_number'])
    .select<{ version_id: string; text: string }[]>('version_id', 'text');
  for (const row of rows) {
    const list = pages.get(row.version_id);
    if (list) list.push(row.text);
    else pages.set(row.version_id, [row.text]);
  }
  return pages;
}

/** The pages of versions whose indexed text OCR read, with its confidence, in one query. */
export async function storedOcrMarks(db: Db, versionIds: string[]): Promise<Map<string, OcrMark[]>> {
  const marks = new Map<string, OcrMark[]>();
  if (versionIds.length === 0) return marks;
  const rows = await db('version_pages')
    .whereIn('version_id', versionIds)
    .where({ ocr: true })
    .whereNot('text', '')
    .orderBy(['version_id', 'page_number'])
    .select<{ version_id: string; page_number: number; ocr_confidence: number | null }[]>('version_id', 'page_number', 'ocr_confidence');
  for (const row of rows)
    marks.set(row.version_id, [...(marks.get(row.version_id) ?? []), { page: row.page_number, confidence: row.ocr_confidence ?? 0 }]);
  return marks;
}

/** The ancestors of a folder, itself included, and the theme at the top. */
export function ancestry(folderId: string, tree: FolderTree) {
  const lineage = tree.lineage(folderId);
  const top = lineage.at(-1);
  return { folderIds: lineage.map((folder) => folder.id), theme: top ? { id: top.id, name: top.name } : null };
}

export function schemeForIndex(scheme: FolderRow | undefined): DocumentForIndex['scheme'] {
  if (!scheme) return null;
  return {
    id: scheme.id,
    name: scheme.name,
    keywords: scheme.scheme_keywords,
    promise: scheme.scheme_promise ?? '',
    summary: scheme.scheme_summary ?? '',
    audiences: scheme.scheme_audiences,
    aidTypes: scheme.scheme_aid_types,
    availability: availabilityOf({
      opensOn: scheme.scheme_opens_on,
      closesOn: scheme.scheme_closes_on,
      isPermanent: scheme.scheme_is_permanent,
    }),
    closesOn: scheme.scheme_closes_on,
    isPermanent: scheme.scheme_is_permanent,
    isArchived: scheme.archived_at !== null,
    referent: { name: scheme.referent_name, service: scheme.referent_service, email: scheme.referent_email, phone: scheme.referent_phone },
  };
}

interface IndexableDocument {
  id: string;
  title: string;
  summary: string;
  doc_type: string;
  scope: 'internal' | 'external';
  status: string;
  folder_id: string;
  current_version_id: string;
  updated_at: Date;
  directorate_code: string;
  directorate_name: string;
}

/** The documents search shows: published, not deleted, with a version, outside archived schemes. */
export async function indexableDocuments(db: Db, tree: FolderTree, ids?: string[]): Promise<IndexableDocument[]> {
  const query = db('documents as doc')
    .join('directorates as d', 'd.id', 'doc.directorate_id')
    .whereNull('doc.deleted_at')
    .where('doc.status', 'published')
    .whereNotNull('doc.current_version_id')
    .select(
      'doc.id',
      'doc.title',
      'doc.summary',
      'doc.doc_type',
      'doc.scope',
      'doc.status',
      'doc.folder_id',
      'doc.current_version_id',
      'doc.updated_at',
      'd.code as directorate_code',
      'd.name as directorate_name',
    );
  if (ids) query.whereIn('doc.id', ids);
  const rows = (await query) as IndexableDocument[];
  return rows.filter((row) => !tree.schemeOf(row.folder_id)?.archived_at);
}

/** What the index needs of a document: its metadata, its scheme's, where it sits, its pages (and which OCR read). */
export function documentForIndex(
  document: IndexableDocument,
  fileType: string | null,
  tree: FolderTree,
  pages: string[],
  ocrPages: OcrMark[] = [],
): DocumentForIndex {
  return {
    id: document.id,
    title: document.title,
    summary: document.summary,
    docType: document.doc_type,
    scope: document.scope,
    status: document.status,
    fileType,
    updatedAt: new Date(document.updated_at),
    directorate: { code: document.directorate_code, name: document.directorate_name },
    ...ancestry(document.folder_id, tree),
    scheme: schemeForIndex(tree.schemeOf(document.folder_id)),
    pages,
    // Only when there are some: the fingerprint of a document without OCR stays what it was.
    ...(ocrPages.length > 0 ? { ocrPages } : {}),
  };
}

/**
 * What each record of a document carries besides its content, so that `index:check` can tell a
 * stale document from a current one: the version it was built from, the page count, the number of
 * records of that sync, and a fingerprint of everything the records were built from.
 */
export interface RecordStamp {
  versionId: string;
  pageCount: number;
  recordCount: number;
  fingerprint: string;
}

/** A digest of all the index is built from for a document (metadata, scheme, place, pages). */
export function fingerprintOf(document: DocumentForIndex, versionId: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ versionId, ...document }))
    .digest('base64url')
    .slice(0, 22);
}

/** The records of a document, stamped (RecordStamp). */
export function stampedRecords(document: DocumentForIndex, versionId: string, syncId?: string): (SearchRecord & RecordStamp)[] {
  const records = buildRecords(document, syncId);
  const stamp: RecordStamp = {
    versionId,
    pageCount: document.pages.length,
    recordCount: records.length,
    fingerprint: fingerprintOf(document, versionId),
  };
  return records.map((record) => ({ ...record, ...stamp }));
}

/**
 * Brings documents' records in the index in line with PostgreSQL: each one's published current
 * version's pages with its metadata, or nothing (draft, archived, deleted, archived scheme). All
 * of them in one Meilisearch call. A document whose file cannot be read is left as it was and
 * returned with its error (its job retries); a Meilisearch failure throws.
 */
export async function syncDocuments(deps: IndexingDeps, documentIds: string[]): Promise<Map<string, unknown>> {
  const { db, search } = deps;
  const ids = [...new Set(documentIds)];
  const tree = await loadFolderTree(db);
  const documents = await indexableDocuments(db, tree, ids);
  const versions = new Map(
    (
      (await db('versions')
        .whereIn(
          'id',
          documents.map((document) => document.current_version_id),
        )
        .select('id', 'storage_key', 'file_type', 'size_bytes', 'extraction_status')) as VersionRow[]
    ).map((version) => [version.id, version]),
  );
  const extracted = await storedPages(
    db,
    [...versions.values()].filter((version) => version.extraction_status !== 'pending').map((version) => version.id),
  );
  const toExtract = documents.filter((document) => versions.get(document.current_version_id)?.extraction_status === 'pending');
  const failures = new Map<string, unknown>();
  // Drafts are read too, once: their title and type come from the file before anyone publishes them.
  for (const version of await pendingVersionsOfDrafts(
    db,
    ids.filter((id) => !documents.some((document) => document.id === id)),
  )) {
    await extractVersion(deps, version).catch((error: unknown) => failures.set(version.document_id, error));
  }
  const syncId = randomUUID();
  const records: SearchRecord[] = [];
  for (const document of toExtract) {
    const version = versions.get(document.current_version_id) as VersionRow;
    try {
      extracted.set(version.id, await extractVersion(deps, version));
    } catch (error) {
      failures.set(document.id, error);
    }
  }
  const ocrMarks = await storedOcrMarks(db, [...versions.keys()]);
  for (const document of documents) {
    if (failures.has(document.id)) continue;
    const version = versions.get(document.current_version_id) as VersionRow;
    records.push(
      ...stampedRecords(
        documentForIndex(document, version.file_type, tree, extracted.get(version.id) ?? [], ocrMarks.get(version.id)),
        version.id,
        syncId,
      ),
    );
  }
  await search.replaceDocuments(
    ids.filter((id) => !failures.has(id)),
    records,
    syncId,
  );
  return failures;
}

/** The current versions not yet read of these documents, when they are live drafts. */
async function pendingVersionsOfDrafts(db: Db, documentIds: string[]): Promise<(VersionRow & { document_id: string })[]> {
  if (documentIds.length === 0) return [];
  return (await db('documents as doc')
    .join('versions as v', 'v.id', 'doc.current_version_id')
    .whereIn('doc.id', documentIds)
    .whereNull('doc.deleted_at')
    .where({ 'doc.status': 'draft', 'v.extraction_status': 'pending' })
    .select('v.id', 'v.storage_key', 'v.file_type', 'v.size_bytes', 'v.extraction_status', 'doc.id as document_id')) as (VersionRow & {
    document_id: string;
  })[];
}
