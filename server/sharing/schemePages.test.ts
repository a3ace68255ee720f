import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildMaison } from '../../tests/factories';
import { makePdf } from '../../tests/fixtures/files';
import { signMaison } from './maisonParameter';

describe("sharing: a scheme's public page", () => {
  let ctx: TestContext;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let directorateId: string;
  let themeId: string;
  let pdf: Buffer;
  let schemeCount = 0;

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
    directorateId = directorate.id;
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: (await buildDirectorate(ctx.db)).id });
    const maison = await buildMaison(ctx.db, { code: 'MR-ALES', name: "Maison de Région d'Alès", city: 'Alès' });
    await ctx.db('maisons').where({ id: maison.id }).update({ phone: '04 66 00 00 00' });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent', maison_id: maison.id });
    const admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    themeId = (
      await admin.agent.post('/api/folders').set('X-CSRF-Token', admin.csrfToken).send({ name: 'Tourisme', parentId: null }).expect(201)
    ).body.folder.id;
    pdf = await makePdf(['Fiche synthèse.']);
  });
  afterAll(() => ctx.close());

  const send = (who: SignedIn, method: 'post' | 'patch' | 'delete', url: string) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken);
  const citizen = () => request(ctx.app);
  const phone = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

  async function createScheme(card: Record<string, unknown> = {}): Promise<string> {
    schemeCount += 1;
    const scheme = {
      directorateId,
      promise: 'Financer des équipements hydro-économes',
      amount: "Jusqu'à 50 % des dépenses, 20 000 € au plus",
      audiences: ['entreprises', 'associations'],
      aidTypes: ['subvention'],
      closesOn: '2099-03-12',
      referent: {
        name: 'Camille Durand',
        service: 'Service Tourisme durable',
        email: 'camille.durand@region.example',
        phone: '06 12 34 56 78',
      },
      links: { applyUrl: 'https://aides.region.example/eceau', infoUrl: 'https://www.region.example/eceau' },
      ...card,
    };
    return (
      await send(editor, 'post', '/api/folders')
        .send({ name: `Ec'Eau ${schemeCount}`, parentId: themeId, scheme })
        .expect(201)
    ).body.folder.id;
  }

  async function publish(folderId: string, fields: Record<string, string> = {}): Promise<string> {
    const req = send(editor, 'post', '/api/documents');
    for (const [k, v] of Object.entries({
      folderId,
      status: 'published',
      scope: 'external',
      title: 'Fiche Ec’Eau',
      summary: 'Pour les campings.',
      ...fields,
    }))
      req.field(k, v);
    return (await req.attach('file', pdf, 'eceau.pdf').expect(201)).body.document.id;
  }
  const schemeLink = async (id: string, who = agent) =>
    (await who.agent.get(`/api/folders/${id}/share`).expect(200)).body as {
      url: string;
      token: string;
      opens: number;
      maison: { url: string; name: string } | null;
      isPublicUrlMissing: boolean;
    };
  const documentToken = async (id: string) => (await agent.agent.get(`/api/documents/${id}/share`).expect(200)).body.token as string;

  it('exists once the scheme has a published external document: the link has the shape of a document link', async () => {
    const schemeId = await createScheme();
    const none = await agent.agent.get(`/api/folders/${schemeId}/share`).expect(404);
    expect(none.body.error.message).toBe(
      "Ce dispositif n'a pas de page publique : aucun de ses documents n'est publié en diffusion externe.",
    );
    await publish(schemeId);
    const link = await schemeLink(schemeId);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(link.url).toMatch(new RegExp(`/p/${link.token}$`));
    expect(link).toMatchObject({ opens: 0, lastOpenedAt: null, expiresAt: null, isPublicUrlMissing: true });
    expect(link.maison).toMatchObject({ name: "Maison de Région d'Alès", city: 'Alès', phone: '04 66 00 00 00' });
    expect(link.maison?.url).toMatch(new RegExp(`/p/${link.token}\\?maison=MR-ALES\\.[\\w-]{22}$`));
    expect((await schemeLink(schemeId, editor)).maison).toBeNull();
    await citizen().get(`/api/folders/${schemeId}/share`).expect(401);
  });

  it('the page: name, promise, who, aid, amount, closing date, apply and info links, public contact only, documents with Lire and Télécharger; no script, noindex, no referrer', async () => {
    const schemeId = await createScheme();
    const documentId = await publish(schemeId, { title: 'Règlement Ec’Eau' });
    const { token } = await schemeLink(schemeId);
    const page = await citizen().get(`/p/${token}`).set('User-Agent', phone).expect(200);
    const text = page.text;
    expect(text).toContain('<html lang="fr">');
    expect(text).toContain(`<h1>Ec&#39;Eau`);
    expect(text).toContain('Financer des équipements hydro-économes');
    expect(text).toContain('<strong>Pour qui :</strong> entreprises, associations');
    expect(text).toContain("<strong>Type d'aide :</strong> subvention");
    expect(text).toContain('<strong>Montant :</strong> Jusqu&#39;à 50 % des dépenses, 20 000 € au plus');
    expect(text).toContain('Clôture le 12 mars 2099');
    expect(text).toContain('href="https://aides.region.example/eceau" rel="noopener noreferrer">Déposer une demande</a>');
    expect(text).toContain('href="https://www.region.example/eceau" rel="noopener noreferrer">En savoir plus</a>');
    expect(text).toContain('Service Tourisme durable');
    // By default a person's name, e-mail and mobile stay inside.
    for (const hidden of ['Camille', 'camille.durand', '06 12 34 56 78']) expect(text).not.toContain(hidden);
    const docToken = await documentToken(documentId);
    expect(text).toContain(`href="/s/${docToken}/file" aria-label="Lire « Règlement Ec’Eau »">Lire</a>`);
    expect(text).toContain(`href="/s/${docToken}/file?download=1" aria-label="Télécharger « Règlement Ec’Eau »">Télécharger</a>`);
    expect(text).not.toContain('<script');
    expect(page.headers).toMatchObject({
      'x-robots-tag': 'noindex, nofollow',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('says when the card was verified while that is current; past due it says nothing (never "à vérifier" to a citizen)', async () => {
    const schemeId = await createScheme();
    await publish(schemeId);
    const { token } = await schemeLink(schemeId);
    const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date());
    expect((await citizen().get(`/p/${token}`).expect(200)).text).toContain(`Informations vérifiées le ${today}`);
    await ctx
      .db('folders')
      .where({ id: schemeId })
      .update({ verified_at: ctx.db.raw(`now() - interval '400 days'`) });
    const overdue = (await citizen().get(`/p/${token}`).expect(200)).text;
    expect(overdue).not.toContain('vérifi');
    expect(overdue).toContain('Financer des équipements hydro-économes');
  });

  it('shows the referent fields the card makes public, and the permanent scheme as such', async () => {
    const schemeId = await createScheme({ closesOn: null, isPermanent: true });
    await publish(schemeId);
    const card = (await editor.agent.get(`/api/folders/${schemeId}`).expect(200)).body.folder.scheme;
    expect(card.referent.publicFields).toEqual(['service']);
    const { promise, amount, audiences, aidTypes, isPermanent, links } = card;
    await send(editor, 'patch', `/api/folders/${schemeId}`)
      .send({
        scheme: {
          directorateId,
          promise,
          amount,
          audiences,
          aidTypes,
          isPermanent,
          links,
          referent: { ...card.referent, name: 'Camille Durand', publicFields: ['service', 'email'] },
        },
      })
      .expect(200);
    const refused = await send(editor, 'patch', `/api/folders/${schemeId}`)
      .send({ scheme: { directorateId, referent: { publicFields: ['mobile'] } } })
      .expect(400);
    expect(refused.body.error.message).toBe('scheme.referent.publicFields.0 : Champ de contact inconnu.');
    const text = (
      await citizen()
        .get(`/p/${(await schemeLink(schemeId)).token}`)
        .expect(200)
    ).text;
    expect(text).toContain('<a href="mailto:camille.durand@region.example">camille.durand@region.example</a>');
    expect(text).not.toContain('Camille Durand');
    expect(text).not.toContain('06 12 34 56 78');
    expect(text).toContain('Sans date limite (dispositif permanent)');
  });

  it('never lists an internal, draft, archived or deleted document', async () => {
    const schemeId = await createScheme();
    await publish(schemeId, { title: 'Fiche publique' });
    await publish(schemeId, { title: 'Note interne réservée', scope: 'internal' });
    await publish(schemeId, { title: 'Brouillon réservé', status: 'draft' });
    const archived = await publish(schemeId, { title: 'Archive réservée' });
    await send(editor, 'patch', `/api/documents/${archived}`).send({ status: 'archived' }).expect(200);
    const deleted = await publish(schemeId, { title: 'Supprimé réservé' });
    await send(editor, 'delete', `/api/documents/${deleted}`).expect(204);
    const madeInternal = await publish(schemeId, { title: 'Devenu interne réservé' });
    await send(editor, 'patch', `/api/documents/${madeInternal}`).send({ scope: 'internal' }).expect(200);
    const text = (
      await citizen()
        .get(`/p/${(await schemeLink(schemeId)).token}`)
        .expect(200)
    ).text;
    expect(text).toContain('Fiche publique');
    expect(text).not.toContain('réservé');
    expect(text.match(/>Lire</g)).toHaveLength(1);
  });

  it('a scheme whose every document is internal has no page', async () => {
    const schemeId = await createScheme();
    await publish(schemeId, { scope: 'internal' });
    await publish(schemeId, { scope: 'internal', status: 'draft' });
    await agent.agent.get(`/api/folders/${schemeId}/share`).expect(404);
    expect(await ctx.db('scheme_share_links').where({ folder_id: schemeId }).count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('revoked in the same write when the last external document leaves (410 with the contact); back with the same token when one returns', async () => {
    const schemeId = await createScheme();
    const documentId = await publish(schemeId);
    const { token } = await schemeLink(schemeId);
    await send(editor, 'patch', `/api/documents/${documentId}`).send({ scope: 'internal' }).expect(200);
    const gone = await citizen().get(`/p/${token}`).expect(410);
    expect(gone.text).toContain("Cette page n'est plus diffusée");
    expect(gone.text).toContain('Ce dispositif n&#39;a plus de document consultable en ligne.');
    expect(gone.text).toContain('Appelez le 0800 000 000.');
    expect(gone.text).not.toContain('Ec&#39;Eau');
    expect(gone.headers['x-robots-tag']).toBe('noindex, nofollow');
    await agent.agent.get(`/api/folders/${schemeId}/share`).expect(404);
    expect(await ctx.db('audit_events').where({ object_id: schemeId, action: 'scheme_page.revoked' }).first()).toMatchObject({
      actor_id: editor.user.id,
    });

    await send(editor, 'patch', `/api/documents/${documentId}`).send({ scope: 'external' }).expect(200);
    expect((await schemeLink(schemeId)).token).toBe(token);
    await citizen().get(`/p/${token}`).expect(200);
  });

  it('revoked when the scheme is archived or its last document deleted or moved away', async () => {
    const schemeId = await createScheme();
    const documentId = await publish(schemeId);
    const { token } = await schemeLink(schemeId);
    await send(editor, 'patch', `/api/folders/${schemeId}`).send({ isArchived: true }).expect(200);
    expect((await citizen().get(`/p/${token}`).expect(410)).text).toContain('Ce dispositif est terminé ou suspendu.');
    await send(editor, 'patch', `/api/folders/${schemeId}`).send({ isArchived: false }).expect(200);
    expect((await schemeLink(schemeId)).token).toBe(token);

    const other = await createScheme();
    await send(editor, 'patch', `/api/documents/${documentId}`).send({ folderId: other }).expect(200);
    await citizen().get(`/p/${token}`).expect(410);
    const otherToken = (await schemeLink(other)).token;
    await send(editor, 'delete', `/api/documents/${documentId}`).expect(204);
    await citizen().get(`/p/${otherToken}`).expect(410);
  });

  it('a document made internal while its scheme is archived at the same moment: both writes succeed, the page ends', async () => {
    const schemeId = await createScheme();
    const documents = [await publish(schemeId), await publish(schemeId), await publish(schemeId)];
    const { token } = await schemeLink(schemeId);
    const answers = await Promise.all([
      ...documents.map((id) => send(editor, 'patch', `/api/documents/${id}`).send({ scope: 'internal' })),
      send(editor, 'patch', `/api/folders/${schemeId}`).send({ isArchived: true }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    await citizen().get(`/p/${token}`).expect(410);
    expect(await ctx.db('share_links').whereIn('document_id', documents).whereNull('revoked_at').count({ n: '*' }).first()).toEqual({
      n: 0,
    });
  });

  it("a revoked document link says why and leads to the scheme's page while it lives, else to the Region's contact", async () => {
    const schemeId = await createScheme();
    await publish(schemeId, { title: 'Fiche qui reste' });
    const leaving = await publish(schemeId, { title: 'Ancien barème secret' });
    const token = await documentToken(leaving);
    const page = (await schemeLink(schemeId)).token;
    await send(editor, 'patch', `/api/documents/${leaving}`).send({ scope: 'internal' }).expect(200);
    const gone = await citizen().get(`/s/${token}`).expect(410);
    expect(gone.text).toContain("Ce document n'est plus diffusé");
    expect(gone.text).toContain('Ce document n&#39;est plus public : il sert désormais aux agents de la Région.');
    expect(gone.text).toContain('Appelez le 0800 000 000.');
    expect(gone.text).toContain(`href="/p/${page}">Voir le dispositif</a>`);
    expect(gone.text).not.toContain('secret');

    // Regenerating keeps this: the old link leads to the scheme page.
    const kept = (await ctx.db('documents').where({ folder_id: schemeId, title: 'Fiche qui reste' }).first('id')).id as string;
    const before = await documentToken(kept);
    await send(editor, 'post', `/api/documents/${kept}/share/regenerate`).expect(200);
    const replaced = await citizen().get(`/s/${before}`).expect(410);
    expect(replaced.text).toContain('Ce lien a été remplacé par un nouveau lien.');
    expect(replaced.text).toContain(`href="/p/${page}">Voir le dispositif</a>`);

    // The scheme archived: nowhere but the Region's contact.
    await send(editor, 'patch', `/api/folders/${schemeId}`).send({ isArchived: true }).expect(200);
    const nowhere = await citizen().get(`/s/${before}`).expect(410);
    expect(nowhere.text).not.toContain('/p/');
    expect(nowhere.text).toContain('Appelez le 0800 000 000.');
  });

  it("a live document page has the scheme's apply and info links and leads to the scheme page", async () => {
    const schemeId = await createScheme();
    const documentId = await publish(schemeId);
    const page = (await schemeLink(schemeId)).token;
    const text = (
      await citizen()
        .get(`/s/${await documentToken(documentId)}`)
        .expect(200)
    ).text;
    expect(text).toContain('>Déposer une demande</a>');
    expect(text).toContain('>En savoir plus</a>');
    expect(text).toContain(`href="/p/${page}">Tout le dispositif et ses autres documents</a>`);
    expect(text).not.toContain('06 12 34 56 78');
  });

  it("the agent's Maison through a signed parameter; a forged one is ignored and logged", async () => {
    const schemeId = await createScheme();
    await publish(schemeId);
    const link = await schemeLink(schemeId);
    const withMaison = await citizen()
      .get(new URL(link.maison?.url ?? '').pathname + new URL(link.maison?.url ?? '').search)
      .expect(200);
    expect(withMaison.text).toContain(
      'Votre Maison de Région : Maison de Région d&#39;Alès, Alès, <a href="tel:0466000000">04 66 00 00 00</a>',
    );

    await buildMaison(ctx.db, { code: 'MR-TARBES', name: 'Maison de Région de Tarbes', city: 'Tarbes' });
    const alesSignature = (link.maison?.url ?? '').split('.').pop() as string;
    for (const forged of [
      'MR-TARBES',
      `MR-TARBES.${alesSignature}`,
      'Maison de Région de Nulle Part',
      `MR-ALES.${'A'.repeat(22)}`,
      `${signMaison('another-secret-another-secret-xx', 'MR-ALES')}`,
    ]) {
      const logged = ctx.logs.length;
      const page = await citizen().get(`/p/${link.token}`).query({ maison: forged }).expect(200);
      expect(page.text).not.toContain('Votre Maison de Région');
      expect(page.text).not.toContain('Nulle Part');
      expect(ctx.logs.slice(logged).some((line) => line.msg === 'forged maison parameter ignored')).toBe(true);
    }
    // Same signed parameter on a document page.
    const documentPage = await citizen()
      .get(`/s/${await documentToken((await ctx.db('documents').where({ folder_id: schemeId }).first('id')).id)}`)
      .query({ maison: signMaison(ctx.sessionSecret, 'MR-ALES') })
      .expect(200);
    expect(documentPage.text).toContain('Votre Maison de Région : Maison de Région d&#39;Alès');
  });

  it('counts opens once per visitor and day, bots and link previews excluded', async () => {
    const schemeId = await createScheme();
    await publish(schemeId);
    const { token } = await schemeLink(schemeId);
    await citizen().get(`/p/${token}`).set('User-Agent', phone).expect(200);
    await citizen().get(`/p/${token}`).set('User-Agent', phone).expect(200);
    for (const bot of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'WhatsApp/2.23.20.0 A',
      'facebookexternalhit/1.1',
      'Mozilla/5.0 (compatible; bingbot/2.0)',
    ]) {
      await citizen().get(`/p/${token}`).set('User-Agent', bot).expect(200);
    }
    await citizen().get(`/p/${token}`).expect(200);
    expect((await schemeLink(schemeId)).opens).toBe(1);
    await citizen()
      .get(`/p/${token}`)
      .set('User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0')
      .expect(200);
    const link = await schemeLink(schemeId);
    expect(link.opens).toBe(2);
    expect(link).toHaveProperty('lastOpenedAt');
  });

  it('editors of the directorate regenerate it (the old page stops and never comes back); agents and other directorates may not', async () => {
    const schemeId = await createScheme();
    const documentId = await publish(schemeId);
    const old = (await schemeLink(schemeId)).token;
    await send(agent, 'post', `/api/folders/${schemeId}/share/regenerate`).expect(403);
    await send(otherEditor, 'post', `/api/folders/${schemeId}/share/regenerate`).expect(403);
    const fresh = (await send(editor, 'post', `/api/folders/${schemeId}/share/regenerate`).expect(200)).body.token as string;
    expect(fresh).not.toBe(old);
    expect((await citizen().get(`/p/${old}`).expect(410)).text).toContain('Ce lien a été remplacé par un nouveau lien.');
    await citizen().get(`/p/${fresh}`).expect(200);
    await send(editor, 'patch', `/api/documents/${documentId}`).send({ scope: 'internal' }).expect(200);
    await send(editor, 'patch', `/api/documents/${documentId}`).send({ scope: 'external' }).expect(200);
    expect((await schemeLink(schemeId)).token).toBe(fresh);
    await citizen().get(`/p/${old}`).expect(410);
  });

  it('before a document or its scheme stops being shared: the opens of the last 30 days and where printed codes will lead', async () => {
    const schemeId = await createScheme();
    const staying = await publish(schemeId);
    const leaving = await publish(schemeId);
    const page = (await schemeLink(schemeId)).token;
    await citizen()
      .get(`/s/${await documentToken(leaving)}`)
      .set('User-Agent', phone)
      .expect(200);
    await citizen()
      .get(`/s/${await documentToken(leaving)}`)
      .set('User-Agent', 'Mozilla/5.0 (Macintosh) Safari/605.1.15')
      .expect(200);
    await citizen().get(`/p/${page}`).set('User-Agent', phone).expect(200);
    const reach = (await editor.agent.get(`/api/documents/${leaving}/share/reach`).expect(200)).body;
    expect(reach.opensLast30Days).toBe(2);
    expect(reach.schemePage.url).toMatch(new RegExp(`/p/${page}$`));
    expect(reach.schemePage.name).toMatch(/^Ec'Eau/);
    await send(editor, 'patch', `/api/documents/${staying}`).send({ scope: 'internal' }).expect(200);
    expect((await editor.agent.get(`/api/documents/${leaving}/share/reach`).expect(200)).body.schemePage).toBeNull();
    expect((await editor.agent.get(`/api/folders/${schemeId}/share/reach`).expect(200)).body).toEqual({
      opensLast30Days: 3,
      schemePage: null,
    });
    await agent.agent.get(`/api/documents/${leaving}/share/reach`).expect(403);
    await agent.agent.get(`/api/folders/${schemeId}/share/reach`).expect(403);
  });

  it('an unknown token is a plain 404; a malformed one is refused without touching the database', async () => {
    const unknown = await citizen()
      .get(`/p/${'a'.repeat(21)}`)
      .expect(404);
    expect(unknown.text).toContain('Lien introuvable');
    let queries = 0;
    const count = () => (queries += 1);
    ctx.db.on('query', count);
    try {
      for (const token of [
        'short',
        'a'.repeat(22),
        `${'a'.repeat(20)}!`,
        `${'a'.repeat(20)}%C3%A9`,
        '..%2F..%2Fetc',
        `${'a'.repeat(20)}'`,
      ]) {
        await citizen().get(`/p/${token}`).expect(404);
      }
      expect(queries).toBe(0);
    } finally {
      ctx.db.off('query', count);
    }
  });
});

describe('scheme pages under attack', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { SHARE_RATE_LIMIT_PER_MINUTE: '60' } });
  });
  afterAll(() => ctx.close());

  it('1,000 random tokens from one IP: rate-limited (429 page), never a 500', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i += 1) {
      const response = await request(ctx.app).get(`/p/${randomBytes(16).toString('base64url').slice(0, 21)}`);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].sort()).toEqual([404, 429]);
    expect(statuses.get(404)).toBe(60);
    expect(
      (
        await request(ctx.app)
          .get(`/p/${'b'.repeat(21)}`)
          .expect(429)
      ).text,
    ).toContain('Trop de demandes');
    // The document pages share the budget: the same visitor is limited there too.
    await request(ctx.app)
      .get(`/s/${'b'.repeat(21)}`)
      .expect(429);
  });
});
