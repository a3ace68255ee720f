import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildScheme } from '../../tests/factories';
import { makePdf, makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { enqueueJob } from '../jobs/queue';
import { renderMetrics } from '../metrics';
import { enqueueDocumentSync, enqueueSettings } from './enqueue';
import { checkIndex, nightlyRebuild, RebuildRunningError, rebuildIndex, repairIndexDrift } from './rebuild';

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
    for (const [i, file] of [
      await makePdf(['Page un.', 'Page deux avec le mot pivoine.']),
      makeText('Texte avec le mot glycine.'),
      await makePdf(['Ancolie en première page.']),
    ].entries()) {
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

  const found = async (q: string) =>
    (await ctx.search.search({ q, filter: '', facets: [], page: 1, hitsPerPage: 10, isDistinct: true })).hits.map((h) => h.documentId);

  it('reports drift: a document missing from the index, and one that should not be there', async () => {
    expect(await checkIndex(ctx)).toMatchObject({ expected: 2, indexed: 2, missing: [], extra: [] });
    await ctx.search.replaceDocuments([ids[0] as string], [], randomUUID());
    await ctx.db('documents').where({ id: ids[1] }).update({ status: 'draft' });
    expect(await checkIndex(ctx)).toMatchObject({ expected: 1, indexed: 1, missing: [ids[0]], extra: [ids[1]], stale: [] });
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
      await editor.agent
        .patch(`/api/documents/${ids[0]}`)
        .set('X-CSRF-Token', editor.csrfToken)
        .send({ title: 'Fiche hellébore' })
        .expect(200);
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
      const response = await fetch(`${meili.url}/tasks?types=indexSwap&limit=1000`, {
        headers: { Authorization: `Bearer ${meili.masterKey}` },
      });
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

  /** A command of server/cli run on this file's database and index, as an operator would run it. */
  const runCommand = (script: string, args: string[] = []) => {
    const { meili } = inject('services');
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
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  };

  it('npm run reindex: a progress report and a final count', async () => {
    const { code, output } = await runCommand('server/cli/reindex.ts');
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
      id: randomUUID(),
      title: 'Ancien',
      summary: '',
      docType: 'autre',
      scope: 'internal',
      status: 'published',
      fileType: 'txt',
      updatedAt: new Date(),
      directorate: { code: 'OLD', name: 'Ancienne' },
      folderIds: [],
      theme: null,
      scheme: null,
      pages: ['chaufferie'],
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

  it('index:check sees a document whose index still serves an older version, and --fix repairs it', async () => {
    expect(await drainJobs(ctx)).toEqual([]);
    expect(await checkIndex(ctx)).toMatchObject({ missing: [], extra: [], stale: [] });
    // Version 2 uploaded while Meilisearch was down, and its job lost (dead, before jobs waited for outages).
    await editor.agent
      .post(`/api/documents/${ids[0]}/versions`)
      .set('X-CSRF-Token', editor.csrfToken)
      .attach('file', makeText('Version deux : le mot hortensia.'), 'v2.txt')
      .expect(201);
    await ctx.db('jobs').whereIn('status', ['queued', 'running']).update({ status: 'dead' });
    expect(await found('hortensia')).toEqual([]);
    expect(await checkIndex(ctx)).toMatchObject({ missing: [], extra: [], stale: [{ id: ids[0], reason: 'version' }] });

    const run = (args: string[]) => runCommand('server/cli/indexCheck.ts', args);
    const checked = await run([]);
    expect(checked.code).toBe(1);
    expect(checked.output).toContain('Stale in the index: 1 [1 version]');
    const fixed = await run(['--fix']);
    expect(fixed).toMatchObject({ code: 0, output: expect.stringContaining('Queued 1 repairs') });
    expect(await drainJobs(ctx)).toEqual([]);
    expect(await found('hortensia')).toEqual([ids[0]]);
    expect(await checkIndex(ctx)).toMatchObject({ missing: [], extra: [], stale: [], pending: 0 });
  });

  it('sees metadata and text that changed without a sync; the periodic check repairs them and /metrics counts the drift', async () => {
    await ctx.db('documents').where({ id: ids[0] }).update({ title: 'Fiche camélia' });
    expect(await checkIndex(ctx)).toMatchObject({ stale: [{ id: ids[0], reason: 'content' }] });
    const current = (await ctx.db('documents').where({ id: ids[0] }).first('current_version_id')).current_version_id;
    await ctx.db('version_pages').where({ version_id: current }).update({ text: 'Le mot azalée remplace le texte.' });
    expect(await checkIndex(ctx)).toMatchObject({ stale: [{ id: ids[0], reason: 'content' }] });

    // The worker's periodic check (search.checkIndex) finds it and queues its repair.
    await enqueueJob(ctx.db, 'search.checkIndex', {});
    expect(await drainJobs(ctx)).toEqual([]);
    expect((await renderMetrics()).body).toMatch(/lpt_search_index_drift\{kind="stale"\} 1/);
    expect(await found('azalée')).toEqual([ids[0]]);
    expect(await found('camélia')).toEqual([ids[0]]);
    // A document whose sync is waiting is being repaired: not drift.
    await enqueueDocumentSync(ctx.db, ids[0] as string);
    await ctx.db('documents').where({ id: ids[0] }).update({ title: 'Fiche dahlia' });
    expect(await checkIndex(ctx)).toMatchObject({ stale: [], pending: 1 });
    expect(await drainJobs(ctx)).toEqual([]);
    expect(await repairIndexDrift(ctx)).toMatchObject({ missing: [], extra: [], stale: [], pending: 0 });
    expect((await renderMetrics()).body).toMatch(/lpt_search_index_drift\{kind="stale"\} 0/);
  });
});
