import { Router } from 'express';
import { auditContextOf } from '../audit/record';
import { perUserRateLimit } from '../auth/rateLimit';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { presentReport } from './presenter';
import { createReportSchema, listReportsQuery, reportIdParams, updateReportSchema } from './schema';
import { createReport, listReports, updateReport } from './service';

/** Agents' reports on a scheme or a document, and their directorate's answers. */
export function reportRoutes(deps: { db: Db; config: { reports: { rateLimitPerMinute: number } } }) {
  const router = Router();
  const { db } = deps;
  const limiter = perUserRateLimit(deps.config.reports.rateLimitPerMinute);

  router.post('/api/reports', signedIn, limiter, async (req, res) => {
    const user = currentUser(req);
    const input = createReportSchema.parse(req.body);
    const report = await createReport(db, user, input, auditContextOf(req));
    res.status(201).json({ report: presentReport(report, user) });
  });

  router.get('/api/reports', signedIn, async (req, res) => {
    const user = currentUser(req);
    const rows = await listReports(db, user, listReportsQuery.parse(req.query));
    res.json({ reports: rows.map((row) => presentReport(row, user)) });
  });

  router.patch('/api/reports/:id', signedIn, async (req, res) => {
    const user = currentUser(req);
    const { id } = reportIdParams.parse(req.params);
    const input = updateReportSchema.parse(req.body);
    const report = await updateReport(db, user, id, input, auditContextOf(req));
    res.json({ report: presentReport(report, user) });
  });

  return router;
}
