import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, anyOf } from '../../search';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildFolder } from '../../tests/factories';
import { makeDocx, makePdf, makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { degradedSearch } from './degraded';
import { searchQuerySchema } from './schema';
import { searchFilterOf } from './service';
import { strToU8, zipSync } from 'fflate';
import supertest from 'supertest';
import { searchDuration } from '../metrics';

describe('search: indexing pipeline and API', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let agent: SignedIn;
  let admin: SignedIn;
  let themeId: string;
  let otherThemeId: string;
  let schemeId: string;
  let closedSchemeId: string;
  let directorateId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db, { code: 'DTOUR' });
    directorateId = directorate.id;
    themeId = (await buildFolder(ctx.db, { name: 'Tourisme' })).id;
    otherThemeId = (await buildFolder(ctx.db, { name: 'Environnement-Climat' })).id;
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    const scheme = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        name: "Ec'Eau Tourisme",
        parentId: themeId,
        scheme: {
          directorateId,
          promise: 'Financer des équipements hydro-économes',
          summary: 'Pour les campings et hébergements touristiques.',
          audiences: ['entreprises'],
          aidTypes: ['subvention'],
          keywords: ['ECEAU'],
          isPermanent: true,
        },
      })
      .expect(201);
    schemeId = scheme.body.folder.id;
    const closed = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        name: 'Fonds Rebond Stations',
        parentId: themeId,
        scheme: { directorateId, promise: 'Aider les stations de ski', opensOn: '2024-01-01', closesOn: '2025-04-30' },
      })
      .expect(201);
    closedSchemeId = closed.body.folder.id;
  });
  afterAll(() => ctx.close());

  async function upload(fields: Record<string, string>, file: Buffer, filename: string): Promise<string> {
    const request = editor.agent.post('/api/documents').set('X-CSRF-Token', editor.csrfToken);
    for (const [name, value] of Object.entries({ folderId: schemeId, status: 'published', scope: 'external', ...fields }))
      request.field(name, value);
    const response = await request.attach('file', file, filename).expect(201);
    return response.body.document.id as string;
  }

  /** The flat, document-level shape (`group=document`): what these tests prove is per document. */
  async function search(query: Record<string, string | string[]>, who: SignedIn = agent) {
    const response = await who.agent
      .get('/api/search')
      .query({ group: 'document', ...query })
      .expect(200);
    return response.body as {
      hits: { document: { id: string; title: string }; page: number | null; snippet: string; scheme: { name: string } | null }[];
      facets: Record<string, Record<string, number>>;
      total: number;
      degraded: boolean;
    };
  }
  const ids = async (query: Record<string, string | string[]>) => (await search(query)).hits.map((h) => h.document.id);

  let ecEauId: string;
  let internalProbeId: string;

  it('publishes, extracts per page and indexes: an agent finds the scheme by need, at the page that matched', async () => {
    ecEauId = await upload(
      { title: 'Fiche synthèse Ec’Eau', docType: 'fiche_synthese' },
      await makePdf([
        'Présentation générale du dispositif régional pour le tourisme durable.',
        'Bénéficiaires : les gestionnaires de camping. Dépenses éligibles : équipements hydro-économes, économies d’eau, récupération des eaux de pluie.',
      ]),
      'eceau.pdf',
    );
    internalProbeId = await upload(
      { title: 'Note interne confidentielle sondeprobe', scope: 'internal', docType: 'note_interne' },
      makeText('Le mot sondeprobe est réservé aux agents.'),
      'note.txt',
    );
    expect(await drainJobs(ctx)).toEqual([]);
    const version = await ctx.db('versions').where({ document_id: ecEauId }).first();
    expect(version).toMatchObject({ extraction_status: 'done', page_count: 2 });

    const result = await search({ q: 'camping économies eau' });
    expect(result.hits[0]).toMatchObject({ document: { id: ecEauId }, page: 2, scheme: { name: "Ec'Eau Tourisme" } });
    expect(result.hits[0]?.snippet).toMatch(/<mark>camping<\/mark>/);
    expect(result.degraded).toBe(false);
  });

  it('answers JSON that is never stored: no-store, its length, no ETag, where the time went; HEAD gets the headers alone', async () => {
    const response = await agent.agent.get('/api/search').query({ q: 'camping', group: 'document' }).expect(200);
    // Meilisearch's own time (whole ms), within the round trip to it.
    const [, engine, roundTrip] = /^meilisearch;dur=(\d+), search;dur=(\d+\.\d)$/.exec(response.headers['server-timing'] ?? '') ?? [];
    expect(Number(engine)).toBeLessThanOrEqual(Number(roundTrip));
    expect(Number(roundTrip)).toBeGreaterThan(0);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['etag']).toBeUndefined();
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
    expect(response.body.hits.map((hit: { document: { id: string } }) => hit.document.id)).toContain(ecEauId);
    const head = await agent.agent.head('/api/search').query({ q: 'camping', group: 'document' }).expect(200);
    expect(head.headers['content-length']).toBe(response.headers['content-length']);
    expect(head.text ?? '').toBe('');
  });

  it.each([
    ['plural → singular', 'campings'],
    ['singular → plural', 'économie eau'],
    ['without accents', 'economies'],
    ['upper case', 'ÉCONOMIES'],
    ['an elision', "l'eau camping"],
    ['a typo', 'campping'],
    ['a close form (stem)', 'eaux pluies'],
    ['the scheme keyword', 'eceau'],
  ])('French done right: %s (%s)', async (_, q) => {
    expect((await ids({ q })).slice(0, 3)).toContain(ecEauId);
  });

  it('escapes the text of snippets and marks only our matches', async () => {
    const id = await upload(
      { title: 'Affiche' },
      makeText('Affiche : <script>alert("x")</script> Un camping & ses <b>économies</b> d’eau.'),
      'affiche.txt',
    );
    await drainJobs(ctx);
    const hit = (await search({ q: 'camping script' })).hits.find((h) => h.document.id === id);
    expect(hit?.snippet).toContain('&lt;<mark>script</mark>&gt;');
    expect(hit?.snippet).toContain('<mark>camping</mark> &amp; ses &lt;b&gt;');
    expect(hit?.snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  it('gives facet counts and filters by them', async () => {
    const all = await search({ q: '' });
    expect(all.facets.scope).toMatchObject({ external: expect.any(Number), internal: 1 });
    expect(all.facets.theme?.[themeId]).toBeGreaterThan(0);
    const onlyInternal = await search({ q: '', scope: 'internal' });
    expect(onlyInternal.hits.map((h) => h.document.id)).toEqual([internalProbeId]);
    const notes = await ids({ q: '', docType: ['note_interne', 'faq'] });
    expect(notes).toEqual([internalProbeId]);
  });

  it('refuses an unknown facet (400) and facet values that are not values (400)', async () => {
    const unknown = await agent.agent.get('/api/search').query({ q: 'camping', color: 'red' }).expect(400);
    expect(unknown.body.error).toEqual({ code: 'validation_error', message: 'Filtre inconnu : color.' });
    for (const value of ['external" OR scope = "internal', 'external\\', '(internal)', 'external OR internal']) {
      await agent.agent.get('/api/search').query({ q: 'sondeprobe', scope: value }).expect(400);
    }
    await agent.agent.get('/api/search').query({ q: 'x', directorate: 'DTOUR" OR scope = "internal' }).expect(400);
  });

  it('quotes every value: an injected filter cannot reach the internal-only probe', async () => {
    for (const injected of ['x" OR scope = "internal', 'x\\" OR scope = \\"internal', 'x") OR (scope = "internal', '" OR 1=1 OR "']) {
      const result = await ctx.search.search({
        q: 'sondeprobe',
        filter: and([anyOf('scope', ['external']), anyOf('directorateCode', [injected])]),
        facets: [],
        page: 1,
        hitsPerPage: 20,
        isDistinct: true,
      });
      expect(result.hits.map((h) => h.documentId)).not.toContain(internalProbeId);
    }
  });

  it('starts the search while the session loads, yet answers only a signed-in agent: one search per request, none for an ended session', async () => {
    const searches = async () =>
      (await searchDuration.get()).values.find(
        (v) => v.metricName === 'lpt_search_duration_seconds_count' && v.labels.path === 'meilisearch',
      )?.value ?? 0;
    const before = await searches();
    expect((await search({ q: 'sondeprobe' })).hits.map((hit) => hit.document.id)).toEqual([internalProbeId]);
    expect(await searches()).toBe(before + 1);

    const leaving = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    const cookie = (await leaving.agent.get('/api/session').expect(200)).request.cookies as string;
    expect(cookie).toMatch(/^lpt\.sid=s%3A/);
    await leaving.agent.post('/auth/logout').set('X-CSRF-Token', leaving.csrfToken).expect(200);
    // The cookie is still one the app signed: the search starts early, its session is gone.
    const response = await supertest(ctx.app).get('/api/search').query({ q: 'sondeprobe' }).set('Cookie', cookie).expect(401);
    await vi.waitFor(async () => expect(await searches()).toBe(before + 2));
    expect(JSON.stringify(response.body)).not.toContain(internalProbeId);
    expect(response.body).toEqual({ error: expect.objectContaining({ code: 'unauthorized' }) });
  });

  it('answers a 5,000-character query (cut), a page beyond the end (empty), and an empty query (recent documents)', async () => {
    const long = await search({ q: `camping ${'économies '.repeat(600)}`.slice(0, 5000) });
    expect(long.hits.length).toBeGreaterThan(0);
    expect((await search({ q: 'camping', page: '50' })).hits).toEqual([]);
    const recent = await search({ q: '' });
    expect(recent.hits.length).toBeGreaterThanOrEqual(3);
    await agent.agent.get('/api/search').query({ q: 'camping', page: '0' }).expect(400);
  });

  it('pages of results follow one another, each document once; misspellings of words found as written are no answer', async () => {
    // "pépinières régionales" is on page 1 of the first four documents as written and on page 2 as
    // stems; the notes hold only misspellings of both words, which the documents hold as written.
    const nurseries = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ name: 'Plantations locales', parentId: otherThemeId, scheme: { directorateId, promise: 'Planter', isPermanent: true } })
      .expect(201);
    const folderId = nurseries.body.folder.id as string;
    const filler = 'texte '.repeat(40);
    const split: string[] = [];
    for (let i = 1; i <= 4; i += 1) {
      split.push(
        await upload(
          { folderId, title: `Fiche ${i}` },
          makeText(`${filler}pépinières régionales.\fpépinière régionale, ${filler}`),
          `pepinieres-${i}.txt`,
        ),
      );
    }
    const notes: string[] = [];
    for (let i = 1; i <= 4; i += 1)
      notes.push(await upload({ folderId, title: `Note ${i}` }, makeText(`${'mot '.repeat(i)}pépinnières régionnales.`), `note-${i}.txt`));
    await drainJobs(ctx);
    const q = 'pépinières régionales';
    const all = (await search({ q, hitsPerPage: '50' })).hits.map((hit) => hit.document.id);
    expect(all.slice(0, 4).sort()).toEqual([...split].sort());
    for (const note of notes) expect(all).not.toContain(note);
    expect(new Set(all).size).toBe(all.length);
    for (const hitsPerPage of [1, 2, 3, 4, 5, 6]) {
      const pages: string[][] = [];
      for (let page = 1; page <= Math.ceil(all.length / hitsPerPage); page += 1) {
        pages.push((await search({ q, hitsPerPage: String(hitsPerPage), page: String(page) })).hits.map((hit) => hit.document.id));
      }
      expect(pages.flat(), `${hitsPerPage} per page`).toEqual(all);
    }
  });

  it('excludes closed schemes unless asked', async () => {
    const closedDoc = await upload(
      { folderId: closedSchemeId, title: 'Règlement stations de ski' },
      makeText('Aide aux stations de ski en difficulté.'),
      'ski.txt',
    );
    await drainJobs(ctx);
    expect(await ids({ q: 'stations ski' })).not.toContain(closedDoc);
    expect(await ids({ q: 'stations ski', includeClosed: 'true' })).toContain(closedDoc);
    expect(await ids({ q: 'stations ski', availability: 'clos' })).toContain(closedDoc);
  });

  it('degraded search: when few documents hold every word, they stay above those that hold only some', async () => {
    const both = await upload({ title: 'Fiche une' }, makeText('Le bananier tarifaire est décrit ici.'), 'un.txt');
    const one = await upload({ title: 'Fiche deux' }, makeText('bananier '.repeat(200)), 'deux.txt');
    await drainJobs(ctx);
    const query = searchQuerySchema.parse({ q: 'bananier tarifaire' });
    const result = await degradedSearch(ctx.db, { q: query.q, filter: searchFilterOf(query) }, { page: 1, hitsPerPage: 20 });
    expect(result.hits.map((hit) => hit.documentId)).toEqual([both, one]);
    expect(result.hits[0]?.contentMatch).toMatch(/bananier/);
  });

  it('degraded search finds a document by its scheme alone (name, keywords, promise), as Meilisearch does', async () => {
    const scheme = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        name: 'Cap Héliotrope',
        parentId: themeId,
        scheme: { directorateId, promise: 'Soutenir les serres photovoltaïques', keywords: ['AGRISOLEIL'], isPermanent: true },
      })
      .expect(201);
    const inside = await upload(
      { title: 'Règlement du dispositif', folderId: scheme.body.folder.id },
      makeText('Les conditions générales.'),
      'reglement.txt',
    );
    await drainJobs(ctx);
    for (const q of ['héliotrope', 'agrisoleil', 'serres photovoltaïques']) {
      const query = searchQuerySchema.parse({ q });
      expect(await ids({ q })).toContain(inside);
      const result = await degradedSearch(ctx.db, { q: query.q, filter: searchFilterOf(query) }, { page: 1, hitsPerPage: 20 });
      expect(result.hits.map((hit) => hit.documentId)).toContain(inside);
    }
  });

  it('degraded search: a filter that leaves out every document holding all the words still finds those holding some, as Meilisearch does', async () => {
    // Two documents of one theme hold both words; the only one under the other theme holds one of them.
    await upload({ title: 'Quetzal un' }, makeText('Le quetzal pavonin niche ici.'), 'q1.txt');
    await upload({ title: 'Quetzal deux' }, makeText('Un autre quetzal pavonin.'), 'q2.txt');
    const elsewhere = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        name: 'Forêts primaires',
        parentId: otherThemeId,
        scheme: { directorateId, promise: 'Protéger les forêts', isPermanent: true },
      })
      .expect(201);
    const onlyOne = await upload(
      { title: 'Oiseaux des forêts', folderId: elsewhere.body.folder.id },
      makeText('Le quetzal vit en forêt.'),
      'q3.txt',
    );
    await drainJobs(ctx);
    const query = searchQuerySchema.parse({ q: 'quetzal pavonin', theme: otherThemeId });
    expect(await ids({ q: 'quetzal pavonin', theme: otherThemeId })).toEqual([onlyOne]);
    const result = await degradedSearch(ctx.db, { q: query.q, filter: searchFilterOf(query) }, { page: 1, hitsPerPage: 2 });
    expect(result.hits.map((hit) => hit.documentId)).toEqual([onlyOne]);
  });

  it('lists every matching page of one document', async () => {
    const id = await upload(
      { title: 'Guide long' },
      await makePdf(['Introduction sans rapport.', 'Le camping de la page deux.', 'Rien ici.', 'Encore un camping en page quatre.']),
      'guide.pdf',
    );
    await drainJobs(ctx);
    const response = await agent.agent.get(`/api/documents/${id}/pages`).query({ q: 'camping' }).expect(200);
    expect(response.body.pages.map((p: { page: number }) => p.page).sort()).toEqual([2, 4]);
    expect(response.body.pages[0].snippet).toContain('<mark>camping</mark>');
  });

  it('finds a 200-page PDF by a word of its last page', async () => {
    const pages = Array.from(
      { length: 200 },
      (_, i) => `Page ${i + 1} du règlement : conditions générales, pièces justificatives et modalités de versement.`,
    );
    pages[199] += ' Clause finale zygomorphe.';
    const id = await upload({ title: 'Règlement de 200 pages' }, await makePdf(pages), 'long.pdf');
    await drainJobs(ctx);
    const hit = (await search({ q: 'zygomorphe' })).hits[0];
    expect(hit).toMatchObject({ document: { id }, page: 200 });
  });

  it('a file whose text cannot be read stays published and findable by title; its version says why', async () => {
    const damaged = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('ceci n’est pas un vrai PDF '.repeat(50))]);
    const id = await upload({ title: 'Formulaire scanné illisible' }, damaged, 'scan.pdf');
    await drainJobs(ctx);
    const version = await ctx.db('versions').where({ document_id: id }).first();
    expect(version.extraction_status).toBe('failed');
    expect(version.extraction_error).toMatch(/unreadable file/);
    const document = await agent.agent.get(`/api/documents/${id}`).expect(200);
    expect(document.body.document.currentVersion).toMatchObject({ extractionStatus: 'failed' });
    const hit = (await search({ q: 'formulaire illisible' })).hits.find((h) => h.document.id === id);
    expect(hit).toMatchObject({ page: null });
  });

  it('checks archives before reading them: a zip bomb is refused and recorded, the document still found by title', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': [new Uint8Array(20 * 1024 * 1024), { level: 9 }],
    });
    const id = await upload({ title: 'Compte rendu gonflé' }, Buffer.from(bomb), 'bombe.docx');
    await drainJobs(ctx);
    const version = await ctx.db('versions').where({ document_id: id }).first();
    expect(version).toMatchObject({ extraction_status: 'failed', file_type: 'docx' });
    expect(version.extraction_error).toMatch(/archive refused: entry word\/document.xml has a compression ratio over 200/);
    expect(await ids({ q: 'compte rendu gonflé' })).toContain(id);
  });

  it('syncs documents together in one batch; one whose file cannot be read retries alone', async () => {
    const unreadableFile = makeText('Clause commune xylographie beta.');
    const [first, unreadable, last] = [
      await upload({ title: 'Fiche lot alpha' }, makeText('Clause commune xylographie alpha.'), 'a.txt'),
      await upload({ title: 'Fiche lot beta' }, unreadableFile, 'b.txt'),
      await upload({ title: 'Fiche lot gamma' }, makeText('Clause commune xylographie gamma.'), 'c.txt'),
    ];
    const version = await ctx.db('versions').where({ document_id: unreadable }).first('storage_key');
    await ctx.storage.delete(version.storage_key);
    const failures = await drainJobs(ctx);
    expect(failures).toEqual([expect.objectContaining({ type: 'search.syncDocument' })]);
    const jobs = await ctx
      .db('jobs')
      .where({ type: 'search.syncDocument' })
      .whereRaw("payload->>'documentId' = any(?)", [[first, unreadable, last]])
      .select('payload', 'status', 'finished_at', 'last_error');
    const jobOf = (id: string) => jobs.find((job) => job.payload.documentId === id);
    expect(jobOf(unreadable)).toMatchObject({ status: 'queued', finished_at: null, last_error: expect.any(String) });
    expect(jobOf(first)?.status).toBe('done');
    expect(jobOf(first)?.finished_at).toEqual(jobOf(last)?.finished_at);
    expect((await ids({ q: 'xylographie' })).sort()).toEqual([first, last].sort());
    // The file back, its retry (brought forward) indexes it.
    await ctx.storage.put(version.storage_key, Readable.from([unreadableFile]));
    await ctx.db('jobs').where({ status: 'queued' }).update({ run_at: ctx.db.fn.now() });
    expect(await drainJobs(ctx)).toEqual([]);
    expect((await ids({ q: 'xylographie' })).sort()).toEqual([first, unreadable, last].sort());
  });

  describe('every change reaches the index', () => {
    let id: string;
    beforeAll(async () => {
      id = await upload(
        { title: 'Règlement Ec’Eau 2025' },
        await makePdf(['Première page.', 'Deuxième page.', 'Ancienne clause anticyclone.']),
        'r.pdf',
      );
      await drainJobs(ctx);
    });

    it('a new version: stale pages removed', async () => {
      expect(await ids({ q: 'anticyclone' })).toContain(id);
      await editor.agent
        .post(`/api/documents/${id}/versions`)
        .set('X-CSRF-Token', editor.csrfToken)
        .attach('file', makeDocx(['Nouvelle clause cyclonique.']), 'r2.docx')
        .expect(201);
      await drainJobs(ctx);
      expect(await ids({ q: 'anticyclone' })).not.toContain(id);
      expect(await ids({ q: 'cyclonique' })).toContain(id);
    });

    it('a metadata edit and a scope change', async () => {
      await editor.agent
        .patch(`/api/documents/${id}`)
        .set('X-CSRF-Token', editor.csrfToken)
        .send({ title: 'Règlement hydrolien', scope: 'internal' })
        .expect(200);
      await drainJobs(ctx);
      expect(await ids({ q: 'hydrolien', scope: 'internal' })).toContain(id);
      expect(await ids({ q: 'hydrolien', scope: 'external' })).not.toContain(id);
    });

    it('a scheme card edit updates all its documents', async () => {
      await editor.agent
        .patch(`/api/folders/${schemeId}`)
        .set('X-CSRF-Token', editor.csrfToken)
        .send({
          scheme: {
            directorateId,
            promise: 'Financer des équipements hydro-économes',
            keywords: ['ECEAU', 'aquaplanification'],
            isPermanent: true,
          },
        })
        .expect(200);
      await drainJobs(ctx);
      const found = await ids({ q: 'aquaplanification' });
      expect(found).toEqual(expect.arrayContaining([id, ecEauId]));
    });

    it('a folder move changes the theme facet', async () => {
      await editor.agent
        .patch(`/api/folders/${schemeId}`)
        .set('X-CSRF-Token', editor.csrfToken)
        .send({ parentId: otherThemeId })
        .expect(200);
      await drainJobs(ctx);
      expect(await ids({ q: 'hydrolien', theme: otherThemeId })).toContain(id);
      expect(await ids({ q: 'hydrolien', theme: themeId })).not.toContain(id);
    });

    it('archive and delete remove it from search', async () => {
      await editor.agent.patch(`/api/documents/${id}`).set('X-CSRF-Token', editor.csrfToken).send({ status: 'archived' }).expect(200);
      await drainJobs(ctx);
      expect(await ids({ q: 'hydrolien' })).not.toContain(id);
      await editor.agent.patch(`/api/documents/${id}`).set('X-CSRF-Token', editor.csrfToken).send({ status: 'published' }).expect(200);
      await drainJobs(ctx);
      expect(await ids({ q: 'hydrolien' })).toContain(id);
      await editor.agent.delete(`/api/documents/${id}`).set('X-CSRF-Token', editor.csrfToken).expect(204);
      await drainJobs(ctx);
      expect(await ids({ q: 'hydrolien' })).not.toContain(id);
    });
  });

  it('synonyms edited by admins: "TPE" finds "très petite entreprise"', async () => {
    const id = await upload({ title: 'Prêt croissance' }, makeText('Un prêt pour toute très petite entreprise du territoire.'), 'pret.txt');
    await drainJobs(ctx);
    await editor.agent
      .put('/api/synonyms')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ groups: [['TPE', 'très petite entreprise']] })
      .expect(403);
    const bad = await admin.agent
      .put('/api/synonyms')
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ groups: [['seul']] })
      .expect(400);
    expect(bad.body.error.message).toBe('groups.0 : Un groupe de synonymes a au moins deux termes.');
    await admin.agent
      .put('/api/synonyms')
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ groups: [['TPE', 'très petite entreprise']] })
      .expect(200);
    await drainJobs(ctx);
    expect((await ids({ q: 'TPE' })).slice(0, 3)).toContain(id);
    expect((await admin.agent.get('/api/synonyms').expect(200)).body.groups).toEqual([['TPE', 'très petite entreprise']]);
  });

  it('browsing without words counts documents, not pages', async () => {
    const browse = await search({ q: '', hitsPerPage: '50' });
    const published = await ctx.db('documents').whereNull('deleted_at').where({ status: 'published' }).count({ n: '*' }).first();
    expect(browse.total).toBe(Number(published?.n) - 1); // the closed scheme's document is left out
    expect(new Set(browse.hits.map((h) => h.document.id)).size).toBe(browse.hits.length);
    expect(Object.values(browse.facets.scope ?? {}).reduce((a, b) => a + b, 0)).toBe(browse.total);
  });

  /** A search, then its log entry (written once the answer is sent), as when an agent types. */
  async function searchLogged(q: string) {
    await search({ q });
    await vi.waitFor(async () => expect(await ctx.db('search_log').where({ user_id: agent.user.id, query: q }).first()).toBeDefined(), {
      timeout: 5000,
      interval: 10,
    });
  }

  it('keeps what the agent settled on in the log, not every keystroke', async () => {
    await searchLogged('hébe');
    await searchLogged('hébergement');
    await searchLogged('hébergement insolite');
    const logged = await ctx.db('search_log').where({ user_id: agent.user.id }).whereILike('query', 'hébe%').pluck('query');
    expect(logged).toEqual(['hébergement insolite']);
  });

  it('logs searches; insights give editors the top queries and those without results; agents get 403', async () => {
    await searchLogged('camping');
    await searchLogged('Camping');
    await searchLogged('zorglubisme introuvable');
    const insights = await editor.agent.get('/api/search/insights').query({ days: '7' }).expect(200);
    expect(insights.body.topQueries).toContainEqual(expect.objectContaining({ query: 'camping', searches: expect.any(Number) }));
    expect(insights.body.queriesWithoutResults.map((q: { query: string }) => q.query)).toContain('zorglubisme introuvable');
    await agent.agent.get('/api/search/insights').expect(403);
    const logged = await ctx.db('search_log').where({ query: 'zorglubisme introuvable' }).first();
    expect(logged).toMatchObject({
      result_count: 0,
      role: 'agent',
      user_id: agent.user.id,
      maison_id: agent.user.maison_id,
      degraded: false,
    });
  });
});

describe('search on a new, empty index', () => {
  it('answers an empty list, not an error', async () => {
    const ctx = await createTestContext({ withSearchIndex: true });
    try {
      const agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
      const response = await agent.agent.get('/api/search').query({ q: 'hébergement insolite' }).expect(200);
      expect(response.body).toMatchObject({ groups: [], approximate: [], total: 0, degraded: false });
    } finally {
      await ctx.close();
    }
  });
});
