import { Router } from 'express';
import { checkDatabase, type Db } from '../db';
import { publicRoute } from '../http/access';
import type { EmbeddedService } from '../embedded/service';
import type { Search } from '../../search';
import type { Storage } from '../../storage';

type Check = () => Promise<void>;
type ServiceKey = 'database' | 'search' | 'storage';

const embeddedFor: Record<ServiceKey, EmbeddedService['name'] | undefined> = {
  database: 'postgres',
  search: 'meilisearch',
  storage: undefined,
};

async function probe(check: Check, timeoutMs: number): Promise<{ status: 'up' } | { status: 'down'; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { status: 'down', error: cause instanceof Error ? cause.message : String(cause) };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (the process answers) and readiness (PostgreSQL, Meilisearch and storage answer). */
export function healthRoutes(deps: { db: Db; search: Search; storage: Storage; embedded?: EmbeddedService[] }) {
  const router = Router();
  const checks: Record<ServiceKey, Check> = {
    database: () => checkDatabase(deps.db),
    search: () => deps.search.checkHealth(),
    storage: () => deps.storage.checkHealth(),
  };

  router.get('/healthz', publicRoute('liveness probe'), (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  router.get('/readyz', publicRoute('readiness probe'), async (req, res) => {
    const keys = Object.keys(checks) as ServiceKey[];
    const results = await Promise.all(keys.map((key) => probe(checks[key], 2000)));
    const report = Object.fromEntries(
      keys.map((key, i) => {
        const embedded = deps.embedded?.find((service) => service.name === embeddedFor[key]);
        return [key, { ...results[i], ...(embedded ? { embedded: embedded.state() } : {}) }];
      }),
    );
    const down = keys.filter((_, i) => results[i]?.status === 'down');
    if (down.length > 0) req.log.warn({ down }, 'not ready');
    res
      .status(down.length === 0 ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: down.length === 0 ? 'ready' : 'unavailable', checks: report });
  });

  return router;
}
