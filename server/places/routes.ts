import { Router, type Request } from 'express';
import { auditContextOf } from '../audit/record';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { app, authorize } from '../policies';
import { presentPlace } from './presenter';
import { placeObjectTypes, placeSchemas, type PlaceKind } from './schema';
import { createPlace, deletePlace, listActivePlaces, listPlaces, updatePlace } from './service';

const admin = (req: Pick<Request, 'user'>) => authorize(currentUser(req), 'admin.manage', app);

/** The directorates and Maisons de Région: their active list for everyone, their management for administrators. */
export function placeRoutes(deps: { db: Db }) {
  const router = Router();
  const { db } = deps;

  router.get('/api/directorates', signedIn, async (_req, res) => {
    res.json({ directorates: await listActivePlaces(db, 'directorates') });
  });
  router.get('/api/maisons', signedIn, async (_req, res) => {
    res.json({ maisons: await listActivePlaces(db, 'maisons') });
  });

  /** Directorates and Maisons share one shape: code, name, active, and what still refers to them. */
  for (const kind of ['directorates', 'maisons'] as const satisfies PlaceKind[]) {
    const schemas = placeSchemas[kind];
    const objectType = placeObjectTypes[kind];

    router.get(`/api/admin/${kind}`, signedIn, async (req, res) => {
      admin(req);
      const places = await listPlaces(db, kind);
      res.json({ [kind]: places.map((place) => presentPlace(kind, place)) });
    });

    router.post(`/api/admin/${kind}`, signedIn, validate({ body: schemas.create }), async (req, res) => {
      admin(req);
      const place = await createPlace(db, auditContextOf(req), kind, req.body);
      res.status(201).json({ [objectType]: presentPlace(kind, place) });
    });

    router.patch(`/api/admin/${kind}/:id`, signedIn, validate({ params: schemas.params, body: schemas.update }), async (req, res) => {
      admin(req);
      const place = await updatePlace(db, auditContextOf(req), kind, req.params.id, req.body);
      res.json({ [objectType]: presentPlace(kind, place) });
    });

    router.delete(`/api/admin/${kind}/:id`, signedIn, validate({ params: schemas.params }), async (req, res) => {
      admin(req);
      await deletePlace(db, auditContextOf(req), kind, req.params.id);
      res.status(204).end();
    });
  }

  return router;
}
