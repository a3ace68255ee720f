import type { Knex } from 'knex';

/**
 * The whole domain of DESIGN.md: people and places (users, directorates, maisons), the thematic
 * tree with scheme cards, documents and their versions with per-page text, share links, the audit
 * trail, the search log, the job queue, sessions and search synonyms.
 */

export const roles = ['agent', 'editor', 'admin'] as const;
export const scopes = ['internal', 'external'] as const;
export const documentStatuses = ['draft', 'published', 'archived'] as const;
export const docTypes = ['fiche_synthese', 'reglement', 'formulaire', 'faq', 'note_interne', 'deliberation', 'guide', 'autre'] as const;
export const fileTypes = ['pdf', 'docx', 'odt', 'xlsx', 'ods', 'pptx', 'odp', 'txt', 'png', 'jpeg'] as const;
export const extractionStatuses = ['pending', 'done', 'failed', 'skipped'] as const;
export const jobStatuses = ['queued', 'running', 'done', 'dead'] as const;
export const revokeReasons = ['scope_change', 'archived', 'deleted', 'regenerated', 'scheme_archived', 'manual', 'expired'] as const;

const inList = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

function timestamps(table: Knex.CreateTableBuilder, knex: Knex) {
  table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create extension if not exists unaccent');
  await createPlacesAndUsers(knex);
  await createFoldersAndDocuments(knex);
  await createSharingAndAudit(knex);
  await createLogsJobsAndSessions(knex);
}

/** Directorates, Maisons and users. */
async function createPlacesAndUsers(knex: Knex): Promise<void> {
  await knex.schema.createTable('directorates', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.boolean('is_active').notNullable().defaultTo(true);
    timestamps(t, knex);
    t.check("code ~ '^[A-Z0-9_-]{2,20}$'", [], 'directorates_code_format');
    t.check('char_length(name) between 1 and 200', [], 'directorates_name_length');
  });

  await knex.schema.createTable('maisons', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.text('city').notNullable();
    t.boolean('is_active').notNullable().defaultTo(true);
    timestamps(t, knex);
    t.check("code ~ '^[A-Z0-9_-]{2,20}$'", [], 'maisons_code_format');
    t.check('char_length(name) between 1 and 200', [], 'maisons_name_length');
  });

  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('idp_issuer').notNullable();
    t.text('name_id').notNullable();
    t.text('email').notNullable();
    t.text('display_name').notNullable();
    t.text('role').notNullable();
    t.text('role_source').notNullable();
    t.specificType('groups', 'text[]').notNullable().defaultTo('{}');
    t.uuid('directorate_id').references('directorates.id').onDelete('RESTRICT');
    t.uuid('maison_id').references('maisons.id').onDelete('RESTRICT');
    t.boolean('is_active').notNullable().defaultTo(true);
    t.timestamp('last_sign_in_at', { useTz: true });
    timestamps(t, knex);
    t.unique(['idp_issuer', 'name_id']);
    t.index(['directorate_id']);
    t.index(['maison_id']);
    t.check(inList('role', roles), [], 'users_role_known');
    t.check("role <> 'editor' or directorate_id is not null", [], 'users_editor_has_directorate');
  });
  await knex.raw('create index users_email_idx on users (lower(email))');
}

/** Folders (themes, directorates' folders, schemes), then documents. */
async function createFoldersAndDocuments(knex: Knex): Promise<void> {
  await knex.schema.createTable('folders', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('parent_id').references('folders.id').onDelete('RESTRICT');
    t.text('name').notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.uuid('directorate_id').references('directorates.id').onDelete('RESTRICT');
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    // Scheme card (fiche dispositif): set when the folder is a scheme.
    t.boolean('is_scheme').notNullable().defaultTo(false);
    t.text('scheme_promise');
    t.text('scheme_summary');
    t.specificType('scheme_audiences', 'text[]').notNullable().defaultTo('{}');
    t.specificType('scheme_aid_types', 'text[]').notNullable().defaultTo('{}');
    t.specificType('scheme_keywords', 'text[]').notNullable().defaultTo('{}');
    t.date('scheme_opens_on');
    t.date('scheme_closes_on');
    t.boolean('scheme_is_permanent').notNullable().defaultTo(false);
    t.text('referent_name');
    t.text('referent_service');
    t.text('referent_email');
    t.text('referent_phone');
    t.text('info_url');
    t.text('apply_url');
    t.timestamp('archived_at', { useTz: true });
    timestamps(t, knex);
    t.index(['parent_id']);
    t.index(['directorate_id']);
    t.check('char_length(name) between 1 and 200', [], 'folders_name_length');
    t.check('parent_id is null or parent_id <> id', [], 'folders_not_own_parent');
    t.check('not is_scheme or directorate_id is not null', [], 'folders_scheme_has_directorate');
    t.check(
      'scheme_opens_on is null or scheme_closes_on is null or scheme_closes_on >= scheme_opens_on',
      [],
      'folders_scheme_dates_ordered',
    );
  });
  // Two siblings never share a name (case-insensitive); top-level folders count as siblings.
  await knex.raw(
    "create unique index folders_sibling_name_unique on folders (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))",
  );

  await createDocuments(knex);
}

