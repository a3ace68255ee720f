import type { Knex } from 'knex';

/**
 * Every insert into `jobs` notifies the channel `lpt_jobs` once per statement, when its
 * transaction commits: idle workers wake at once instead of at their next poll.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function jobs_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('lpt_jobs', '');
      return null;
    end $$`);
  await knex.raw('create trigger jobs_notify after insert on jobs for each statement execute function jobs_notify()');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger jobs_notify on jobs');
  await knex.raw('drop function jobs_notify()');
}
