import type { Knex } from 'knex';

/** The roll-ups of closed weeks and months, beside the daily ones (same columns, `start` for `day`). */
const families = [
  { daily: 'search_log_daily', key: ['query', 'theme_id'], sums: ['searches', 'unanswered', 'results_sum'], last: true },
  { daily: 'search_log_daily_queries', key: ['query'], sums: ['searches', 'unanswered', 'results_sum'], last: true },
  { daily: 'search_log_daily_places', key: ['maison_id', 'theme_id'], sums: ['searches', 'unanswered'], last: false },
] as const;
const spans = [
  { name: 'weekly', trunc: 'week', length: '1 week' },
  { name: 'monthly', trunc: 'month', length: '1 month' },
] as const;

const tableOf = (daily: string, span: string) => daily.replace('_daily', `_${span}`);

/**
 * Insights over long periods (issue 22): a year of logs read from 12 monthly rows per query, not 365
 * daily ones.
 * - `search_log_weekly*` and `search_log_monthly*`: the daily roll-ups summed per closed week
 *   (Monday to Sunday) and per closed month, filled here from the daily roll-ups already made.
 * - `search_log_rollup.written_since` and `rolled_id`: log rows written (inserted or updated) since
 *   then, or inserted after that id, are looked at by the next roll-up, which rolls their days again
 *   when those days were already rolled up (a session refined past midnight, a late write);
 *   `search_log_written_idx` finds them.
 */
export async function up(knex: Knex): Promise<void> {
  const state = await knex('search_log_rollup').first<{ next_day: string } | undefined>(knex.raw('next_day::text as next_day'));
  for (const family of families) {
    for (const span of spans) {
      const table = tableOf(family.daily, span.name);
      const has = (column: string) => (family.key as readonly string[]).includes(column);
      await knex.schema.createTable(table, (t) => {
        t.date('start').notNullable();
        if (has('query')) t.text('query').notNullable();
        if (has('maison_id')) t.uuid('maison_id');
        if (has('theme_id')) t.uuid('theme_id');
        t.integer('searches').notNullable();
        t.integer('unanswered').notNullable();
        if ((family.sums as readonly string[]).includes('results_sum')) t.bigInteger('results_sum').notNullable();
        if (family.last) t.timestamp('last_searched_at', { useTz: true }).notNullable();
      });
      await knex.raw(`create unique index ${table}_key on ${table} (start, ${family.key.join(', ')}) nulls not distinct`);
      if (family.daily === 'search_log_daily') await knex.raw(`create index ${table}_theme_idx on ${table} (theme_id, start)`);
      if (!state) continue;
      const key = family.key.join(', ');
      await knex.raw(
        `insert into ${table} (start, ${key}, ${family.sums.join(', ')}${family.last ? ', last_searched_at' : ''})
         select date_trunc('${span.trunc}', day)::date, ${key}, ${family.sums.map((c) => `sum(${c})`).join(', ')}${family.last ? ', max(last_searched_at)' : ''}
           from ${family.daily} where date_trunc('${span.trunc}', day) + interval '${span.length}' <= ?::date
          group by 1, ${family.key.map((_, i) => i + 2).join(', ')}`,
        [state.next_day],
      );
    }
  }
  // "Vos manques" reads the queries handed to a directorate whatever their theme.
  await knex.raw('create index search_log_daily_query_idx on search_log_daily (query, day)');
  await knex.raw('create index search_log_written_idx on search_log ((coalesce(updated_at, created_at)))');
  await knex.schema.alterTable('search_log_rollup', (t) => {
    t.timestamp('written_since', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('rolled_id').notNullable().defaultTo(0);
  });
  await knex.raw('update search_log_rollup set rolled_id = (select coalesce(max(id), 0) from search_log)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('search_log_rollup', (t) => {
    t.dropColumn('rolled_id');
    t.dropColumn('written_since');
  });
  await knex.raw('drop index if exists search_log_written_idx');
  await knex.raw('drop index if exists search_log_daily_query_idx');
  for (const family of families) {
    for (const span of spans) await knex.schema.dropTable(tableOf(family.daily, span.name));
  }
}
