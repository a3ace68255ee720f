import type { Db, Transaction } from '../db';

/** The Region's calendar: a day of the insights is a day in Europe/Paris. */
export const parisDay = (column: string) => `(${column} at time zone 'Europe/Paris')::date`;
export const parisStart = (day: string) => `(${day})::timestamp at time zone 'Europe/Paris'`;

/**
 * The four roll-ups of the search log, each per day (`search_log_daily*`, column `day`) and the same
 * summed per closed week, Monday to Sunday (`search_log_weekly*`), and per closed month
 * (`search_log_monthly*`, column `start`): per query and theme, per query alone (what the insights of
 * all themes read: a theme multiplies the rows), per Maison and theme (the breakdowns), per Maison,
 * query and theme (a Maison's own view, in one theme or all).
 */
export const rollups = {
  themes: { daily: 'search_log_daily', keys: { query: 'lower(query)', theme_id: 'theme_id' }, hasResults: true },
  queries: { daily: 'search_log_daily_queries', keys: { query: 'lower(query)' }, hasResults: true },
  places: { daily: 'search_log_daily_places', keys: { maison_id: 'maison_id', theme_id: 'theme_id' }, hasResults: false },
  maisons: {
    daily: 'search_log_daily_maisons',
    keys: { maison_id: 'maison_id', query: 'lower(query)', theme_id: 'theme_id' },
    hasResults: true,
  },
} as const;
export type Rollup = (typeof rollups)[keyof typeof rollups];

export type Span = 'day' | 'week' | 'month';
const spanLength = { week: '1 week', month: '1 month' } as const;

/** The table of a roll-up for a span, and its column of the first day. */
export function rollupTable(rollup: Rollup, span: Span): { table: string; dayColumn: string } {
  if (span === 'day') return { table: rollup.daily, dayColumn: 'day' };
  return { table: rollup.daily.replace('_daily', span === 'week' ? '_weekly' : '_monthly'), dayColumn: 'start' };
}

const sums = (rollup: Rollup) =>
  rollup.hasResults ? ['searches', 'unanswered', 'results_sum', 'last_searched_at'] : ['searches', 'unanswered'];

/** Rolls one day up again from the log (its rows replaced). */
async function rollDay(trx: Transaction, day: string) {
  for (const rollup of Object.values(rollups)) {
    const keys = Object.keys(rollup.keys).join(', ');
    const values = Object.values(rollup.keys).join(', ');
    const aggregates = [
      'count(*)',
      'count(*) filter (where not is_answered)',
      ...(rollup.hasResults ? ['sum(result_count)', 'max(created_at)'] : []),
    ];
    await trx(rollup.daily).where({ day }).delete();
    await trx.raw(
      `insert into ${rollup.daily} (day, ${keys}, ${sums(rollup).join(', ')})
       select cast(:day as date), ${values}, ${aggregates.join(', ')}
         from search_log where created_at >= ${parisStart('cast(:day as date)')} and created_at < ${parisStart('cast(:day as date) + 1')} and query <> ''
        group by ${values}`,
      { day },
    );
  }
}

/** Sums one closed week or month again from the daily roll-ups (its rows replaced). */
async function rollSpan(trx: Transaction, span: 'week' | 'month', start: string) {
  for (const rollup of Object.values(rollups)) {
    const { table } = rollupTable(rollup, span);
    const keys = Object.keys(rollup.keys).join(', ');
    const aggregates = sums(rollup).map((column) => (column === 'last_searched_at' ? `max(${column})` : `sum(${column})`));
    await trx(table).where({ start }).delete();
    await trx.raw(
      `insert into ${table} (start, ${keys}, ${sums(rollup).join(', ')})
       select cast(:start as date), ${keys}, ${aggregates.join(', ')}
         from ${rollup.daily} where day >= cast(:start as date) and day < cast(:start as date) + interval '${spanLength[span]}'
        group by ${keys}`,
      { start },
    );
  }
}

/** How long a log write may take to commit after the time it carries: its day is looked at again until then. */
const lateWriteMargin = "interval '5 minutes'";

/**
 * Rolls the closed days of the search log up, then the weeks and months they close, so that the
 * insights of a year read a few thousand rows per month, not nine million. Days already rolled up
 * whose log rows were written since the last roll-up (a session refined past midnight, a late write)
 * are rolled again, and their weeks and months summed again: a roll-up always equals the log.
 * Idempotent and serialised (an advisory lock): run by the hourly job `insights.rollUp` and before
 * each insights read (then there is nothing to do but two reads of the state, or one day to roll).
 * The day of a row is the day of its first search: a session refined past midnight stays in its
 * first day. Gives today (Europe/Paris, YYYY-MM-DD): the first day read from the log itself.
 */
export async function rollUpSearchLog(db: Db): Promise<{ days: number; today: string }> {
  return db.transaction(async (trx) => {
    await trx.raw("select pg_advisory_xact_lock(hashtextextended('search_log_rollup', 22))");
    const now = (
      await trx.raw<{ rows: { today: string; since: Date; rolled_id: string }[] }>(
        `select ${parisDay('now()')}::text as today, now() - ${lateWriteMargin} as since,
                (select coalesce(max(id), 0) from search_log) as rolled_id`,
      )
    ).rows[0] as { today: string; since: Date; rolled_id: string };
    const today = now.today;
    const watermark = { written_since: now.since, rolled_id: now.rolled_id };
    let state = await trx('search_log_rollup').first<{ next_day: string; written_since: Date; rolled_id: string } | undefined>(
      trx.raw('next_day::text as next_day'),
      'written_since',
      'rolled_id',
    );
    if (!state) {
      const first = await trx.raw<{ rows: { day: string | null }[] }>(`select ${parisDay('min(created_at)')}::text as day from search_log`);
      const firstDay = first.rows[0]?.day ?? today;
      state = { next_day: firstDay < today ? firstDay : today, ...watermark };
      await trx('search_log_rollup').insert({ id: true, ...state });
    }
    // Rows of days already rolled up, written since the last roll-up: updated or inserted (a write
    // still uncommitted at the last roll-up carries a time within the margin; a time ahead of the
    // clock by more is not a write), or inserted late.
    const late = await trx.raw<{ rows: { day: string }[] }>(
      `select distinct ${parisDay('created_at')}::text as day from search_log
        where (coalesce(updated_at, created_at) between ? and now() + ${lateWriteMargin} or id > ?) and created_at < ${parisStart('?::date')}`,
      [state.written_since, state.rolled_id, state.next_day],
    );
    const days = new Set(late.rows.map((row) => row.day));
    for (let day = state.next_day; day < today; day = nextDay(day)) days.add(day);
    const ordered = [...days].sort();
    for (const day of ordered) await rollDay(trx, day);
    for (const span of ['week', 'month'] as const) {
      const closed = await trx.raw<{ rows: { start: string }[] }>(
        `select distinct date_trunc('${span}', d)::date::text as start from unnest(?::date[]) d
          where date_trunc('${span}', d) + interval '${spanLength[span]}' <= ?::date order by 1`,
        [ordered, today],
      );
      for (const { start } of closed.rows) await rollSpan(trx, span, start);
    }
    await trx('search_log_rollup').update({ next_day: today, ...watermark });
    return { days: ordered.length, today };
  });
}

/** The day after a day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
