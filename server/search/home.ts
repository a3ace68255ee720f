import type { Db } from '../db';
import type { Logger } from '../logger';
import { answerSchemes } from './answer';

/** Schemes the home shows in each list. */
const homeSize = 6;
const consultedOverDays = 30;

/** Counts an agent's opening of a document's current file (one row per document and day). */
export async function recordConsultation(deps: { db: Db; logger: Logger }, documentId: string) {
  try {
    await deps.db.raw(
      `insert into document_consultations (document_id, day, count) values (?, current_date, 1)
       on conflict (document_id, day) do update set count = document_consultations.count + 1`,
      [documentId],
    );
  } catch (error) {
    deps.logger.warn({ err: error }, 'consultation not counted');
  }
}

/** Live schemes (not archived, at least one published document) with their theme (the top folder above them). */
function liveSchemes(db: Db) {
  return db('folders as f')
    .join('documents as d', 'd.folder_id', 'f.id')
    .leftJoin('folders as theme', 'theme.id', 'f.parent_id')
    .where({ 'f.is_scheme': true, 'd.status': 'published' })
    .whereNull('f.archived_at')
    .whereNull('d.deleted_at')
    .groupBy('f.id', 'theme.id', 'theme.name', 'theme.parent_id');
}

/**
 * What the search page shows before anything is typed: the schemes agents opened most over the
 * last 30 days, and the schemes whose documents were published or updated last.
 */
export async function searchHome(db: Db) {
  const popularRows = await liveSchemes(db)
    .join('document_consultations as c', 'c.document_id', 'd.id')
    .where('c.day', '>=', db.raw(`current_date - ?::int`, [consultedOverDays]))
    .select(
      'f.id',
      'theme.id as theme_id',
      'theme.name as theme_name',
      'theme.parent_id as theme_parent_id',
      db.raw('sum(c.count)::int as consultations'),
    )
    .orderBy([{ column: 'consultations', order: 'desc' }, { column: 'f.id' }])
    .limit(homeSize);
  const latestRows = await liveSchemes(db)
    .select(
      'f.id',
      'theme.id as theme_id',
      'theme.name as theme_name',
      'theme.parent_id as theme_parent_id',
      db.raw('max(d.updated_at) as last_update'),
    )
    .orderBy([{ column: 'last_update', order: 'desc' }, { column: 'f.id' }])
    .limit(homeSize);
  type Row = { id: string; theme_id: string | null; theme_name: string | null; theme_parent_id: string | null };
  const rows = [...popularRows, ...latestRows] as Row[];
  const themes = new Map(
    rows.map((row) => [row.id, row.theme_id && row.theme_parent_id === null ? { id: row.theme_id, name: row.theme_name ?? '' } : null]),
  );
  const cards = await answerSchemes(db, [...themes.keys()], themes);
  const present = (list: Row[]) => list.map((row) => cards.get(row.id)).filter((card) => card !== undefined);
  return { popular: present(popularRows as Row[]), latest: present(latestRows as Row[]) };
}
