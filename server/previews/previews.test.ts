import { deflateSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildScheme } from '../../tests/factories';
import { makeDocx, makeJpeg, makePdf, makePng } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { renderThumbnail } from './renderThumbnail';

/** A PNG whose header says 20,000 × 20,000 pixels (1.6 GB once decoded) over a few bytes of data. */
function hugePngHeader(): Buffer {
  const png = makePng();
  const header = Buffer.from(png);
  header.writeUInt32BE(20000, 16);
  header.writeUInt32BE(20000, 20);
  return Buffer.concat([header.subarray(0, 33), header.subarray(33, 45), Buffer.from(deflateSync(Buffer.alloc(10)))]);
}

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('what search sees: the text per page and the first-page thumbnail', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let scheme: { id: string };

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db);
    const other = await buildDirectorate(ctx.db);
    scheme = await buildScheme(ctx.db, { directorate_id: directorate.id });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: other.id });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
  });
  afterAll(() => ctx.close());

  async function upload(file: Buffer, name: string, status: 'draft' | 'published' = 'published'): Promise<string> {
    const created = await editor.agent
      .post('/api/documents')
      .set('X-CSRF-Token', editor.csrfToken)
      .field('folderId', scheme.id)
      .field('title', `Document ${name}`)
      .field('status', status)
      .attach('file', file, name)
      .expect(201);
    return created.body.document.id as string;
  }

  it('gives the text the index holds, page by page, in slices a 300-page document can be read in', { timeout: 60000 }, async () => {
    const pages = Array.from({ length: 300 }, (_, i) => `Page ${i + 1} du règlement camping économies d'eau`);
    const id = await upload(await makePdf(pages), 'long.pdf');
    expect(await drainJobs(ctx)).toEqual([]);

    const first = await editor.agent.get(`/api/documents/${id}/text`).expect(200);
    expect(first.body).toMatchObject({ version: 1, extractionStatus: 'done', total: 300, offset: 0, limit: 10 });
    expect(first.body.pages).toHaveLength(10);
    expect(first.body.pages[0]).toEqual({
      number: 1,
      text: "Page 1 du règlement camping économies d'eau",
      isOcr: false,
      ocrConfidence: null,
    });

    const last = await editor.agent.get(`/api/documents/${id}/text?offset=290&limit=50`).expect(200);
    expect(last.body.pages.map((p: { number: number }) => p.number)).toEqual(Array.from({ length: 10 }, (_, i) => 291 + i));
    expect(last.body.pages[9].text).toBe("Page 300 du règlement camping économies d'eau");
  });

  it('refuses a slice out of bounds with the field named', async () => {
    const id = await upload(await makePdf(['Une page']), 'court.pdf');
    const tooMany = await editor.agent.get(`/api/documents/${id}/text?limit=500`).expect(400);
    expect(tooMany.body.error.message).toContain('limit : 50 au plus.');
    const negative = await editor.agent.get(`/api/documents/${id}/text?offset=-1`).expect(400);
    expect(negative.body.error.message).toContain('offset : au moins 0.');
  });

  it('reads with the rights of the file: agents see published text, a draft stays in its directorate', async () => {
    const published = await upload(await makePdf(['Texte publié']), 'publie.pdf');
    const draft = await upload(await makePdf(['Texte en brouillon']), 'brouillon.pdf', 'draft');
    expect(await drainJobs(ctx)).toEqual([]);
    expect((await agent.agent.get(`/api/documents/${published}/text`).expect(200)).body.pages[0].text).toBe('Texte publié');
    // A draft is read at once (its title and type come from the file): its directorate sees its text.
    expect((await editor.agent.get(`/api/documents/${draft}/text`).expect(200)).body).toMatchObject({
      version: 1,
      extractionStatus: 'done',
      total: 1,
      pages: [{ number: 1, text: 'Texte en brouillon' }],
    });
    expect((await otherEditor.agent.get(`/api/documents/${draft}/text`).expect(403)).body.error.code).toBe('forbidden');
    expect((await agent.agent.get(`/api/documents/${draft}/thumbnail?version=1`).expect(403)).body.error.code).toBe('forbidden');
    await request(ctx.app).get(`/api/documents/${published}/text`).expect(401);
    await request(ctx.app).get(`/api/documents/${published}/thumbnail?version=1`).expect(401);
    expect((await editor.agent.get('/api/documents/00000000-0000-4000-8000-000000000000/text').expect(404)).body.error.code).toBe(
      'not_found',
    );
  });

  // Drawings run in child processes: on a busy machine they take seconds each.
  it('draws the first page of a PDF once per version, kept by the browser for good', { timeout: 90000 }, async () => {
    const id = await upload(await makePdf(['Première page du guide', 'Seconde page']), 'guide.pdf');
    const picture = await agent.agent.get(`/api/documents/${id}/thumbnail?version=1`).buffer(true).parse(binary).expect(200);
    expect(picture.headers['content-type']).toBe('image/webp');
    expect(picture.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(picture.headers['x-content-type-options']).toBe('nosniff');
    const image = picture.body as Buffer;
    // The current version's address: the same picture, asked again each time, 304 while unchanged.
    const current = await agent.agent.get(`/api/documents/${id}/thumbnail`).buffer(true).parse(binary).expect(200);
    expect(current.headers['cache-control']).toBe('private, no-cache');
    expect(Buffer.compare(current.body as Buffer, image)).toBe(0);
    await agent.agent
      .get(`/api/documents/${id}/thumbnail`)
      .set('If-None-Match', current.headers.etag as string)
      .expect(304);
    expect(image.toString('latin1', 0, 4)).toBe('RIFF');
    expect(image.toString('latin1', 8, 12)).toBe('WEBP');
    const row = await ctx
      .db('version_thumbnails as t')
      .join('versions as v', 'v.id', 't.version_id')
      .where('v.document_id', id)
      .first('t.status', 't.width', 't.height');
    // Scaled down to 240 pixels wide, A4 proportions kept.
    expect(row).toEqual({ status: 'ready', width: 240, height: 340 });

    // A new version: a new address and a new picture; the old one stays for the history.
    await editor.agent
      .post(`/api/documents/${id}/versions`)
      .set('X-CSRF-Token', editor.csrfToken)
      .attach('file', await makePdf(['Version deux, bien plus dense '.repeat(40)]), 'guide-v2.pdf')
      .expect(201);
    // The old ETag no longer holds: the current address now shows version 2.
    const second = await agent.agent
      .get(`/api/documents/${id}/thumbnail`)
      .set('If-None-Match', current.headers.etag as string)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(second.body as Buffer, image)).not.toBe(0);
    const numbered = await editor.agent.get(`/api/documents/${id}/thumbnail?version=2`).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(numbered.body as Buffer, second.body as Buffer)).toBe(0);
    expect(
      await ctx
        .db('version_thumbnails as t')
        .join('versions as v', 'v.id', 't.version_id')
        .where('v.document_id', id)
        .count<{ count: number }[]>('* as count')
        .first(),
    ).toEqual({ count: 2 });
    // An older version's picture is history: the directorate's, not an agent's.
    await agent.agent.get(`/api/documents/${id}/thumbnail?version=1`).expect(403);
    await editor.agent.get(`/api/documents/${id}/thumbnail?version=1`).expect(200);
  });

  it('scales an image down', async () => {
    const id = await upload(makePng(), 'affiche.png');
    const picture = await agent.agent.get(`/api/documents/${id}/thumbnail?version=1`).buffer(true).parse(binary).expect(200);
    expect(picture.headers['content-type']).toBe('image/webp');
    // A 2 × 2 picture is not blown up.
    expect(
      await ctx
        .db('version_thumbnails as t')
        .join('versions as v', 'v.id', 't.version_id')
        .where('v.document_id', id)
        .first('t.width', 't.height'),
    ).toEqual({ width: 2, height: 2 });
  });

  it('gives no thumbnail, as a plain 404, for a word-processing file, a corrupt JPEG or a 20,000 × 20,000 image, and remembers why', async () => {
    const docx = await upload(makeDocx(['Un texte']), 'note.docx');
    const corrupt = await upload(makeJpeg(), 'photo.jpg');
    const huge = await upload(hugePngHeader(), 'immense.png');
    for (const id of [docx, corrupt, huge]) {
      const answer = await agent.agent.get(`/api/documents/${id}/thumbnail?version=1`).expect(404);
      expect(answer.body.error).toEqual({ code: 'not_found', message: "Ce document n'a pas d'aperçu." });
    }
    const reasons = await ctx
      .db('version_thumbnails as t')
      .join('versions as v', 'v.id', 't.version_id')
      .whereIn('v.document_id', [corrupt, huge])
      .pluck('t.reason');
    expect(reasons.sort()).toEqual(['image header unreadable', 'image too large (20000 × 20000 pixels)']);
    // The app is still ready after them.
    await request(ctx.app).get('/readyz').expect(200);
  });

  it('marks the pages an OCR step read, with its confidence, when the pages carry that mark', async () => {
    const id = await upload(await makePdf(['Texte lu', 'Texte scanné']), 'scan.pdf');
    expect(await drainJobs(ctx)).toEqual([]);
    const versionId = (await ctx.db('documents').where({ id }).first('current_version_id')).current_version_id as string;
    await ctx.db('version_pages').where({ version_id: versionId, page_number: 2 }).update({ ocr: true, ocr_confidence: 0.87 });
    const pages = (await editor.agent.get(`/api/documents/${id}/text`).expect(200)).body.pages;
    expect(pages.map((p: { isOcr: boolean; ocrConfidence: number | null }) => [p.isOcr, p.ocrConfidence])).toEqual([
      [false, null],
      [true, 0.87],
    ]);
  });

  it('draws a version once, however many ask for it at the same moment', { timeout: 60000 }, async () => {
    const id = await upload(await makePdf(['Une affiche très demandée']), 'affiche.pdf');
    const before = ctx.logs.filter((line) => line.msg === 'thumbnail rendered').length;
    const answers = await Promise.all(
      [1, 2, 3].map(() => agent.agent.get(`/api/documents/${id}/thumbnail?version=1`).buffer(true).parse(binary)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(ctx.logs.filter((line) => line.msg === 'thumbnail rendered').length - before).toBe(1);
  });

  it('tries again, an hour later, a drawing that was stopped by its bounds', async () => {
    const id = await upload(await makePdf(['Dessinée au second essai']), 'second-essai.pdf');
    const versionId = (await ctx.db('documents').where({ id }).first('current_version_id')).current_version_id as string;
    const stopped = { version_id: versionId, status: 'none', reason: 'rendering took longer than 20 s', is_retryable: true };
    await ctx.db('version_thumbnails').insert({ ...stopped, created_at: new Date() });
    await agent.agent.get(`/api/documents/${id}/thumbnail?version=1`).expect(404);
    await ctx
      .db('version_thumbnails')
      .where({ version_id: versionId })
      .update({ created_at: new Date(Date.now() - 2 * 3600 * 1000) });
    const picture = await agent.agent.get(`/api/documents/${id}/thumbnail?version=1`).buffer(true).parse(binary).expect(200);
    expect(picture.headers['content-type']).toBe('image/webp');
    expect(await ctx.db('version_thumbnails').where({ version_id: versionId }).first('status', 'reason', 'is_retryable')).toEqual({
      status: 'ready',
      reason: null,
      is_retryable: false,
    });
  });

  it('stops a drawing that takes too long: no picture, the reason said', async () => {
    const result = await renderThumbnail('pdf', await makePdf(['Une page']), {
      timeoutMs: 1,
      maxHeapMb: 256,
      maxImagePixels: 1_000_000,
      width: 240,
    });
    expect(result).toEqual({ ok: false, reason: 'rendering took longer than 0.001 s', isRetryable: true });
  });
});
