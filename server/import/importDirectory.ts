import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { AuditContext } from '../audit/record';
import type { Db } from '../db';
import { createDocument } from '../documents/service';
import { sanitizeFilename } from '../documents/filenames';
import { storeInspected } from '../documents/inspect';
import { AppError } from '../errors';
import type { Actor } from '../policies';
import { fromServiceError } from '../serviceErrors';
import { newStorageKey, type Storage } from '../../storage';

export interface ImportOptions {
  root: string;
  /** The folder the directory's content goes under, as a path of names from the top ("Tourisme/Ec'Eau Tourisme"). */
  under: string;
  directorateCode: string;
  scope: 'internal' | 'external';
  status: 'draft' | 'published';
  isDryRun: boolean;
  maxBytes: number;
}

export interface ImportReport {
  imported: string[];
  duplicates: string[];
  rejected: { file: string; reason: string }[];
  files: number;
  bytes: number;
}

interface Listed {
  file: string;
  relative: string;
  size: number;
}

/** Regular files under `root`, symbolic links never followed (so no loop); the rest reported. */
async function listFiles(root: string, report: ImportReport): Promise<Listed[]> {
  const found: Listed[] = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      report.rejected.push({
        file: path.relative(root, dir) || '.',
        reason: `dossier illisible (${(error as NodeJS.ErrnoException).code ?? 'erreur'})`,
      });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full);
      if (entry.isSymbolicLink()) report.rejected.push({ file: relative, reason: 'lien symbolique ignoré' });
      else if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const info = await lstat(full).catch(() => undefined);
        if (info) found.push({ file: full, relative, size: info.size });
        else report.rejected.push({ file: relative, reason: 'fichier disparu pendant l’import' });
      } else report.rejected.push({ file: relative, reason: 'pas un fichier ordinaire (tube, périphérique…)' });
    }
  };
  await walk(root);
  return found;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The folder for a directory, created (with the import's directorate) when missing. */
async function folderFor(
  db: Db,
  parentId: string,
  names: string[],
  directorateId: string,
  actor: Actor,
  cache: Map<string, string>,
): Promise<string> {
  let current = parentId;
  for (const name of names) {
    const key = `${current}/${name}`;
    const known = cache.get(key);
    if (known) {
      current = known;
      continue;
    }
    const existing = await db('folders').where({ parent_id: current }).whereRaw('lower(name) = lower(?)', [name]).first('id');
    const id =
      existing?.id ??
      (
        await db('folders')
          .insert({ name: name.slice(0, 200), parent_id: current, directorate_id: directorateId, created_by: actor.id })
          .returning('id')
      )[0].id;
    cache.set(key, id as string);
    current = id as string;
  }
  return current;
}

/** The folder a `--under` path names ("Économie/Aides"), matched case-insensitively from the root. */
async function folderAtPath(db: Db, folderPath: string): Promise<{ id: string; directorate_id: string | null }> {
  let under: { id: string; directorate_id: string | null } | undefined;
  for (const name of folderPath
    .split('/')
    .map((n) => n.trim())
    .filter(Boolean)) {
    const query = db('folders').whereRaw('lower(name) = lower(?)', [name]);
    if (under) query.where('parent_id', under.id);
    else query.whereNull('parent_id');
    under = await query.first('id', 'directorate_id');
    if (!under) throw new Error(`No folder "${name}" in "${folderPath}"`);
  }
  if (!under) throw new Error('--under names no folder');
  return under;
}

/** Whether the folder already holds a live document with a version of the same bytes. */
async function isDuplicate(db: Db, folderId: string, file: string): Promise<boolean> {
  const sha256 = await sha256Of(file);
  const duplicate = await db('versions as v')
    .join('documents as d', 'd.id', 'v.document_id')
    .where({ 'd.folder_id': folderId, 'v.sha256': sha256 })
    .whereNull('d.deleted_at')
    .first('d.id');
  return Boolean(duplicate);
}

/** Stores one file and records its document, as an upload does; the stored file is removed if the record fails. */
async function importFile(
  { db, storage }: { db: Db; storage: Storage },
  actor: Actor,
  audit: AuditContext,
  item: { file: string; folderId: string; scope: ImportOptions['scope']; status: ImportOptions['status'] },
): Promise<void> {
  const storageKey = newStorageKey();
  await db('upload_intents').insert({ storage_key: storageKey });
  const inspected = await storeInspected(storage, storageKey, createReadStream(item.file));
  const originalFilename = sanitizeFilename(path.basename(item.file));
  const fields = { folderId: item.folderId, summary: '', scope: item.scope, status: item.status };
  await createDocument(db, actor, fields, { ...inspected, storageKey, originalFilename }, audit).catch(async (error: unknown) => {
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  });
}

/**
 * Mirrors a directory tree into folders and publishes every allowed file through the same
 * pipeline as the API (type detected from the bytes, size limit, audit with the importing admin).
 * A file whose bytes already sit in its folder is skipped: an interrupted import run again
 * resumes without duplicates. Problem files are reported, and the run goes on.
 */
export async function importDirectory(
  deps: { db: Db; storage: Storage },
  actor: Actor,
  audit: AuditContext,
  options: ImportOptions,
  events: { onFile?: (file: string, done: number, total: number, bytes: number) => void | Promise<void>; signal?: AbortSignal } = {},
): Promise<ImportReport> {
  const { db } = deps;
  const report: ImportReport = { imported: [], duplicates: [], rejected: [], files: 0, bytes: 0 };
  const directorate = await db('directorates').where({ code: options.directorateCode, is_active: true }).first('id');
  if (!directorate) throw new Error(`Unknown directorate ${options.directorateCode}`);

  const under = await folderAtPath(db, options.under);
  const cache = new Map<string, string>();
  // Under a theme (no directorate), the directory becomes a folder of the directorate.
  const base = under.directorate_id
    ? under.id
    : await folderFor(db, under.id, [path.basename(path.resolve(options.root))], directorate.id as string, actor, cache);

  const files = await listFiles(options.root, report);
  const total = files.length;
  for (const [index, item] of files.entries()) {
    if (events.signal?.aborted) break;
    await events.onFile?.(item.relative, index, total, report.bytes);
    report.files += 1;
    try {
      if (item.size === 0) throw new Error('fichier vide');
      if (item.size > options.maxBytes) throw new Error(`trop volumineux (plus de ${Math.round(options.maxBytes / 1024 / 1024)} Mo)`);
      const folderId = await folderFor(
        db,
        base,
        path
          .dirname(item.relative)
          .split(path.sep)
          .filter((p) => p && p !== '.'),
        directorate.id as string,
        actor,
        cache,
      );
      if (await isDuplicate(db, folderId, item.file)) {
        report.duplicates.push(item.relative);
        continue;
      }
      if (!options.isDryRun) {
        await importFile(deps, actor, audit, { file: item.file, folderId, scope: options.scope, status: options.status });
        report.bytes += item.size;
      }
      report.imported.push(item.relative);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const known = error instanceof AppError ? error : fromServiceError(error);
      const reason = known
        ? known.message
        : code === 'ENOENT'
          ? 'fichier disparu pendant l’import'
          : code === 'EACCES'
            ? 'fichier illisible (droits)'
            : (error as Error).message;
      report.rejected.push({ file: item.relative, reason });
    }
  }
  return report;
}
