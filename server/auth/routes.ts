import { Router } from 'express';
import { auditContextOf, recordAudit } from '../audit/record';
import type { Config } from '../config';
import type { Db } from '../db';
import { UnauthorizedError } from '../errors';
import { currentUser, publicRoute, signedIn } from '../http/access';
import type { Logger } from '../logger';
import { findActiveUser } from '../users/service';
import { presentSessionUser } from './presenter';
import { createSamlSignIn } from './saml';
import { samlPaths, samlRoutes } from './samlRoutes';
import { endSession } from './session';

/** Session, sign-out, and SAML sign-in when it is configured. */
export function authRoutes(deps: { config: Config; db: Db; logger: Logger }) {
  const router = Router();
  const { config, db } = deps;
  const saml = config.auth.mode === 'saml' ? createSamlSignIn({ saml: config.auth.saml, db, logger: deps.logger }) : undefined;

  router.get('/api/auth/method', publicRoute('the sign-in page asks how to sign in'), (_req, res) => {
    res.json({ method: config.auth.mode, signInUrl: config.auth.mode === 'saml' ? samlPaths.signIn : undefined });
  });

  router.get('/api/session', signedIn, async (req, res) => {
    const row = await findActiveUser(db, currentUser(req).id);
    if (!row) throw new UnauthorizedError();
    res.set('Cache-Control', 'no-store').json({ user: presentSessionUser(row), csrfToken: req.session.csrfToken });
  });

  router.post('/auth/logout', signedIn, async (req, res) => {
    const user = currentUser(req);
    const samlSession = req.session.saml;
    let redirect = '/';
    if (saml && samlSession && config.auth.mode === 'saml' && config.auth.saml.logoutUrl) {
      // SAML single logout: the IdP ends its own session too, then comes back to the callback.
      const logoutRequest = { user: samlSession, query: {}, body: {} } as unknown as Parameters<typeof saml.strategy.logout>[0];
      redirect = await new Promise<string>((resolve, reject) =>
        saml.strategy.logout(logoutRequest, (error, url) => (error ? reject(error) : resolve(url ?? '/'))),
      );
    }
    await recordAudit(db, auditContextOf(req), { action: 'user.sign_out', objectType: 'user', objectId: user.id });
    await endSession(req, res);
    res.json({ redirect });
  });

  if (saml && config.auth.mode === 'saml') router.use(samlRoutes({ config, samlConfig: config.auth.saml, saml, logger: deps.logger }));

  return router;
}
