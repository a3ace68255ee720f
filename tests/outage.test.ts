import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDb, migrateLatest, type Db } from '../server/db';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import { startEmbeddedPostgres, type EmbeddedPostgresService } from '../server/embedded/postgres';
import { seed } from '../server/seed';
import { createSearch } from '../search';
import { createStorage } from '../storage';
import { capturingLogger, uniqueName } from './context';

/**
 * PostgreSQL or Meilisearch going away while the app runs: /readyz says which, requests that need
 * it answer 503, the process keeps running, and everything recovers once the service is back.
 * These services are this file's own, so stopping them disturbs no other test.
 */
describe('when an embedded service goes away', () => {
  const { logger, lines } = capturingLogger();
  let postgres: EmbeddedPostgresService;
  let meili: EmbeddedMeilisearchService;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let dir: string;

  beforeAll(async () => {
    dir = path.join(inject('services').tmpDir, uniqueName('outage'));
    await mkdir(dir, { recursive: true });
    [postgres, meili] = await Promise.all([
      startEmbeddedPostgres({ dir: path.join(dir, 'pg'), password: 'outage-password-123', database: 'app', logger, isThrowaway: true }),
      startEmbeddedMeilisearch({ dir: path.join(dir, 'meili'), masterKey: 'outage-master-key-123', logger }),
    ]);
    db = createDb(postgres.url, { poolMax: 3, logger });
    await migrateLatest(db);
    await seed(db);
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, DATABASE_URL: postgres.url, MEILI_URL: meili.url }, dir);
    app = createApp({
      config,
      logger,
      db,
      search: createSearch({ url: meili.url, apiKey: meili.masterKey, indexPrefix: 'outage' }),
      storage: createStorage(config.storage),
      embedded: [postgres, meili],
      databaseUrl: postgres.url,
      sessionSecret: 'outage-session-secret-0123456789abcdef',
    });
  });

  afterAll(async () => {
    await db.destroy();
    await Promise.allSettled([postgres.stop(), meili.stop()]);
  });

  /** /readyz once it answers `status` (and, when given, once `isSettled` holds for its body). */
  async function waitForReadiness(
    status: number,
    isSettled: (body: { checks: Record<string, { embedded?: { state: string } }> }) => boolean = () => true,
  ) {
    const deadline = Date.now() + 20000;
    for (;;) {
      const response = await request(app).get('/readyz');
      if ((response.status === status && isSettled(response.body)) || Date.now() > deadline) return response;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('is ready with both services up', async () => {
    const response = await request(app).get('/readyz').expect(200);
    expect(response.body.checks.database).toEqual({ status: 'up', embedded: { state: 'running' } });
    expect(response.body.checks.search).toEqual({ status: 'up', embedded: { state: 'running' } });
  });

  it('Meilisearch dying: /readyz 503 names it, the log says which child died, and a restart recovers', async () => {
    const pid = Number((await readFile(path.join(dir, 'meili', 'meilisearch.pid'), 'utf8')).trim());
    process.kill(pid, 'SIGKILL');
    const down = await waitForReadiness(503, (body) => body.checks.search?.embedded?.state === 'exited');
    expect(down.status).toBe(503);
    expect(down.body.checks.search).toMatchObject({ status: 'down', embedded: { state: 'exited', signal: 'SIGKILL' } });
    expect(down.body.checks.database.status).toBe('up');
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, service: 'meilisearch', msg: 'embedded meilisearch exited unexpectedly' }),
    );

    await meili.start();
    const up = await waitForReadiness(200);
    expect(up.body.checks.search).toEqual({ status: 'up', embedded: { state: 'running' } });
  });

  it('PostgreSQL stopped: /readyz 503 names it, requests that need it answer 503, and it recovers when restarted', async () => {
    await request(app).get('/api/dev/users').expect(200);
    await postgres.stop();

    const down = await waitForReadiness(503);
    expect(down.body.checks.database).toMatchObject({ status: 'down', embedded: { state: 'stopped' } });
    expect(down.body.checks.search.status).toBe('up');
    const refused = await request(app).get('/api/dev/users').expect(503);
    expect(refused.body).toEqual({
      error: { code: 'service_unavailable', message: 'La base de données ne répond pas pour le moment. Réessayez dans quelques instants.' },
    });
    await request(app).get('/healthz').expect(200);

    await postgres.start();
    await waitForReadiness(200);
    const users = await request(app).get('/api/dev/users').expect(200);
    expect(users.body.users.length).toBeGreaterThan(0);
  });

  it('PostgreSQL dying: the log says which child died, /readyz says so', async () => {
    const pid = Number((await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    const down = await waitForReadiness(503, (body) => body.checks.database?.embedded?.state === 'exited');
    expect(down.body.checks.database).toMatchObject({ status: 'down', embedded: { state: 'exited', signal: 'SIGKILL' } });
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, service: 'postgres', msg: 'embedded postgres exited unexpectedly' }));
    await request(app).get('/api/dev/users').expect(503);

    await postgres.start();
    await waitForReadiness(200);
    await request(app).get('/api/dev/users').expect(200);
  });
});
