import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../server/app';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import { createSearch } from '../search';
import { signInAs, type SignedIn } from './auth';
import { capturingLogger, createTestContext, uniqueName, type TestContext } from './context';
import { buildDirectorate, buildScheme } from './factories';
import { makePdf, makeText } from './fixtures/files';
import { drainJobs } from './jobs';

/**
 * Meilisearch going away: search answers from PostgreSQL (degraded), publishing keeps working,
 * index jobs wait, and the index converges once Meilisearch is back. Its own Meilisearch.
 */
describe('when Meilisearch is down', () => {
  let meili: EmbeddedMeilisearchService;
  let ctx: TestContext;
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  let csrfToken: string;
  let schemeId: string;

  beforeAll(async () => {
    const dir = path.join(inject('services').tmpDir, uniqueName('meili-outage'));
    await mkdir(dir, { recursive: true });
    // A generated key may start with "-" (base64url): Meilisearch must still start.
    meili = await startEmbeddedMeilisearch({ dir, masterKey: '-outage-master-key-0123', logger: capturingLogger().logger });
    const base = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const search = createSearch({ url: meili.url, apiKey: meili.masterKey, indexPrefix: 'outage' });
    await search.ensureIndex();
    ctx = { ...base, search };
    app = createApp({ ...ctx });
    const directorate = await buildDirectorate(ctx.db);
    schemeId = (await buildScheme(ctx.db, { directorate_id: directorate.id })).id;
    const editor: SignedIn = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    const login = await request(app).post('/auth/dev-login').send({ email: editor.user.email }).expect(200);
    cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    csrfToken = login.body.csrfToken;
  });
  afterAll(async () => {
    await meili.stop();
    await ctx.close();
  });

  const upload = (title: string, file: Buffer, name: string) =>
    request(app)
      .post('/api/documents')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken)
      .field('folderId', schemeId)
      .field('status', 'published')
      .field('title', title)
      .attach('file', file, name);
  const searchFor = (q: string) => request(app).get('/api/search').set('Cookie', cookie).query({ q });

  it('answers from PostgreSQL with degraded: true, keeps publishing, and converges when Meilisearch is back', async () => {
    await upload(
      'Règlement des pépinières',
      await makePdf(['Introduction.', 'Les pépinières d’entreprises accueillent les jeunes pousses.']),
      'pepinieres.pdf',
    ).expect(201);
    expect(await drainJobs(ctx)).toEqual([]);
    expect((await searchFor('pépinières').expect(200)).body).toMatchObject({
      degraded: false,
      groups: [{ documents: [{ document: { title: 'Règlement des pépinières' }, page: 2 }] }],
    });

    await meili.stop();
    const degradedResponse = await searchFor('pepinieres entreprises').expect(200);
    expect(degradedResponse.headers['server-timing']).toMatch(/^postgresql;dur=\d+\.\d$/);
    const degraded = degradedResponse.body;
    expect(degraded.degraded).toBe(true);
    // The same answer, grouped by scheme, from PostgreSQL.
    expect(degraded.groups[0].documents[0]).toMatchObject({ document: { title: 'Règlement des pépinières' }, page: 2 });
    expect(degraded.groups[0].documents[0].snippet).toMatch(/<mark>pépinières<\/mark>/);
    expect(degraded.facets.scope).toEqual({ internal: 1 });

    const published = await upload(
      'Guide des jardins partagés',
      makeText('Créer un jardin partagé dans sa commune.'),
      'jardins.txt',
    ).expect(201);
    const failures = await drainJobs(ctx);
    expect(failures.map((f) => f.type)).toEqual(['search.syncDocument']);
    const waiting = await ctx
      .db('jobs')
      .where({ type: 'search.syncDocument', status: 'queued' })
      .whereRaw(`payload->>'documentId' = ?`, [published.body.document.id])
      .first();
    expect(waiting).toMatchObject({ attempts: 0, outage_waits: 1 });
    expect((await searchFor('jardins partagés').expect(200)).body).toMatchObject({
      degraded: true,
      groups: [{ documents: [{ document: { title: 'Guide des jardins partagés' } }] }],
    });

    await meili.start();
    await ctx.db('jobs').where({ status: 'queued' }).update({ run_at: ctx.db.fn.now() });
    expect(await drainJobs(ctx)).toEqual([]);
    expect((await searchFor('jardins partagés').expect(200)).body).toMatchObject({
      degraded: false,
      groups: [{ documents: [{ document: { title: 'Guide des jardins partagés' } }] }],
    });
  });
});
