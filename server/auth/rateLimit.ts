import { rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../errors';

/** Sign-in attempts per IP and minute (memory store: per instance). */
export function signInRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new RateLimitedError()),
  });
}
