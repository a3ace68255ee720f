import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { auditContextOf, recordAudit } from '../audit/record';
import type { Config, SamlConfig } from '../config';
import type { Db } from '../db';
import { LogoutMessageRefused, UnauthorizedError } from '../errors';
import { currentUser, publicRoute, signedIn } from '../http/access';
import type { Logger } from '../logger';
import { findActiveUser } from '../users/service';
import { accessDeniedPage, logoutRefusedPage, signInFailedPage } from './pages';
import { presentSessionUser } from './presenter';
import { signInRateLimit } from './rateLimit';
import { safeReturnPath } from './returnPath';
import { createSamlSignIn, requestLifetimeMs, type SignedInBySaml } from './saml';
import { answersThisBrowser, newRequestId, pendingRequestId, rememberRequestId, signInCookieOptions } from './samlBinding';
import { checkLogoutMessage } from './samlLogout';
import { endSession, startSession } from './session';

export const samlPaths = { signIn: '/auth/saml', acs: '/auth/saml/callback', metadata: '/auth/saml/metadata', logoutCallback: '/auth/saml/logout/callback' };

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

  if (saml && config.auth.mode === 'saml') {
    const samlConfig: SamlConfig = config.auth.saml;
    const limiter = signInRateLimit(config.signInRateLimitPerMinute);
    const formBody = express.urlencoded({ extended: false, limit: '512kb', parameterLimit: 10 });

    const isHttps = config.isProduction || new URL(samlConfig.callbackUrl).protocol === 'https:';
    // Scoped to the sign-in paths: the start reads it (to keep other tabs' sign-ins), the ACS checks it.
    const bindingCookie = signInCookieOptions(isHttps, samlPaths.signIn, requestLifetimeMs);

    router.get(samlPaths.signIn, publicRoute('starts SAML sign-in'), limiter, (req, res, next) => {
      // node-saml reads RelayState from the query: give it only a checked path of this app.
      const returnTo = safeReturnPath(req.query.RelayState ?? req.query.returnTo);
      req.url = `${samlPaths.signIn}?RelayState=${encodeURIComponent(returnTo)}`;
      const requestId = newRequestId();
      rememberRequestId(req, res, requestId, bindingCookie);
      pendingRequestId.run(requestId, () => saml.passport.authenticate('saml', { session: false })(req, res, next));
    });

    router.post(samlPaths.acs, publicRoute('SAML ACS: the IdP posts its signed response'), limiter, formBody, (req, res, next) => {
      const samlResponse = (req.body as { SAMLResponse?: unknown } | undefined)?.SAMLResponse;
      if (typeof samlResponse !== 'string') {
        // passport-saml would take a bare POST for a new sign-in; at the ACS it is a broken response.
        void completeSamlSignIn(req, res, { error: new Error('no SAMLResponse posted'), user: undefined }).catch(next);
        return;
      }
      if (!answersThisBrowser(req, res, samlResponse, bindingCookie)) {
        const error = new Error('SAML response to a sign-in this browser did not start (InResponseTo not in its sign-in cookie)');
        void completeSamlSignIn(req, res, { error, user: undefined }).catch(next);
        return;
      }
      saml.passport.authenticate('saml', { session: false }, (error: unknown, user: SignedInBySaml | false | undefined, info?: { accessDenied?: string }) => {
        void completeSamlSignIn(req, res, { error, user, info }).catch(next);
      })(req, res, next);
    });

    router.get(samlPaths.metadata, publicRoute('SP metadata for the IdP'), (_req, res) => {
      res.type('application/samlmetadata+xml').send(saml.strategy.generateServiceProviderMetadata(null, null));
    });

    const logoutCallback = [
      publicRoute('the IdP ends a session (single logout)'),
      formBody,
      async (req: Request, res: Response, next: NextFunction) => {
        try {
          await checkLogoutMessage({ rawQuery: req.originalUrl.split('?')[1] ?? '', query: req.query, body: (req.body ?? {}) as Record<string, unknown> }, samlConfig);
        } catch (error) {
          if (!(error instanceof LogoutMessageRefused)) throw error;
          deps.logger.warn({ err: error, idp: samlConfig.idpIssuer }, 'SAML logout message refused');
          res.status(400).type('html').send(logoutRefusedPage());
          return;
        }
        next();
      },
      saml.passport.initialize(),
      (req: Request, res: Response, next: NextFunction) => {
        saml.passport.authenticate('saml', { session: false }, () => {
          void endSession(req, res).then(() => res.redirect(303, '/'), next);
        })(req, res, next);
      },
      // passport-saml lets a LogoutResponse (the end of a sign-out this app started) pass on.
      (req: Request, res: Response) => endSession(req, res).then(() => res.redirect(303, '/')),
    ];
    router.get(samlPaths.logoutCallback, ...logoutCallback);
    router.post(samlPaths.logoutCallback, ...logoutCallback);

    async function completeSamlSignIn(
      req: Request,
      res: Response,
      outcome: { error: unknown; user: SignedInBySaml | false | undefined; info?: { accessDenied?: string } },
    ) {
      if (outcome.error || !outcome.user) {
        const reason = outcome.info?.accessDenied;
        deps.logger.warn({ err: outcome.error, reason, idp: samlConfig.idpIssuer }, reason ? 'SAML sign-in denied' : 'SAML response refused');
        res
          .status(reason ? 403 : 401)
          .type('html')
          .send(reason ? accessDeniedPage(reason) : signInFailedPage());
        return;
      }
      await startSession(req, outcome.user.userId, outcome.user.saml);
      res.redirect(303, safeReturnPath((req.body as { RelayState?: unknown } | undefined)?.RelayState));
    }
  }

  return router;
}
