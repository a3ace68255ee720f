import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildFolder, buildScheme } from '../../tests/factories';
import { makeDocx, makeJpeg, makeOdp, makeOds, makeOdt, makePdf, makePng, makePptx, makeText, makeXlsx } from '../../tests/fixtures/files';

describe('POST /api/documents', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let scheme: { id: string };
  let otherScheme: { id: string };

  beforeAll(async () => {
    ctx = await createTestContext({ env: { UPLOAD_MAX_MB: '1', SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db);
    const other = await buildDirectorate(ctx.db);
    scheme = await buildScheme(ctx.db, { directorate_id: directorate.id, name: "Ec'Eau Tourisme" });
    otherScheme = await buildScheme(ctx.db, { directorate_id: other.id });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: other.id });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
  });
  afterAll(() => ctx.close());

  function upload(who: SignedIn, file: Buffer | undefined, filename: string, fields: Record<string, string> = {}) {
    const req = who.agent.post('/api/documents').set('X-CSRF-Token', who.csrfToken);
    for (const [name, value] of Object.entries({ folderId: scheme.id, ...fields })) req.field(name, value);
    if (file) req.attach('file', file, filename);
    return req;
  }

  async function countRows() {
    const [documents, versions, intents] = await Promise.all(
      ['documents', 'versions', 'upload_intents'].map((t) => ctx.db(t).count({ n: '*' }).first()),
    );
    return { documents: documents?.n, versions: versions?.n, intents: intents?.n };
  }

  it('records several files sent at once into the same scheme, none refused', async () => {
    const files = await Promise.all([1, 2, 3, 4].map((n) => makePdf([`Fichier ${n} envoyé en même temps que les autres.`])));
    const responses = await Promise.all(
      files.map((file, n) => upload(editor, file, `ensemble-${n}.pdf`, { scope: 'external', status: 'published' })),
    );
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
  });

  it('stores a PDF with its first version, size and SHA-256, the title taken from the file name, and audits it', async () => {
    const pdf = await makePdf(['Financer des équipements hydro-économes dans les campings.']);
    const response = await upload(editor, pdf, 'Fiche_synthese Ec-Eau.pdf', { scope: 'external', status: 'published' }).expect(201);
    const { document } = response.body;
    expect(document).toMatchObject({
      title: 'Fiche synthèse Ec Eau',
      scope: 'external',
      status: 'published',
      docType: 'fiche_synthese',
      scheme: { id: scheme.id, name: "Ec'Eau Tourisme" },
      currentVersion: {
        number: 1,
        fileType: 'pdf',
        mimeType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        originalFilename: 'Fiche_synthese Ec-Eau.pdf',
      },
      can: { update: true, delete: true, readHistory: true, manageShare: true },
    });
    const version = await ctx.db('versions').where({ document_id: document.id }).first();
    expect(await ctx.storage.exists(version.storage_key)).toBe(true);
    expect(version.storage_key).toMatch(/^versions\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect((await countRows()).intents).toBe(0);
    const audit = await ctx.db('audit_events').where({ object_id: document.id, action: 'document.created' }).first();
    expect(audit).toMatchObject({ actor_id: editor.user.id, object_type: 'document' });
    expect(audit.changes.scope).toEqual({ before: null, after: 'external' });
    expect(audit.ip).toMatch(/127\.0\.0\.1/);
  });

  it.each([
    [
      'docx',
      () => makeDocx(['Règlement d’intervention']),
      'reglement.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['xlsx', () => makeXlsx([['Montant', 'Plafond']]), 'tableau.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [
      'pptx',
      () => makePptx(['Présentation du dispositif']),
      'diaporama.pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['odt', () => makeOdt(['Texte OpenDocument']), 'texte.odt', 'application/vnd.oasis.opendocument.text'],
    ['ods', () => makeOds([['Cellule']]), 'calcul.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['odp', () => makeOdp(['Diapositive']), 'presentation.odp', 'application/vnd.oasis.opendocument.presentation'],
    ['txt', () => makeText('Économies d’eau : mode d’emploi.\n'), 'notes.txt', 'text/plain; charset=utf-8'],
    ['txt', () => makeText('# Foire aux questions\n\n- Qui peut demander ?\n'), 'faq.md', 'text/plain; charset=utf-8'],
    ['png', () => makePng(), 'affiche.png', 'image/png'],
    ['jpeg', () => makeJpeg(), 'photo.jpg', 'image/jpeg'],
  ])('detects %s from the bytes', async (fileType, make, filename, mime) => {
    const response = await upload(editor, make(), filename).expect(201);
    expect(response.body.document.currentVersion).toMatchObject({ fileType, mimeType: mime });
  });

  it('a retried upload with the same Idempotency-Key gets the first document, not a second one; another key makes another', async () => {
    const before = await countRows();
    const key = 'depot-3f6c1f0e-2b7a-4d8e-9a31-7c0d5e2f1a44';
    const file = makeText('Règlement du fonds de soutien aux refuges de montagne.');
    const first = await upload(editor, file, 'refuges.txt').set('Idempotency-Key', key).expect(201);
    // The answer lost to a cut connection, the client sends the same upload again, at once and later.
    const [retried, again] = await Promise.all([
      upload(editor, file, 'refuges.txt').set('Idempotency-Key', key),
      upload(editor, file, 'refuges.txt').set('Idempotency-Key', key),
    ]);
    for (const replay of [retried, again]) {
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.document).toEqual(first.body.document);
    }
    expect(await countRows()).toEqual({
      documents: (before.documents as number) + 1,
      versions: (before.versions as number) + 1,
      intents: before.intents,
    });
    // A key is its user's own: a colleague's upload with the same key is another upload; so is a new key.
    const { directorate_id: directorateId } = await ctx.db('folders').where({ id: scheme.id }).first('directorate_id');
    const colleague = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorateId });
    const theirs = await upload(colleague, file, 'refuges.txt').set('Idempotency-Key', key).expect(201);
    const other = await upload(editor, file, 'refuges.txt').set('Idempotency-Key', `${key}-2`).expect(201);
    expect(new Set([first.body.document.id, theirs.body.document.id, other.body.document.id]).size).toBe(3);
    const refused = await upload(editor, file, 'refuges.txt').set('Idempotency-Key', 'clé avec espaces').expect(400);
    expect(refused.body.error.message).toMatch(/^Idempotency-Key : /);
    expect(await countRows()).toMatchObject({ documents: (before.documents as number) + 3, intents: before.intents });
  });

  describe('bad input', () => {
    it('too large → 413 in French, nothing kept', async () => {
      const before = await countRows();
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1.5 * 1024 * 1024, 0x41)]);
      const response = await upload(editor, big, 'gros.pdf').expect(413);
      expect(response.body.error).toEqual({ code: 'payload_too_large', message: 'Le fichier dépasse la taille maximale de 1 Mo.' });
      // multer may answer while the engine is still removing the truncated object and its intent.
      await expect.poll(countRows, { timeout: 5000 }).toEqual(before);
    });

    it.each([
      ['HTML renamed .pdf', makeText('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'piege.pdf'],
      ['SVG renamed .pdf', makeText('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'), 'image.pdf'],
      [
        'an executable renamed .docx',
        Buffer.concat([Buffer.from('MZ'), Buffer.alloc(400, 0x90), Buffer.from('This program cannot be run in DOS mode')]),
        'rapport.docx',
      ],
      ['a zip archive', makeZipArchive(), 'archive.docx'],
      ['binary junk', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0xff, 0xfe]), 'donnees.txt'],
    ])('%s → 415, nothing kept', async (_, bytes, filename) => {
      const before = await countRows();
      const response = await upload(editor, bytes, filename).expect(415);
      expect(response.body.error.code).toBe('unsupported_type');
      expect(response.body.error.message).toMatch(/^Ce type de fichier n'est pas accepté/);
      expect(await countRows()).toEqual(before);
    });

    it('empty file → 400', async () => {
      const response = await upload(editor, Buffer.alloc(0), 'vide.pdf').expect(400);
      expect(response.body.error).toEqual({ code: 'validation_error', message: 'file : Le fichier est vide.' });
    });

    it('no file → 400', async () => {
      const response = await upload(editor, undefined, '').expect(400);
      expect(response.body.error.message).toMatch(/^file : Joignez un fichier/);
    });

    it('missing folder → 404; folder of another directorate → 403; a theme → 400', async () => {
      const pdf = await makePdf(['x']);
      await upload(editor, pdf, 'a.pdf', { folderId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      const forbidden = await upload(editor, pdf, 'a.pdf', { folderId: otherScheme.id }).expect(403);
      expect(forbidden.body.error.code).toBe('forbidden');
      const theme = await buildFolder(ctx.db);
      const refused = await upload(editor, pdf, 'a.pdf', { folderId: theme.id }).expect(400);
      expect(refused.body.error.message).toMatch(/^folderId : Déposez les documents dans un dispositif/);
    });

    it('an agent may not upload (403) and nothing is stored', async () => {
      const before = await countRows();
      await upload(agent, await makePdf(['x']), 'a.pdf').expect(403);
      await upload(otherEditor, await makePdf(['x']), 'a.pdf').expect(403);
      expect(await countRows()).toEqual(before);
    });

    it.each([
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['rapport\u0000\u0007\u001b\t.pdf', 'rapport.pdf'],
      ['facture\u202Efdp.exe.pdf', 'facturefdp.exe.pdf'],
      [`${'n'.repeat(300)}.pdf`, `${'n'.repeat(196)}.pdf`],
      ['C:\\Users\\agent\\Bureau\\aide.pdf', 'aide.pdf'],
    ])('file name %j is stored safely as %j, never used as a path', async (raw, shown) => {
      // Sent as a browser sends an unusual name: RFC 5987 filename*, UTF-8 percent-encoded.
      const pdf = await makePdf(['Nom de fichier piégé']);
      const boundary = '----lpt-test-boundary';
      const part = (headers: string, body: Buffer | string) =>
        Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
      const body = Buffer.concat([
        part('Content-Disposition: form-data; name="folderId"', scheme.id),
        part(
          `Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(raw)}\r\nContent-Type: application/pdf`,
          pdf,
        ),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      const response = await editor.agent
        .post('/api/documents')
        .set('X-CSRF-Token', editor.csrfToken)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body)
        .expect(201);
      expect(response.body.document.currentVersion.originalFilename).toBe(shown);
      const version = await ctx.db('versions').where({ document_id: response.body.document.id }).first();
      expect(version.storage_key).toMatch(/^versions\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    });

    it('a multipart body with a NUL byte in a part header → 400, nothing kept', async () => {
      const before = await countRows();
      const response = await upload(editor, await makePdf(['x']), 'rapport\u0000.pdf').expect(400);
      expect(response.body.error.message).toBe("Le formulaire d'envoi est mal formé : renvoyez le fichier.");
      expect(await countRows()).toEqual(before);
    });

    it('title of 10,000 characters → 400', async () => {
      const response = await upload(editor, await makePdf(['x']), 'a.pdf', { title: 't'.repeat(10000) }).expect(400);
      expect(response.body.error).toEqual({ code: 'validation_error', message: 'title : Le titre : 300 caractères au plus.' });
    });

    it('unknown scope → 400', async () => {
      const response = await upload(editor, await makePdf(['x']), 'a.pdf', { scope: 'public' }).expect(400);
      expect(response.body.error.message).toBe('scope : Diffusion inconnue (attendu : internal ou external).');
    });

    it('two files → 400', async () => {
      const pdf = await makePdf(['x']);
      const response = await editor.agent
        .post('/api/documents')
        .set('X-CSRF-Token', editor.csrfToken)
        .field('folderId', scheme.id)
        .attach('file', pdf, 'a.pdf')
        .attach('file', pdf, 'b.pdf')
        .expect(400);
      expect(response.body.error.message).toBe('file : Un seul fichier par envoi, dans le champ « file ».');
    });

    it('without the CSRF token → 403; signed out → 401', async () => {
      const pdf = await makePdf(['x']);
      await editor.agent.post('/api/documents').field('folderId', scheme.id).attach('file', pdf, 'a.pdf').expect(403);
      const { default: request } = await import('supertest');
      await request(ctx.app).post('/api/documents').field('folderId', scheme.id).attach('file', pdf, 'a.pdf').expect(401);
    });
  });
});

/** A plain zip (neither Office nor OpenDocument). */
function makeZipArchive(): Buffer {
  const name = Buffer.from('notes.bin');
  const data = Buffer.from('contenu');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}
