import type { Db } from '../db';
import { loadFolderTree } from '../folders/tree';
import { currentPeriod, gapsOf, periodRows } from './service';

/** The themes a directorate publishes in: the top folders above its live schemes. */
export async function themesOf(db: Db, directorateId: string): Promise<{ id: string; name: string }[]> {
  const tree = await loadFolderTree(db);
  const schemes = tree.rows.filter((row) => row.is_scheme && row.directorate_id === directorateId && row.archived_at === null);
  const themeIds = new Set(schemes.map((scheme) => tree.themeOf(scheme.id)?.id));
  // The tree's rows come in the themes' order (position, then name).
  return tree.rows.filter((row) => row.parent_id === null && themeIds.has(row.id)).map((row) => ({ id: row.id, name: row.name }));
}

/** One line of "Vos manques" and of the digest. */
export interface UnansweredQuery {
  query: string;
  /** Its searches without a confident answer in the period (0: handed over, not searched since). */
  searches: number;
  lastSearchedAt: Date | null;
  /** The theme most of those searches were made in; null when searched without a theme. */
  theme: { id: string; name: string } | null;
  /** Set when an editor or an admin handed the query to the directorate: their note, who, when. */
  assignment: { note: string | null; actedBy: string | null; actedAt: Date } | null;
}

/** Lines of "Vos manques" at most. */
const listSize = 100;

/**
 * What the directorate's page "Vos manques" and its weekly digest list: the queries agents searched
 * without finding in the directorate's themes, and the queries handed to it with a note (searched
 * in any theme, or not searched in the period at all). Queries already answered by a keyword or a
 * synonym, or handed to another directorate, are left out. The most searched first.
 */
export async function unansweredQueriesForDirectorate(
  db: Db,
  directorateId: string,
  options: { days: number },
): Promise<UnansweredQuery[]> {
  const period = await currentPeriod(db, options.days);
  const themes = await themesOf(db, directorateId);
  const lowered = (rows: { query: string }[]) => rows.map((row) => row.query.toLowerCase());
  const assigned = lowered(await db('search_gaps').where({ action: 'assigned', directorate_id: directorateId }).select('query'));
  if (themes.length === 0 && assigned.length === 0) return [];
  const handled = lowered(
    await db('search_gaps').whereNot({ action: 'assigned' }).orWhereNot({ directorate_id: directorateId }).select('query'),
  );
  const themeIds = themes.map((theme) => theme.id);
  const rows = periodRows(
    period,
    {},
    (query) => ({ sql: ` and (theme_id = any(?::uuid[]) or ${query} = any(?::text[]))`, bindings: [themeIds, assigned] }),
    { byTheme: true },
  );
  const result = await db.raw<{ rows: { query: string; searches: number; last_searched_at: Date | null; theme_id: string | null }[] }>(
    `with per_theme as (
       select query, theme_id, sum(unanswered)::int as unanswered, max(last_searched_at) as last_searched_at from (${rows.sql}) parts group by query, theme_id)
     select query, sum(unanswered)::int as searches, max(last_searched_at) as last_searched_at,
            (array_agg(theme_id order by unanswered desc, theme_id) filter (where unanswered > 0))[1] as theme_id
       from per_theme where not (query = any(?::text[]))
      group by query having sum(unanswered) > 0 order by searches desc, query limit ${listSize}`,
    [...rows.bindings, handled],
  );
  const seen = new Set(result.rows.map((row) => row.query));
  // A query handed over and not searched in the period still shows: someone asked the directorate to act.
  const quiet = assigned
    .filter((query) => !seen.has(query))
    .map((query) => ({ query, searches: 0, last_searched_at: null, theme_id: null }));
  const lines = [...result.rows, ...quiet];
  const [gaps, names] = await Promise.all([
    gapsOf(db, assigned),
    db('folders')
      .whereNull('parent_id')
      .whereIn('id', [...new Set(lines.flatMap((row) => (row.theme_id ? [row.theme_id] : [])))])
      .select('id', 'name'),
  ]);
  const themeNames = new Map(names.map((row) => [row.id as string, row.name as string]));
  return lines.map((row) => {
    const gap = gaps.get(row.query);
    return {
      query: row.query,
      searches: row.searches,
      lastSearchedAt: row.last_searched_at,
      theme: row.theme_id && themeNames.has(row.theme_id) ? { id: row.theme_id, name: themeNames.get(row.theme_id) ?? '' } : null,
      assignment: gap?.action === 'assigned' ? { note: gap.note, actedBy: gap.actedBy, actedAt: gap.actedAt } : null,
    };
  });
}
