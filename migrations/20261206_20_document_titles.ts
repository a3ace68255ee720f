import type { Knex } from 'knex';

/**
 * Where a document's title and type came from, so that what the document says of itself may
 * replace them only while nobody chose them: `title_source` 'user' (the upload form, an edit; every
 * document that existed before keeps its title), 'file_name' (made readable from the file name at
 * upload) or 'document' (its metadata or first heading, once extracted); `doc_type_is_suggested`
 * while the type is the app's suggestion rather than the editor's choice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('documents', (t) => {
    t.text('title_source').notNullable().defaultTo('user');
    t.check("title_source in ('user', 'file_name', 'document')", [], 'documents_title_source_known');
    t.boolean('doc_type_is_suggested').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('documents', (t) => {
    t.dropChecks(['documents_title_source_known']);
    t.dropColumn('title_source');
    t.dropColumn('doc_type_is_suggested');
  });
}
