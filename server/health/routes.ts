import { Router } from 'express';
import { checkDatabase, type Db } from '../db';
import { publicRoute } from '../http/access';
import type { EmbeddedService } from '../embedded/service';
import type { Search } from '../../search';
import type { Storage } from '../../storage';

type Check = () => Promise<void>;
type CheckResult = { status: 'up' } | { status: 'down'; error: string };
type StorageReport = CheckResult | { status: 'up' | 'full'; warning?: 'low_space'; freeBytes: number; totalBytes: number };
type ServiceKey = 'database' | 'search' | 'storage';

const embeddedFor: Record<ServiceKey, EmbeddedService['name'] | undefined> = {
  database: 'postgres',
  search: 'meilisearch',
  storage: undefined,
};

async function probe(check: Check, timeoutMs: number): Promise<CheckResult> {
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

/**
 * The storage check, with the room left where the driver knows it: `full` (a write failed for want
 * of space, or nearly nothing is left) or a `low_space` warning below `lowSpaceBytes`. Reading and
 * searching still work on a full disk: it is reported, and /readyz stays 200.
 */
async function withSpace(result: CheckResult, storage: Storage, lowSpaceBytes: number): Promise<StorageReport> {
  if (result.status !== 'up') return result;
  const space = await storage.space().catch(() => undefined);
  if (!space) return result;
  const { freeBytes, totalBytes } = space;
  if (space.isFull) return { status: 'full', freeBytes, totalBytes };
  if (freeBytes < lowSpaceBytes) return { status: 'up', warning: 'low_space', freeBytes, totalBytes };
  return result;
}

/** Liveness (the process answers) and readiness (PostgreSQL, Meilisearch and storage answer). */
export function healthRoutes(deps: {
  db: Db;
  search: Search;
  storage: Storage;
  embedded?: EmbeddedService[];
  config: { storageLowSpaceBytes: number };
}) {
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
    const results: StorageReport[] = await Promise.all(keys.map((key) => probe(checks[key], 2000)));
    const storageAt = keys.indexOf('storage');
    results[storageAt] = await withSpace(results[storageAt] as CheckResult, deps.storage, deps.config.storageLowSpaceBytes);
    const report = Object.fromEntries(
      keys.map((key, i) => {
        const embedded = deps.embedded?.find((service) => service.name === embeddedFor[key]);
        return [key, { ...results[i], ...(embedded ? { embedded: embedded.state() } : {}) }];
      }),
    );
    const down = keys.filter((_, i) => results[i]?.status === 'down');
    if (down.length > 0) req.log.warn({ down }, 'not ready');
    const storage = results[storageAt];
    if (storage && 'freeBytes' in storage) req.log.warn({ storage }, storage.status === 'full' ? 'storage full' : 'storage space low');
    res
      .status(down.length === 0 ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: down.length === 0 ? 'ready' : 'unavailable', checks: report });
  });

  return router;
}
