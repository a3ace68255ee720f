import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildFolder } from '../../tests/factories';
import { makePdf, makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { shippedThesaurus } from '../../search';
import { answerSchemes } from './answer';
import { searchQuerySchema } from './schema';
import { startSearch } from './service';

interface Group {
  scheme: {
    id: string;
    name: string;
    promise: string;
    amount: string;
    audiences: string[];
    availability: string;
    referent: { service: string | null };
    links: { applyUrl: string | null };
    isShared: boolean;
  } | null;
  documents: { document: { id: string; title: string }; page: number | null; snippet: string }[];
  score: number;
}
interface Answer {
  query: { text: string; words: string[]; ignored: string[]; expansions: { word: string; terms: string[] }[] };
  groups: Group[];
  approximate: Group[];
  total: number;
  totalDocuments: number;
  facets: Record<string, Record<string, number>>;
  degraded: boolean;
  suggestion: string | null;
}

/** The answer grouped by scheme: what an agent sees first, and every bad input it must survive. */
describe('GET /api/search: the answer is the scheme', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let agent: SignedIn;
  let admin: SignedIn;
  let heatingSchemeId: string;
  let heatingRulesId: string;
  let heatingFormId: string;
  let loneNoteId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db, { code: 'DTEE' });
    const theme = await buildFolder(ctx.db, { name: 'Environnement-Climat' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    const scheme = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        name: 'Chaleur Renouvelable Communes',
        parentId: theme.id,
        scheme: {
          directorateId: directorate.id,
          promise: 'Financer les chaufferies au bois des bâtiments communaux',
          amount: 'Jusqu’à 40 % des travaux',
          audiences: ['collectivites'],
          aidTypes: ['subvention'],
          isPermanent: true,
          referent: { service: 'Service énergie', email: 'energie@region.example' },
          links: { applyUrl: 'https://www.region.example/aides/chaleur/deposer' },
        },
      })
      .expect(201);
    heatingSchemeId = scheme.body.folder.id;
    const upload = async (fields: Record<string, string>, file: Buffer, filename: string) => {
      const request = editor.agent.post('/api/documents').set('X-CSRF-Token', editor.csrfToken);
      for (const [name, value] of Object.entries({ status: 'published', scope: 'external', ...fields })) request.field(name, value);
      return (await request.attach('file', file, filename).expect(201)).body.document.id as string;
    };
    heatingRulesId = await upload(
      { folderId: heatingSchemeId, title: 'Règlement Chaleur Renouvelable', docType: 'reglement' },
      await makePdf([
        'Article 1 — Objet. Le présent règlement fixe les conditions.',
        'Article 2 — Bénéficiaires. Les communes qui installent une chaufferie au bois pour leurs écoles et leur mairie.',
      ]),
      'reglement.pdf',
    );
    heatingFormId = await upload(
      { folderId: heatingSchemeId, title: 'Formulaire de demande', docType: 'formulaire', scope: 'internal' },
      makeText('Formulaire : chaufferie bois, commune, montant des travaux.'),
      'formulaire.txt',
    );
    // A document outside any scheme: a folder of the directorate under the theme.
    const notes = await buildFolder(ctx.db, { name: 'Notes énergie', parent_id: theme.id, directorate_id: directorate.id });
    loneNoteId = await upload(
      { folderId: notes.id, title: 'Note sur le bois énergie', docType: 'note_interne', scope: 'internal' },
      makeText('Le bois énergie dans la Région : filières, chaufferies communales, approvisionnement.'),
      'note.txt',
    );
    await drainJobs(ctx);
  });
  afterAll(() => ctx.close());

  const ask = async (query: Record<string, string | string[]>) =>
    (await agent.agent.get('/api/search').query(query).expect(200)).body as Answer;

  it('answers a sentence with the scheme card first, its documents and best pages beneath', async () => {
    const answer = await ask({ q: 'la commune voudrait chauffer l’école et la mairie au bois' });
    expect(answer.query.words).toEqual(expect.arrayContaining(['commune', 'chauffer', 'école', 'mairie', 'bois']));
    const [first] = answer.groups;
    expect(first?.scheme).toMatchObject({
      id: heatingSchemeId,
      name: 'Chaleur Renouvelable Communes',
      promise: 'Financer les chaufferies au bois des bâtiments communaux',
      amount: 'Jusqu’à 40 % des travaux',
      audiences: ['collectivites'],
      availability: 'permanent',
      referent: { service: 'Service énergie' },
      links: { applyUrl: 'https://www.region.example/aides/chaleur/deposer' },
      isShared: true,
    });
    const rules = first?.documents.find((d) => d.document.id === heatingRulesId);
    expect(rules?.page).toBe(2);
    expect(rules?.snippet).toMatch(/<mark>/);
    expect(first?.documents.map((d) => d.document.id)).toEqual(expect.arrayContaining([heatingRulesId, heatingFormId]));
    // Counts count schemes and documents, never pages; the lone note is a group of its own.
    expect(answer.total).toBe(answer.groups.length);
    expect(
      [...answer.groups, ...answer.approximate].some((group) => group.scheme === null && group.documents[0]?.document.id === loneNoteId),
    ).toBe(true);
    expect(answer.facets.docType).toMatchObject({ reglement: 1, formulaire: 1 });
  });

  it('reads the cards of the schemes it shows while it searches their best pages, and again when that read failed', async () => {
    const query = searchQuerySchema.parse({ q: 'chaufferie bois commune' });
    const outcome = await startSearch({ db: ctx.db, search: ctx.search }, query);
    if (!('result' in outcome)) throw new Error('Meilisearch did not answer');
    const early = await outcome.schemes;
    expect(early?.ids.has(heatingSchemeId)).toBe(true);
    expect(early?.rows.map((row) => row.id)).toContain(heatingSchemeId);
    const themes = new Map([[heatingSchemeId, null]]);
    const failed = Promise.reject(new Error('PostgreSQL did not answer'));
    const cards = await answerSchemes(ctx.db, [heatingSchemeId], themes, failed);
    expect(cards.get(heatingSchemeId)).toMatchObject({ name: 'Chaleur Renouvelable Communes', isShared: true });
    // A read that does not hold every scheme asked is not used as it is.
    const partial = answerSchemes(
      ctx.db,
      [heatingSchemeId],
      themes,
      Promise.resolve({ ids: new Set<string>(), rows: [], sharedIds: new Set<string>() }),
    );
    expect((await partial).get(heatingSchemeId)?.name).toBe('Chaleur Renouvelable Communes');
  });

  it('says what it searched, what the thesaurus added, and what no document holds', async () => {
    const answer = await ask({ q: 'chaufferie mairie zorglubesque' });
    expect(answer.query.words).toEqual(['chaufferie', 'mairie']);
    expect(answer.query.ignored).toEqual(['zorglubesque']);
    const nothing = await ask({ q: 'zorglubesque' });
    expect(nothing).toMatchObject({ groups: [], total: 0 });
    expect(nothing.suggestion).toEqual(expect.any(String));
  });

  it.each([
    ['a 300-word paragraph', `${'Alors voilà, il faudrait savoir si la Région aide pour ça. '.repeat(30)} chaufferie bois commune`],
    ['stop words only', 'le la les de des du'],
    ['punctuation only', '?!…;:,.()'],
    ['emoji', '🔥🪵🏫'],
    ['mixed scripts', 'chaufferie 木材 отопление'],
    ['5,000 characters', 'chaufferie '.repeat(455)],
    ['apostrophes only', "''''’’’"],
  ])('answers %s without an error', async (_label, q) => {
    const answer = await ask({ q });
    expect(answer.degraded).toBe(false);
    expect(Array.isArray(answer.groups)).toBe(true);
    if (answer.query.words.length === 0) expect(answer.suggestion).toEqual(expect.any(String));
  });

  it('finds the content words at the end of a pasted paragraph', async () => {
    const answer = await ask({ q: `${'Alors voilà, il faudrait savoir si la Région aide pour ça. '.repeat(30)} chaufferie bois commune` });
    // Shown first (on a corpus this small, "Région" and "aide" are rare words and weigh in the query).
    expect([...answer.groups, ...answer.approximate][0]?.scheme?.id).toBe(heatingSchemeId);
  });

  it('refuses a value injected in the profile row (audience) and never alters the filter', async () => {
    const refused = await agent.agent
      .get('/api/search')
      .query({ q: 'chaufferie', audience: 'collectivites" OR scope = "internal' })
      .expect(400);
    expect(refused.body.error.code).toBe('validation_error');
    const filtered = await ask({ q: 'chaufferie', audience: 'collectivites' });
    expect(filtered.groups.map((group) => group.scheme?.id)).toEqual([heatingSchemeId]);
    const other = await ask({ q: 'chaufferie', audience: 'jeunes' });
    expect(other.groups.filter((group) => group.scheme)).toEqual([]);
  });

  it('shows before anything is typed the schemes agents opened most and the latest ones', async () => {
    await agent.agent.get(`/api/documents/${heatingRulesId}/file`).expect(200);
    // The opening is counted after the file is sent: the home shows it once the count is written.
    const homeOf = async () =>
      (await agent.agent.get('/api/search/home').expect(200)).body as { popular: { id: string }[]; latest: { id: string }[] };
    await expect.poll(async () => (await homeOf()).popular.map((scheme) => scheme.id)).toEqual([heatingSchemeId]);
    const home = await homeOf();
    expect(home.latest.map((scheme) => scheme.id)).toContain(heatingSchemeId);
    await supertest(ctx.app).get('/api/search/home').expect(401);
  });

  it('lets administrators switch a shipped thesaurus entry off and on, audited; no one else', async () => {
    const entry = shippedThesaurus().entries[0];
    if (!entry) throw new Error('the shipped thesaurus is empty');
    const list = (await admin.agent.get('/api/thesaurus').expect(200)).body as {
      version: string;
      entries: { id: string; isEnabled: boolean }[];
    };
    expect(list.version).toBe(shippedThesaurus().version);
    expect(list.entries.find((e) => e.id === entry.id)?.isEnabled).toBe(true);
    const off = await admin.agent
      .patch(`/api/thesaurus/${entry.id}`)
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ isEnabled: false })
      .expect(200);
    expect((off.body.entries as { id: string; isEnabled: boolean }[]).find((e) => e.id === entry.id)?.isEnabled).toBe(false);
    expect(Number((await ctx.db('audit_events').where({ action: 'thesaurus.disabled' }).count('* as n').first())?.n)).toBe(1);
    await admin.agent.patch(`/api/thesaurus/${entry.id}`).set('X-CSRF-Token', admin.csrfToken).send({ isEnabled: true }).expect(200);
    await admin.agent.patch('/api/thesaurus/no-such-entry').set('X-CSRF-Token', admin.csrfToken).send({ isEnabled: false }).expect(404);
    const bad = await admin.agent
      .patch(`/api/thesaurus/${entry.id}`)
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ isEnabled: 'yes' })
      .expect(400);
    expect(bad.body.error.message).toContain('isEnabled');
    await admin.agent.patch('/api/thesaurus/Bad Id').set('X-CSRF-Token', admin.csrfToken).send({ isEnabled: false }).expect(400);
    await agent.agent.get('/api/thesaurus').expect(403);
    await editor.agent.patch(`/api/thesaurus/${entry.id}`).set('X-CSRF-Token', editor.csrfToken).send({ isEnabled: false }).expect(403);
  });
});
