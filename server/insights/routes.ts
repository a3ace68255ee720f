import { Router } from 'express';
import { auditContextOf } from '../audit/record';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { app, authorize } from '../policies';
import { actOnGap } from './gaps';
import { gapActionSchema, insightsQuerySchema } from './schema';
import { searchInsights } from './service';

/** What agents search and do not find, for directorates and administrators, and what they do about it. */
export function insightsRoutes(deps: { db: Db }) {
  const router = Router();

  router.get('/api/search/insights', signedIn, validate({ query: insightsQuerySchema }), async (req, res) => {
    authorize(currentUser(req), 'insights.read', app);
    res.json(await searchInsights(deps.db, req.query));
  });

  router.post('/api/insights/gaps', signedIn, validate({ body: gapActionSchema }), async (req, res) => {
    const user = currentUser(req);
    authorize(user, 'insights.read', app);
    const gap = await actOnGap(deps.db, user, req.body, auditContextOf(req));
    res.status(201).json({ gap });
  });

  return router;
}
