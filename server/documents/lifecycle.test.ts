import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildScheme } from '../../tests/factories';
import { makeDocx, makePdf } from '../../tests/fixtures/files';

describe('a document over its life: versions, file, edits, archive, delete', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let scheme: { id: string };
  let otherSchemeOfSameDirectorate: { id: string };
  let foreignScheme: { id: string };
  let documentId: string;
  let v1: Buffer;
  let v2: Buffer;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db);
    const other = await buildDirectorate(ctx.db);
    scheme = await buildScheme(ctx.db, { directorate_id: directorate.id });
    otherSchemeOfSameDirectorate = await buildScheme(ctx.db, { directorate_id: directorate.id });
    foreignScheme = await buildScheme(ctx.db, { directorate_id: other.id });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: other.id });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    v1 = await makePdf(['Version 1 du règlement', 'Page 2']);
    v2 = await makePdf(['Version 2 du règlement, modifiée']);
    const created = await editor.agent
      .post('/api/documents')
      .set('X-CSRF-Token', editor.csrfToken)
      .field('folderId', scheme.id)
      .field('title', 'Règlement d’intervention')
      .field('docType', 'reglement')
      .field('status', 'published')
      .attach('file', v1, 'reglement.pdf')
      .expect(201);
    documentId = created.body.document.id;
  });
  afterAll(() => ctx.close());

  const write = (who: SignedIn, method: 'patch' | 'delete' | 'post', url: string) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken);

  it('serves the file streamed, with its detected type, inline for a PDF, nosniff and a sandbox CSP', async () => {
    const response = await agent.agent
      .get(`/api/documents/${documentId}/file`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(Buffer.compare(response.body as Buffer, v1)).toBe(0);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(v1.length),
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    });
    expect(response.headers['content-disposition']).toBe(`inline; filename="reglement.pdf"; filename*=UTF-8''reglement.pdf`);
  });

  it('answers a Range with 206 and just those bytes; a range past the end with 416', async () => {
    const partial = await agent.agent.get(`/api/documents/${documentId}/file`).set('Range', 'bytes=0-7').expect(206);
    expect(partial.headers['content-range']).toBe(`bytes 0-7/${v1.length}`);
    expect(partial.headers['content-length']).toBe('8');
    expect(Buffer.from(partial.text ?? partial.body).toString('latin1')).toBe(v1.subarray(0, 8).toString('latin1'));
    const suffix = await agent.agent.get(`/api/documents/${documentId}/file`).set('Range', 'bytes=-5').expect(206);
    expect(suffix.headers['content-range']).toBe(`bytes ${v1.length - 5}-${v1.length - 1}/${v1.length}`);
    const beyond = await agent.agent.get(`/api/documents/${documentId}/file`).set('Range', `bytes=${v1.length}-`).expect(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${v1.length}`);
  });

  it('downloads a Word file as an attachment', async () => {
    const created = await write(editor, 'post', '/api/documents')
      .field('folderId', scheme.id)
      .field('status', 'published')
      .attach('file', makeDocx(['Formulaire']), 'formulaire de demande.docx')
      .expect(201);
    const response = await agent.agent.get(`/api/documents/${created.body.document.id}/file`).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="formulaire de demande.docx"/);
  });

  it('adds a new version that becomes current; history kept for editors; agents get the current one only', async () => {
    const response = await write(editor, 'post', `/api/documents/${documentId}/versions`)
      .attach('file', v2, 'reglement-2026.pdf')
      .expect(201);
    expect(response.body.document.currentVersion).toMatchObject({ number: 2, originalFilename: 'reglement-2026.pdf' });
    const history = await editor.agent.get(`/api/documents/${documentId}/versions`).expect(200);
    expect(history.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(history.body.versions[1]).toMatchObject({ originalFilename: 'reglement.pdf', size: v1.length });

    const current = await agent.agent.get(`/api/documents/${documentId}/file`).expect(200);
    expect(current.headers['content-length']).toBe(String(v2.length));
    await agent.agent.get(`/api/documents/${documentId}/versions`).expect(403);
    await agent.agent.get(`/api/documents/${documentId}/file?version=1`).expect(403);
    const old = await editor.agent.get(`/api/documents/${documentId}/file?version=1`).expect(200);
    expect(old.headers['content-length']).toBe(String(v1.length));
    await editor.agent.get(`/api/documents/${documentId}/file?version=9`).expect(404);
    await editor.agent.get(`/api/documents/${documentId}/file?version=zéro`).expect(400);
  });

  it('refuses the same bytes twice for one document (409, no new version)', async () => {
    const response = await write(editor, 'post', `/api/documents/${documentId}/versions`).attach('file', v1, 'copie.pdf').expect(409);
    expect(response.body.error).toEqual({
      code: 'conflict',
      message: "Ce fichier est identique à la version 1 : aucune nouvelle version n'a été créée.",
    });
    expect((await ctx.db('versions').where({ document_id: documentId }).count({ n: '*' }).first())?.n).toBe(2);
    expect(await ctx.db('upload_intents').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('another directorate may not add a version (403)', async () => {
    await write(otherEditor, 'post', `/api/documents/${documentId}/versions`)
      .attach('file', await makePdf(['intrus']), 'x.pdf')
      .expect(403);
  });

  it('edits metadata, scope, status and folder, recording before/after in the audit trail', async () => {
    const response = await write(editor, 'patch', `/api/documents/${documentId}`)
      .send({ title: 'Règlement 2026', summary: 'Conditions et plafonds.', scope: 'external', folderId: otherSchemeOfSameDirectorate.id })
      .expect(200);
    expect(response.body.document).toMatchObject({
      title: 'Règlement 2026',
      scope: 'external',
      folder: { id: otherSchemeOfSameDirectorate.id },
    });
    const audit = await ctx.db('audit_events').where({ object_id: documentId, action: 'document.updated' }).orderBy('id', 'desc').first();
    expect(audit.changes).toMatchObject({
      title: { before: 'Règlement d’intervention', after: 'Règlement 2026' },
      scope: { before: 'internal', after: 'external' },
      folder_id: { before: scheme.id, after: otherSchemeOfSameDirectorate.id },
    });
    expect(audit.changes.doc_type).toBeUndefined();
  });

  it('refuses bad edits: unknown scope, empty change, a folder of another directorate, another directorate editing', async () => {
    expect((await write(editor, 'patch', `/api/documents/${documentId}`).send({ scope: 'public' }).expect(400)).body.error.message).toBe(
      'scope : Diffusion inconnue (attendu : internal ou external).',
    );
    await write(editor, 'patch', `/api/documents/${documentId}`).send({}).expect(400);
    await write(editor, 'patch', `/api/documents/${documentId}`).send({ folderId: foreignScheme.id }).expect(403);
    await write(otherEditor, 'patch', `/api/documents/${documentId}`).send({ title: 'Piraté' }).expect(403);
    await write(agent, 'patch', `/api/documents/${documentId}`).send({ title: 'Piraté' }).expect(403);
    await write(editor, 'patch', `/api/documents/not-a-uuid`).send({ title: 'x' }).expect(404);
    await write(editor, 'patch', `/api/documents/00000000-0000-4000-8000-000000000000`).send({ title: 'x' }).expect(404);
  });

  it('archives: agents no longer see it; the editor still does', async () => {
    await write(editor, 'patch', `/api/documents/${documentId}`).send({ status: 'archived' }).expect(200);
    await agent.agent.get(`/api/documents/${documentId}`).expect(403);
    await agent.agent.get(`/api/documents/${documentId}/file`).expect(403);
    expect((await editor.agent.get(`/api/documents/${documentId}`).expect(200)).body.document.status).toBe('archived');
    expect(await ctx.db('audit_events').where({ object_id: documentId, action: 'document.archived' }).count({ n: '*' }).first()).toEqual({
      n: 1,
    });
  });

  it('deletes softly: gone at once for everyone, row and files kept for the grace period', async () => {
    await write(otherEditor, 'delete', `/api/documents/${documentId}`).expect(403);
    await write(editor, 'delete', `/api/documents/${documentId}`).expect(204);
    await editor.agent.get(`/api/documents/${documentId}`).expect(404);
    await editor.agent.get(`/api/documents/${documentId}/file`).expect(404);
    const row = await ctx.db('documents').where({ id: documentId }).first();
    expect(row.deleted_at).not.toBeNull();
    const version = await ctx.db('versions').where({ document_id: documentId }).first();
    expect(await ctx.storage.exists(version.storage_key)).toBe(true);
  });

  it('signed out: 401 everywhere', async () => {
    await request(ctx.app).get(`/api/documents/${documentId}`).expect(401);
    await request(ctx.app).get(`/api/documents/${documentId}/file`).expect(401);
    await request(ctx.app).get('/api/documents').expect(401);
  });

  it('lists what each role may see, and Nouveautés shows published documents only', async () => {
    const draft = await write(editor, 'post', '/api/documents')
      .field('folderId', scheme.id)
      .field('title', 'Brouillon')
      .attach('file', await makePdf(['brouillon']), 'b.pdf')
      .expect(201);
    const published = await write(editor, 'post', '/api/documents')
      .field('folderId', scheme.id)
      .field('title', 'Publié')
      .field('status', 'published')
      .attach('file', await makePdf(['publié']), 'p.pdf')
      .expect(201);
    const ids = async (who: SignedIn, url: string) =>
      (await who.agent.get(url).expect(200)).body.documents.map((d: { id: string }) => d.id);
    expect(await ids(agent, `/api/documents?folderId=${scheme.id}`)).toContain(published.body.document.id);
    expect(await ids(agent, `/api/documents?folderId=${scheme.id}`)).not.toContain(draft.body.document.id);
    expect(await ids(editor, `/api/documents?folderId=${scheme.id}`)).toContain(draft.body.document.id);
    expect(await ids(otherEditor, `/api/documents?folderId=${scheme.id}`)).not.toContain(draft.body.document.id);
    const recent = await ids(agent, '/api/documents/recent');
    expect(recent[0]).toBe(published.body.document.id);
    expect(recent).not.toContain(draft.body.document.id);
  });
});
