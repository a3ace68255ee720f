import type { Knex } from 'knex';
import * as domain from './20261126_01_domain';
import * as samlRequests from './20261126_02_saml_requests';
import * as publishing from './20261126_03_publishing';
import * as search from './20261126_04_search';
import * as sharing from './20261126_05_sharing';
import * as jobKeys from './20261126_06_job_keys';
import * as jobNotify from './20261126_07_job_notify';
import * as answerFirst from './20261205_17_answer_first';
import * as jobOutages from './20261205_18_job_outages';
import * as uploadKeys from './20261205_18_upload_keys';
import * as schemePages from './20261205_21_scheme_pages';
import * as thumbnails from './20261206_20_thumbnails';
import * as documentTitles from './20261206_20_document_titles';
import * as verification from './20261206_22_verification';
import * as reports from './20261206_22_reports';
import * as ocr from './20261206_20_ocr';
import * as insights from './20261206_22_insights';
import * as insightsPeriods from './20261206_22_insights_periods';
import * as schemeSearchVector from './20261206_18_scheme_search_vector';
import * as insightsMaisons from './20261206_22_insights_maisons';

/**
 * The migrations, in order. Listed here (not discovered on disk) so that they run the same under
 * tsx, Vitest and a bundled build.
 */
const migrations: Record<string, Knex.Migration> = {
  '20261126_01_domain': domain,
  '20261126_02_saml_requests': samlRequests,
  '20261126_03_publishing': publishing,
  '20261126_04_search': search,
  '20261126_05_sharing': sharing,
  '20261126_06_job_keys': jobKeys,
  '20261126_07_job_notify': jobNotify,
  '20261205_17_answer_first': answerFirst,
  '20261205_18_job_outages': jobOutages,
  '20261205_18_upload_keys': uploadKeys,
  '20261205_21_scheme_pages': schemePages,
  '20261206_20_thumbnails': thumbnails,
  '20261206_20_document_titles': documentTitles,
  '20261206_22_reports': reports,
  '20261206_22_verification': verification,
  '20261206_20_ocr': ocr,
  '20261206_22_insights': insights,
  '20261206_22_insights_periods': insightsPeriods,
  '20261206_18_scheme_search_vector': schemeSearchVector,
  '20261206_22_insights_maisons': insightsMaisons,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};
