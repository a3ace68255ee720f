import type { Db } from '../db';
import { NotFoundError } from '../errors';
import { schemesToVerify } from '../folders/verification';
import { themesOf, unansweredQueriesForDirectorate } from '../insights/directorate';
import { presentReport } from '../reports/presenter';
import { listReports } from '../reports/service';
import type { Actor } from '../policies';

async function findDirectorate(db: Db, id: string) {
  const row = (await db('directorates').where({ id }).first('id', 'code', 'name')) as
    { id: string; code: string; name: string } | undefined;
  if (!row) throw new NotFoundError('Cette direction est introuvable.');
  return row;
}

/** The directorate as its reports' queue sees it (what an editor of it would list). */
const directorateReader = (directorateId: string): Actor => ({
  id: '00000000-0000-0000-0000-000000000000',
  role: 'editor',
  directorateId,
  maisonId: null,
});

/** "Vos manques": what agents look for in the directorate's themes and do not find, the queries handed to it, and the reports still open. */
export async function gapsOf(db: Db, directorateId: string, viewer: Actor, options: { days: number }) {
  const directorate = await findDirectorate(db, directorateId);
  const [unanswered, reports] = await Promise.all([
    unansweredQueriesForDirectorate(db, directorateId, { days: options.days }),
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
