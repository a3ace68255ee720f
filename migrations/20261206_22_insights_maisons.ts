import type { Knex } from 'knex';

const key = ['maison_id', 'query', 'theme_id'];
const sums = ['searches', 'unanswered', 'results_sum'];
const tables = [
  { name: 'search_log_daily_maisons', day: 'day' },
  { name: 'search_log_weekly_maisons', day: 'start', trunc: 'week', length: '1 week' },
  { name: 'search_log_monthly_maisons', day: 'start', trunc: 'month', length: '1 month' },
] as const;
const paris = (column: string) => `(${column} at time zone 'Europe/Paris')`;

/**
 * A Maison's own insights (issue 22) read a roll-up like the others, not the Maison's rows of the
 * log: `search_log_daily_maisons` per day, Maison, query and theme, summed per closed week
 * (`search_log_weekly_maisons`) and per closed month (`search_log_monthly_maisons`), each indexed by
 * Maison then day. Filled here from the log for the days already rolled up (the roll-up job carries
 * on from there), then summed per week and month already closed.
 */
export async function up(knex: Knex): Promise<void> {
  const state = await knex('search_log_rollup').first<{ next_day: string } | undefined>(knex.raw('next_day::text as next_day'));
  for (const table of tables) {
    await knex.schema.createTable(table.name, (t) => {
      t.date(table.day).notNullable();
      t.uuid('maison_id');
      t.text('query').notNullable();
      t.uuid('theme_id');
      t.integer('searches').notNullable();
      t.integer('unanswered').notNullable();
      t.bigInteger('results_sum').notNullable();
      t.timestamp('last_searched_at', { useTz: true }).notNullable();
    });
    // The roll-up job replaces a day's (a week's, a month's) rows; a Maison's view reads its own.
    await knex.raw(`create unique index ${table.name}_key on ${table.name} (${table.day}, ${key.join(', ')}) nulls not distinct`);
    await knex.raw(`create index ${table.name}_maison_idx on ${table.name} (maison_id, ${table.day})`);
    if (!state) continue;
    if (!('trunc' in table)) {
      await knex.raw(
        `insert into ${table.name} (day, ${key.join(', ')}, ${sums.join(', ')}, last_searched_at)
         select ${paris('created_at')}::date, maison_id, lower(query), theme_id, count(*), count(*) filter (where not is_answered), sum(result_count), max(created_at)
           from search_log where created_at < (?::date)::timestamp at time zone 'Europe/Paris' and query <> ''
          group by 1, 2, 3, 4`,
        [state.next_day],
      );
      continue;
    }
    await knex.raw(
      `insert into ${table.name} (start, ${key.join(', ')}, ${sums.join(', ')}, last_searched_at)
       select date_trunc('${table.trunc}', day)::date, ${key.join(', ')}, ${sums.map((c) => `sum(${c})`).join(', ')}, max(last_searched_at)
         from search_log_daily_maisons where date_trunc('${table.trunc}', day) + interval '${table.length}' <= ?::date
        group by 1, 2, 3, 4`,
      [state.next_day],
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [...tables].reverse()) await knex.schema.dropTable(table.name);
}
