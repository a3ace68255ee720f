import type { Db } from '../db';
import { NotFoundError } from '../errors';
import { loadFolderTree } from '../folders/tree';
import { schemesToVerify } from '../folders/verification';
import { searchInsights } from '../insights/service';
import { presentReport } from '../reports/presenter';
import { listReports } from '../reports/service';
import type { Actor } from '../policies';

/** The themes a directorate publishes in: the top folders above its schemes. */
export async function themesOf(db: Db, directorateId: string): Promise<{ id: string; name: string }[]> {
  const tree = await loadFolderTree(db);
  const schemes = tree.rows.filter((row) => row.is_scheme && row.directorate_id === directorateId && row.archived_at === null);
  const themeIds = new Set(schemes.map((scheme) => tree.themeOf(scheme.id)?.id));
  // The tree's rows come in the themes' order (position, then name).
  return tree.rows.filter((row) => row.parent_id === null && themeIds.has(row.id)).map((row) => ({ id: row.id, name: row.name }));
}

async function findDirectorate(db: Db, id: string) {
  const row = (await db('directorates').where({ id }).first('id', 'code', 'name')) as { id: string; code: string; name: string } | undefined;
  if (!row) throw new NotFoundError('Cette direction est introuvable.');
  return row;
}

/**
 * The queries agents searched within the directorate's themes and that found nothing, as the
 * insights count them (server/search/service.ts), theme by theme, the most searched first.
 */
export async function unansweredQueriesOf(db: Db, directorateId: string, days: number) {
  const themes = await themesOf(db, directorateId);
  const perTheme = await Promise.all(
    themes.map(async (theme) => (await searchInsights(db, { days, theme: theme.id })).queriesWithoutResults.map((row) => ({ ...row, theme }))),
  );
  return perTheme.flat().sort((a, b) => b.searches - a.searches);
}

/** The directorate as its reports' queue sees it (what an editor of it would list). */
const directorateReader = (directorateId: string): Actor => ({ id: '00000000-0000-0000-0000-000000000000', role: 'editor', directorateId, maisonId: null });

/** "Vos manques": what agents look for in the directorate's themes and do not find, and the reports still open. */
export async function gapsOf(db: Db, directorateId: string, viewer: Actor, options: { days: number }) {
  const directorate = await findDirectorate(db, directorateId);
  const [unanswered, reports] = await Promise.all([
    unansweredQueriesOf(db, directorateId, options.days),
    listReports(db, directorateReader(directorateId), { status: 'open' }),
  ]);
  return {
    directorate,
    days: options.days,
    themes: await themesOf(db, directorateId),
    unansweredQueries: unanswered,
    openReports: reports.map((row) => presentReport(row, viewer)),
  };
}

export const digestDays = 7;

/** The week's digest of a directorate: unanswered queries, open reports, schemes due for verification. */
export async function digestOf(db: Db, directorateId: string, viewer: Actor) {
  const gaps = await gapsOf(db, directorateId, viewer, { days: digestDays });
  const schemes = await schemesToVerify(db, directorateId, digestDays);
  return {
    directorate: gaps.directorate,
    days: digestDays,
    unansweredQueries: gaps.unansweredQueries,
    openReports: gaps.openReports,
    schemesToVerify: schemes,
    isEmpty: gaps.unansweredQueries.length === 0 && gaps.openReports.length === 0 && schemes.length === 0,
  };
}
export type Digest = Awaited<ReturnType<typeof digestOf>>;
