import type { Knex } from 'knex';

export const referentFields = ['name', 'service', 'email', 'phone'] as const;
export const schemePageRevokeReasons = ['no_external_document', 'scheme_archived', 'regenerated', 'not_a_scheme'] as const;

/**
 * The citizen's page of a scheme (`GET /p/:token`): its link (one live per scheme, a nanoid like a
 * document's), its daily visitors, which referent contact fields the card makes public (the
 * service by default, never a person's mobile unless the editor ticks it), and a Maison's phone
 * for the "Votre Maison de Région" line an agent adds to a page or a handout.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('folders', (t) => {
    t.specificType('referent_public_fields', 'text[]').notNullable().defaultTo(knex.raw("'{service}'::text[]"));
    t.check(
      `referent_public_fields <@ array[${referentFields.map((f) => `'${f}'`).join(', ')}]::text[]`,
      [],
      'folders_referent_public_fields_known',
    );
  });
  await knex.schema.alterTable('maisons', (t) => {
    t.text('phone');
    // No question mark in the pattern: knex would read it as a binding.
    t.check("phone is null or phone ~ '^[+]{0,1}[0-9 .()-]{6,25}$'", [], 'maisons_phone_format');
  });
  await knex.schema.createTable('scheme_share_links', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('folder_id').notNullable().references('folders.id').onDelete('CASCADE');
    t.text('token').notNullable().unique();
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true });
    t.text('revoked_reason');
    t.integer('opens').notNullable().defaultTo(0);
    t.timestamp('last_opened_at', { useTz: true });
    t.check("token ~ '^[A-Za-z0-9_-]{21}$'", [], 'scheme_share_links_token_format');
    t.check('opens >= 0', [], 'scheme_share_links_opens_positive');
    t.check('(revoked_at is null) = (revoked_reason is null)', [], 'scheme_share_links_revoked_with_reason');
    t.check(
      `revoked_reason is null or revoked_reason in (${schemePageRevokeReasons.map((r) => `'${r}'`).join(', ')})`,
      [],
      'scheme_share_links_reason_known',
    );
  });
  await knex.raw('create unique index scheme_share_links_one_live_idx on scheme_share_links (folder_id) where revoked_at is null');
  await knex.raw('create index scheme_share_links_folder_idx on scheme_share_links (folder_id, revoked_at desc)');
  await knex.schema.createTable('scheme_share_link_visits', (t) => {
    t.uuid('scheme_share_link_id').notNullable().references('scheme_share_links.id').onDelete('CASCADE');
    t.specificType('visitor_hash', 'char(64)').notNullable();
    t.date('day').notNullable();
    t.primary(['scheme_share_link_id', 'visitor_hash', 'day']);
  });
  // "Opened N times in the last 30 days" reads visits by day.
  await knex.raw('create index share_link_visits_day_idx on share_link_visits (share_link_id, day)');
  await knex.raw('create index scheme_share_link_visits_day_idx on scheme_share_link_visits (scheme_share_link_id, day)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists share_link_visits_day_idx');
  await knex.schema.dropTable('scheme_share_link_visits');
  await knex.schema.dropTable('scheme_share_links');
  await knex.schema.alterTable('maisons', (t) => {
    t.dropChecks(['maisons_phone_format']);
    t.dropColumn('phone');
  });
  await knex.schema.alterTable('folders', (t) => {
    t.dropChecks(['folders_referent_public_fields_known']);
    t.dropColumn('referent_public_fields');
  });
}
