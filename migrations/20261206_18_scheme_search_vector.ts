import type { Knex } from 'knex';

/**
 * What the PostgreSQL fallback searches of a scheme (its name, keywords, promise and summary),
 * stored as one tsvector beside the card instead of computed for every scheme on every search
 * (server/search/degraded.ts). `concat_ws` and `array_to_string` are only stable in PostgreSQL's
 * catalogue (any element type); over text they are immutable, which the wrapper says, so that a
 * generated column may use them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create function scheme_search_text(name text, keywords text[], promise text, summary text) returns text
    language sql immutable parallel safe
    return concat_ws(' ', name, array_to_string(keywords, ' '), promise, summary)`);
  await knex.raw(
    `alter table folders add column search_vector tsvector generated always as (to_tsvector('fr_unaccent', scheme_search_text(name, scheme_keywords, scheme_promise, scheme_summary))) stored`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table folders drop column search_vector');
  await knex.raw('drop function scheme_search_text(text, text[], text, text)');
}
