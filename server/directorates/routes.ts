import { Router } from 'express';
import type { Db } from '../db';
import { signedIn } from '../http/access';

/** The directorates and Maisons de Région, for forms and filters. */
export function directorateRoutes(deps: { db: Db }) {
  const router = Router();
  router.get('/api/directorates', signedIn, async (_req, res) => {
    const rows = await deps.db('directorates').where({ is_active: true }).orderBy('name').select('id', 'code', 'name');
    res.json({ directorates: rows });
  });
  router.get('/api/maisons', signedIn, async (_req, res) => {
    const rows = await deps.db('maisons').where({ is_active: true }).orderBy('name').select('id', 'code', 'name', 'city');
    res.json({ maisons: rows });
  });
  return router;
}
