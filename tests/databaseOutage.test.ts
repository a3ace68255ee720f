import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { closeApp, createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createDb, migrateLatest, type Db } from '../server/db';
import { startEmbeddedPostgres, type EmbeddedPostgresService } from '../server/embedded/postgres';
import { closeGracefully, listen } from '../server/http/listen';
import { seed } from '../server/seed';
import { createSearch } from '../search';
import { createStorage } from '../storage';
import { capturingLogger, uniqueName } from './context';
import { buildUser } from './factories';
import { devIssuer } from '../server/seed';

interface Answer {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  /** Whether the request went out on a connection an earlier request had used. */
  isReusedSocket: boolean;
}

const unavailable = {
  error: { code: 'service_unavailable', message: 'La base de données ne répond pas pour le moment. Réessayez dans quelques instants.' },
};

/**
 * PostgreSQL down or frozen under a running HTTP server: every request gets an HTTP answer (503
 * `service_unavailable`), within a bound, on kept-alive connections as on fresh ones; never a reset.
 * The PostgreSQL is this file's own, so killing and freezing it disturbs no other test.
 */
describe('HTTP answers while PostgreSQL is down or stalled', () => {
  const { logger } = capturingLogger();
  let postgres: EmbeddedPostgresService;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let server: http.Server;
  let port: number;
  let cookie: string;
  let dir: string;
  const requestBoundMs = 1000;

  beforeAll(async () => {
    const services = inject('services');
    dir = path.join(services.tmpDir, uniqueName('dbdown'));
    await mkdir(dir, { recursive: true });
    postgres = await startEmbeddedPostgres({
      dir: path.join(dir, 'pg'),
      password: 'dbdown-password-123',
      database: 'app',
      logger,
      isThrowaway: true,
    });
    db = createDb(postgres.url, { poolMax: 3, logger });
    await migrateLatest(db);
    await seed(db);
    const config = loadConfig(
      {
        NODE_ENV: 'test',
        DATA_DIR: dir,
        DATABASE_URL: postgres.url,
        MEILI_URL: services.meili.url,
        REQUEST_TIMEOUT_MS: String(requestBoundMs),
      },
      dir,
    );
    const search = createSearch({ url: services.meili.url, apiKey: services.meili.masterKey, indexPrefix: uniqueName('dbdown') });
    await search.ensureIndex();
    app = createApp({
      config,
      logger,
      db,
      search,
      storage: createStorage(config.storage),
      embedded: [postgres],
      databaseUrl: postgres.url,
      sessionSecret: 'dbdown-session-secret-0123456789abcdef',
    });
    server = await listen(app, '127.0.0.1', 0);
    port = (server.address() as AddressInfo).port;
    const user = await buildUser(db, { role: 'agent', idp_issuer: devIssuer });
    const signIn = await send(new http.Agent(), 'POST', '/auth/dev-login', { body: { email: user.email } });
    expect(signIn.status).toBe(200);
    cookie = signIn.cookie ?? '';
  });

  afterAll(async () => {
    await closeGracefully(server, 1000);
    await closeApp(app);
    await db.destroy();
    await postgres.stop().catch(() => undefined);
  });

  /** One HTTP request with node's own client: a reset rejects, any HTTP answer resolves. */
  function send(
    agent: http.Agent,
    method: string,
    pathname: string,
    options: { body?: unknown; cookie?: string } = {},
  ): Promise<Answer & { cookie?: string }> {
    return new Promise((resolve, reject) => {
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: pathname,
          agent,
          headers: {
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json' } : {}),
            ...(options.cookie ? { cookie: options.cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              body: text ? (JSON.parse(text) as Answer['body']) : {},
              isReusedSocket: req.reusedSocket,
              cookie: res.headers['set-cookie']?.map((line) => line.split(';')[0]).join('; '),
            });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  const signedInRoutes = ['/api/session', '/api/folders', '/api/documents/00000000-0000-4000-8000-000000000000', '/api/search?q=camping'];

  async function sequentialOnOneConnection(count: number) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answers: Answer[] = [];
    try {
      for (let i = 0; i < count; i += 1)
        answers.push(await send(agent, 'GET', signedInRoutes[i % signedInRoutes.length] as string, { cookie }));
    } finally {
      agent.destroy();
    }
    return answers;
  }

  async function readiness() {
    return send(new http.Agent(), 'GET', '/readyz');
  }

  it('is up: a signed-in agent is served', async () => {
    const answers = await sequentialOnOneConnection(4);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 200]);
  });

  /** The postmaster and every backend it forked: SIGSTOP to all of them freezes PostgreSQL. */
  async function postgresProcesses(): Promise<number[]> {
    const postmaster = Number((await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const children = (await readFile(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8'))
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [postmaster, ...children];
  }

  async function freezePostgres(): Promise<() => void> {
    const pids = await postgresProcesses();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    return () => {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    };
  }

  it('PostgreSQL frozen for less than the bound: the requests under way are answered normally once it resumes', async () => {
    await sequentialOnOneConnection(4);
    const thaw = await freezePostgres();
    const arrived = new Promise<void>((resolve) => server.once('request', () => resolve()));
    const answers = Promise.all([
      send(new http.Agent(), 'GET', '/api/session', { cookie }),
      send(new http.Agent(), 'GET', '/api/folders', { cookie }),
    ]);
    await arrived;
    thaw();
    expect((await answers).map((answer) => answer.status)).toEqual([200, 200]);
  });

  it('PostgreSQL frozen for longer than the bound: every request gets its 503 while it is frozen, kept-alive or fresh; all works once it resumes', async () => {
    await sequentialOnOneConnection(4);
    const thaw = await freezePostgres();
    let answers: Answer[];
    let fresh: Answer[];
    try {
      answers = await sequentialOnOneConnection(6);
      fresh = await Promise.all(signedInRoutes.map((route) => send(new http.Agent(), 'GET', route, { cookie })));
    } finally {
      // Every answer above came while PostgreSQL was still frozen: the bound held.
      thaw();
    }
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 503));
    expect(answers.every((answer, i) => answer.isReusedSocket === i > 0)).toBe(true);
    for (const answer of [...answers, ...fresh]) expect(answer.body).toEqual(unavailable);

    await vi.waitFor(async () => expect((await readiness()).status).toBe(200), { timeout: 20000, interval: 100 });
    const back = await sequentialOnOneConnection(4);
    expect(back.map((answer) => answer.status)).toEqual([200, 200, 404, 200]);
  });

  it('PostgreSQL killed: 20 requests on one kept-alive connection all get a 503, and so does a fresh connection', async () => {
    // The pools hold connections that PostgreSQL's death turns into dead sockets.
    await sequentialOnOneConnection(4);
    process.kill(Number((await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]), 'SIGKILL');
    await vi.waitFor(() => expect(postgres.state().state).toBe('exited'), { timeout: 10000, interval: 20 });

    const answers = await sequentialOnOneConnection(20);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 503));
    expect(answers.every((answer, i) => answer.isReusedSocket === i > 0)).toBe(true);
    for (const answer of answers) expect(answer.body).toEqual(unavailable);
    const fresh = await send(new http.Agent(), 'GET', '/api/session', { cookie });
    expect(fresh).toMatchObject({ status: 503, body: unavailable });
    const signIn = await send(new http.Agent(), 'POST', '/auth/dev-login', { body: { email: 'nobody@example.org' } });
    expect(signIn).toMatchObject({ status: 503, body: unavailable });

    await postgres.start();
    await vi.waitFor(async () => expect((await readiness()).status).toBe(200), { timeout: 20000, interval: 100 });
    const back = await sequentialOnOneConnection(4);
    expect(back.map((answer) => answer.status)).toEqual([200, 200, 404, 200]);
  });
});
