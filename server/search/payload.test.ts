import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAs } from '../../tests/auth';
import { capturingLogger, createTestContext, uniqueName, type TestContext } from '../../tests/context';
import { buildDirectorate, buildScheme } from '../../tests/factories';
import { makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../embedded/meilisearch';
import { chunkByBytes, createSearch } from '../../search';
import { rebuildIndex } from './rebuild';

/**
 * Documents whose records together exceed Meilisearch's payload limit: syncs and rebuilds split
 * their writes by bytes. A Meilisearch of this file's own, with a 256 KiB limit, stands for the
 * 100 MB one meeting twenty 2.5 MB documents.
 */
describe("writes larger than Meilisearch's payload limit", () => {
  const payloadLimitBytes = 256 * 1024;
  let meili: EmbeddedMeilisearchService;
  let ctx: TestContext;
  const ids: string[] = [];
  const flowers = ['lavande', 'glycine', 'pivoine', 'ancolie'];

  beforeAll(async () => {
    const dir = path.join(inject('services').tmpDir, uniqueName('meili-payload'));
    await mkdir(dir, { recursive: true });
    meili = await startEmbeddedMeilisearch({
      dir,
      masterKey: 'payload-master-key-0123',
      logger: capturingLogger().logger,
      payloadLimitBytes,
    });
    const base = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    ctx = { ...base, search: createSearch({ url: meili.url, apiKey: meili.masterKey, indexPrefix: 'payload', payloadLimitBytes }) };
    await ctx.search.ensureIndex();
    const directorate = await buildDirectorate(ctx.db);
    const scheme = await buildScheme(ctx.db, { directorate_id: directorate.id });
    const editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    for (const flower of flowers) {
      // About 150 KB of text each: the four together make records of well over the limit.
      const text = `${'Texte de remplissage pour une longue fiche dispositif. '.repeat(2800)}\nDernière ligne : ${flower}.`;
      const response = await editor.agent
        .post('/api/documents')
        .set('X-CSRF-Token', editor.csrfToken)
        .field('folderId', scheme.id)
        .field('status', 'published')
        .attach('file', makeText(text), `${flower}.txt`)
        .expect(201);
      ids.push(response.body.document.id);
    }
  });
  afterAll(async () => {
    await meili.stop();
    await ctx.close();
  });

  const found = async (q: string) =>
    (await ctx.search.search({ q, filter: '', facets: [], page: 1, hitsPerPage: 10, isDistinct: true })).hits.map((h) => h.documentId);
  const indexes = async () => {
    const response = await fetch(`${meili.url}/indexes?limit=100`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
    return ((await response.json()) as { results: { uid: string }[] }).results.map((index) => index.uid).sort();
  };

  it('splits records into requests under a byte limit', () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ id: i, text: 'x'.repeat(100) }));
    const chunks = chunkByBytes(records, 400);
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 3, 1]);
    expect(chunks.every((chunk) => Buffer.byteLength(JSON.stringify(chunk)) <= 400)).toBe(true);
    expect(chunks.flat()).toEqual(records);
  });

  it('the worker syncs them together, and each is found by the word on its last line', async () => {
    expect(await drainJobs(ctx)).toEqual([]);
    for (const [i, flower] of flowers.entries()) expect(await found(flower)).toEqual([ids[i]]);
  });

  it('a rebuild (npm run reindex, the nightly job, restore) indexes them all', async () => {
    expect(await rebuildIndex(ctx)).toMatchObject({ documents: 4, caughtUp: 0 });
    for (const [i, flower] of flowers.entries()) expect(await found(flower)).toEqual([ids[i]]);
    expect(await indexes()).toEqual(['payload_pages']);
  });

  it('a rebuild that fails midway leaves no temporary index behind, and the index in use untouched', async () => {
    const failing = rebuildIndex(ctx, async (done) => {
      expect(await indexes()).toEqual(['payload_pages', 'payload_pages_rebuild']);
      if (done > 0) throw new Error('the rebuild was interrupted');
    });
    await expect(failing).rejects.toThrow('the rebuild was interrupted');
    expect(await indexes()).toEqual(['payload_pages']);
    expect(await found('lavande')).toEqual([ids[0]]);
  });
});
