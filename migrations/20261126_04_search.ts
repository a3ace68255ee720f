import type { Knex } from 'knex';

/**
 * Search when Meilisearch is down: PostgreSQL full-text search (French configuration, accents
 * removed) over the same pages and document titles. And the availability a scheme had when its
 * documents were last indexed, so that a daily job reindexes those whose availability changed.
 */
export async function up(knex: Knex): Promise<void> {
  // French stemming with accents removed, for indexing, querying and highlighting alike.
  await knex.raw('create text search configuration fr_unaccent (copy = french)');
  await knex.raw('alter text search configuration fr_unaccent alter mapping for hword, hword_part, word with unaccent, french_stem');
  await knex.raw(
    `alter table version_pages add column search_vector tsvector generated always as (to_tsvector('fr_unaccent', text)) stored`,
  );
  await knex.raw('create index version_pages_search_idx on version_pages using gin (search_vector)');
  await knex.raw(
    `alter table documents add column search_vector tsvector generated always as (setweight(to_tsvector('fr_unaccent', title), 'A') || setweight(to_tsvector('fr_unaccent', summary), 'B')) stored`,
  );
  await knex.raw('create index documents_search_idx on documents using gin (search_vector)');
  await knex.schema.alterTable('folders', (t) => {
    t.text('indexed_availability');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('folders', (t) => {
    t.dropColumn('indexed_availability');
  });
  await knex.raw('drop index if exists documents_search_idx');
  await knex.raw('alter table documents drop column search_vector');
  await knex.raw('drop index if exists version_pages_search_idx');
  await knex.raw('alter table version_pages drop column search_vector');
  await knex.raw('drop text search configuration if exists fr_unaccent');
}
