import { Router, type Request } from 'express';
import { auditContextOf } from '../audit/record';
import type { Db } from '../db';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { app, authorize } from '../policies';
import { presentAdminUser } from './presenter';
import { updateUserSchema, userParams, usersQuery } from './schema';
import { listUsers, setUserActive } from './service';

const admin = (req: Pick<Request, 'user'>) => authorize(currentUser(req), 'admin.manage', app);

/** The users, for administrators: listed, filtered, deactivated or reactivated. */
export function userRoutes(deps: { db: Db }) {
  const router = Router();

  router.get('/api/admin/users', signedIn, validate({ query: usersQuery }), async (req, res) => {
    admin(req);
    const users = await listUsers(deps.db, req.query);
    res.json({ users: users.map(presentAdminUser) });
  });

  router.patch('/api/admin/users/:id', signedIn, validate({ params: userParams, body: updateUserSchema }), async (req, res) => {
    admin(req);
    res.json(await setUserActive(deps.db, auditContextOf(req), req.params.id, req.body.isActive));
  });

  return router;
}
