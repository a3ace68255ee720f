import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildScheme } from '../../tests/factories';
import { makePdf, makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { enqueueSettings } from './jobs';
import { checkIndex, nightlyRebuild, RebuildRunningError, rebuildIndex } from './rebuild';

const root = path.resolve(import.meta.dirname, '../..');

describe('rebuilding and checking the index', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  const ids: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db);
    const scheme = await buildScheme(ctx.db, { directorate_id: directorate.id });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    for (const [i, file] of [await makePdf(['Page un.', 'Page deux avec le mot pivoine.']), makeText('Texte avec le mot glycine.'), await makePdf(['Ancolie en première page.'])].entries()) {
      const response = await editor.agent
        .post('/api/documents')
        .set('X-CSRF-Token', editor.csrfToken)
        .field('folderId', scheme.id)
        .field('status', i === 2 ? 'draft' : 'published')
        .attach('file', file, `doc${i}.${i === 1 ? 'txt' : 'pdf'}`)
        .expect(201);
      ids.push(response.body.document.id);
    }
    expect(await drainJobs(ctx)).toEqual([]);
  });
  afterAll(() => ctx.close());

  const found = async (q: string) => (await ctx.search.search({ q, filter: '', facets: [], page: 1, hitsPerPage: 10, isDistinct: true })).hits.map((h) => h.documentId);

  it('reports drift: a document missing from the index, and one that should not be there', async () => {
    expect(await checkIndex(ctx)).toMatchObject({ expected: 2, indexed: 2, missing: [], extra: [] });
    await ctx.search.replaceDocuments([ids[0] as string], [], randomUUID());
    await ctx.db('documents').where({ id: ids[1] }).update({ status: 'draft' });
    expect(await checkIndex(ctx)).toMatchObject({ expected: 1, indexed: 1, missing: [ids[0]], extra: [ids[1]] });
  });

  it('rebuilds from PostgreSQL into a fresh index and swaps it in', async () => {
    const progress: number[] = [];
    const result = await rebuildIndex(ctx, (done) => void progress.push(done));
    expect(result).toEqual({ documents: 1, pages: 2, caughtUp: 0 });
    expect(progress.at(-1)).toBe(1);
    expect(await found('pivoine')).toEqual([ids[0]]);
    expect(await found('glycine')).toEqual([]);
    expect(await checkIndex(ctx)).toMatchObject({ missing: [], extra: [] });
  });

  it('a change synced while the index is rebuilt reaches the new index', async () => {
    const rename = async () => {
      await editor.agent.patch(`/api/documents/${ids[0]}`).set('X-CSRF-Token', editor.csrfToken).send({ title: 'Fiche hellébore' }).expect(200);
      // The worker syncs it at once, into the index still in use (the old one).
      expect(await drainJobs(ctx)).toEqual([]);
    };
    const result = await rebuildIndex(ctx, rename);
    expect(result.caughtUp).toBe(1);
    expect(await drainJobs(ctx)).toEqual([]);
    expect(await found('hellébore')).toEqual([ids[0]]);
  });

  it('runs one rebuild at a time: a second one is refused while the first runs', async () => {
    let second: unknown;
    await rebuildIndex(ctx, async () => {
      second ??= await rebuildIndex(ctx).catch((error: unknown) => error);
    });
    expect(second).toBeInstanceOf(RebuildRunningError);
    expect(await found('pivoine')).toEqual([ids[0]]);
  });

  it('the nightly rebuild runs only when documents changed since the last one', async () => {
    const { meili } = inject('services');
    const swaps = async () => {
      const response = await fetch(`${meili.url}/tasks?types=indexSwap&limit=1000`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
      const body = (await response.json()) as { results: { details?: { swaps?: { indexes: string[] }[] } }[] };
      return body.results.filter((task) => task.details?.swaps?.some((swap) => swap.indexes.includes(ctx.search.pagesIndex))).length;
    };
    const before = await swaps();
    await nightlyRebuild(ctx);
    expect(await swaps()).toBe(before + 1);
    // As the worker records it; nothing synced since.
    await ctx.db('jobs').insert({ type: 'search.rebuild', status: 'done', finished_at: ctx.db.fn.now() });
    await nightlyRebuild(ctx);
    expect(await swaps()).toBe(before + 1);
    await editor.agent.patch(`/api/documents/${ids[0]}`).set('X-CSRF-Token', editor.csrfToken).send({ title: 'Fiche pivoine' }).expect(200);
    expect(await drainJobs(ctx)).toEqual([]);
    await nightlyRebuild(ctx);
    expect(await swaps()).toBe(before + 2);
  });

  it('npm run reindex: a progress report and a final count', async () => {
    const { meili } = inject('services');
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/cli/reindex.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: ctx.databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX_PREFIX: ctx.search.indexPrefix, DATA_DIR: ctx.dir },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('Réindexation: 100% 1/1 documents');
    expect(output).toMatch(/Index rebuilt: 1 documents, 2 pages/);
  });

  it('rebuilds at start an index built by an older text analysis, so that its stems meet the queries again', async () => {
    const { buildRecords } = await import('../../search');
    await drainJobs(ctx);
    expect(await ctx.search.hasOutdatedRecords()).toBe(false);
    // A record as an older analysis wrote it: no analysis version, stems of the word as written.
    const [record] = buildRecords({
      id: randomUUID(), title: 'Ancien', summary: '', docType: 'autre', scope: 'internal', status: 'published', fileType: 'txt', updatedAt: new Date(),
      directorate: { code: 'OLD', name: 'Ancienne' }, folderIds: [], theme: null, scheme: null, pages: ['chaufferie'],
    });
    const { analysis: _analysis, ...older } = record as NonNullable<typeof record>;
    await ctx.search.queueRecords(ctx.search.pagesIndex, [{ ...older, contentStem: 'chaufferi' } as never]);
    await ctx.search.waitForQueued();
    expect(await ctx.search.hasOutdatedRecords()).toBe(true);
    await enqueueSettings(ctx.db);
    expect(await drainJobs(ctx)).toEqual([]);
    expect(await ctx.search.hasOutdatedRecords()).toBe(false);
    expect(await checkIndex(ctx)).toMatchObject({ missing: [], extra: [] });
  });
});

