import type { Knex } from 'knex';

export const thumbnailStatuses = ['ready', 'none'] as const;

/**
 * The first-page thumbnail of a version (issue 20): rendered once, on first request, and kept with
 * the version it shows (a version's bytes never change, so neither does its thumbnail). `none`
 * remembers a file that gives no picture (a word-processing file, a corrupt or oversized one) and
 * why, so it is not tried again (but a drawing stopped by its bounds is tried again after an hour). Derived data: left out of backups, made again when asked.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('version_thumbnails', (t) => {
    t.uuid('version_id').primary().references('id').inTable('versions').onDelete('CASCADE');
    t.text('status').notNullable();
    t.binary('image');
    t.text('mime_type');
    t.integer('width');
    t.integer('height');
    t.text('reason');
    // A drawing stopped by its time or memory bound (perhaps a busy moment): tried again later.
    t.boolean('is_retryable').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`status in (${thumbnailStatuses.map((s) => `'${s}'`).join(', ')})`, [], 'version_thumbnails_status_known');
    t.check("status <> 'ready' or (image is not null and mime_type is not null)", [], 'version_thumbnails_ready_has_image');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('version_thumbnails');
}
