import { spawn } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAs } from '../../tests/auth';
import { createTestContext, uniqueName, type TestContext } from '../../tests/context';
import { buildDirectorate, buildScheme } from '../../tests/factories';
import { makePdf } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';

const root = path.resolve(import.meta.dirname, '../..');

function command(script: string, args: string[], ctx: TestContext) {
  const { meili } = inject('services');
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: ctx.databaseUrl,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        MEILI_INDEX_PREFIX: ctx.search.indexPrefix,
        DATA_DIR: ctx.dir,
      },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run backup, then npm run restore into an empty database', () => {
  let source: TestContext;
  let target: TestContext;
  let documentId: string;
  let token: string;
  let pdf: Buffer;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestContext({ withSearchIndex: true }), createTestContext({ withSearchIndex: true })]);
    const directorate = await buildDirectorate(source.db);
    const scheme = await buildScheme(source.db, { directorate_id: directorate.id });
    const editor = await signInAs(source.app, source.db, { role: 'editor', directorate_id: directorate.id });
    pdf = await makePdf(['Première page.', 'La seconde page parle de tournesols.']);
    const created = await editor.agent
      .post('/api/documents')
      .set('X-CSRF-Token', editor.csrfToken)
      .field('folderId', scheme.id)
      .field('status', 'published')
      .field('scope', 'external')
      .attach('file', pdf, 'tournesols.pdf')
      .expect(201);
    documentId = created.body.document.id;
    await editor.agent
      .post(`/api/documents/${documentId}/versions`)
      .set('X-CSRF-Token', editor.csrfToken)
      .attach('file', await makePdf(['Version 2 : tournesols et colza.']), 'v2.pdf')
      .expect(201);
    expect(await drainJobs(source)).toEqual([]);
    token = (await editor.agent.get(`/api/documents/${documentId}/share`).expect(200)).body.token;
  });
  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
  });

  it('brings back documents, versions, pages, links and the audit trail; search finds them', async () => {
    const dir = path.join(inject('services').tmpDir, uniqueName('backup'));
    const saved = await command('server/cli/backup.ts', [dir], source);
    expect(saved.code).toBe(0);
    expect(saved.output).toMatch(/Backed up: \d+ rows, 2 files \(local\)\./);

    const restored = await command('server/cli/restore.ts', [dir], target);
    expect(restored.code).toBe(0);
    expect(restored.output).toContain('Search index rebuilt: 1 documents, 1 pages.');

    for (const table of ['documents', 'versions', 'version_pages', 'share_links', 'audit_events', 'users', 'folders']) {
      const [a, b] = await Promise.all([source.db(table).count({ n: '*' }).first(), target.db(table).count({ n: '*' }).first()]);
      expect({ table, n: b?.n }).toEqual({ table, n: a?.n });
    }
    const agent = await signInAs(target.app, target.db, { role: 'agent' });
    const hits = (await agent.agent.get('/api/search').query({ q: 'colza', group: 'document' }).expect(200)).body.hits;
    expect(hits[0]).toMatchObject({ document: { id: documentId } });
    await request(target.app).get(`/s/${token}`).expect(200);
    const old = await signInAs(target.app, target.db, { role: 'admin' });
    const v1 = await old.agent.get(`/api/documents/${documentId}/file?version=1`).expect(200);
    expect(Number(v1.headers['content-length'])).toBe(pdf.length);
    // The restored audit trail goes on: new events get new ids.
    await old.agent
      .patch(`/api/documents/${documentId}`)
      .set('X-CSRF-Token', old.csrfToken)
      .send({ title: 'Après restauration' })
      .expect(200);
  });

  it('refuses to restore into a database that already has documents', async () => {
    const dir = path.join(inject('services').tmpDir, uniqueName('backup'));
    expect((await command('server/cli/backup.ts', [dir], source)).code).toBe(0);
    const refused = await command('server/cli/restore.ts', [dir], source);
    expect(refused).toMatchObject({
      code: 1,
      output: expect.stringContaining('The database already holds documents: restore into an empty database'),
    });
  });
});
