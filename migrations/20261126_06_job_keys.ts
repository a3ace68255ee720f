import type { Knex } from 'knex';

/** Jobs that share a key (e.g. one document's index sync) never run at once. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.text('key');
  });
  await knex.raw("create index jobs_running_key_idx on jobs (key) where status = 'running'");
  await knex.raw("update jobs set key = payload->>'documentId' where type = 'search.syncDocument'");
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.dropColumn('key');
  });
}
