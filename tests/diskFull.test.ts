import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from './auth';
import { createTestContext, type TestContext } from './context';
import { buildDirectorate, buildScheme } from './factories';
import { makePdf } from './fixtures/files';

const run = promisify(execFile);

/** Every file under `dir`, partial writes (.tmp) included. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * The files' disk fills up: a real 1 MB tmpfs mounted as the local storage directory (the test
 * runs as root, as the test machines do). An upload that does not fit answers 507 with a message
 * that says to call the administrator, leaves no row and no partial file; /readyz says `full`,
 * and warns of low space below STORAGE_LOW_SPACE_MB.
 */
describe('the files disk is full', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let schemeId: string;
  let filesDir: string;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { STORAGE_LOW_SPACE_MB: '2' } });
    if (ctx.config.storage.kind !== 'local') throw new Error('local storage expected');
    filesDir = ctx.config.storage.dir;
    await mkdir(filesDir, { recursive: true });
    await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', filesDir]);
    const directorate = await buildDirectorate(ctx.db);
    schemeId = (await buildScheme(ctx.db, { directorate_id: directorate.id })).id;
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
  });

  afterAll(async () => {
    await run('umount', [filesDir]).catch(() => undefined);
    await ctx.close();
  });

  const upload = (file: Buffer, title: string) =>
    editor.agent
      .post('/api/documents')
      .set('X-CSRF-Token', editor.csrfToken)
      .field('folderId', schemeId)
      .field('status', 'published')
      .field('title', title)
      .attach('file', file, 'reglement.pdf');

  async function rows() {
    const [documents, versions, intents] = await Promise.all(
      ['documents', 'versions', 'upload_intents'].map((table) => ctx.db(table).count({ n: '*' }).first()),
    );
    return { documents: documents?.n, versions: versions?.n, intents: intents?.n };
  }

  it('with room left but less than the threshold, /readyz is ready and warns of low space', async () => {
    const response = await request(ctx.app).get('/readyz').expect(200);
    expect(response.body.checks.storage).toEqual({
      status: 'up',
      warning: 'low_space',
      freeBytes: expect.any(Number),
      totalBytes: 1024 * 1024,
    });
  });

  it('an upload larger than the room left: 507 "prévenez l\'administrateur", no row, no partial file; /readyz says full', async () => {
    const before = await rows();
    const big = Buffer.concat([await makePdf(['Règlement']), randomBytes(2 * 1024 * 1024)]);
    const response = await upload(big, 'Règlement trop gros').expect(507);
    expect(response.body).toEqual({
      error: { code: 'insufficient_storage', message: "L'espace de stockage est plein : prévenez l'administrateur." },
    });
    expect(await rows()).toEqual(before);
    expect(await filesUnder(filesDir)).toEqual([]);

    const ready = await request(ctx.app).get('/readyz').expect(200);
    expect(ready.body.checks.storage).toEqual({ status: 'full', freeBytes: expect.any(Number), totalBytes: 1024 * 1024 });
    expect(ready.body.checks.database).toEqual({ status: 'up' });
  });

  it('once a file fits again, the upload is stored and /readyz no longer says full', async () => {
    const response = await upload(await makePdf(['Petit règlement']), 'Petit règlement').expect(201);
    expect(response.body.document.title).toBe('Petit règlement');
    expect(await filesUnder(filesDir)).toHaveLength(1);
    const ready = await request(ctx.app).get('/readyz').expect(200);
    expect(ready.body.checks.storage).toMatchObject({ status: 'up', warning: 'low_space' });
  });
});
