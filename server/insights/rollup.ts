import type { Db } from '../db';

/** The Region's calendar: a day of the insights is a day in Europe/Paris. */
export const parisDay = (column: string) => `(${column} at time zone 'Europe/Paris')::date`;
export const parisStart = (day: string) => `(${day})::timestamp at time zone 'Europe/Paris'`;

/**
 * Rolls the closed days of the search log up (per day and query; per day, query and theme; per day,
 * Maison and theme),
 * so that the insights of a year read a few hundred thousand rows, not nine million. Idempotent and
 * serialised (an advisory lock): run by the hourly job `insights.rollUp` and before each insights
 * read (then there is nothing to do but one read of the state, or one day to roll).
 * The day of a row is the day of its first search: a session refined past midnight stays in its first day.
 */
export async function rollUpSearchLog(db: Db): Promise<{ days: number }> {
  return db.transaction(async (trx) => {
    await trx.raw("select pg_advisory_xact_lock(hashtextextended('search_log_rollup', 22))");
    const today = (await trx.raw<{ rows: { today: string }[] }>(`select ${parisDay('now()')}::text as today`)).rows[0]?.today as string;
    let state = await trx('search_log_rollup').first<{ next_day: string } | undefined>(trx.raw('next_day::text as next_day'));
    if (!state) {
      const first = await trx.raw<{ rows: { day: string | null }[] }>(`select ${parisDay('min(created_at)')}::text as day from search_log`);
      const nextDay = first.rows[0]?.day ?? today;
      await trx('search_log_rollup').insert({ id: true, next_day: nextDay < today ? nextDay : today });
      state = { next_day: nextDay < today ? nextDay : today };
    }
    if (state.next_day >= today) return { days: 0 };
    const range = { from: state.next_day, to: today };
    const where = `created_at >= ${parisStart('cast(:from as date)')} and created_at < ${parisStart('cast(:to as date)')} and query <> ''`;
    await trx.raw(
      `insert into search_log_daily (day, query, theme_id, searches, unanswered, results_sum, last_searched_at)
       select ${parisDay('created_at')}, lower(query), theme_id, count(*), count(*) filter (where not is_answered), sum(result_count), max(created_at)
         from search_log where ${where} group by 1, 2, 3
       on conflict do nothing`,
      range,
    );
    await trx.raw(
      `insert into search_log_daily_queries (day, query, searches, unanswered, results_sum, last_searched_at)
       select ${parisDay('created_at')}, lower(query), count(*), count(*) filter (where not is_answered), sum(result_count), max(created_at)
         from search_log where ${where} group by 1, 2
       on conflict do nothing`,
      range,
    );
    await trx.raw(
      `insert into search_log_daily_places (day, maison_id, theme_id, searches, unanswered)
       select ${parisDay('created_at')}, maison_id, theme_id, count(*), count(*) filter (where not is_answered)
         from search_log where ${where} group by 1, 2, 3
       on conflict do nothing`,
      range,
    );
    await trx('search_log_rollup').update({ next_day: today });
    const days = await trx.raw<{ rows: { n: number }[] }>('select (?::date - ?::date) as n', [today, range.from]);
    return { days: Number(days.rows[0]?.n ?? 0) };
  });
}
