import { rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../errors';

/** Sign-in attempts per client address (req.ip, as TRUST_PROXY lets it be known) and minute (memory store: per instance). */
export function signInRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Which peers may name the client (X-Forwarded-For) is TRUST_PROXY's decision (server/config.ts).
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new RateLimitedError()),
  });
}

/**
 * Calls per signed-in user and minute (memory store: per instance), for writes a person makes by
 * hand (an agent's reports): mounted after `signedIn`, so it always knows who is calling. Only the
 * writes that succeeded count.
 */
export function perUserRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `user:${req.user?.id ?? 'anonymous'}`,
    // What is counted is what was stored: a refused request (400, 403…) spends nothing.
    skipFailedRequests: true,
    handler: (_req, _res, next) => next(new RateLimitedError()),
  });
}
