import { Readable } from 'node:stream';
import { recordAudit, type AuditContext } from '../../audit/record';
import type { Db } from '../../db';
import { storeInspected } from '../../documents/inspect';
import { createDocument } from '../../documents/service';
import type { StoredUpload } from '../../documents/uploadEngine';
import { createFolder } from '../../folders/service';
import { schemeCardSchema } from '../../folders/schema';
import type { Actor } from '../../policies';
import { enqueueSettings } from '../../search/enqueue';
import { newStorageKey, type Storage } from '../../../storage';
import { devIssuer } from '../index';
import { demoCatalogue } from './catalogue';
import type { DemoCatalogue, DemoDocument, DemoPlace, DirectorateCode } from './types';
import { makeFile } from './files';

export interface DemoLoadReport {
  schemes: number;
  folders: number;
  documents: number;
  pages: number;
  byFormat: Record<string, number>;
}

interface Editor {
  actor: Actor;
  audit: AuditContext;
}

/** Each directorate's demo editor (made by the seed), who creates its schemes and uploads their documents. */
async function demoEditors(db: Db): Promise<Map<string, Editor>> {
  const rows = (await db('users as u')
    .join('directorates as d', 'd.id', 'u.directorate_id')
    .where({ 'u.idp_issuer': devIssuer, 'u.role': 'editor', 'u.is_active': true })
    .orderBy('u.email')
    .select('u.id', 'u.email', 'u.display_name', 'u.directorate_id', 'd.code')) as {
    id: string;
    email: string;
    display_name: string;
    directorate_id: string;
    code: string;
  }[];
  const editors = new Map<string, Editor>();
  for (const row of rows) {
    if (editors.has(row.code)) continue;
    editors.set(row.code, {
      actor: { id: row.id, role: 'editor', directorateId: row.directorate_id, maisonId: null },
      audit: { actorId: row.id, actorLabel: `${row.display_name} <${row.email}>`, userAgent: 'catalogue de démonstration' },
    });
  }
  return editors;
}

function editorOf(editors: Map<string, Editor>, code: DirectorateCode): Editor {
  const editor = editors.get(code);
  if (!editor) throw new Error(`No demo editor for the directorate ${code}: run the seed (npm run seed) before the demo catalogue`);
  return editor;
}

async function childFolder(db: Db, parentId: string, name: string): Promise<{ id: string } | undefined> {
  return db('folders').where({ parent_id: parentId }).whereRaw('lower(name) = lower(?)', [name]).first('id');
}

/**
 * A directorate's own folder under a theme, for documents outside any scheme. The folders domain
 * makes only schemes under a theme; like the import (server/import), this one is made directly,
 * owned by the directorate, and audited.
 */
async function directorateFolder(db: Db, editor: Editor, themeId: string, name: string): Promise<{ id: string; isNew: boolean }> {
  const existing = await childFolder(db, themeId, name);
  if (existing) return { id: existing.id, isNew: false };
  return db.transaction(async (trx) => {
    const [row] = (await trx('folders')
      .insert({ name, parent_id: themeId, directorate_id: editor.actor.directorateId, created_by: editor.actor.id })
      .returning('id')) as { id: string }[];
    const id = (row as { id: string }).id;
    await recordAudit(trx, editor.audit, {
      action: 'folder.created',
      objectType: 'folder',
      objectId: id,
      changes: { name: { before: null, after: name }, parentId: { before: null, after: themeId } },
    });
    return { id, isNew: true };
  });
}

/** Stores the file as the upload API does (storage driver, SHA-256, type from the bytes), then records the document. */
async function uploadDocument(
  deps: { db: Db; storage: Storage },
  editor: Editor,
  folderId: string,
  document: DemoDocument,
  header: string,
) {
  const body = await makeFile(document.format, document.pages, { title: document.title, header }, document.scannedPages);
  const storageKey = newStorageKey();
  await deps.db('upload_intents').insert({ storage_key: storageKey });
  try {
    const inspected = await storeInspected(deps.storage, storageKey, Readable.from([body]));
    const upload: StoredUpload = { ...inspected, storageKey, originalFilename: document.filename };
    await createDocument(
      deps.db,
      editor.actor,
      {
        folderId,
        title: document.title,
        summary: document.summary,
        docType: document.docType,
        scope: document.scope,
        status: document.status,
      },
      upload,
      editor.audit,
    );
  } catch (error) {
    await deps.storage.delete(storageKey).catch(() => undefined);
    await deps.db('upload_intents').where({ storage_key: storageKey }).delete();
    throw error;
  }
}

