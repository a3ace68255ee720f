import { Router } from 'express';
import { auditContextOf, recordAudit } from '../audit/record';
import type { Db } from '../db';
import { ConflictError, NotFoundError } from '../errors';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { jobListQuery, jobParams } from './schema';
import { app, authorize } from '../policies';

/** Jobs for administrators: the failed ones with their error, and a retry. */
export function jobRoutes(deps: { db: Db }) {
  const router = Router();
  const { db } = deps;

  router.get('/api/jobs', signedIn, validate({ query: jobListQuery }), async (req, res) => {
    authorize(currentUser(req), 'admin.manage', app);
    const { status } = req.query;
    const rows = await db('jobs')
      .where({ status })
      .orderBy('updated_at', 'desc')
      .limit(200)
      .select('id', 'type', 'payload', 'status', 'attempts', 'max_attempts', 'last_error', 'run_at', 'updated_at');
    const counts = await db('jobs').groupBy('status').select('status', db.raw('count(*)::int as n'));
    res.json({
      jobs: rows.map((row) => ({
        id: row.id,
        type: row.type,
        payload: row.payload,
        status: row.status,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        lastError: row.last_error,
        runAt: row.run_at,
        updatedAt: row.updated_at,
      })),
      counts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    });
  });

  router.post('/api/jobs/:id/retry', signedIn, validate({ params: jobParams }), async (req, res) => {
    authorize(currentUser(req), 'admin.manage', app);
    const id = Number(req.params.id);
    await db.transaction(async (trx) => {
      const updated = await trx('jobs')
        .where({ id, status: 'dead' })
        .update({ status: 'queued', attempts: 0, run_at: trx.fn.now(), finished_at: null, updated_at: trx.fn.now() });
      if (updated === 0) {
        const exists = await trx('jobs').where({ id }).first('id');
        if (!exists) throw new NotFoundError('Cette tâche est introuvable.');
        throw new ConflictError("Cette tâche n'est pas en échec : rien à relancer.");
      }
      await recordAudit(trx, auditContextOf(req), { action: 'job.retried', objectType: 'job', objectId: String(id) });
    });
    res.json({ retried: id });
  });

  return router;
}
