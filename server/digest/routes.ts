import { Router } from 'express';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { authorize } from '../policies';
import { directorateIdParams, gapsQuery } from './schema';
import { digestOf, gapsOf } from './service';

/** What a directorate follows: "Vos manques" (unanswered queries of its themes, open reports) and its weekly digest. */
export function digestRoutes(deps: { db: Db }) {
  const router = Router();
  const { db } = deps;

  router.get('/api/directorates/:id/gaps', signedIn, validate({ params: directorateIdParams, query: gapsQuery }), async (req, res) => {
    const user = currentUser(req);
    const { id } = req.params;
    authorize(user, 'directorate.follow', { kind: 'directorate', directorateId: id });
    res.json(await gapsOf(db, id, user, req.query));
  });

  // Who may be named verifier of the directorate's schemes (the scheme form's choice).
  router.get('/api/directorates/:id/editors', signedIn, validate({ params: directorateIdParams }), async (req, res) => {
    const { id } = req.params;
    authorize(currentUser(req), 'directorate.follow', { kind: 'directorate', directorateId: id });
    const rows = await db('users')
      .where({ directorate_id: id, role: 'editor', is_active: true })
      .orderBy('display_name')
      .select('id', 'display_name');
    res.json({ editors: rows.map((row) => ({ id: row.id as string, name: row.display_name as string })) });
  });

  router.get('/api/directorates/:id/digest', signedIn, validate({ params: directorateIdParams }), async (req, res) => {
    const user = currentUser(req);
    const { id } = req.params;
    authorize(user, 'directorate.follow', { kind: 'directorate', directorateId: id });
    res.json(await digestOf(db, id, user));
  });

  return router;
}
