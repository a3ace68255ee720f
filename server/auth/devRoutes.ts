import { Router } from 'express';
import { auditContextOf, recordAudit } from '../audit/record';
import type { Db } from '../db';
import { UnauthorizedError } from '../errors';
import { publicRoute } from '../http/access';
import { validate } from '../http/validate';
import { devIssuer } from '../seed';
import { presentUser } from '../users/presenter';
import { findActiveUser, listDevUsers } from '../users/service';
import { presentSessionUser } from './presenter';
import { signInRateLimit } from './rateLimit';
import { devLoginSchema } from './schema';
import { startSession } from './session';

/** Embedded default only (never registered with SAML, never in production): the demo accounts. */
export function devAuthRoutes(deps: { db: Db; signInRateLimitPerMinute: number }) {
  const router = Router();
  const { db } = deps;

  router.get('/api/dev/users', publicRoute('embedded default: the demo accounts to sign in as'), async (_req, res) => {
    const users = await listDevUsers(db, devIssuer);
    res.json({ users: users.map(presentUser) });
  });

  router.post(
    '/auth/dev-login',
    publicRoute('embedded default: sign in as a demo account'),
    signInRateLimit(deps.signInRateLimitPerMinute),
    validate({ body: devLoginSchema }),
    async (req, res) => {
      const { email } = req.body;
      const account = await db('users')
        .where({ idp_issuer: devIssuer, is_active: true })
        .whereRaw('lower(email) = lower(?)', [email])
        .first('id');
      const row = account ? await findActiveUser(db, account.id as string) : undefined;
      if (!row) throw new UnauthorizedError("Aucun compte de démonstration n'a cette adresse.");
      await db('users').where({ id: row.id }).update({ last_sign_in_at: db.fn.now() });
      await startSession(req, row.id);
      await recordAudit(
        db,
        { ...auditContextOf(req), actorId: row.id, actorLabel: `${row.display_name} <${row.email}>` },
        {
          action: 'user.sign_in',
          objectType: 'user',
          objectId: row.id,
          changes: { method: 'dev' },
        },
      );
      res.json({ user: presentSessionUser(row), csrfToken: req.session.csrfToken });
    },
  );

  return router;
}
