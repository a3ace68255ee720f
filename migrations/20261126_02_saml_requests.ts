import type { Knex } from 'knex';

/**
 * IDs of the SAML requests this app sent, so that a response is accepted only once and only in
 * answer to one of them (InResponseTo), whichever app instance receives it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('saml_requests', (t) => {
    t.text('id').primary();
    t.text('value').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
    t.check('char_length(id) <= 200', [], 'saml_requests_id_length');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('saml_requests');
}