/** What the loader needs of the seed: its demo editors, themes and directorates. */
async function seededPlaces(db: Db) {
  const editors = await demoEditors(db);
  const themeIds = new Map(
    ((await db('folders').whereNull('parent_id').select('id', 'name')) as { id: string; name: string }[]).map((row) => [row.name, row.id]),
  );
  const directorates = new Map(
    ((await db('directorates').select('id', 'code', 'name')) as { id: string; code: string; name: string }[]).map((row) => [row.code, row]),
  );
  const themeId = (name: string) => {
    const id = themeIds.get(name);
    if (!id) throw new Error(`No theme "${name}": run the seed (npm run seed) before the demo catalogue`);
    return id;
  };
  return { editor: (code: DirectorateCode) => editorOf(editors, code), themeId, directorates };
}

type Seeded = Awaited<ReturnType<typeof seededPlaces>>;

/** Creates the schemes that are missing; returns every scheme's folder by name. */
async function loadSchemes(
  db: Db,
  seeded: Seeded,
  catalogue: DemoCatalogue,
  beforeFirstWrite: () => Promise<void>,
  report: DemoLoadReport,
) {
  const schemeFolders = new Map<string, { id: string; directorate: DirectorateCode }>();
  for (const scheme of catalogue.schemes) {
    const parentId = seeded.themeId(scheme.theme);
    const existing = await childFolder(db, parentId, scheme.name);
    if (existing) {
      schemeFolders.set(scheme.name, { id: existing.id, directorate: scheme.directorate });
      continue;
    }
    await beforeFirstWrite();
    const editor = seeded.editor(scheme.directorate);
    const card = schemeCardSchema.parse({ ...scheme.card, directorateId: seeded.directorates.get(scheme.directorate)?.id });
    const folder = await createFolder(db, editor.actor, { name: scheme.name, parentId, scheme: card }, editor.audit);
    schemeFolders.set(scheme.name, { id: folder.id, directorate: scheme.directorate });
    report.schemes += 1;
  }
  return schemeFolders;
}

/**
 * Loads the demo catalogue through the domain: schemes made by createFolder as their directorate's
 * demo editor, documents stored and recorded like uploads (their extraction and indexing jobs
 * enqueued with them, audited). Idempotent: a scheme, folder or document already there (same name
 * in the same place) is left as it is, so a second call adds nothing. Needs the seed's themes,
 * directorates and demo editors.
 */
export async function loadDemoCatalogue(
  deps: { db: Db; storage: Storage },
  catalogue: DemoCatalogue = demoCatalogue(),
): Promise<DemoLoadReport> {
  const { db } = deps;
  const report: DemoLoadReport = { schemes: 0, folders: 0, documents: 0, pages: 0, byFormat: {} };
  const seeded = await seededPlaces(db);

  // On a new install the search index does not exist yet: its settings job (which creates it with
  // its primary key) goes into the queue before the catalogue's documents, so the worker takes it first.
  let isIndexQueued = false;
  const beforeFirstWrite = async () => {
    if (isIndexQueued) return;
    isIndexQueued = true;
    await enqueueSettings(db);
  };

  const schemeFolders = await loadSchemes(db, seeded, catalogue, beforeFirstWrite, report);
  const placeOf = async (place: DemoPlace) => {
    if ('scheme' in place) {
      const folder = schemeFolders.get(place.scheme);
      if (!folder) throw new Error(`The demo document's scheme "${place.scheme}" is not in the catalogue`);
      return folder;
    }
    const folder = await directorateFolder(db, seeded.editor(place.directorate), seeded.themeId(place.theme), place.folder);
    if (folder.isNew) report.folders += 1;
    return { id: folder.id, directorate: place.directorate };
  };

  for (const document of catalogue.documents) {
    const folder = await placeOf(document.place);
    const isThere = await db('documents').where({ folder_id: folder.id, title: document.title }).whereNull('deleted_at').first('id');
    if (isThere) continue;
    await beforeFirstWrite();
    const header = `Région — ${seeded.directorates.get(folder.directorate)?.name ?? folder.directorate}`;
    await uploadDocument(deps, seeded.editor(folder.directorate), folder.id, document, header);
    report.documents += 1;
    report.pages += document.pages.length;
    report.byFormat[document.format] = (report.byFormat[document.format] ?? 0) + 1;
  }
  return report;
}
