import type { Knex } from 'knex';

/**
 * `Idempotency-Key` of document uploads: a retried upload with the same key (its first answer lost
 * to a cut connection) gets the document the first one made, not a second one. Kept a day.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('upload_keys', (t) => {
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('key').notNullable();
    t.uuid('document_id').references('id').inTable('documents').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['user_id', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('upload_keys');
}
