import type { Knex } from 'knex';
import type { Db } from '../db';
import { parisStart, rollUpSearchLog } from './rollup';
import type { InsightsQuery } from './schema';

/** Rows of one insights list. */
const listSize = 50;

const paris = `(now() at time zone 'Europe/Paris')::date`;

/**
 * Every search of the period as rows (query, searches, unanswered, results_sum, last_searched_at):
 * closed days from the daily roll-up, the days not rolled up yet (today) from the log itself.
 * A Maison's view reads its own rows of the log (a fiftieth of it, by index).
 */
function periodRows(db: Db, filter: InsightsQuery, where: { sql: string; bindings: Knex.RawBinding[]; byTheme?: boolean }) {
  const fromDay = `${paris} - (${Number(filter.days)} - 1)`;
  const theme: { sql: string; bindings: Knex.RawBinding[] } = filter.theme ? { sql: ' and theme_id = ?', bindings: [filter.theme] } : { sql: '', bindings: [] };
  const raw = (from: string) =>
    `select lower(query) as query, theme_id, 1 as searches, (not is_answered)::int as unanswered, result_count::bigint as results_sum, created_at as last_searched_at
       from search_log where created_at >= ${parisStart(from)} and query <> ''${theme.sql}${where.sql}`;
  if (filter.maison) {
    return { sql: `${raw(fromDay)} and maison_id = ?`, bindings: [...theme.bindings, ...where.bindings, filter.maison] };
  }
  const liveDay = `greatest(${fromDay}, (select next_day from search_log_rollup))`;
  // All themes: the roll-up per query alone, a few thousand rows a day; a theme: the roll-up per theme.
  const rollup = filter.theme || where.byTheme ? 'search_log_daily' : 'search_log_daily_queries';
  const themeColumn = rollup === 'search_log_daily' ? 'theme_id' : 'null::uuid as theme_id';
  return {
    sql: `select query, ${themeColumn}, searches, unanswered, results_sum, last_searched_at from ${rollup}
           where day >= ${fromDay} and day < ${liveDay}${theme.sql}${where.sql}
          union all ${raw(liveDay)}`,
    bindings: [...theme.bindings, ...where.bindings, ...theme.bindings, ...where.bindings],
  };
}

/** Searches and unanswered ones per Maison or per theme, from the places roll-up and today's log. */
async function breakdown(db: Db, filter: InsightsQuery, by: 'maison_id' | 'theme_id') {
  const fromDay = `${paris} - (${Number(filter.days)} - 1)`;
  const liveDay = `greatest(${fromDay}, (select next_day from search_log_rollup))`;
  const other = by === 'maison_id' ? (filter.theme ? { column: 'theme_id', value: filter.theme } : null) : filter.maison ? { column: 'maison_id', value: filter.maison } : null;
  const otherSql = other ? ` and ${other.column} = ?` : '';
  const otherBindings = other ? [other.value] : [];
  const result = await db.raw<{ rows: { key: string | null; searches: number; unanswered: number }[] }>(
    `select ${by} as key, sum(searches)::int as searches, sum(unanswered)::int as unanswered from (
       select ${by}, searches, unanswered from search_log_daily_places where day >= ${fromDay} and day < ${liveDay}${otherSql}
       union all
       select ${by}, 1, (not is_answered)::int from search_log where created_at >= ${parisStart(liveDay)} and query <> ''${otherSql}
     ) parts group by ${by} order by searches desc`,
    [...otherBindings, ...otherBindings],
  );
  return result.rows;
}

/** What agents did about an unanswered query since it was noticed: the current action per query. */
export async function gapsOf(db: Db, queries: string[]) {
  if (queries.length === 0) return new Map<string, GapView>();
  const rows = await db('search_gaps as g')
    .leftJoin('directorates as d', 'd.id', 'g.directorate_id')
    .leftJoin('folders as f', 'f.id', 'g.folder_id')
    .leftJoin('users as u', 'u.id', 'g.acted_by')
    .whereRaw('lower(g.query) = any(?::text[])', [queries])
    .select('g.query', 'g.action', 'g.terms', 'g.note', 'g.acted_at', 'd.id as directorate_id', 'd.name as directorate_name', 'f.id as folder_id', 'f.name as folder_name', 'u.display_name as acted_by');
  return new Map(rows.map((row) => [String(row.query).toLowerCase(), presentGap(row)]));
}

export function presentGap(row: Record<string, unknown>) {
  return {
    action: row.action as 'keyword' | 'synonym' | 'assigned',
    directorate: row.directorate_id ? { id: row.directorate_id as string, name: row.directorate_name as string } : null,
    scheme: row.folder_id ? { id: row.folder_id as string, name: row.folder_name as string } : null,
    terms: row.terms ? (JSON.parse(row.terms as string) as string[]) : null,
    note: (row.note as string | null) || null,
    actedBy: (row.acted_by as string | null) ?? null,
    actedAt: row.acted_at as Date,
  };
}
export type GapView = ReturnType<typeof presentGap>;

/**
 * What agents look for, and what they look for without finding (only approaching results: typos,
 * or under the relevance floor), over a period, in one theme or one Maison, and how searches spread
 * over the Maisons and the themes. A session's refinements are one search (search/log.ts).
 */
