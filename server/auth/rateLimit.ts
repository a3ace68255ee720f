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
