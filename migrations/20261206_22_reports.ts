import type { Knex } from 'knex';

export const reportReasons = ['inexact', 'incomplete', 'closed', 'broken_link', 'other'] as const;
export const reportStatuses = ['new', 'in_progress', 'resolved'] as const;
export const reportTextMax = 2000;

const inList = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

/**
 * Agents' reports on a scheme or a document ("Information inexacte", "Lien cassé"…), routed to the
 * directorate that owns it: its status (new, in progress, resolved), who handled it and when, the answer.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reports', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('folder_id').references('folders.id').onDelete('CASCADE');
    t.uuid('document_id').references('documents.id').onDelete('CASCADE');
    t.uuid('directorate_id').notNullable().references('directorates.id').onDelete('RESTRICT');
    t.text('reason').notNullable();
    t.text('comment').notNullable().defaultTo('');
    t.text('status').notNullable().defaultTo('new');
    t.text('answer');
    t.uuid('reporter_id').references('users.id').onDelete('SET NULL');
    t.uuid('reporter_maison_id').references('maisons.id').onDelete('SET NULL');
    t.uuid('handled_by').references('users.id').onDelete('SET NULL');
    t.timestamp('handled_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('(folder_id is null) <> (document_id is null)', [], 'reports_one_subject');
    t.check(inList('reason', reportReasons), [], 'reports_reason_known');
    t.check(inList('status', reportStatuses), [], 'reports_status_known');
    t.check(`char_length(comment) <= ${reportTextMax}`, [], 'reports_comment_length');
    t.check(`answer is null or char_length(answer) <= ${reportTextMax}`, [], 'reports_answer_length');
  });
  await knex.raw('create index reports_directorate_idx on reports (directorate_id, status, created_at desc)');
  await knex.raw('create index reports_reporter_idx on reports (reporter_id, created_at desc)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reports');
}