/** Documents, their versions and pages. */
async function createDocuments(knex: Knex): Promise<void> {
  await knex.schema.createTable('documents', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('folder_id').notNullable().references('folders.id').onDelete('RESTRICT');
    t.text('title').notNullable();
    t.text('summary').notNullable().defaultTo('');
    t.text('doc_type').notNullable();
    t.text('scope').notNullable().defaultTo('internal');
    t.text('status').notNullable().defaultTo('draft');
    t.uuid('directorate_id').notNullable().references('directorates.id').onDelete('RESTRICT');
    t.uuid('owner_id').references('users.id').onDelete('SET NULL');
    t.uuid('current_version_id');
    t.timestamp('published_at', { useTz: true });
    t.timestamp('deleted_at', { useTz: true });
    timestamps(t, knex);
    t.index(['folder_id']);
    t.index(['directorate_id']);
    t.check('char_length(title) between 1 and 300', [], 'documents_title_length');
    t.check('char_length(summary) <= 5000', [], 'documents_summary_length');
    t.check(inList('doc_type', docTypes), [], 'documents_doc_type_known');
    t.check(inList('scope', scopes), [], 'documents_scope_known');
    t.check(inList('status', documentStatuses), [], 'documents_status_known');
  });
  await knex.raw('create index documents_recent_idx on documents (updated_at desc) where deleted_at is null');

  await knex.schema.createTable('versions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('document_id').notNullable().references('documents.id').onDelete('CASCADE');
    t.integer('number').notNullable();
    t.text('storage_key').notNullable().unique();
    t.text('original_filename').notNullable();
    t.text('file_type').notNullable();
    t.text('mime_type').notNullable();
    t.bigInteger('size_bytes').notNullable();
    t.specificType('sha256', 'char(64)').notNullable();
    t.uuid('uploaded_by').references('users.id').onDelete('SET NULL');
    t.text('extraction_status').notNullable().defaultTo('pending');
    t.text('extraction_error');
    t.integer('page_count');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['document_id', 'number']);
    t.unique(['document_id', 'sha256']);
    t.check('number >= 1', [], 'versions_number_positive');
    t.check('size_bytes > 0', [], 'versions_size_positive');
    t.check("sha256 ~ '^[0-9a-f]{64}$'", [], 'versions_sha256_format');
    t.check('char_length(original_filename) between 1 and 255', [], 'versions_filename_length');
    t.check(inList('file_type', fileTypes), [], 'versions_file_type_known');
    t.check(inList('extraction_status', extractionStatuses), [], 'versions_extraction_status_known');
  });
  await knex.schema.alterTable('documents', (t) => {
    t.foreign('current_version_id', 'documents_current_version_fk').references('versions.id').onDelete('SET NULL');
  });

  await knex.schema.createTable('version_pages', (t) => {
    t.uuid('version_id').notNullable().references('versions.id').onDelete('CASCADE');
    t.integer('page_number').notNullable();
    t.text('text').notNullable();
    t.primary(['version_id', 'page_number']);
    t.check('page_number >= 1', [], 'version_pages_number_positive');
  });
}

