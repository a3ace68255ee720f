import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

/**
 * Says once, in the log, that requests come through a proxy the app does not trust: their
 * X-Forwarded-Proto says https but the request is not taken as HTTPS (so the Secure session cookie
 * is never set and sign-in fails), or they name a client (X-Forwarded-For) while no proxy is
 * trusted (so every user behind the proxy shares one rate-limit bucket). A spoofed header can
 * trigger it too: one line per process, whatever the traffic.
 */
export function untrustedProxyWarning(deps: { logger: Logger; isProduction: boolean; trustsNoProxy: boolean }): RequestHandler {
  let hasWarned = false;
  return (req, _res, next) => {
    if (!hasWarned) {
      const saysHttps = req.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
      const namesClient = req.get('x-forwarded-for') !== undefined;
      if ((deps.isProduction && saysHttps && !req.secure) || (deps.trustsNoProxy && namesClient)) {
        hasWarned = true;
        deps.logger.warn(
          { peer: req.socket.remoteAddress, forwardedProto: req.get('x-forwarded-proto') },
          'requests carry X-Forwarded-* headers from a peer TRUST_PROXY does not trust: client addresses and HTTPS are ignored (shared rate limits, no Secure session cookie, sign-in fails); set TRUST_PROXY to the proxy if there is one',
        );
      }
    }
    next();
  };
}
