import { Router } from 'express';
import type { Db } from '../db';
import { presentUser } from '../users/presenter';
import { listDevUsers } from '../users/service';

/** Embedded default only (never registered in production): the demo accounts to sign in as. */
export function devAuthRoutes(deps: { db: Db }) {
  const router = Router();
  router.get('/api/dev/users', async (_req, res) => {
    const users = await listDevUsers(deps.db);
    res.json({ users: users.map(presentUser) });
  });
  return router;
}
