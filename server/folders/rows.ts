import type { Db, Transaction } from '../db';
import { NotFoundError } from '../errors';
import type { FolderRow } from './presenter';

/** A folder as the app reads it: its row, its directorate, its card's verifier and review date. */
const folderColumns = [
  'f.id',
  'f.parent_id',
  'f.name',
  'f.position',
  'f.directorate_id',
  'd.code as directorate_code',
  'd.name as directorate_name',
  'f.is_scheme',
  'f.scheme_promise',
  'f.scheme_summary',
  'f.scheme_amount',
  'f.scheme_audiences',
  'f.scheme_aid_types',
  'f.scheme_keywords',
  'f.scheme_opens_on',
  'f.scheme_closes_on',
  'f.scheme_is_permanent',
  'f.referent_name',
  'f.referent_service',
  'f.referent_email',
  'f.referent_phone',
  'f.referent_public_fields',
  'f.info_url',
  'f.apply_url',
  'f.archived_at',
  'f.updated_at',
  'f.review_interval_days',
  'f.verified_at',
  'f.verified_by',
  'vb.display_name as verified_by_name',
  'f.verifier_id as named_verifier_id',
];

/**
 * The scheme's verifier: the editor the card names, or else the referent when they have an
 * editor's account in the scheme's directorate (an editor who moved away is no one's verifier).
 * Plain joins (the editors read once, matched by hash), never a subquery per folder: the whole
 * tree is read by every indexing batch.
 */
const namedVerifierJoin = `left join users nv on nv.id = f.verifier_id and nv.is_active and nv.role = 'editor' and nv.directorate_id = f.directorate_id`;
const referentVerifierJoin = `left join (
  select distinct on (lower(email), directorate_id) id, display_name, lower(email) as email_key, directorate_id
    from users where is_active and role = 'editor'
   order by lower(email), directorate_id, created_at) rv
  on f.is_scheme and f.verifier_id is null and rv.email_key = lower(f.referent_email) and rv.directorate_id = f.directorate_id`;

/** The day the card is due for its next verification, on the Region's calendar. */
export const reviewDueOnSql = `to_char((f.verified_at at time zone 'Europe/Paris')::date + f.review_interval_days, 'YYYY-MM-DD')`;

function foldersQuery(db: Db | Transaction) {
  return db('folders as f')
    .leftJoin('directorates as d', 'd.id', 'f.directorate_id')
    .leftJoin('users as vb', 'vb.id', 'f.verified_by')
    .joinRaw(namedVerifierJoin)
    .joinRaw(referentVerifierJoin)
    .select([
      ...folderColumns,
      db.raw('coalesce(nv.id, rv.id) as verifier_id'),
      db.raw('coalesce(nv.display_name, rv.display_name) as verifier_name'),
      db.raw(`${reviewDueOnSql} as review_due_on`),
    ]);
}

export async function listFolders(db: Db): Promise<FolderRow[]> {
  return (await foldersQuery(db).orderBy([{ column: 'f.position' }, { column: 'f.name' }])) as FolderRow[];
}

export async function findFoldersByIds(db: Db | Transaction, ids: string[]): Promise<FolderRow[]> {
  return (await foldersQuery(db).whereIn('f.id', ids)) as FolderRow[];
}

export async function findFolder(db: Db | Transaction, id: string): Promise<FolderRow> {
  const row = (await foldersQuery(db).where('f.id', id).first()) as FolderRow | undefined;
  if (!row) throw new NotFoundError('Ce dossier est introuvable.');
  return row;
}