/** Share links and their visits, the append-only audit trail. */
async function createSharingAndAudit(knex: Knex): Promise<void> {
  await knex.schema.createTable('share_links', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('document_id').notNullable().references('documents.id').onDelete('CASCADE');
    t.text('token').notNullable().unique();
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.text('revoked_reason');
    t.integer('opens').notNullable().defaultTo(0);
    t.timestamp('last_opened_at', { useTz: true });
    t.check("token ~ '^[A-Za-z0-9_-]{21}$'", [], 'share_links_token_format');
    t.check('opens >= 0', [], 'share_links_opens_positive');
    t.check('(revoked_at is null) = (revoked_reason is null)', [], 'share_links_revoked_with_reason');
    t.check(`revoked_reason is null or ${inList('revoked_reason', revokeReasons)}`, [], 'share_links_reason_known');
  });
  // At most one live link per document.
  await knex.raw('create unique index share_links_one_live_idx on share_links (document_id) where revoked_at is null');

  await knex.schema.createTable('share_link_visits', (t) => {
    t.uuid('share_link_id').notNullable().references('share_links.id').onDelete('CASCADE');
    t.specificType('visitor_hash', 'char(64)').notNullable();
    t.date('day').notNullable();
    t.primary(['share_link_id', 'visitor_hash', 'day']);
  });

  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id');
    t.uuid('actor_id').references('users.id').onDelete('SET NULL');
    t.text('actor_label').notNullable();
    t.text('action').notNullable();
    t.text('object_type').notNullable();
    t.text('object_id');
    t.jsonb('changes').notNullable().defaultTo('{}');
    t.specificType('ip', 'inet');
    t.text('user_agent');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
    t.index(['actor_id', 'created_at']);
    t.index(['object_type', 'object_id']);
  });
  // The audit trail is append-only: the app can add to it, never rewrite it.
  await knex.raw(`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_events_no_update_delete before update or delete on audit_events
      for each row execute function audit_events_append_only();
  `);
}

/** The search log, jobs, sessions and synonyms. */
async function createLogsJobsAndSessions(knex: Knex): Promise<void> {
  await knex.schema.createTable('search_log', (t) => {
    t.bigIncrements('id');
    t.text('query').notNullable();
    t.jsonb('filters').notNullable().defaultTo('{}');
    t.integer('result_count').notNullable();
    t.boolean('degraded').notNullable().defaultTo(false);
    t.uuid('user_id').references('users.id').onDelete('SET NULL');
    t.text('role');
    t.uuid('maison_id').references('maisons.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
    t.check('result_count >= 0', [], 'search_log_count_positive');
    t.check('char_length(query) <= 1000', [], 'search_log_query_length');
  });

  await knex.schema.createTable('jobs', (t) => {
    t.bigIncrements('id');
    t.text('type').notNullable();
    t.jsonb('payload').notNullable().defaultTo('{}');
    t.text('status').notNullable().defaultTo('queued');
    t.integer('attempts').notNullable().defaultTo(0);
    t.integer('max_attempts').notNullable().defaultTo(8);
    t.timestamp('run_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('locked_at', { useTz: true });
    t.text('locked_by');
    t.text('last_error');
    t.timestamp('finished_at', { useTz: true });
    timestamps(t, knex);
    t.check(inList('status', jobStatuses), [], 'jobs_status_known');
    t.check('attempts >= 0 and max_attempts >= 1', [], 'jobs_attempts_positive');
  });
  await knex.raw("create index jobs_ready_idx on jobs (run_at) where status = 'queued'");
  await knex.raw("create index jobs_dead_idx on jobs (updated_at desc) where status = 'dead'");

  // Sessions, in the layout connect-pg-simple expects.
  await knex.schema.createTable('sessions', (t) => {
    t.string('sid').primary();
    t.json('sess').notNullable();
    t.timestamp('expire', { precision: 6, useTz: false }).notNullable();
    t.index(['expire']);
  });

  await knex.schema.createTable('synonyms', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.specificType('terms', 'text[]').notNullable();
    t.uuid('created_by').references('users.id').onDelete('SET NULL');
    timestamps(t, knex);
    t.check('cardinality(terms) >= 2', [], 'synonyms_at_least_two_terms');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['synonyms', 'sessions', 'jobs', 'search_log', 'audit_events', 'share_link_visits', 'share_links', 'version_pages']) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.raw('drop function if exists audit_events_append_only()');
  await knex.schema.alterTable('documents', (t) => t.dropForeign('current_version_id', 'documents_current_version_fk'));
  for (const table of ['versions', 'documents', 'folders', 'users', 'maisons', 'directorates']) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.raw('drop extension if exists unaccent');
}
