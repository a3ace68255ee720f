import type { Knex } from 'knex';

/** The extraction statuses before OCR (20261126_01_domain), and with it. */
const statusesBefore = ['pending', 'done', 'failed', 'skipped'];
export const extractionStatuses = [...statusesBefore, 'unrecognized'] as const;

const inList = (column: string, values: readonly string[]) => `${column} in (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * French OCR of scans: a page whose text was read by OCR says so, with the engine's confidence
 * (0 to 1; the page's text is empty when it was read too poorly to be indexed). A version whose
 * scans could not be read at all is `unrecognized` ("texte non reconnu"), and `ocr_note` says why,
 * or which pages were left unread (page limit per document, time limit). `ocr_pending`: its text
 * pages are stored and indexed, its scans wait for their OCR job (`extraction.ocr`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('version_pages', (t) => {
    t.boolean('ocr').notNullable().defaultTo(false);
    t.specificType('ocr_confidence', 'real');
    t.check('ocr_confidence is null or (ocr_confidence >= 0 and ocr_confidence <= 1)', [], 'version_pages_ocr_confidence_range');
  });
  await knex.schema.alterTable('versions', (t) => {
    t.text('ocr_note');
    t.boolean('ocr_pending').notNullable().defaultTo(false);
    t.dropChecks(['versions_extraction_status_known']);
  });
  await knex.schema.alterTable('versions', (t) => {
    t.check(inList('extraction_status', extractionStatuses), [], 'versions_extraction_status_known');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex('versions').where({ extraction_status: 'unrecognized' }).update({ extraction_status: 'skipped' });
  await knex.schema.alterTable('versions', (t) => {
    t.dropChecks(['versions_extraction_status_known']);
    t.dropColumn('ocr_note');
    t.dropColumn('ocr_pending');
  });
  await knex.schema.alterTable('versions', (t) => {
    t.check(inList('extraction_status', statusesBefore), [], 'versions_extraction_status_known');
  });
  await knex.schema.alterTable('version_pages', (t) => {
    t.dropChecks(['version_pages_ocr_confidence_range']);
    t.dropColumn('ocr_confidence');
    t.dropColumn('ocr');
  });
}
