import type { Knex } from 'knex';

export const gapActions = ['keyword', 'synonym', 'assigned'] as const;

/**
 * Insights that act (issue 22).
 * - A search session (one visit of the search box, an id the web app sends) keeps one row per
 *   query: its typing, filter clicks and Back update that row (`session_id`, unique per session and
 *   query). `is_answered` says whether the answer held a confident result (not only approaching
 *   ones, typos or results under the relevance floor); `theme_id` is the theme searched in (the
 *   filter) or of the best answer.
 * - Closed days are rolled up (`search_log_daily` per query and theme, `search_log_daily_places`
 *   per Maison and theme, `search_log_daily_queries` per query alone) so that the insights of a year of logs answer in milliseconds.
 * - `search_gaps`: what an editor or an admin did about an unanswered query (keyword added to a
 *   scheme, synonym added, or assigned to a directorate with a note).
 * - `news_visits`: when each user last opened Nouveautés (what is new since).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('search_log', (t) => {
    t.uuid('session_id');
    t.boolean('is_answered').notNullable().defaultTo(true);
    // No foreign key: a log keeps what was searched, even a theme deleted since.
    t.uuid('theme_id');
    t.timestamp('updated_at', { useTz: true });
  });
  await knex.raw('update search_log set is_answered = result_count > 0');
  await knex.raw('create unique index search_log_session_query_idx on search_log (session_id, lower(query)) where session_id is not null');
  // Folding a user's keystrokes when no session is sent; a Maison's own view.
  await knex.raw('create index search_log_user_recent_idx on search_log (user_id, id desc)');
  await knex.raw('create index search_log_maison_idx on search_log (maison_id, created_at)');

  await knex.schema.createTable('search_log_daily', (t) => {
    t.date('day').notNullable();
    t.text('query').notNullable();
    t.uuid('theme_id');
    t.integer('searches').notNullable();
    t.integer('unanswered').notNullable();
    t.bigInteger('results_sum').notNullable();
    t.timestamp('last_searched_at', { useTz: true }).notNullable();
  });
  await knex.raw('create unique index search_log_daily_key on search_log_daily (day, theme_id, query) nulls not distinct');
  // The same per day and query alone: what the insights of all themes read (a theme multiplies the rows).
  await knex.schema.createTable('search_log_daily_queries', (t) => {
    t.date('day').notNullable();
    t.text('query').notNullable();
    t.integer('searches').notNullable();
    t.integer('unanswered').notNullable();
    t.bigInteger('results_sum').notNullable();
    t.timestamp('last_searched_at', { useTz: true }).notNullable();
    t.primary(['day', 'query']);
  });
  await knex.raw('create index search_log_daily_theme_idx on search_log_daily (theme_id, day)');
  await knex.schema.createTable('search_log_daily_places', (t) => {
    t.date('day').notNullable();
    t.uuid('maison_id');
    t.uuid('theme_id');
    t.integer('searches').notNullable();
    t.integer('unanswered').notNullable();
  });
  await knex.raw(
    'create unique index search_log_daily_places_key on search_log_daily_places (day, maison_id, theme_id) nulls not distinct',
  );
  // The first day not rolled up yet (days of Europe/Paris).
  await knex.schema.createTable('search_log_rollup', (t) => {
    t.boolean('id').primary().defaultTo(true);
    t.date('next_day').notNullable();
    t.check('id', [], 'search_log_rollup_single_row');
  });

  await knex.schema.createTable('search_gaps', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('query').notNullable();
    t.text('action').notNullable();
    t.uuid('directorate_id').references('directorates.id').onDelete('CASCADE');
    t.uuid('folder_id').references('folders.id').onDelete('SET NULL');
    t.text('terms');
    t.text('note');
    t.uuid('acted_by').references('users.id').onDelete('SET NULL');
    t.timestamp('acted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`action in (${gapActions.map((a) => `'${a}'`).join(', ')})`, [], 'search_gaps_action_known');
    t.check("action <> 'assigned' or directorate_id is not null", [], 'search_gaps_assigned_has_directorate');
    t.check('char_length(query) between 1 and 1000', [], 'search_gaps_query_length');
    t.check('note is null or char_length(note) <= 2000', [], 'search_gaps_note_length');
  });
  // One current action per query (the audit trail keeps the history).
  await knex.raw('create unique index search_gaps_query_idx on search_gaps (lower(query))');
  await knex.raw('create index search_gaps_directorate_idx on search_gaps (directorate_id)');

  await knex.schema.createTable('news_visits', (t) => {
    t.uuid('user_id').primary().references('users.id').onDelete('CASCADE');
    t.timestamp('last_visit_at', { useTz: true }).notNullable();
    // The visit before the last: what the page marks as new while the agent reads it.
    t.timestamp('previous_visit_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('news_visits');
  await knex.schema.dropTable('search_gaps');
  await knex.schema.dropTable('search_log_rollup');
  await knex.schema.dropTable('search_log_daily_places');
  await knex.schema.dropTable('search_log_daily_queries');
  await knex.schema.dropTable('search_log_daily');
  await knex.raw('drop index if exists search_log_maison_idx');
  await knex.raw('drop index if exists search_log_user_recent_idx');
  await knex.raw('drop index if exists search_log_session_query_idx');
  await knex.schema.alterTable('search_log', (t) => {
    t.dropColumn('updated_at');
    t.dropColumn('theme_id');
    t.dropColumn('is_answered');
    t.dropColumn('session_id');
  });
}
