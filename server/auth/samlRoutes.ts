import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Config, SamlConfig } from '../config';
import { LogoutMessageRefused } from '../errors';
import { publicRoute } from '../http/access';
import type { Logger } from '../logger';
import { accessDeniedPage, logoutRefusedPage, signInFailedPage } from './pages';
import { signInRateLimit } from './rateLimit';
import { safeReturnPath } from './returnPath';
import { requestLifetimeMs, type createSamlSignIn, type SignedInBySaml } from './saml';
import { answersThisBrowser, newRequestId, pendingRequestId, rememberRequestId, signInCookieOptions } from './samlBinding';
import { checkLogoutMessage } from './samlLogout';
import { endSession, startSession } from './session';

export const samlPaths = {
  signIn: '/auth/saml',
  acs: '/auth/saml/callback',
  metadata: '/auth/saml/metadata',
  logoutCallback: '/auth/saml/logout/callback',
};

/** The IdP's posted forms (the signed response, a logout message). */
const formBody = express.urlencoded({ extended: false, limit: '512kb', parameterLimit: 10 });

interface SamlDeps {
  config: Config;
  samlConfig: SamlConfig;
  saml: ReturnType<typeof createSamlSignIn>;
  logger: Logger;
}

/** SAML sign-in (start, ACS), the SP metadata, and the IdP's single logout. */
export function samlRoutes(deps: SamlDeps) {
  const router = Router();
  const { config, samlConfig, saml } = deps;
  const limiter = signInRateLimit(config.signInRateLimitPerMinute);

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
      void completeSamlSignIn(deps, req, res, { error: new Error('no SAMLResponse posted'), user: undefined }).catch(next);
      return;
    }
    if (!answersThisBrowser(req, res, samlResponse, bindingCookie)) {
      const error = new Error('SAML response to a sign-in this browser did not start (InResponseTo not in its sign-in cookie)');
      void completeSamlSignIn(deps, req, res, { error, user: undefined }).catch(next);
      return;
    }
    saml.passport.authenticate(
      'saml',
      { session: false },
      (error: unknown, user: SignedInBySaml | false | undefined, info?: { accessDenied?: string }) => {
        void completeSamlSignIn(deps, req, res, { error, user, info }).catch(next);
      },
    )(req, res, next);
  });

  router.get(samlPaths.metadata, publicRoute('SP metadata for the IdP'), (_req, res) => {
    res.type('application/samlmetadata+xml').send(saml.strategy.generateServiceProviderMetadata(null, null));
  });

  const logoutCallback = logoutCallbackHandlers(deps);
  router.get(samlPaths.logoutCallback, ...logoutCallback);
  router.post(samlPaths.logoutCallback, ...logoutCallback);

  return router;
}

/** The IdP's single logout: a checked message ends the session. */
function logoutCallbackHandlers(deps: SamlDeps) {
  const { saml, samlConfig } = deps;
  return [
    publicRoute('the IdP ends a session (single logout)'),
    formBody,
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await checkLogoutMessage(
          { rawQuery: req.originalUrl.split('?')[1] ?? '', query: req.query, body: (req.body ?? {}) as Record<string, unknown> },
          samlConfig,
        );
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
}

/** The end of a SAML sign-in: the session starts, or a page says why not. */
async function completeSamlSignIn(
  deps: SamlDeps,
  req: Request,
  res: Response,
  outcome: { error: unknown; user: SignedInBySaml | false | undefined; info?: { accessDenied?: string } },
) {
  if (outcome.error || !outcome.user) {
    const reason = outcome.info?.accessDenied;
    deps.logger.warn(
      { err: outcome.error, reason, idp: deps.samlConfig.idpIssuer },
      reason ? 'SAML sign-in denied' : 'SAML response refused',
    );
    res
      .status(reason ? 403 : 401)
      .type('html')
      .send(reason ? accessDeniedPage(reason) : signInFailedPage());
    return;
  }
  await startSession(req, outcome.user.userId, outcome.user.saml);
  res.redirect(303, safeReturnPath((req.body as { RelayState?: unknown } | undefined)?.RelayState));
}
