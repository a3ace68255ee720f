import { Router } from 'express';
import { auditContextOf } from '../audit/record';
import { perUserRateLimit } from '../auth/rateLimit';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { presentReport } from './presenter';
import { createReportSchema, listReportsQuery, reportIdParams, updateReportSchema } from './schema';
import { createReport, listReports, updateReport } from './service';

/** Agents' reports on a scheme or a document, and their directorate's answers. */
export function reportRoutes(deps: { db: Db; config: { reports: { rateLimitPerMinute: number } } }) {
  const router = Router();
  const { db } = deps;
  const limiter = perUserRateLimit(deps.config.reports.rateLimitPerMinute);

  router.post('/api/reports', signedIn, limiter, validate({ body: createReportSchema }), async (req, res) => {
    const user = currentUser(req);
    const report = await createReport(db, user, req.body, auditContextOf(req));
    res.status(201).json({ report: presentReport(report, user) });
  });

  router.get('/api/reports', signedIn, validate({ query: listReportsQuery }), async (req, res) => {
    const user = currentUser(req);
    const rows = await listReports(db, user, req.query);
    res.json({ reports: rows.map((row) => presentReport(row, user)) });
  });

  router.patch('/api/reports/:id', signedIn, validate({ params: reportIdParams, body: updateReportSchema }), async (req, res) => {
    const user = currentUser(req);
    const report = await updateReport(db, user, req.params.id, req.body, auditContextOf(req));
    res.json({ report: presentReport(report, user) });
  });

  return router;
}
