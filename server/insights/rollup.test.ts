import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildFolder, buildMaison } from '../../tests/factories';
import { migrateLatest } from '../db';
import { segmentsOf } from './period';
import { parisStart, rollUpSearchLog } from './rollup';
import type { InsightsQuery } from './schema';
import { searchInsights } from './service';

/**
 * The insights read from the roll-ups (whole months, whole weeks, days, and today's log) give the
 * answer computed from the raw log, over periods spanning whole and partial months; and they still do
 * after late writes and after a roll-up made again from scratch.
 */
describe('insights roll-ups: the same answer as the raw log', () => {
  let ctx: TestContext;
  let themes: string[];
  let maisons: string[];
  let today: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    themes = [(await buildFolder(ctx.db, { name: 'Tourisme' })).id, (await buildFolder(ctx.db, { name: 'Sport' })).id];
    maisons = [(await buildMaison(ctx.db)).id, (await buildMaison(ctx.db)).id];
    today = (await ctx.db.raw<{ rows: { d: string }[] }>(`select ((now() at time zone 'Europe/Paris')::date)::text as d`)).rows[0]
      ?.d as string;
    // 130 days of searches, 7 a day: queries of a small vocabulary (some in capitals), a third
    // unanswered, two Maisons and two themes or none, at hours spread over the day (Paris time).
    await ctx.db.raw(
      `insert into search_log (query, result_count, is_answered, role, maison_id, theme_id, created_at)
       select (array['camping', 'Camping', 'gîte rural', 'vélo', 'bourse étudiant', 'permis', 'zorglub', 'glamping', ''])[1 + (d * 7 + k * 3) % 9],
              (d + k) % 5, (d + k) % 3 <> 0, 'agent', (?::uuid[])[1 + (d + k) % 2],
              case (d * 2 + k) % 3 when 0 then null else (?::uuid[])[(d * 2 + k) % 3] end,
              ${parisStart('?::date - d')} + make_interval(hours => (d * 5 + k * 3) % 24, mins => k * 7)
         from generate_series(0, 129) d cross join generate_series(1, 7) k`,
      [maisons, themes, today],
    );
  });
  afterAll(() => ctx.close());

  /** The answer computed from the raw log alone. */
  async function fromTheLog(filter: InsightsQuery) {
    const conditions = [`created_at >= ${parisStart('?::date - ?::int + 1')}`, "query <> ''"];
    const bindings: (string | number)[] = [today, filter.days];
    const only = (column: string, value: string | undefined) => {
      if (!value) return '';
      bindings.push(value);
      return ` and ${column} = ?`;
    };
    const where = `${conditions.join(' and ')}${only('theme_id', filter.theme)}${only('maison_id', filter.maison)}`;
    const perQuery = (order: string) =>
      ctx.db.raw<{ rows: { query: string; searches: number; unanswered: number; average: number; last: Date }[] }>(
        `select lower(query) as query, count(*)::int as searches, count(*) filter (where not is_answered)::int as unanswered,
                round(sum(result_count)::numeric / count(*))::int as average, max(created_at) as last
           from search_log where ${where} group by 1 order by ${order}, 1`,
        bindings,
      );
    const rows = (await perQuery('searches desc')).rows;
    const per = async (column: 'maison_id' | 'theme_id', other: { column: string; value?: string }) => {
      const params: (string | number)[] = [today, filter.days, ...(other.value ? [other.value] : [])];
      const result = await ctx.db.raw<{ rows: { key: string | null; searches: number; unanswered: number }[] }>(
        `select ${column} as key, count(*)::int as searches, count(*) filter (where not is_answered)::int as unanswered
           from search_log where ${conditions.join(' and ')}${other.value ? ` and ${other.column} = ?` : ''} group by 1`,
        params,
      );
      return result.rows.map((row) => ({ key: row.key, searches: row.searches, unanswered: row.unanswered })).sort(byKey);
    };
    return {
      totals: { searches: rows.reduce((n, row) => n + row.searches, 0), unanswered: rows.reduce((n, row) => n + row.unanswered, 0) },
      topQueries: rows.map((row) => ({ query: row.query, searches: row.searches, averageResults: row.average })),
      queriesWithoutResults: (await perQuery('unanswered desc')).rows
        .filter((row) => row.unanswered > 0)
        .map((row) => ({ query: row.query, searches: row.unanswered, lastSearchedAt: row.last })),
      byMaison: await per('maison_id', { column: 'theme_id', value: filter.theme }),
      byTheme: await per('theme_id', { column: 'maison_id', value: filter.maison }),
    };
  }

  const byKey = (a: { key: string | null }, b: { key: string | null }) => String(a.key).localeCompare(String(b.key));

  /** The insights' answer, in the raw computation's terms. */
  async function fromTheRollUps(filter: InsightsQuery) {
    const answer = await searchInsights(ctx.db, filter);
    return {
      totals: answer.totals,
      topQueries: answer.topQueries,
      queriesWithoutResults: answer.queriesWithoutResults.map(({ query, searches, lastSearchedAt }) => ({
        query,
        searches,
        lastSearchedAt,
      })),
      byMaison: answer.byMaison
        .map((row) => ({ key: row.maison?.id ?? null, searches: row.searches, unanswered: row.unanswered }))
        .sort(byKey),
      byTheme: answer.byTheme
        .map((row) => ({ key: row.theme?.id ?? null, searches: row.searches, unanswered: row.unanswered }))
        .sort(byKey),
    };
  }

  const periods: InsightsQuery[] = [{ days: 1 }, { days: 9 }, { days: 40 }, { days: 100 }, { days: 130 }];

  it('reads whole months, then whole weeks, then days', () => {
    expect(segmentsOf({ from: '2026-08-29', today: '2026-12-06' })).toEqual([
      { span: 'day', from: '2026-08-29', to: '2026-09-01' },
      { span: 'month', from: '2026-09-01', to: '2026-12-01' },
      { span: 'day', from: '2026-12-01', to: '2026-12-06' },
    ]);
    // Tuesday 3 November to Sunday 6 December: no whole month, three whole weeks.
    expect(segmentsOf({ from: '2026-11-03', today: '2026-12-06' })).toEqual([
      { span: 'day', from: '2026-11-03', to: '2026-11-09' },
      { span: 'week', from: '2026-11-09', to: '2026-11-30' },
      { span: 'day', from: '2026-11-30', to: '2026-12-06' },
    ]);
    // A year: a few days, the weeks before the first whole month, eleven months, the days of this one.
    expect(segmentsOf({ from: '2025-12-07', today: '2026-12-06' })).toEqual([
      { span: 'day', from: '2025-12-07', to: '2025-12-08' },
      { span: 'week', from: '2025-12-08', to: '2025-12-29' },
      { span: 'day', from: '2025-12-29', to: '2026-01-01' },
      { span: 'month', from: '2026-01-01', to: '2026-12-01' },
      { span: 'day', from: '2026-12-01', to: '2026-12-06' },
    ]);
  });

  it('gives the raw log’s answer over periods of whole and partial months, for all, one theme, one Maison', async () => {
    for (const period of periods) {
      for (const filter of [
        period,
        { ...period, theme: themes[0] },
        { ...period, maison: maisons[1] },
        { ...period, maison: maisons[0], theme: themes[1] },
      ]) {
        expect(await fromTheRollUps(filter), JSON.stringify(filter)).toEqual(await fromTheLog(filter));
      }
    }
    for (const table of [
      'search_log_monthly_queries',
      'search_log_weekly',
      'search_log_monthly_maisons',
      'search_log_weekly_maisons',
      'search_log_daily_maisons',
    ]) {
      expect(Number((await ctx.db(table).count({ n: '*' }).first())?.n), table).toBeGreaterThan(0);
    }
  });

  it('stays the raw log’s answer after late writes to days and months already rolled up, and after a roll-up made again', async () => {
    // A search logged late into a day 70 days back (a closed month), and a session refined after its
    // day was rolled up (its query changes).
    const refined = await ctx
      .db('search_log')
      .where('created_at', '<', ctx.db.raw(parisStart('?::date - 20'), [today]))
      .orderBy('created_at', 'desc')
      .first('id');
    await ctx
      .db('search_log')
      .where({ id: refined.id })
      .update({ query: 'camping municipal', is_answered: false, updated_at: ctx.db.fn.now() });
    await ctx.db.raw(
      `insert into search_log (query, result_count, is_answered, role, maison_id, theme_id, created_at)
       values ('arrivée tardive', 0, false, 'agent', ?, ?, ${parisStart('?::date - 70')} + interval '10 hours')`,
      [maisons[0], themes[1], today] as string[],
    );
    const refinedMaison = (await ctx.db('search_log').where({ id: refined.id }).first('maison_id')).maison_id as string;
    for (const filter of [
      { days: 100 },
      { days: 30, theme: themes[1] },
      { days: 100, maison: maisons[0] },
      { days: 100, maison: maisons[1] },
      { days: 30, maison: refinedMaison },
      { days: 130, maison: maisons[0], theme: themes[1] },
    ]) {
      const answer = await fromTheRollUps(filter);
      expect(answer, JSON.stringify(filter)).toEqual(await fromTheLog(filter));
    }
    expect((await fromTheRollUps({ days: 100 })).queriesWithoutResults.map((row) => row.query)).toEqual(
      expect.arrayContaining(['arrivée tardive', 'camping municipal']),
    );
    expect((await fromTheRollUps({ days: 100, maison: maisons[0] })).queriesWithoutResults.map((row) => row.query)).toContain(
      'arrivée tardive',
    );
    expect((await fromTheRollUps({ days: 30, maison: refinedMaison })).queriesWithoutResults.map((row) => row.query)).toContain(
      'camping municipal',
    );

    // Rolled again from scratch (the state lost): every row once, the same answer.
    const again = [{ days: 130 }, { days: 130, maison: maisons[0] }, { days: 40, maison: maisons[1], theme: themes[0] }];
    const before = await Promise.all(again.map((filter) => fromTheRollUps(filter)));
    await ctx.db('search_log_rollup').delete();
    expect((await rollUpSearchLog(ctx.db)).days).toBeGreaterThanOrEqual(129);
    for (const [i, filter] of again.entries()) {
      expect(await fromTheRollUps(filter), JSON.stringify(filter)).toEqual(before[i]);
      expect(before[i], JSON.stringify(filter)).toEqual(await fromTheLog(filter));
    }
  });

  it('is filled by the migrations from the rows already there: weeks and months from the daily roll-ups, a Maison’s from the log', async () => {
    // Back to before the weekly, monthly and Maison roll-ups, the daily ones and the log kept.
    const applied = async () => ((await ctx.db.migrate.list()) as [{ name: string }[], unknown])[0].map((migration) => migration.name);
    while ((await applied()).includes('20261206_22_insights_periods')) await ctx.db.migrate.down();
    const tables = [
      'search_log_weekly',
      'search_log_monthly_queries',
      'search_log_monthly_places',
      'search_log_daily_maisons',
      'search_log_weekly_maisons',
      'search_log_monthly_maisons',
    ];
    for (const table of tables) expect(await ctx.db.schema.hasTable(table), table).toBe(false);
    await migrateLatest(ctx.db);
    for (const table of tables) expect(Number((await ctx.db(table).count({ n: '*' }).first())?.n), table).toBeGreaterThan(0);
    // Nothing left for the roll-up job: the answers come from what the migrations filled.
    expect((await rollUpSearchLog(ctx.db)).days).toBe(0);
    for (const period of periods) {
      for (const filter of [
        period,
        { ...period, theme: themes[1] },
        { ...period, maison: maisons[0] },
        { ...period, maison: maisons[1], theme: themes[0] },
      ]) {
        expect(await fromTheRollUps(filter), JSON.stringify(filter)).toEqual(await fromTheLog(filter));
      }
    }
  });
});
