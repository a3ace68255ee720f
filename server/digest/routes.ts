import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { idParams } from '../http/params';
import { authorize } from '../policies';
import { digestOf, gapsOf } from './service';

const directorateIdParams = idParams('Cette direction est introuvable.');
export const gapsQuery = z.object({ days: z.coerce.number({ error: 'Un nombre de jours, de 1 à 366.' }).int({ error: 'Un nombre de jours, de 1 à 366.' }).min(1, { error: 'Un nombre de jours, de 1 à 366.' }).max(366, { error: 'Un nombre de jours, de 1 à 366.' }).default(30) }).strict();

/** What a directorate follows: "Vos manques" (unanswered queries of its themes, open reports) and its weekly digest. */
export function digestRoutes(deps: { db: Db }) {
  const router = Router();
  const { db } = deps;

  router.get('/api/directorates/:id/gaps', signedIn, async (req, res) => {
    const user = currentUser(req);
    const { id } = directorateIdParams.parse(req.params);
    authorize(user, 'directorate.follow', { kind: 'directorate', directorateId: id });
    res.json(await gapsOf(db, id, user, gapsQuery.parse(req.query)));
  });

  // Who may be named verifier of the directorate's schemes (the scheme form's choice).
  router.get('/api/directorates/:id/editors', signedIn, async (req, res) => {
    const { id } = directorateIdParams.parse(req.params);
    authorize(currentUser(req), 'directorate.follow', { kind: 'directorate', directorateId: id });
    const rows = await db('users').where({ directorate_id: id, role: 'editor', is_active: true }).orderBy('display_name').select('id', 'display_name');
    res.json({ editors: rows.map((row) => ({ id: row.id as string, name: row.display_name as string })) });
  });

  router.get('/api/directorates/:id/digest', signedIn, async (req, res) => {
    const user = currentUser(req);
    const { id } = directorateIdParams.parse(req.params);
    authorize(user, 'directorate.follow', { kind: 'directorate', directorateId: id });
    res.json(await digestOf(db, id, user));
  });

  return router;
}
