import { Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config';
import { NotFoundError, UnauthorizedError } from '../errors';
import { publicRoute } from '../http/access';
import { renderMetrics } from './index';

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** GET /metrics for Prometheus, with `Authorization: Bearer <METRICS_TOKEN>`; absent without a token. */
export function metricsRoutes(config: Config) {
  const router = Router();
  router.get('/metrics', publicRoute('Prometheus scrape, guarded by METRICS_TOKEN'), async (req, res) => {
    if (!config.metricsToken) throw new NotFoundError();
    const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (!sameSecret(given, config.metricsToken)) throw new UnauthorizedError('Jeton de supervision manquant ou invalide.');
    const { contentType, body } = await renderMetrics();
    res.set('Cache-Control', 'no-store').type(contentType).send(body);
  });
  return router;
}
