import { DOMParser } from '@xmldom/xmldom';
import type { CookieOptions, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * Binds a SAML sign-in to the browser that started it (against login CSRF: a valid, unposted
 * response obtained by one person, posted from another's browser, would sign that browser in as the
 * first). Starting a sign-in puts the AuthnRequest ID in a short-lived HttpOnly cookie scoped to the
 * sign-in paths (/auth/saml…); the ACS accepts a response only when its InResponseTo is one of the IDs in that cookie.
 *
 * The IdP posts the response cross-site, which a SameSite=Lax cookie does not follow: over HTTPS the
 * cookie is `Secure; SameSite=None` (still HttpOnly, path /auth/saml, 10 minutes); over
 * plain http (development, tests) browsers refuse SameSite=None without Secure, so it is Lax there,
 * which works with an IdP on the same site (a local test IdP).
 */

export const signInCookieName = 'lpt.saml_request';
/** Sign-ins started in other tabs stay valid: the most recent few IDs are kept. */
const rememberedMax = 4;

/** The AuthnRequest ID node-saml is to use for the sign-in being started (see createSamlSignIn). */
export const pendingRequestId = new AsyncLocalStorage<string>();

export const newRequestId = () => `_${randomBytes(20).toString('hex')}`;

const idPattern = /^_[0-9a-f]{40}$/;
const cookiePattern = new RegExp(`(?:^|;)\\s*${signInCookieName.replace('.', '\\.')}=([^;]*)`);

function requestIdsOf(req: Request): string[] {
  const value = cookiePattern.exec(req.headers.cookie ?? '')?.[1] ?? '';
  return value.split('.').filter((id) => idPattern.test(id));
}

export function signInCookieOptions(isSecure: boolean, path: string, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, secure: isSecure, sameSite: isSecure ? 'none' : 'lax', path, maxAge: maxAgeMs };
}

export function rememberRequestId(req: Request, res: Response, id: string, options: CookieOptions): void {
  const ids = [...requestIdsOf(req).filter((known) => known !== id), id].slice(-rememberedMax);
  res.cookie(signInCookieName, ids.join('.'), { ...options, encode: String });
}

/** Whether the posted SAMLResponse answers a sign-in this browser started; the ID is then forgotten. */
export function answersThisBrowser(req: Request, res: Response, samlResponse: string, options: CookieOptions): boolean {
  let inResponseTo: string | null | undefined;
  try {
    const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
    inResponseTo = new DOMParser({ onError: () => undefined })
      .parseFromString(xml, 'text/xml')
      .documentElement?.getAttribute('InResponseTo');
  } catch {
    return false;
  }
  const ids = requestIdsOf(req);
  if (!inResponseTo || !ids.includes(inResponseTo)) return false;
  const rest = ids.filter((id) => id !== inResponseTo);
  if (rest.length > 0) res.cookie(signInCookieName, rest.join('.'), { ...options, encode: String });
  else res.clearCookie(signInCookieName, { ...options, maxAge: undefined });
  return true;
}
