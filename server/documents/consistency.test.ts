import { randomBytes } from 'node:crypto';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app';
import { cleanUpStorage } from '../jobs/cleanup';
import { createStorage, newStorageKey, type Storage } from '../../storage';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, uniqueName, type TestContext } from '../../tests/context';
import { buildDirectorate, buildDocument, buildScheme, buildVersion } from '../../tests/factories';
import { makePdf } from '../../tests/fixtures/files';
import { s3StorageConfig, startS3rver } from '../../tests/setup/s3';
import { serveApp } from '../../tests/browser/harness';

/** Every stored object under a local storage directory (partial writes in .tmp apart). */
async function storedObjects(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).map((e) => path.join(e.parentPath, e.name));
}

/** Waits (bounded) until `check` holds. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('nothing lost, nothing half-visible', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let scheme: { id: string };
  let filesDir: string;
  let cookie: string;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db);
    scheme = await buildScheme(ctx.db, { directorate_id: directorate.id });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    // The session lives in PostgreSQL: the same cookie works on another app built on the same database.
    const login = await request(ctx.app).post('/auth/dev-login').send({ email: editor.user.email }).expect(200);
    cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    editor.csrfToken = login.body.csrfToken as string;
    filesDir = ctx.config.storage.kind === 'local' ? ctx.config.storage.dir : '';
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    await ctx.db('upload_intents').delete();
  });

  async function rows() {
    const [documents, versions, intents] = await Promise.all(
      ['documents', 'versions', 'upload_intents'].map((t) => ctx.db(t).count({ n: '*' }).first()),
    );
    return { documents: documents?.n, versions: versions?.n, intents: intents?.n };
  }

  function uploadTo(app: ReturnType<typeof createApp>, file: Buffer) {
    return request(app)
      .post('/api/documents')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', editor.csrfToken)
      .field('folderId', scheme.id)
      .field('status', 'published')
      .attach('file', file, 'reglement.pdf');
  }

  it('uploads into the same scheme at the same moment all succeed (no deadlock on the scheme row)', async () => {
    const files = await Promise.all(Array.from({ length: 8 }, (_, i) => makePdf([`Règlement numéro ${i}`])));
    const responses = await Promise.all(files.map((file) => uploadTo(ctx.app, file)));
    expect(responses.map((response) => response.status)).toEqual(files.map(() => 201));
  });

  it('storage down (s3rver stopped) → 503 service_unavailable, no document row', async () => {
    const s3 = await startS3rver(path.join(inject('services').tmpDir, uniqueName('s3-down')), ['lpt-down']);
    await s3.server.close();
    const app = createApp({ ...ctx, storage: createStorage(s3StorageConfig(s3.endpoint, 'lpt-down')) });
    const before = await rows();
    const response = await uploadTo(app, await makePdf(['Règlement'])).expect(503);
    expect(response.body.error).toEqual({
      code: 'service_unavailable',
      message: 'Le stockage des fichiers ne répond pas pour le moment. Réessayez dans quelques instants.',
    });
    expect(await rows()).toEqual(before);
  });

  it('a storage driver failing mid-stream (disk I/O error) → 503, no row, no object left', async () => {
    const local = ctx.storage;
    const failing: Storage = {
      ...local,
      put: (key, body) => {
        let seen = 0;
        const breaking = new Transform({
          transform(chunk: Buffer, _e, done) {
            seen += chunk.length;
            if (seen > 64 * 1024) done(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO', syscall: 'write' }));
            else done(null, chunk);
          },
        });
        return local.put(key, body.pipe(breaking));
      },
    };
    const app = createApp({ ...ctx, storage: failing });
    const objectsBefore = await storedObjects(filesDir);
    const before = await rows();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(512 * 1024)]);
    const response = await uploadTo(app, big).expect(503);
    expect(response.body.error.code).toBe('service_unavailable');
    expect(await rows()).toEqual(before);
    expect(await storedObjects(filesDir)).toEqual(objectsBefore);
  });

  it('database failure after the file was stored → error, the object removed, no row', async () => {
    await ctx.db.raw(
      `create or replace function fail_version_insert() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`,
    );
    await ctx.db.raw('create trigger fail_version_insert before insert on versions for each row execute function fail_version_insert()');
    try {
      const objectsBefore = await storedObjects(filesDir);
      const before = await rows();
      const response = await uploadTo(ctx.app, await makePdf(['Délibération'])).expect(500);
      expect(response.body.error.code).toBe('internal_error');
      expect(await rows()).toEqual(before);
      expect(await storedObjects(filesDir)).toEqual(objectsBefore);
    } finally {
      await ctx.db.raw('drop trigger fail_version_insert on versions');
    }
  });

  it('client aborting mid-upload → no row, temporary object removed', async () => {
    const server = await serveApp(ctx.app);
    try {
      const before = await rows();
      const objectsBefore = await storedObjects(filesDir);
      const boundary = '----abort-test';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="folderId"\r\n\r\n${scheme.id}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gros.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
      );
      const url = new URL('/api/documents', server.url);
      const req = http.request(url, {
        method: 'POST',
        headers: {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(head.length + 8 * 1024 * 1024),
          'X-CSRF-Token': editor.csrfToken,
          Cookie: cookie,
        },
      });
      req.on('error', () => undefined);
      req.write(head);
      req.write(Buffer.alloc(512 * 1024, 0x42));
      await eventually(async () => (await rows()).intents === 1);
      req.destroy();
      await eventually(async () => (await rows()).intents === 0);
      expect(await rows()).toEqual(before);
      await eventually(async () => (await storedObjects(filesDir)).length === objectsBefore.length);
      expect(await readdir(path.join(filesDir, '.tmp'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('process killed mid-upload → nothing visible, and the cleanup job collects the orphans', async () => {
    // What a killed process leaves: an intent with its object, and a partial write.
    const orphanKey = newStorageKey();
    await ctx.storage.put(orphanKey, Readable.from([Buffer.from('%PDF-1.7 orphan')]));
    await ctx.db('upload_intents').insert({ storage_key: orphanKey, created_at: ctx.db.raw(`now() - interval '2 hours'`) });
    await mkdir(path.join(filesDir, '.tmp'), { recursive: true });
    const partial = path.join(filesDir, '.tmp', 'partial-upload');
    await writeFile(partial, 'half a file');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    await utimes(partial, twoHoursAgo, twoHoursAgo);
    // An upload still under way is left alone.
    const freshKey = newStorageKey();
    await ctx.storage.put(freshKey, Readable.from([Buffer.from('%PDF-1.7 in progress')]));
    await ctx.db('upload_intents').insert({ storage_key: freshKey });

    expect((await editor.agent.get('/api/documents').expect(200)).body.documents.map((d: { id: string }) => d.id)).not.toContain(orphanKey);
    const result = await cleanUpStorage({ db: ctx.db, storage: ctx.storage, logger: ctx.logger, graceDays: 30 });
    expect(result).toMatchObject({ abandoned: 1, partials: 1 });
    expect(await ctx.storage.exists(orphanKey)).toBe(false);
    expect(await ctx.storage.exists(freshKey)).toBe(true);
    expect(await readdir(path.join(filesDir, '.tmp'))).toEqual([]);
  });

  it('the files of a deleted document are removed after the grace period, not before', async () => {
    const document = await buildDocument(ctx.db, { folder_id: scheme.id });
    const version = await buildVersion(ctx.db, ctx.storage, { document_id: document.id });
    await ctx
      .db('documents')
      .where({ id: document.id })
      .update({ deleted_at: ctx.db.raw(`now() - interval '10 days'`) });
    await cleanUpStorage({ db: ctx.db, storage: ctx.storage, logger: ctx.logger, graceDays: 30 });
    expect(await ctx.storage.exists(version.storage_key)).toBe(true);
    await ctx
      .db('documents')
      .where({ id: document.id })
      .update({ deleted_at: ctx.db.raw(`now() - interval '31 days'`) });
    const result = await cleanUpStorage({ db: ctx.db, storage: ctx.storage, logger: ctx.logger, graceDays: 30 });
    expect(result.removed).toBe(1);
    expect(await ctx.storage.exists(version.storage_key)).toBe(false);
    expect((await ctx.db('versions').where({ id: version.id }).first()).storage_deleted_at).not.toBeNull();
  });
});
