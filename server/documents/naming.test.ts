import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildScheme } from '../../tests/factories';
import { makeDocx, makeOdt, makePdf, makePng, makePptx } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { extractText } from '../extraction';
import { demoCatalogue } from '../seed/demo/catalogue';
import { makeFile } from '../seed/demo/files';
import { titleOf } from './titles';

describe('documents name themselves', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let scheme: { id: string };

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' }, withSearchIndex: true });
    const directorate = await buildDirectorate(ctx.db);
    scheme = await buildScheme(ctx.db, { directorate_id: directorate.id, name: "Ec'Eau Tourisme" });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
  });
  afterAll(() => ctx.close());

  /** Uploads a file, lets the worker read it, and returns the document as the UI then sees it. */
  async function uploadAndRead(file: Buffer, filename: string, fields: Record<string, string> = {}) {
    const req = editor.agent.post('/api/documents').set('X-CSRF-Token', editor.csrfToken);
    for (const [name, value] of Object.entries({ folderId: scheme.id, ...fields })) req.field(name, value);
    const uploaded = (await req.attach('file', file, filename).expect(201)).body.document;
    expect(await drainJobs(ctx)).toEqual([]);
    const read = (await editor.agent.get(`/api/documents/${uploaded.id}`).expect(200)).body.document;
    return { uploaded, read };
  }

  it('takes the PDF metadata title once the text is read, the readable file name until then, and audits the change as the system', async () => {
    const pdf = await makePdf(['Le dispositif finance les équipements hydro-économes des campings.'], {
      title: 'Règlement d’intervention Ec’Eau Tourisme',
    });
    const { uploaded, read } = await uploadAndRead(pdf, 'ec-eau-tourisme_reglement_v2.pdf', { status: 'published' });
    expect(uploaded).toMatchObject({
      title: 'Ec eau tourisme règlement v2',
      titleSource: 'file_name',
      docType: 'reglement',
      isDocTypeSuggested: true,
    });
    expect(read).toMatchObject({ title: 'Règlement d’intervention Ec’Eau Tourisme', titleSource: 'document', docType: 'reglement' });
    // Reading the title leaves the bytes whole for the pages (pdf.js takes the buffer it is given).
    const pages = await ctx
      .db('version_pages as p')
      .join('documents as d', 'd.current_version_id', 'p.version_id')
      .where('d.id', read.id)
      .pluck('p.text');
    expect(pages.join(' ')).toContain('hydro-économes');
    const audit = await ctx.db('audit_events').where({ object_id: read.id, action: 'document.updated' }).first();
    expect(audit).toMatchObject({ actor_id: null, actor_label: 'Système (titre et type lus dans le document)' });
    expect(audit.changes.title).toEqual({ before: 'Ec eau tourisme règlement v2', after: 'Règlement d’intervention Ec’Eau Tourisme' });
    // Search shows the title the document gave itself.
    const search = await editor.agent.get('/api/search').query({ q: 'intervention', group: 'document' }).expect(200);
    expect(search.body.hits.map((hit: { document: { title: string } }) => hit.document.title)).toContain(
      'Règlement d’intervention Ec’Eau Tourisme',
    );
  });

  it('skips a generator default and takes the largest line atop page 1 instead', async () => {
    const pdf = await makePdf(['Texte courant du document, en petit.'], {
      title: 'Microsoft Word - Document1.docx',
      heading: 'Aide aux hebergements touristiques',
    });
    const { read } = await uploadAndRead(pdf, 'scan0001.pdf');
    expect(read).toMatchObject({ title: 'Aide aux hebergements touristiques', titleSource: 'document' });
  });

  it('bounds a 5,000-character metadata title at a word, under 200 characters', async () => {
    const pdf = await makePdf(['Texte.'], { title: 'Programme régional '.repeat(280) });
    const { read } = await uploadAndRead(pdf, 'programme.pdf');
    expect([...read.title].length).toBeLessThanOrEqual(200);
    expect(read.title).toMatch(/^Programme régional (Programme régional )*Programme( régional)?…$/);
  });

  it('strips control characters and a right-to-left override from the metadata title', async () => {
    const pdf = await makePdf(['Texte.'], { title: 'Aide\u0007 à la\u202e rénovation\u0000 des\u2066 gîtes' });
    const { read } = await uploadAndRead(pdf, 'gites.pdf');
    expect(read.title).toBe('Aide à la rénovation des gîtes');
  });

  it('reads the DOCX core properties title', async () => {
    const docx = makeDocx(['Contenu du formulaire.'], { title: 'Formulaire de demande de subvention' });
    const { read } = await uploadAndRead(docx, 'form_v3.docx');
    expect(read).toMatchObject({ title: 'Formulaire de demande de subvention', docType: 'formulaire' });
  });

  it('reads the first heading of a DOCX without core properties', async () => {
    const docx = makeDocx(['Questions fréquentes des porteurs de projet.'], { heading: 'Questions fréquentes Ec’Eau' });
    const { read } = await uploadAndRead(docx, 'doc-sans-titre.docx');
    expect(read).toMatchObject({ title: 'Questions fréquentes Ec’Eau', docType: 'faq' });
  });

  it('reads the ODT meta title, and its first heading without one', async () => {
    const titled = await uploadAndRead(makeOdt(['Texte.'], { title: 'Guide du bénéficiaire' }), 'x1.odt');
    expect(titled.read).toMatchObject({ title: 'Guide du bénéficiaire', docType: 'guide' });
    const headed = await uploadAndRead(makeOdt(['Texte.'], { heading: 'Délibération de la commission permanente' }), 'x2.odt');
    expect(headed.read).toMatchObject({ title: 'Délibération de la commission permanente', docType: 'deliberation' });
  });

  it('falls back to the readable file name when the file says nothing usable (an image, a PPTX without title)', async () => {
    const image = await uploadAndRead(makePng(), 'affiche_reglement-regional.png');
    expect(image.read).toMatchObject({ title: 'Affiche règlement régional', titleSource: 'file_name', docType: 'reglement' });
    const slides = await uploadAndRead(makePptx(['Diapositive sans titre']), 'presentation_aides.pptx');
    expect(slides.read).toMatchObject({ title: 'Présentation aides', titleSource: 'file_name' });
  });

  it('keeps the title and type given in the form', async () => {
    const pdf = await makePdf(['Texte.'], { title: 'Titre des métadonnées' });
    const { uploaded, read } = await uploadAndRead(pdf, 'reglement.pdf', { title: 'Mon titre', docType: 'guide' });
    expect(uploaded).toMatchObject({ title: 'Mon titre', titleSource: 'user', docType: 'guide', isDocTypeSuggested: false });
    expect(read).toMatchObject({ title: 'Mon titre', docType: 'guide' });
  });

  it('keeps a title an editor changed before the text was read', async () => {
    const req = editor.agent.post('/api/documents').set('X-CSRF-Token', editor.csrfToken).field('folderId', scheme.id);
    const { document } = (
      await req.attach('file', await makePdf(['Texte.'], { title: 'Titre des métadonnées' }), 'fichier.pdf').expect(201)
    ).body;
    await editor.agent
      .patch(`/api/documents/${document.id}`)
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ title: 'Choisi par l’éditeur', docType: 'faq' })
      .expect(200);
    expect(await drainJobs(ctx)).toEqual([]);
    const read = (await editor.agent.get(`/api/documents/${document.id}`).expect(200)).body.document;
    expect(read).toMatchObject({ title: 'Choisi par l’éditeur', titleSource: 'user', docType: 'faq', isDocTypeSuggested: false });
  });

  it('strips control characters and overrides from a title typed in the form', async () => {
    const { uploaded } = await uploadAndRead(await makePdf(['Texte.']), 'a.pdf', { title: 'Titre\u202e inversé\u0007' });
    expect(uploaded.title).toBe('Titre inversé');
  });

  it('the demo catalogue files carry the titles the catalogue gives them (one of each format)', async () => {
    const documents = demoCatalogue('2026-12-06').documents;
    for (const format of ['pdf', 'docx', 'odt'] as const) {
      const document = documents.find((d) => d.format === format);
      if (!document) throw new Error(`no ${format} in the demo catalogue`);
      const result = await extractText(format, await makeFile(format, document.pages, { title: document.title, header: 'Région' }));
      expect(result.ok && titleOf(result.hints, document.filename).title, document.filename).toBe(document.title);
    }
  });
});
