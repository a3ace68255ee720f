import type { Knex } from 'knex';

/** A link also ends when its document goes back to draft. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table share_links drop constraint share_links_reason_known');
  await knex.raw(
    "alter table share_links add constraint share_links_reason_known check (revoked_reason is null or revoked_reason in ('scope_change', 'archived', 'deleted', 'regenerated', 'scheme_archived', 'manual', 'expired', 'unpublished'))",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw("update share_links set revoked_reason = 'manual' where revoked_reason = 'unpublished'");
  await knex.raw('alter table share_links drop constraint share_links_reason_known');
  await knex.raw(
    "alter table share_links add constraint share_links_reason_known check (revoked_reason is null or revoked_reason in ('scope_change', 'archived', 'deleted', 'regenerated', 'scheme_archived', 'manual', 'expired'))",
  );
}
