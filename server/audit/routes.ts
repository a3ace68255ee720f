import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { Router, type Request } from 'express';
import type { Db } from '../db';
import { NotFoundError } from '../errors';
import { currentUser, signedIn } from '../http/access';
import type { Logger } from '../logger';
import { validate } from '../http/validate';
import { app, authorize } from '../policies';
import { auditVocabulary, csvColumns, csvRecords, presentAuditEvent } from './presenter';
import { auditQuery } from './schema';
import { auditEventStream, auditPage } from './service';

const admin = (req: Pick<Request, 'user'>) => authorize(currentUser(req), 'admin.manage', app);

/** The audit trail for administrators: in French, page by page, and as CSV. */
export function auditRoutes(deps: { db: Db; logger: Logger }) {
  const router = Router();

  router.get('/api/admin/audit', signedIn, validate({ query: auditQuery }), async (req, res) => {
    admin(req);
    const filter = req.query;
    const { events, total, pageCount } = await auditPage(deps.db, filter);
    if (!events) throw new NotFoundError(`Cette page du journal n’existe pas : il en compte ${pageCount}.`);
    res.json({ events: events.map(presentAuditEvent), page: filter.page, pageCount, total, ...auditVocabulary });
  });

  /**
   * Every matching event, written by csv-stringify (quoted cells, formulas neutralised: a cell that
   * starts with = + - @, a tab or a carriage return gets a leading '), streamed from a cursor.
   */
  router.get('/api/admin/audit.csv', signedIn, validate({ query: auditQuery }), async (req, res) => {
    admin(req);
    const filter = req.query;
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="journal-audit.csv"' });
    const csv = stringify({
      header: true,
      columns: [...csvColumns],
      delimiter: ';',
      bom: true,
      quoted: true,
      escape_formulas: true,
      record_delimiter: 'unix',
    });
    try {
      await pipeline(auditEventStream(deps.db, filter), csvRecords(), csv, res);
    } catch (error) {
      if (!res.headersSent) throw error;
      // The client left, or the database failed mid-way: the file ends here, cut (never a partial success).
      deps.logger.warn({ err: error }, 'audit export interrupted');
      res.destroy();
    }
  });

  return router;
}
