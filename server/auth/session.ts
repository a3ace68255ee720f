import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { unsign } from 'cookie-signature';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config';
import type { Db } from '../db';
import { ForbiddenError, UnauthorizedError, UnsupportedMediaTypeError } from '../errors';
import type { Logger } from '../logger';
import { findActiveUser, toActor } from '../users/service';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    createdAt: number;
    lastSeenAt: number;
    csrfToken: string;
    /** How the IdP knows this session, for single logout. */
    saml?: { issuer: string; nameID: string; nameIDFormat: string; sessionIndex?: string };
  }
}

export const sessionCookieName = 'lpt.sid';

/**
 * Sessions in PostgreSQL (connect-pg-simple, table `sessions`): any app instance serves any user.
 * `close()` ends its connections, before PostgreSQL stops on a clean shutdown.
 */
export function sessionMiddleware(deps: {
  config: Config;
  databaseUrl: string;
  sessionSecret: string;
  logger: Logger;
}): RequestHandler & { close(): Promise<void> } {
  const PgStore = connectPgSimple(session);
  const pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 4, idleTimeoutMillis: 10000, allowExitOnIdle: true });
  pool.on('error', (error) => deps.logger.warn({ err: error, component: 'sessions' }, 'session pool connection lost'));
  const middleware = session({
    name: sessionCookieName,
    secret: deps.sessionSecret,
    store: new PgStore({
      pool,
      tableName: 'sessions',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
      // The session's expiry is absolute (cookie maxAge): no UPDATE on every request.
      disableTouch: true,
      errorLog: (...args: unknown[]) =>
        deps.logger.warn({ component: 'sessions', detail: args.map(String).join(' ') }, 'session store error'),
    }),
    resave: false,
    saveUninitialized: false,
    // 'keep': a request whose session could not be read (PostgreSQL down) must not delete it on
    // its way out; signing out destroys the session explicitly (endSession).
    unset: 'keep',
    cookie: {
      httpOnly: true,
      secure: deps.config.isProduction,
      sameSite: 'lax',
      path: '/',
      maxAge: deps.config.session.absoluteTimeoutMs,
    },
  });
  // express-session saves or destroys the session after the answer is written; if that fails it
  // passes the error on, and Express can only end the connection of an answer already sent (a
  // reset for the client's next request on it). The answer stands; the log says what was lost.
  const handler: RequestHandler = (req, res, next) =>
    middleware(req, res, (error?: unknown) => {
      if (error !== undefined && res.headersSent) {
        deps.logger.warn({ err: error, component: 'sessions' }, 'session not saved after the answer was sent');
        return;
      }
      next(error);
    });
  return Object.assign(handler, { close: () => pool.end() });
}

const sessionCookiePattern = new RegExp(`(?:^|;)\\s*${sessionCookieName.replace('.', '\\.')}=([^;]*)`);

/** Signed session cookies remembered as such (a signed-in user sends the same one request after request). */
const verifiedCookiesMax = 10000;

/**
 * Whether a request carries a session cookie this app signed (as express-session signs it). Says
 * nothing of the session itself, which may have ended: only `loadUser` knows who is signed in.
 * Each cookie value that verifies is remembered, so its HMAC is computed once, not per request.
 */
export function signedSessionCookieTest(sessionSecret: string): (req: Request) => boolean {
  const verified = new Set<string>();
  return (req) => {
    const value = sessionCookiePattern.exec(req.headers.cookie ?? '')?.[1];
    if (!value) return false;
    if (verified.has(value)) return true;
    try {
      const decoded = decodeURIComponent(value);
      if (!decoded.startsWith('s:') || unsign(decoded.slice(2), sessionSecret) === false) return false;
    } catch {
      return false;
    }
    if (verified.size >= verifiedCookiesMax) verified.clear();
    verified.add(value);
    return true;
  };
}

const promisify = (run: (done: (error?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve())));

/** Signs the user in with a new session id (the old one, if any, stops working). */
export async function startSession(req: Request, userId: string, saml?: session.SessionData['saml']): Promise<void> {
  await promisify((done) => req.session.regenerate(done));
  const now = Date.now();
  req.session.userId = userId;
  req.session.createdAt = now;
  req.session.lastSeenAt = now;
  req.session.csrfToken = randomBytes(32).toString('base64url');
  req.session.saml = saml;
  await promisify((done) => req.session.save(done));
}

export async function endSession(req: Request, res: Response): Promise<void> {
  await promisify((done) => req.session.destroy(done));
  res.clearCookie(sessionCookieName, { path: '/' });
  req.user = undefined;
}

/**
 * Puts the signed-in user on req.user. A session past its idle or absolute timeout, or whose user
 * is gone or deactivated, is ended.
 */
export function loadUser(deps: { db: Db; config: Config }): RequestHandler {
  const { idleTimeoutMs, absoluteTimeoutMs } = deps.config.session;
  return async (req, res, next) => {
    const data = req.session;
    if (!data?.userId) {
      next();
      return;
    }
    const now = Date.now();
    const isExpired = now - (data.createdAt ?? 0) > absoluteTimeoutMs || now - (data.lastSeenAt ?? 0) > idleTimeoutMs;
    const row = isExpired ? undefined : await findActiveUser(deps.db, data.userId);
    if (!row) {
      await endSession(req, res);
      next();
      return;
    }
    req.user = toActor(row);
    // Written back at most once a minute, to spare a write per request.
    if (now - (data.lastSeenAt ?? 0) > 60000) data.lastSeenAt = now;
    next();
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * CSRF protection of every state-changing request: the synchronizer token of the session, sent as
 * X-CSRF-Token. Signed-out requests (sign-in) must be JSON, which a cross-site form cannot send;
 * the SAML endpoints the IdP posts to are exempt (their messages are signed).
 */
export function csrfProtection(exemptPaths: string[], signedOutJsonPaths: string[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const path = `${req.baseUrl}${req.path}`;
    if (safeMethods.has(req.method) || exemptPaths.includes(path)) {
      next();
      return;
    }
    if (signedOutJsonPaths.includes(path)) {
      if (!req.is('application/json')) throw new UnsupportedMediaTypeError();
      next();
      return;
    }
    if (!req.user || !req.session.csrfToken) throw new UnauthorizedError();
    const given = req.get('x-csrf-token');
    if (!given || !sameToken(req.session.csrfToken, given)) {
      throw new ForbiddenError('Le jeton de sécurité de la demande manque ou ne correspond pas. Rechargez la page et réessayez.');
    }
    next();
  };
}
