import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../server/db';
import { newStorageKey, type Storage } from '../storage';

/**
 * Rows for tests, each creating whatever parents it needs. Pass fields to override the defaults.
 * They write straight to the database: use them to arrange a test, never to prove a behaviour.
 */

const unique = () => randomUUID().slice(0, 8).toUpperCase();

export async function buildDirectorate(db: Db, fields: Partial<{ code: string; name: string; is_active: boolean }> = {}) {
  const code = fields.code ?? `D${unique()}`;
  const [row] = await db('directorates')
    .insert({ code, name: `Direction ${code}`, ...fields })
    .returning('*');
  return row as { id: string; code: string; name: string };
}

export async function buildMaison(db: Db, fields: Partial<{ code: string; name: string; city: string }> = {}) {
  const code = fields.code ?? `MR-${unique()}`;
  const [row] = await db('maisons')
    .insert({ code, name: `Maison de Région ${code}`, city: 'Ville', ...fields })
    .returning('*');
  return row as { id: string; code: string; name: string };
}

type Role = 'agent' | 'editor' | 'admin';

export async function buildUser(
  db: Db,
  fields: Partial<{
    role: Role;
    email: string;
    display_name: string;
    directorate_id: string | null;
    maison_id: string | null;
    idp_issuer: string;
    name_id: string;
    is_active: boolean;
  }> = {},
) {
  const role = fields.role ?? 'agent';
  const email = fields.email ?? `user.${unique().toLowerCase()}@region.example`;
  const directorate_id =
    fields.directorate_id !== undefined ? fields.directorate_id : role === 'editor' ? (await buildDirectorate(db)).id : null;
  const maison_id = fields.maison_id !== undefined ? fields.maison_id : role === 'agent' ? (await buildMaison(db)).id : null;
  const [row] = await db('users')
    .insert({
      idp_issuer: 'test',
      name_id: email,
      email,
      display_name: `Utilisateur ${email}`,
      role_source: 'test',
      ...fields,
      role,
      directorate_id,
      maison_id,
    })
    .returning('*');
  return row as { id: string; email: string; role: Role; directorate_id: string | null; maison_id: string | null };
}

export async function buildFolder(
  db: Db,
  fields: Partial<{
    name: string;
    parent_id: string | null;
    directorate_id: string | null;
    is_scheme: boolean;
    scheme_summary: string;
  }> = {},
) {
  const [row] = await db('folders')
    .insert({ name: `Dossier ${unique()}`, ...fields })
    .returning('*');
  return row as { id: string; name: string; parent_id: string | null; directorate_id: string | null };
}

/** A folder with a scheme card, under a new theme unless a parent is given. */
export async function buildScheme(
  db: Db,
  fields: Partial<{ name: string; parent_id: string; directorate_id: string; scheme_summary: string }> = {},
) {
  const parent_id = fields.parent_id ?? (await buildFolder(db)).id;
  const directorate_id = fields.directorate_id ?? (await buildDirectorate(db)).id;
  return buildFolder(db, { scheme_summary: 'Un dispositif de la Région.', ...fields, parent_id, directorate_id, is_scheme: true });
}

type Scope = 'internal' | 'external';
type Status = 'draft' | 'published' | 'archived';

export async function buildDocument(
  db: Db,
  fields: Partial<{
    title: string;
    folder_id: string;
    directorate_id: string;
    owner_id: string;
    scope: Scope;
    status: Status;
    doc_type: string;
    summary: string;
  }> = {},
) {
  const folder = fields.folder_id
    ? { id: fields.folder_id }
    : await buildScheme(db, fields.directorate_id ? { directorate_id: fields.directorate_id } : {});
  const directorate_id =
    fields.directorate_id ??
    (await db('folders').where({ id: folder.id }).first('directorate_id')).directorate_id ??
    (await buildDirectorate(db)).id;
  const owner_id = fields.owner_id ?? (await buildUser(db, { role: 'editor', directorate_id })).id;
  const [row] = await db('documents')
    .insert({
      title: `Document ${unique()}`,
      doc_type: 'fiche_synthese',
      scope: 'internal',
      status: 'published',
      ...fields,
      folder_id: folder.id,
      directorate_id,
      owner_id,
    })
    .returning('*');
  return row as { id: string; title: string; folder_id: string; directorate_id: string; owner_id: string; scope: Scope; status: Status };
}

/** A stored file and its version row, made the document's current version. */
export async function buildVersion(
  db: Db,
  storage: Storage,
  fields: { document_id?: string; content?: Buffer; original_filename?: string; file_type?: string; mime_type?: string } = {},
) {
  const document_id = fields.document_id ?? (await buildDocument(db)).id;
  const content = fields.content ?? Buffer.from(`Contenu de test ${unique()}\n`, 'utf8');
  const storage_key = newStorageKey();
  await storage.put(storage_key, Readable.from([content]));
  const last = await db('versions').where({ document_id }).max<{ max: number | null }>('number as max').first();
  const [row] = await db('versions')
    .insert({
      document_id,
      number: (last?.max ?? 0) + 1,
      storage_key,
      original_filename: fields.original_filename ?? 'document.txt',
      file_type: fields.file_type ?? 'txt',
      mime_type: fields.mime_type ?? 'text/plain',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    })
    .returning('*');
  await db('documents').where({ id: document_id }).update({ current_version_id: row.id });
  return row as { id: string; document_id: string; number: number; storage_key: string };
}
