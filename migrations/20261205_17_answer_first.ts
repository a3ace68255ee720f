import type { Knex } from 'knex';

/**
 * Answer-first search: a scheme card says what it pays (`scheme_amount`, free text such as
 * "jusqu'à 500 €" or "50 % des dépenses"), agents' openings of documents are counted per day (the
 * most consulted schemes), and administrators can switch off an entry of the shipped thesaurus
 * (search/thesaurus) without editing it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('folders', (t) => {
    t.text('scheme_amount');
  });
  // Agents' openings of a document's file, per day: the home's "most consulted" schemes.
  await knex.schema.createTable('document_consultations', (t) => {
    t.uuid('document_id').notNullable().references('documents.id').onDelete('cascade');
    t.date('day').notNullable();
    t.integer('count').notNullable().defaultTo(0);
    t.primary(['document_id', 'day']);
  });
  await knex.schema.createTable('thesaurus_disabled', (t) => {
    t.text('entry_id').primary();
    t.uuid('disabled_by').references('users.id').onDelete('set null');
    t.timestamp('disabled_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('thesaurus_disabled');
  await knex.schema.dropTable('document_consultations');
  await knex.schema.alterTable('folders', (t) => {
    t.dropColumn('scheme_amount');
  });
}
