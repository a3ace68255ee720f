import { Router } from 'express';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { newsQuerySchema } from './schema';
import { newsOf, recordNewsVisit } from './service';

/** Nouveautés: what changed lately, by day, marked new since the agent's last visit. */
export function newsRoutes(deps: { db: Db }) {
  const router = Router();

  router.get('/api/news', signedIn, validate({ query: newsQuerySchema }), async (req, res) => {
    res.json(await newsOf(deps.db, currentUser(req), req.query));
  });

  router.post('/api/news/visit', signedIn, async (req, res) => {
    await recordNewsVisit(deps.db, currentUser(req));
    res.status(204).end();
  });

  return router;
}
