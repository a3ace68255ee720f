import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../server/db';
import { findFreePort } from '../server/embedded/ports';
import { seed } from '../server/seed';
import { createTestDatabase, uniqueName } from './context';
import { buildScheme } from './factories';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Graceful shutdown, as a real process: on SIGTERM the requests under way finish, the worker
 * finishes its job (or puts it back in the queue), and the process exits 0 — no job lost.
 */
describe('graceful shutdown', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    await seed(db);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('lets an upload under way finish, then exits 0 with no job left running', async () => {
    const { meili } = inject('services');
    const dataDir = path.join(inject('services').tmpDir, uniqueName('shutdown'));
    await mkdir(dataDir, { recursive: true });
    const port = await findFreePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        MEILI_INDEX_PREFIX: uniqueName('shutdown'),
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '8000',
      },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    for (
      let i = 0;
      i < 200 &&
      !(await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      ));
      i += 1
    )
      await new Promise((r) => setTimeout(r, 100));

    const login = await fetch(`${base}/auth/dev-login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editeur.dtee@region.example' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const directorate = await db('directorates').where({ code: 'DTEE' }).first('id');
    const scheme = await buildScheme(db, { directorate_id: directorate.id });

    // A 6 MB upload sent slowly; SIGTERM arrives while it is under way.
    const boundary = '----shutdown';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="folderId"\r\n\r\n${scheme.id}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="status"\r\n\r\npublished\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lent.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = Buffer.from('Texte envoyé lentement pendant l’arrêt du serveur. '.repeat(2000));
    const chunks = 60;
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/api/documents`, {
        method: 'POST',
        headers: {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(head.length + chunk.length * chunks + tail.length),
          Cookie: cookie,
          'X-CSRF-Token': csrfToken,
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(head);
      let sent = 0;
      const timer = setInterval(() => {
        req.write(chunk);
        sent += 1;
        if (sent === 10) child.kill('SIGTERM');
        if (sent === chunks) {
          clearInterval(timer);
          req.end(tail);
        }
      }, 25);
    });

    const result = await response;
    expect(result.status).toBe(201);
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopping"');
    expect(output).toContain('"msg":"stopped"');
    const documents = await db('documents').where({ folder_id: scheme.id }).count({ n: '*' }).first();
    expect(documents).toEqual({ n: 1 });
    expect(await db('jobs').where({ status: 'running' }).count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(await db('jobs').where({ type: 'search.syncDocument' }).whereIn('status', ['queued', 'done']).count({ n: '*' }).first()).toEqual(
      { n: 1 },
    );
  });
});
