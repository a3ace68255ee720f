import { createCanvas } from '@napi-rs/canvas';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildFolder } from '../../tests/factories';
import { makeHugePng, makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { createJobHandlers } from '../jobs/handlers';
import { claimJobs } from '../jobs/queue';
import { batchSizes, runClaimedJobs } from '../jobs/worker';
import { makeScannedPdf, scanPage } from '../seed/demo/scans';

/** Scans at 150 dpi keep the test quick; `npm run bench:ocr` reads 300 dpi pages. */
const dpi = 150;

// OCR is seconds per page, more on a busy machine (the engine starts once per child process).
describe('scans read by French OCR, indexed per page like any text, marked as such', { timeout: 120000 }, () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let agent: SignedIn;
  let schemeId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db, { code: 'DTOUR' });
    const themeId = (await buildFolder(ctx.db, { name: 'Tourisme' })).id;
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    const scheme = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        name: 'Hébergements durables',
        parentId: themeId,
        scheme: { directorateId: directorate.id, promise: 'Aider les campings', isPermanent: true },
      })
      .expect(201);
    schemeId = scheme.body.folder.id;
  });
  afterAll(() => ctx.close());

  async function upload(title: string, file: Buffer, filename: string): Promise<string> {
    const response = await editor.agent
      .post('/api/documents')
      .set('X-CSRF-Token', editor.csrfToken)
      .field('folderId', schemeId)
      .field('status', 'published')
      .field('scope', 'internal')
      .field('title', title)
      .attach('file', file, filename)
      .expect(201);
    return response.body.document.id as string;
  }
  const documentOf = async (id: string) =>
    (await agent.agent.get(`/api/documents/${id}`).expect(200)).body.document as {
      currentVersion: { extractionStatus: string; ocrNote: string | null; ocrPending: boolean };
    };
  const search = async (q: string) =>
    (await agent.agent.get('/api/search').query({ q, group: 'document' }).expect(200)).body as {
      hits: { document: { id: string }; page: number | null; snippet: string; ocrConfidence: number | null }[];
    };

  it('a signed deliberation, scanned after its text page: both pages found, the scanned one marked with its confidence', async () => {
    const pdf = await makeScannedPdf(
      [
        { text: ['Rapport au conseil régional : aide aux hébergements de plein air.'] },
        {
          scan: [
            '# Délibération n° 2026-117',
            'Le conseil régional attribue une subvention aux campings pour la récupération des eaux de pluie.',
            'Signé : le président.',
          ],
        },
      ],
      { dpi },
    );
    const id = await upload('Délibération hébergements de plein air', pdf, 'deliberation-signee.pdf');
    expect(await drainJobs(ctx)).toEqual([]);
    const pages = await ctx
      .db('version_pages as p')
      .join('documents as d', 'd.current_version_id', 'p.version_id')
      .where('d.id', id)
      .orderBy('p.page_number')
      .select('p.page_number', 'p.ocr', 'p.ocr_confidence');
    expect(pages.map((page) => [page.page_number, page.ocr])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(pages[1].ocr_confidence).toBeGreaterThan(0.8);
    expect((await documentOf(id)).currentVersion).toMatchObject({ extractionStatus: 'done', ocrNote: null });

    const scanned = await search('récupération eaux de pluie');
    expect(scanned.hits[0]).toMatchObject({ document: { id }, page: 2 });
    expect(scanned.hits[0]?.snippet).toMatch(/<mark>pluie<\/mark>/);
    expect(scanned.hits[0]?.ocrConfidence).toBeGreaterThan(0.8);
    const typed = await search('hébergements de plein air rapport');
    expect(typed.hits[0]).toMatchObject({ document: { id }, page: 1, ocrConfidence: null });

    const matching = (await agent.agent.get(`/api/documents/${id}/pages`).query({ q: 'pluie' }).expect(200)).body.pages as {
      page: number;
      ocrConfidence: number | null;
    }[];
    expect(matching).toEqual([
      { page: 2, snippet: expect.stringContaining('<mark>pluie</mark>'), ocrConfidence: expect.closeTo(pages[1].ocr_confidence, 5) },
    ]);
  });

  it('OCR is a job of its own: the sync batch indexes the text pages at once, the scans follow', async () => {
    const pdf = await makeScannedPdf(
      [
        { text: ['Calendrier des commissions permanentes du printemps.'] },
        { scan: ['# Procès-verbal', 'La séance est levée à midi après le vote des subventions aux refuges de montagne.'] },
      ],
      { dpi },
    );
    const id = await upload('Procès-verbal de séance', pdf, 'proces-verbal.pdf');
    const handlers = createJobHandlers({ db: ctx.db, storage: ctx.storage, search: ctx.search, logger: ctx.logger, config: ctx.config });
    const sync = await claimJobs(ctx.db, 'test', batchSizes(handlers));
    expect(sync.map((job) => job.type)).toEqual(['search.syncDocument']);
    expect(await runClaimedJobs({ db: ctx.db, logger: ctx.logger, handlers, workerId: 'test' }, sync)).toEqual([]);
    // Indexed by its text page already; its scan waits for the OCR job, and the document says so.
    expect((await documentOf(id)).currentVersion).toMatchObject({ extractionStatus: 'done', ocrPending: true });
    expect((await search('calendrier commissions printemps')).hits[0]).toMatchObject({ document: { id }, page: 1 });
    expect(Number((await ctx.db('jobs').where({ type: 'extraction.ocr', status: 'queued' }).count<{ n: string }[]>('* as n'))[0]?.n)).toBe(
      1,
    );
    expect(await drainJobs(ctx)).toEqual([]);
    expect((await documentOf(id)).currentVersion).toMatchObject({ extractionStatus: 'done', ocrPending: false, ocrNote: null });
    expect((await search('refuges de montagne séance levée')).hits[0]).toMatchObject({ document: { id }, page: 2 });
  });

  it('one OCR job runs at a time, whatever the number of job loops: the others stay free for syncs', async () => {
    const pdf = async (word: string) => makeScannedPdf([{ scan: [`Mot repère ${word} dans une page scannée.`] }], { dpi: 100 });
    await upload('Scan alpha', await pdf('alpha'), 'alpha.pdf');
    await upload('Scan beta', await pdf('beta'), 'beta.pdf');
    const handlers = createJobHandlers({ db: ctx.db, storage: ctx.storage, search: ctx.search, logger: ctx.logger, config: ctx.config });
    const sync = await claimJobs(ctx.db, 'loop-1', batchSizes(handlers));
    expect(await runClaimedJobs({ db: ctx.db, logger: ctx.logger, handlers, workerId: 'loop-1' }, sync)).toEqual([]);
    // Two scans waiting: one loop takes the first, another loop finds nothing to take but a text upload's sync.
    const first = await claimJobs(ctx.db, 'loop-1', batchSizes(handlers));
    expect(first.map((job) => job.type)).toEqual(['extraction.ocr']);
    expect(await claimJobs(ctx.db, 'loop-2', batchSizes(handlers))).toEqual([]);
    const text = await upload('Note tapée', makeText('Une note tapée au clavier.'), 'note.txt');
    const next = await claimJobs(ctx.db, 'loop-2', batchSizes(handlers));
    expect(next.map((job) => [job.type, job.payload])).toEqual([['search.syncDocument', { documentId: text }]]);
    expect(await runClaimedJobs({ db: ctx.db, logger: ctx.logger, handlers, workerId: 'loop-2' }, next)).toEqual([]);
    expect(await runClaimedJobs({ db: ctx.db, logger: ctx.logger, handlers, workerId: 'loop-1' }, first)).toEqual([]);
    expect(await drainJobs(ctx)).toEqual([]);
  });

  it('a photographed poster (JPEG) is found by its words', async () => {
    const { image } = await scanPage(
      ['# Fête de la Région', 'Samedi 14 juin, place du Martroi : concerts et stands des Maisons de Région.'],
      { dpi, height: 300, font: 'sans', skew: 1.5 },
    );
    const id = await upload('Affiche', image, 'affiche.jpg');
    expect(await drainJobs(ctx)).toEqual([]);
    const result = await search('Martroi concerts');
    expect(result.hits[0]).toMatchObject({ document: { id }, page: 1 });
    expect(result.hits[0]?.ocrConfidence).toBeGreaterThan(0.7);
  });

  it('scans OCR cannot read say "texte non reconnu" and why, stay findable by title, and the queue and the app go on', async () => {
    const photo = createCanvas(600, 400);
    const context = photo.getContext('2d');
    for (let i = 0; i < 60; i += 1) {
      context.fillStyle = `hsl(${(i * 47) % 360}, 60%, ${30 + ((i * 13) % 50)}%)`;
      context.beginPath();
      context.arc((i * 97) % 600, (i * 61) % 400, 20 + ((i * 7) % 60), 0, 2 * Math.PI);
      context.fill();
    }
    const { image } = await scanPage(['Une page qui sera abîmée.'], { dpi });
    const bad = {
      photo: await upload('Photo du salon zebulon', await photo.encode('jpeg', 80), 'photo.jpg'),
      huge: await upload('Plan géant zebulon', makeHugePng(20000, 20000), 'plan.png'),
      corrupt: await upload('Scan abîmé zebulon', Buffer.concat([image.subarray(0, 700), Buffer.alloc(3000, 0xff)]), 'abime.jpg'),
    };
    expect(await drainJobs(ctx)).toEqual([]);
    expect((await documentOf(bad.photo)).currentVersion).toMatchObject({
      extractionStatus: 'unrecognized',
      ocrNote: expect.stringMatching(/^texte non reconnu : (aucun texte trouvé|confiance trop faible)/),
    });
    expect((await documentOf(bad.huge)).currentVersion).toMatchObject({
      extractionStatus: 'unrecognized',
      ocrNote: expect.stringMatching(/^texte non reconnu : image trop grande \(20\s000 × 20\s000 pixels/),
    });
    expect((await documentOf(bad.corrupt)).currentVersion).toMatchObject({
      extractionStatus: 'unrecognized',
      ocrNote: 'texte non reconnu : image illisible (fichier endommagé ou incomplet)',
    });
    expect(new Set((await search('zebulon')).hits.map((hit) => hit.document.id))).toEqual(new Set(Object.values(bad)));
    await supertest(ctx.app).get('/readyz').expect(200);
  });
});