export async function searchInsights(db: Db, filter: InsightsQuery) {
  await rollUpSearchLog(db);
  const rows = periodRows(db, filter, { sql: '', bindings: [] });
  // One pass over the period's rows: grouped per query once, then the two lists and the totals.
  const lists = db.raw<{ rows: { list: 'top' | 'unanswered' | 'total'; query: string | null; searches: number; unanswered: number; average_results: number | null; last_searched_at: Date | null }[] }>(
    `with per_query as materialized (
       select query, sum(searches)::int as searches, sum(unanswered)::int as unanswered, sum(results_sum) as results_sum, max(last_searched_at) as last_searched_at
         from (${rows.sql}) parts group by query)
     (select 'top' as list, query, searches, unanswered, round(results_sum::numeric / searches)::int as average_results, last_searched_at
        from per_query order by searches desc, query limit ${listSize})
     union all
     (select 'unanswered', query, unanswered, unanswered, null, last_searched_at from per_query where unanswered > 0 order by unanswered desc, query limit ${listSize})
     union all
     select 'total', null, coalesce(sum(searches), 0)::int, coalesce(sum(unanswered), 0)::int, null, null from per_query`,
    rows.bindings,
  );
  const [listed, byMaison, byTheme, maisons, themes] = await Promise.all([
    lists,
    breakdown(db, filter, 'maison_id'),
    breakdown(db, filter, 'theme_id'),
    db('maisons').select('id', 'name'),
    db('folders').whereNull('parent_id').select('id', 'name'),
  ]);
  const top = listed.rows.filter((row) => row.list === 'top');
  const unanswered = listed.rows.filter((row) => row.list === 'unanswered');
  const totals = listed.rows.find((row) => row.list === 'total');
  const maisonNames = new Map(maisons.map((m) => [m.id as string, m.name as string]));
  const themeNames = new Map(themes.map((t) => [t.id as string, t.name as string]));
  const gaps = await gapsOf(db, unanswered.map((row) => row.query ?? ''));
  return {
    days: filter.days,
    totals: { searches: totals?.searches ?? 0, unanswered: totals?.unanswered ?? 0 },
    topQueries: top.map((row) => ({ query: row.query ?? '', searches: row.searches, averageResults: row.average_results ?? 0 })),
    queriesWithoutResults: unanswered.map((row) => ({ query: row.query ?? '', searches: row.searches, lastSearchedAt: row.last_searched_at, gap: gaps.get(row.query ?? '') ?? null })),
    byMaison: byMaison.map((row) => ({ maison: row.key ? { id: row.key, name: maisonNames.get(row.key) ?? '' } : null, searches: row.searches, unanswered: row.unanswered })),
    byTheme: byTheme.map((row) => ({ theme: row.key && themeNames.has(row.key) ? { id: row.key, name: themeNames.get(row.key) ?? '' } : null, searches: row.searches, unanswered: row.unanswered })),
  };
}

/**
 * For a directorate's page "Vos manques": the queries agents searched without finding, in the
 * themes where the directorate has schemes, and those assigned to it (with the note). Queries
 * already answered by a keyword or a synonym, or assigned to another directorate, are left out.
 */
export async function unansweredQueriesForDirectorate(db: Db, directorateId: string, options: { days?: number } = {}) {
  await rollUpSearchLog(db);
  const themeIds = await db('folders as s')
    .join('folders as t', 't.id', 's.parent_id')
    .where({ 's.is_scheme': true, 's.directorate_id': directorateId })
    .whereNull('t.parent_id')
    .distinct('t.id')
    .pluck('t.id');
  const lowered = (rows: { query: string }[]) => rows.map((row) => row.query.toLowerCase());
  const assigned = lowered(await db('search_gaps').where({ action: 'assigned', directorate_id: directorateId }).select('query'));
  const handled = lowered(await db('search_gaps').whereNot({ action: 'assigned' }).orWhereNot({ directorate_id: directorateId }).select('query'));
  if (themeIds.length === 0 && assigned.length === 0) return [];
  const rows = periodRows(db, { days: options.days ?? 30 }, { sql: ' and (theme_id = any(?::uuid[]) or lower(query) = any(?::text[]))', bindings: [themeIds, assigned], byTheme: true });
  const result = await db.raw<{ rows: { query: string; searches: number; last_searched_at: Date | null }[] }>(
    `select query, sum(unanswered)::int as searches, max(last_searched_at) as last_searched_at
       from (${rows.sql}) parts group by query having sum(unanswered) > 0 and not (query = any(?::text[])) order by searches desc, query limit 100`,
    [...rows.bindings, handled],
  );
  const gaps = await gapsOf(db, [...new Set([...result.rows.map((row) => row.query), ...assigned])]);
  const seen = new Set(result.rows.map((row) => row.query));
  // An assigned query not searched in the period still shows: someone asked the directorate to act.
  const quiet = assigned.filter((query: string) => !seen.has(query)).map((query: string) => ({ query, searches: 0, last_searched_at: null }));
  return [...result.rows, ...quiet].map((row) => ({
    query: row.query,
    searches: row.searches,
    lastSearchedAt: row.last_searched_at,
    assignment: gaps.get(row.query)?.action === 'assigned' ? (gaps.get(row.query) ?? null) : null,
  }));
}
