import type { Knex } from 'knex';
import type { Db } from '../db';
import { liveRows, periodOf, rolledUpRows, type Period } from './period';
import { rollUpSearchLog, rollups } from './rollup';
import type { InsightsQuery } from './schema';

/** Rows of one insights list. */
const listSize = 50;

type Where = { sql: string; bindings: Knex.RawBinding[] };
const noCondition: Where = { sql: '', bindings: [] };

/**
 * Every search of the period as rows (query, theme_id, searches, unanswered, results_sum,
 * last_searched_at): closed days from the roll-ups (whole months, whole weeks, days), the days not
 * rolled up yet (today) from the log itself. A Maison's view reads its own roll-up (per Maison,
 * query and theme). `match` is a condition on the query (its SQL given) and theme_id.
 */
export function periodRows(
  period: Period,
  filter: { theme?: string; maison?: string },
  match: (query: string) => Where = () => noCondition,
  options: { byTheme?: boolean } = {},
) {
  const theme: Where = filter.theme ? { sql: ' and theme_id = ?', bindings: [filter.theme] } : noCondition;
  const raw = (condition: Where) => {
    const where = match('lower(query)');
    return {
      sql: `select lower(query) as query, theme_id, 1 as searches, (not is_answered)::int as unanswered, result_count::bigint as results_sum, created_at as last_searched_at
              from search_log where ${condition.sql}${theme.sql}${where.sql}`,
      bindings: [...condition.bindings, ...theme.bindings, ...where.bindings],
    };
  };
  // A Maison: its own roll-up (per Maison, query and theme); all themes: the roll-up per query alone,
  // a few thousand rows a day; a theme: the roll-up per theme.
  const maison: Where = filter.maison ? { sql: ' and maison_id = ?', bindings: [filter.maison] } : noCondition;
  const perTheme = Boolean(filter.maison || filter.theme || options.byTheme);
  const rollup = filter.maison ? rollups.maisons : perTheme ? rollups.themes : rollups.queries;
  const where = match('query');
  const rolled = rolledUpRows(
    rollup,
    period,
    `query, ${perTheme ? 'theme_id' : 'null::uuid as theme_id'}, searches, unanswered, results_sum, last_searched_at`,
    {
      sql: `${maison.sql}${theme.sql}${where.sql}`,
      bindings: [...maison.bindings, ...theme.bindings, ...where.bindings],
    },
  );
  const today = liveRows(period);
  const live = raw({ sql: `${today.sql}${maison.sql}`, bindings: [...today.bindings, ...maison.bindings] });
  return { sql: `${rolled.sql}\n union all ${live.sql}`, bindings: [...rolled.bindings, ...live.bindings] };
}

/**
 * Searches and unanswered ones per Maison (in the theme asked) and per theme (in the Maison asked),
 * from the places roll-up and today's log, read once for both.
 */
async function breakdowns(db: Db, period: Period, filter: InsightsQuery) {
  const rolled = rolledUpRows(rollups.places, period, 'maison_id, theme_id, searches, unanswered', noCondition);
  const live = liveRows(period);
  const ofSet = (aggregate: string) =>
    `(case when grouping(maison_id) = 0 then ${aggregate} filter (where p.theme is null or theme_id = p.theme) else ${aggregate} filter (where p.maison is null or maison_id = p.maison) end)`;
  const result = await db.raw<{ rows: { is_theme: boolean; key: string | null; searches: number; unanswered: number }[] }>(
    `with p as (select ?::uuid as theme, ?::uuid as maison)
     select grouping(maison_id) = 1 as is_theme, case when grouping(maison_id) = 0 then maison_id else theme_id end as key,
            ${ofSet('sum(searches)')}::int as searches, ${ofSet('sum(unanswered)')}::int as unanswered
       from (
         ${rolled.sql}
         union all
         select maison_id, theme_id, 1, (not is_answered)::int from search_log where ${live.sql}
       ) parts cross join p
      group by grouping sets ((maison_id), (theme_id))
     having ${ofSet('count(*)')} > 0
      order by searches desc, key`,
    [filter.theme ?? null, filter.maison ?? null, ...rolled.bindings, ...live.bindings],
  );
  return { byMaison: result.rows.filter((row) => !row.is_theme), byTheme: result.rows.filter((row) => row.is_theme) };
}

/** Rolls the closed days up, then gives the period of the last `days` days. */
export async function currentPeriod(db: Db, days: number): Promise<Period> {
  const { today } = await rollUpSearchLog(db);
  return periodOf(today, days);
}

/** What agents did about an unanswered query since it was noticed: the current action per query. */
export async function gapsOf(db: Db, queries: string[]) {
  if (queries.length === 0) return new Map<string, GapView>();
  const rows = await db('search_gaps as g')
    .leftJoin('directorates as d', 'd.id', 'g.directorate_id')
    .leftJoin('folders as f', 'f.id', 'g.folder_id')
    .leftJoin('users as u', 'u.id', 'g.acted_by')
    .whereRaw('lower(g.query) = any(?::text[])', [queries])
    .select(
      'g.query',
      'g.action',
      'g.terms',
      'g.note',
      'g.acted_at',
      'd.id as directorate_id',
      'd.name as directorate_name',
      'f.id as folder_id',
      'f.name as folder_name',
      'u.display_name as acted_by',
    );
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
  const period = await currentPeriod(db, filter.days);
  const rows = periodRows(period, filter);
  // One pass over the period's rows: grouped per query once, then the two lists and the totals.
  const lists = db.raw<{
    rows: {
      list: 'top' | 'unanswered' | 'total';
      query: string | null;
      searches: number;
      unanswered: number;
      average_results: number | null;
      last_searched_at: Date | null;
    }[];
  }>(
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
  const [listed, { byMaison, byTheme }, maisons, themes] = await Promise.all([
    lists,
    breakdowns(db, period, filter),
    db('maisons').select('id', 'name'),
    db('folders').whereNull('parent_id').select('id', 'name'),
  ]);
  const top = listed.rows.filter((row) => row.list === 'top');
  const unanswered = listed.rows.filter((row) => row.list === 'unanswered');
  const totals = listed.rows.find((row) => row.list === 'total');
  const maisonNames = new Map(maisons.map((m) => [m.id as string, m.name as string]));
  const themeNames = new Map(themes.map((t) => [t.id as string, t.name as string]));
  const gaps = await gapsOf(
    db,
    unanswered.map((row) => row.query ?? ''),
  );
  return {
    days: filter.days,
    totals: { searches: totals?.searches ?? 0, unanswered: totals?.unanswered ?? 0 },
    topQueries: top.map((row) => ({ query: row.query ?? '', searches: row.searches, averageResults: row.average_results ?? 0 })),
    queriesWithoutResults: unanswered.map((row) => ({
      query: row.query ?? '',
      searches: row.searches,
      lastSearchedAt: row.last_searched_at,
      gap: gaps.get(row.query ?? '') ?? null,
    })),
    byMaison: byMaison.map((row) => ({
      maison: row.key ? { id: row.key, name: maisonNames.get(row.key) ?? '' } : null,
      searches: row.searches,
      unanswered: row.unanswered,
    })),
    byTheme: byTheme.map((row) => ({
      theme: row.key && themeNames.has(row.key) ? { id: row.key, name: themeNames.get(row.key) ?? '' } : null,
      searches: row.searches,
      unanswered: row.unanswered,
    })),
  };
}
