import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createApp } from '../server/app';
import { loadConfig, type Config } from '../server/config';
import { createDb, migrateLatest, type Db } from '../server/db';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import { startEmbeddedPostgres, type EmbeddedPostgresService } from '../server/embedded/postgres';
import { createJobHandlers } from '../server/jobs/handlers';
import { enqueueJob } from '../server/jobs/queue';
import { startWorker, type Worker } from '../server/jobs/worker';
import { renderMetrics } from '../server/metrics';
import { createSearch, type Search } from '../search';
import { createStorage, type Storage } from '../storage';
import { signInAs, type SignedIn } from './auth';
import { capturingLogger, uniqueName } from './context';
import { buildDirectorate, buildScheme } from './factories';
import { makeText } from './fixtures/files';

/**
 * The app heals by itself: an embedded service killed with SIGKILL is started again by the app,
 * index jobs wait for Meilisearch instead of dying and converge once it is back, and a job whose
 * outcome could not be written while PostgreSQL was gone is released by its own worker.
 * These services are this file's own and supervised as the app supervises them.
 */
describe('self-healing after a service dies', () => {
  const { logger, lines } = capturingLogger();
  let postgres: EmbeddedPostgresService;
  let meili: EmbeddedMeilisearchService;
  let db: Db;
  let search: Search;
  let storage: Storage;
  let config: Config;
  let app: ReturnType<typeof createApp>;
  let dir: string;
  let editor: SignedIn;
  let schemeId: string;
  let worker: Worker | undefined;

  beforeAll(async () => {
    dir = path.join(inject('services').tmpDir, uniqueName('healing'));
    await mkdir(dir, { recursive: true });
    [postgres, meili] = await Promise.all([
      // Durable (not isThrowaway): a kill -9 must not lose what was committed.
      startEmbeddedPostgres({ dir: path.join(dir, 'pg'), password: 'healing-password-123', database: 'app', logger }),
      startEmbeddedMeilisearch({ dir: path.join(dir, 'meili'), masterKey: 'healing-master-key-123', logger }),
    ]);
    // Short delays: the policy's shape is the app's, its pace the test's.
    postgres.supervise({ firstDelayMs: 300, maxDelayMs: 1000 });
    meili.supervise({ firstDelayMs: 1500, maxDelayMs: 1500 });
    db = createDb(postgres.url, { poolMax: 5, logger });
    await migrateLatest(db);
    config = loadConfig(
      { NODE_ENV: 'test', DATA_DIR: dir, DATABASE_URL: postgres.url, MEILI_URL: meili.url, SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' },
      dir,
    );
    search = createSearch({ url: meili.url, apiKey: meili.masterKey, indexPrefix: 'healing' });
    await search.ensureIndex();
    storage = createStorage(config.storage);
    app = createApp({
      config,
      logger,
      db,
      search,
      storage,
      embedded: [postgres, meili],
      databaseUrl: postgres.url,
      sessionSecret: 'healing-session-secret-0123456789abcdef',
    });
    const directorate = await buildDirectorate(db);
    schemeId = (await buildScheme(db, { directorate_id: directorate.id })).id;
    editor = await signInAs(app, db, { role: 'editor', directorate_id: directorate.id });
  });

  afterAll(async () => {
    await worker?.stop();
    await db.destroy();
    await Promise.allSettled([postgres.stop(), meili.stop()]);
  });

  const readiness = () => request(app).get('/readyz');
  const pidOf = async (file: string) => Number((await readFile(file, 'utf8')).split('\n')[0]);
  const found = async (q: string) =>
    (await search.search({ q, filter: '', facets: [], page: 1, hitsPerPage: 20, isDistinct: true })).hits.map((hit) => hit.documentId);

  it('Meilisearch killed: restarted by the app, the documents published meanwhile become searchable, no job dies', async () => {
    const ids: string[] = [];
    for (const word of ['capucine', 'bégonia', 'digitale']) {
      const response = await editor.agent
        .post('/api/documents')
        .set('X-CSRF-Token', editor.csrfToken)
        .field('folderId', schemeId)
        .field('status', 'published')
        .field('title', `Fiche ${word}`)
        .attach('file', makeText(`Le ${word} pousse au jardin.`), `${word}.txt`)
        .expect(201);
      ids.push(response.body.document.id);
    }
    process.kill(await pidOf(path.join(dir, 'meili', 'meilisearch.pid')), 'SIGKILL');
    await vi.waitFor(async () => expect((await readiness()).body.checks.search.embedded.state).toBe('restarting'), {
      timeout: 10000,
      interval: 20,
    });
    // The worker comes while Meilisearch is down (its restart is 1.5 s away): the index jobs meet the outage.
    worker = startWorker({
      db,
      logger,
      handlers: createJobHandlers({ db, storage, search, logger, config }),
      idleMs: 50,
      leaseSeconds: 2,
      outageRetryMaxSeconds: 1,
    });

    await vi.waitFor(
      async () => expect((await readiness()).body.checks.search).toEqual({ status: 'up', embedded: { state: 'running', restarts: 1 } }),
      { timeout: 20000, interval: 100 },
    );
    for (const [i, word] of ['capucine', 'bégonia', 'digitale'].entries()) {
      await vi.waitFor(async () => expect(await found(word)).toEqual([ids[i]]), { timeout: 20000, interval: 100 });
    }
    // A document is searchable a moment before its job's outcome is recorded: the jobs are read once done.
    await vi.waitFor(
      async () =>
        expect(await db('jobs').where({ type: 'search.syncDocument' }).select('status', 'attempts')).toEqual(
          ids.map(() => ({ status: 'done', attempts: 1 })),
        ),
      { timeout: 20000, interval: 100 },
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, service: 'search', msg: expect.stringMatching(/^search unavailable: jobs? waits? for it$/) }),
    );
    expect(await db('jobs').where({ status: 'dead' }).count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, service: 'meilisearch', msg: 'embedded meilisearch exited unexpectedly' }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, service: 'meilisearch', msg: 'embedded meilisearch restarted' }));
    expect((await renderMetrics()).body).toMatch(/lpt_embedded_restarts_total\{service="meilisearch",outcome="restarted"\} [1-9]/);
    await worker.stop();
    worker = undefined;
  });

  it('PostgreSQL killed: restarted by the app, signed-in requests work again, and the job whose outcome was lost is released by its own worker', async () => {
    let calls = 0;
    let handlerFailure: unknown;
    const killPostgres = async () => {
      calls += 1;
      if (calls > 1) return;
      try {
        process.kill(await pidOf(path.join(dir, 'pg', 'postmaster.pid')), 'SIGKILL');
        // The supervisor's exit event, however late a loaded machine delivers it: a handler that
        // gave up here would fail its job for real (an attempt spent), which is not what this test proves.
        await vi.waitFor(() => expect(postgres.state().state).not.toBe('running'), { timeout: 25000, interval: 10 });
      } catch (error) {
        handlerFailure = error;
        throw error;
      }
    };
    // A lease far longer than the test: only the worker itself can give the job back in time.
    worker = startWorker({ db, logger, handlers: { 'test.killsPostgres': killPostgres }, idleMs: 50, leaseSeconds: 600 });
    const { id } = await enqueueJob(db, 'test.killsPostgres', {});

    await vi.waitFor(async () => expect((await readiness()).body.checks.database.embedded.state).toMatch(/restarting|starting|running/), {
      timeout: 10000,
      interval: 50,
    });
    await vi.waitFor(async () => expect((await readiness()).status).toBe(200), { timeout: 30000, interval: 100 });
    await vi.waitFor(async () => expect((await db('jobs').where({ id }).first()).status).toBe('done'), { timeout: 20000, interval: 100 });
    expect(calls).toBe(2);
    // The first run killed PostgreSQL and returned: its outcome was lost, not a failure.
    expect(handlerFailure).toBeUndefined();
    expect(await db('jobs').where({ id }).first()).toMatchObject({ status: 'done', attempts: 1 });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'released jobs whose outcome could not be recorded; they run again', released: 1 }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, service: 'postgres', msg: 'embedded postgres restarted' }));
    const me = await editor.agent.get('/api/session').expect(200);
    expect(me.body.user.email).toBe(editor.user.email);
    expect((await readiness()).body.checks.database).toMatchObject({ status: 'up', embedded: { state: 'running', restarts: 1 } });
  }, 90000);
});
