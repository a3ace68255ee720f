import type { Knex } from 'knex';

/**
 * Verified content: each scheme card says when an editor last confirmed it (saving the card counts),
 * who did, how often it must be checked again (180 days unless the card says otherwise), and who is
 * in charge of checking it (an editor of its directorate; none set, the referent if they have an account).
 * The weekly digest remembers which directorate got which week's e-mail, so a retried job never sends it twice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('folders', (t) => {
    t.integer('review_interval_days').notNullable().defaultTo(180);
    t.uuid('verifier_id').references('users.id').onDelete('SET NULL');
    t.timestamp('verified_at', { useTz: true });
    t.uuid('verified_by').references('users.id').onDelete('SET NULL');
    t.check('review_interval_days between 7 and 1095', [], 'folders_review_interval_range');
  });
  // A card saved before verification existed counts as verified when it was last saved.
  await knex.raw('update folders set verified_at = updated_at where is_scheme');
  await knex.schema.createTable('digest_sends', (t) => {
    t.uuid('directorate_id').notNullable().references('directorates.id').onDelete('CASCADE');
    t.date('week_of').notNullable();
    t.integer('recipients').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['directorate_id', 'week_of']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('digest_sends');
  await knex.schema.alterTable('folders', (t) => {
    t.dropChecks(['folders_review_interval_range']);
    t.dropColumn('verified_by');
    t.dropColumn('verified_at');
    t.dropColumn('verifier_id');
    t.dropColumn('review_interval_days');
  });
}
