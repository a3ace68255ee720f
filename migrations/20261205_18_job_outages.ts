import type { Knex } from 'knex';

/**
 * A job that found the service it needs unavailable (Meilisearch, storage, PostgreSQL) waits for
 * it without spending its attempts: `outage_waits` counts those waits, for their backoff.
 * Running jobs are leased: their worker renews `locked_at`, and a lease left to expire (the worker
 * is gone) sends the job back to the queue; the index finds them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.integer('outage_waits').notNullable().defaultTo(0);
  });
  await knex.raw("create index jobs_running_locked_at_idx on jobs (locked_at) where status = 'running'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index jobs_running_locked_at_idx');
  await knex.schema.alterTable('jobs', (t) => {
    t.dropColumn('outage_waits');
  });
}
