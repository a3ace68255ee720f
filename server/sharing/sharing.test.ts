import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate } from '../../tests/factories';
import { makeDocx, makePdf } from '../../tests/fixtures/files';
import { signedFilePath } from '../../storage';

describe('sharing: public links of external documents', () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let schemeId: string;
  let v1: Buffer;

  beforeAll(async () => {
    ctx = await createTestContext({
      env: {
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
        SHARE_RATE_LIMIT_PER_MINUTE: '100000',
        REGION_NAME: 'Région Exemple',
        REGION_CONTACT: 'Appelez le 0800 000 000.',
      },
    });
    const directorate = await buildDirectorate(ctx.db);
    const other = await buildDirectorate(ctx.db);
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: other.id });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    const admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    const theme = await admin.agent
      .post('/api/folders')
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ name: 'Tourisme', parentId: null })
      .expect(201);
    const scheme = await editor.agent
      .post('/api/folders')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        name: "Ec'Eau Tourisme",
        parentId: theme.body.folder.id,
        scheme: {
          directorateId: directorate.id,
          promise: 'Financer des équipements hydro-économes',
          isPermanent: true,
          referent: { service: 'Service Tourisme durable', email: 'tourisme@region.example', phone: '04 67 00 00 00' },
        },
      })
      .expect(201);
    schemeId = scheme.body.folder.id;
    v1 = await makePdf(['Fiche synthèse Ec’Eau, version 1.']);
  });
  afterAll(() => ctx.close());

  const send = (who: SignedIn, method: 'post' | 'patch' | 'delete', url: string) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken);

  async function publish(fields: Record<string, string> = {}, file = v1): Promise<string> {
    const req = send(editor, 'post', '/api/documents');
    for (const [k, v] of Object.entries({
      folderId: schemeId,
      status: 'published',
      scope: 'external',
      title: 'Fiche Ec’Eau',
      summary: 'Pour les campings.',
      ...fields,
    }))
      req.field(k, v);
    return (await req.attach('file', file, 'eceau.pdf').expect(201)).body.document.id;
  }
  const share = async (id: string) =>
    (await agent.agent.get(`/api/documents/${id}/share`).expect(200)).body as {
      url: string;
      token: string;
      opens: number;
      lastOpenedAt: string | null;
      expiresAt: string | null;
    };
  const citizen = () => request(ctx.app);

  it('a published external document gets a link at once; agents read it', async () => {
    const id = await publish();
    const link = await share(id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(link.url).toMatch(new RegExp(`/s/${link.token}$`));
    expect(link).toMatchObject({ opens: 0, lastOpenedAt: null, expiresAt: null });
    expect(await ctx.db('audit_events').where({ object_id: id, action: 'share_link.created' }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('the citizen page: French, the document and its scheme, Lire and Télécharger, noindex, no referrer, strict CSP', async () => {
    const { token } = await share(await publish());
    const page = await citizen().get(`/s/${token}`).set('User-Agent', 'Mozilla/5.0 (iPhone)').expect(200);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Région Exemple');
    expect(page.text).toContain('Fiche Ec’Eau');
    expect(page.text).toContain('Pour les campings.');
    expect(page.text).toContain('Le dispositif : Ec&#39;Eau Tourisme');
    expect(page.text).toContain('Financer des équipements hydro-économes');
    expect(page.text).toContain('Service Tourisme durable');
    expect(page.text).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page.text).toContain(`href="/s/${token}/file">Lire</a>`);
    expect(page.text).toContain(`href="/s/${token}/file?download=1">Télécharger</a>`);
    expect(page.text).not.toContain('<script');
    expect(page.headers).toMatchObject({
      'x-robots-tag': 'noindex, nofollow',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('serves the current version through a short-lived signed URL, inline to read, attachment to download', async () => {
    const id = await publish();
    const { token } = await share(id);
    const read = await citizen().get(`/s/${token}/file`).expect(302);
    expect(read.headers.location).toMatch(/^\/f\/versions\/\d{4}\/\d{2}\/[0-9a-f-]{36}\?g=[0-9a-f-]{36}&d=inline&e=\d+&s=[\w-]+$/);
    const file = await citizen()
      .get(read.headers.location as string)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^inline;/);
    expect(Number(file.headers['content-length'])).toBe(v1.length);
    const download = await citizen().get(`/s/${token}/file?download=1`).expect(302);
    expect(
      (
        await citizen()
          .get(download.headers.location as string)
          .expect(200)
      ).headers['content-disposition'],
    ).toMatch(/^attachment;/);

    const v2 = makeDocx(['Version 2 du règlement']);
    await send(editor, 'post', `/api/documents/${id}/versions`).attach('file', v2, 'eceau-v2.docx').expect(201);
    const current = await citizen().get(`/s/${token}/file`).expect(302);
    const served = await citizen()
      .get(current.headers.location as string)
      .expect(200);
    expect(Number(served.headers['content-length'])).toBe(v2.length);
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="eceau-v2.docx"/);
  });

  it('refuses a tampered or expired signed URL (403)', async () => {
    const { token } = await share(await publish());
    const location = (await citizen().get(`/s/${token}/file`).expect(302)).headers.location as string;
    const url = new URL(location, 'http://x');
    const tampered = (param: string, value: string) => {
      const copy = new URL(url);
      copy.searchParams.set(param, value);
      return `${copy.pathname}${copy.search}`;
    };
    await citizen().get(tampered('d', 'attachment')).expect(403);
    await citizen()
      .get(tampered('e', String(Number(url.searchParams.get('e')) + 3600)))
      .expect(403);
    await citizen()
      .get(tampered('s', `${url.searchParams.get('s')?.slice(0, -2)}AA`))
      .expect(403);
    const otherVersion = `${url.pathname.slice(0, -4)}0000${url.search}`;
    await citizen().get(otherVersion).expect(403);
    const file = { key: url.pathname.slice('/f/'.length), grant: url.searchParams.get('g') as string, disposition: 'inline' } as const;
    await citizen()
      .get(tampered('g', (await ctx.db('share_links').whereNot({ id: file.grant }).first('id')).id))
      .expect(403);
    const expired = signedFilePath(ctx.sessionSecret, file, 60, Date.now() - 3600 * 1000);
    const refused = await citizen().get(expired).expect(403);
    expect(refused.text).toContain('Lien de fichier expiré');
    await citizen()
      .get(signedFilePath('another-secret-another-secret-xx', file, 60))
      .expect(403);
  });

  it.each([
    ['becomes internal', { scope: 'internal' }, 'scope_change'],
    ['is archived', { status: 'archived' }, 'archived'],
    ['goes back to draft', { status: 'draft' }, 'unpublished'],
  ])('revoked at once when the document %s: 410 page, no bytes, not even through an earlier signed URL', async (_, change, reason) => {
    const id = await publish({ title: 'Titre secret', summary: 'Résumé secret' });
    const { token } = await share(id);
    const signed = (await citizen().get(`/s/${token}/file`).expect(302)).headers.location as string;
    await send(editor, 'patch', `/api/documents/${id}`).send(change).expect(200);
    const gone = await citizen().get(`/s/${token}`).expect(410);
    expect(gone.text).toContain("Ce document n'est plus diffusé");
    expect(gone.text).toContain('Appelez le 0800 000 000.');
    expect(gone.text).not.toContain('secret');
    await citizen().get(`/s/${token}/file`).expect(410);
    const late = await citizen().get(signed).expect(410);
    expect(late.headers['content-type']).toMatch(/text\/html/);
    const revoked = await ctx.db('share_links').where({ token }).first();
    expect(revoked.revoked_reason).toBe(reason);
    expect(await ctx.db('audit_events').where({ object_id: id, action: 'share_link.revoked' }).first()).toMatchObject({
      actor_id: editor.user.id,
    });
  });

  it('revoked when the document is deleted or its scheme archived; becoming external again makes a new token', async () => {
    const deleted = await publish();
    const deletedToken = (await share(deleted)).token;
    await send(editor, 'delete', `/api/documents/${deleted}`).expect(204);
    await citizen().get(`/s/${deletedToken}`).expect(410);

    const id = await publish();
    const first = (await share(id)).token;
    await send(editor, 'patch', `/api/documents/${id}`).send({ scope: 'internal' }).expect(200);
    await agent.agent.get(`/api/documents/${id}/share`).expect(403);
    await send(editor, 'patch', `/api/documents/${id}`).send({ scope: 'external' }).expect(200);
    const second = (await share(id)).token;
    expect(second).not.toBe(first);
    await citizen().get(`/s/${first}`).expect(410);
    await citizen().get(`/s/${second}`).expect(200);

    await send(editor, 'patch', `/api/folders/${schemeId}`).send({ isArchived: true }).expect(200);
    await citizen().get(`/s/${second}`).expect(410);
    expect((await ctx.db('share_links').where({ token: second }).first()).revoked_reason).toBe('scheme_archived');
    await send(editor, 'patch', `/api/folders/${schemeId}`).send({ isArchived: false }).expect(200);
    const third = (await share(id)).token;
    expect(third).not.toBe(second);
  });

  it('a draft made external has no link until published', async () => {
    const id = await publish({ status: 'draft' });
    await editor.agent.get(`/api/documents/${id}/share`).expect(404);
    await send(editor, 'patch', `/api/documents/${id}`).send({ status: 'published' }).expect(200);
    expect((await share(id)).token).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });

  it('editors of the directorate regenerate (the old link stops at once); agents and other directorates may not', async () => {
    const id = await publish();
    const old = (await share(id)).token;
    const signedForOld = (await citizen().get(`/s/${old}/file`).expect(302)).headers.location as string;
    await citizen().get(signedForOld).expect(200);
    await send(agent, 'post', `/api/documents/${id}/share/regenerate`).expect(403);
    await send(otherEditor, 'post', `/api/documents/${id}/share/regenerate`).expect(403);
    const fresh = (await send(editor, 'post', `/api/documents/${id}/share/regenerate`).expect(200)).body.token;
    expect(fresh).not.toBe(old);
    await citizen().get(`/s/${old}`).expect(410);
    await citizen().get(`/s/${fresh}`).expect(200);
    expect((await ctx.db('share_links').where({ token: old }).first()).revoked_reason).toBe('regenerated');
    // A file URL signed for the old token stops at once too (not at its expiry); the new token's works.
    const late = await citizen().get(signedForOld).expect(410);
    expect(late.text).toContain("Ce document n'est plus diffusé");
    const signedForFresh = (await citizen().get(`/s/${fresh}/file`).expect(302)).headers.location as string;
    await citizen().get(signedForFresh).expect(200);
  });

  it('sets and clears an expiry; past or malformed expiries are refused (400); an expired link says so (410)', async () => {
    const id = await publish();
    const { token } = await share(id);
    const past = await send(editor, 'patch', `/api/documents/${id}/share`).send({ expiresAt: '2020-01-01T00:00:00Z' }).expect(400);
    expect(past.body.error.message).toBe("expiresAt : La date d'expiration doit être dans le futur.");
    const malformed = await send(editor, 'patch', `/api/documents/${id}/share`).send({ expiresAt: 'demain' }).expect(400);
    expect(malformed.body.error.message).toMatch(/^expiresAt : Date et heure attendues/);
    await send(agent, 'patch', `/api/documents/${id}/share`).send({ expiresAt: null }).expect(403);
    const future = new Date(Date.now() + 86400000).toISOString();
    expect((await send(editor, 'patch', `/api/documents/${id}/share`).send({ expiresAt: future }).expect(200)).body.expiresAt).toBe(future);
    await ctx
      .db('share_links')
      .where({ token })
      .update({ expires_at: ctx.db.raw(`now() - interval '1 minute'`) });
    await citizen().get(`/s/${token}`).expect(410);
    // The editor may lift the expiry of an expired (not revoked) link: it works again.
    await send(editor, 'patch', `/api/documents/${id}/share`).send({ expiresAt: null }).expect(200);
    await citizen().get(`/s/${token}`).expect(200);
  });

  it('counts opens once per visitor and day, bots excluded', async () => {
    const id = await publish();
    const { token } = await share(id);
    const phone = 'Mozilla/5.0 (Linux; Android 14) Mobile';
    await citizen().get(`/s/${token}`).set('User-Agent', phone).expect(200);
    await citizen().get(`/s/${token}`).set('User-Agent', phone).expect(200);
    await citizen().get(`/s/${token}`).set('User-Agent', 'Googlebot/2.1').expect(200);
    expect((await share(id)).opens).toBe(1);
    await citizen().get(`/s/${token}`).set('User-Agent', 'Mozilla/5.0 (Windows NT 10.0) Firefox/130').expect(200);
    const link = await share(id);
    expect(link.opens).toBe(2);
    expect(link.lastOpenedAt).not.toBeNull();
  });

  it.each(['draft', 'published', 'archived', 'deleted'])(
    'an internal %s document: no public route serves any of its bytes or metadata',
    async (state) => {
      const id = await publish({ title: 'Note interne réservée', summary: 'Contenu réservé aux agents' });
      const { token } = await share(id);
      const signed = (await citizen().get(`/s/${token}/file`).expect(302)).headers.location as string;
      await send(editor, 'patch', `/api/documents/${id}`).send({ scope: 'internal' }).expect(200);
      if (state === 'deleted') await send(editor, 'delete', `/api/documents/${id}`).expect(204);
      else await send(editor, 'patch', `/api/documents/${id}`).send({ status: state }).expect(200);
      const version = await ctx.db('versions').where({ document_id: id }).first('id', 'storage_key');
      const attempts = [
        await citizen().get(`/s/${token}`),
        await citizen().get(`/s/${token}/file`),
        await citizen().get(`/s/${token}/file?download=1`),
        await citizen().get(signed),
        await citizen().get(
          signedFilePath(
            ctx.sessionSecret,
            { key: version.storage_key, grant: new URL(signed, 'http://x').searchParams.get('g') as string, disposition: 'attachment' },
            60,
          ),
        ),
        await citizen().get(`/f/${version.id}`),
        await citizen().get(`/api/documents/${id}`),
        await citizen().get(`/api/documents/${id}/file`),
        await citizen().get(`/api/documents/${id}/share`),
      ];
      for (const response of attempts) {
        expect([401, 403, 404, 410]).toContain(response.status);
        expect(response.text ?? '').not.toContain('réservé');
        expect(response.headers['content-type'] ?? '').not.toContain('application/pdf');
      }
    },
  );

  it('an unknown token is a plain 404; a malformed one is refused without touching the database', async () => {
    const unknown = await citizen()
      .get(`/s/${'a'.repeat(21)}`)
      .expect(404);
    expect(unknown.text).toContain('Lien introuvable');
    let queries = 0;
    const count = () => (queries += 1);
    ctx.db.on('query', count);
    try {
      for (const token of ['short', 'a'.repeat(22), `${'a'.repeat(20)}!`, `${'a'.repeat(20)}%C3%A9`, '..%2F..%2Fetc']) {
        await citizen().get(`/s/${token}`).expect(404);
      }
      expect(queries).toBe(0);
    } finally {
      ctx.db.off('query', count);
    }
  });
});

describe('sharing under attack', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { SHARE_RATE_LIMIT_PER_MINUTE: '60' } });
  });
  afterAll(() => ctx.close());

  it('1,000 random tokens from one IP: rate-limited (429 page), never a 500', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i += 1) {
      const response = await request(ctx.app).get(`/s/${randomBytes(16).toString('base64url').slice(0, 21)}`);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].sort()).toEqual([404, 429]);
    expect(statuses.get(404)).toBe(60);
    const limited = await request(ctx.app)
      .get(`/s/${'b'.repeat(21)}`)
      .expect(429);
    expect(limited.text).toContain('Trop de demandes');
  });
});
