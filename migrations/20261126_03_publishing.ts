import type { Knex } from 'knex';

/**
 * Publishing bookkeeping: an upload intent is written (and committed) before any byte is stored,
 * and removed in the transaction that records the version; whatever intent outlives its upload
 * (process killed, database failure) points the cleanup job at an object to remove. A version's
 * file is removed from storage a grace period after its document was deleted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('upload_intents', (t) => {
    t.text('storage_key').primary();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
  });
  await knex.schema.alterTable('versions', (t) => {
    t.timestamp('storage_deleted_at', { useTz: true });
  });
  await knex.raw('create index documents_deleted_idx on documents (deleted_at) where deleted_at is not null');
  // An empty folder may be deleted while deleted documents (kept for their grace period) were in it.
  await knex.raw('alter table documents alter column folder_id drop not null');
  await knex.raw('alter table documents drop constraint documents_folder_id_foreign');
  await knex.raw(
    'alter table documents add constraint documents_folder_id_foreign foreign key (folder_id) references folders(id) on delete set null',
  );
  await knex.raw('alter table documents add constraint documents_live_in_folder check (folder_id is not null or deleted_at is not null)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table documents drop constraint documents_live_in_folder');
  await knex.raw('alter table documents drop constraint documents_folder_id_foreign');
  await knex.raw('delete from documents where folder_id is null');
  await knex.raw(
    'alter table documents add constraint documents_folder_id_foreign foreign key (folder_id) references folders(id) on delete restrict',
  );
  await knex.raw('alter table documents alter column folder_id set not null');
  await knex.raw('drop index if exists documents_deleted_idx');
  await knex.schema.alterTable('versions', (t) => {
    t.dropColumn('storage_deleted_at');
  });
  await knex.schema.dropTable('upload_intents');
}
