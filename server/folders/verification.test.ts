import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildFolder, buildUser } from '../../tests/factories';
import { makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { todayInParis } from './availability';

describe('verified content: a scheme card says when it was last confirmed', () => {
  let ctx: TestContext;
  let admin: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let directorateId: string;
  let themeId: string;
  let schemeId: string;

  const card = (extra: object = {}) => ({
    directorateId,
    summary: 'Aide aux campings pour réduire leur consommation d’eau.',
    referent: { name: 'Claire Martin', email: 'claire.martin@region.example' },
    ...extra,
  });
  const send = (who: SignedIn, method: 'post' | 'patch', url: string, body?: object) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);
  const daysAgo = (days: number) => ctx.db.raw(`now() - make_interval(days => ?)`, [days]);

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    directorateId = (await buildDirectorate(ctx.db)).id;
    const otherDirectorateId = (await buildDirectorate(ctx.db)).id;
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorateId, display_name: 'Paul Durand' });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: otherDirectorateId });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    themeId = (await buildFolder(ctx.db, { name: 'Tourisme' })).id;
  });
  afterAll(() => ctx.close());

  it('a new scheme is verified by its creator on creation, due 180 days later; its referent with an account is its verifier', async () => {
    const referent = await buildUser(ctx.db, {
      role: 'editor',
      directorate_id: directorateId,
      email: 'claire.martin@region.example',
      display_name: 'Claire Martin',
    });
    const created = await send(editor, 'post', '/api/folders', { name: "Ec'Eau Tourisme", parentId: themeId, scheme: card() }).expect(201);
    schemeId = created.body.folder.id;
    const { body } = await agent.agent.get(`/api/folders/${schemeId}`).expect(200);
    const today = todayInParis();
    const due = new Date(Date.parse(`${today}T12:00:00Z`) + 180 * 86400000).toISOString().slice(0, 10);
    expect(body.folder.scheme).toMatchObject({
      verifiedBy: { id: editor.user.id, name: 'Paul Durand' },
      reviewIntervalDays: 180,
      reviewDueOn: due,
      isReviewDue: false,
      verifier: { id: referent.id, name: 'Claire Martin', isNamed: false },
    });
    expect(new Date(body.folder.scheme.verifiedAt).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })).toBe(today);
    expect(body.folder.can).toMatchObject({ verify: false, report: true });
  });

  it('past due, the card says so to agents (isReviewDue) and the scheme joins the directorate queue', async () => {
    await ctx
      .db('folders')
      .where({ id: schemeId })
      .update({ verified_at: daysAgo(200) });
    const { body } = await agent.agent.get(`/api/folders/${schemeId}`).expect(200);
    expect(body.folder.scheme.isReviewDue).toBe(true);
    expect(body.folder.scheme.reviewDueOn < todayInParis()).toBe(true);

    const queue = await editor.agent.get('/api/verifications/due').expect(200);
    expect(queue.body.schemes.map((s: { id: string }) => s.id)).toEqual([schemeId]);
    expect(queue.body.schemes[0]).toMatchObject({ name: "Ec'Eau Tourisme", isReviewDue: true });
    // Another directorate's editor has their own queue, without it; an agent has none.
    const other = await otherEditor.agent.get('/api/verifications/due').expect(200);
    expect(other.body.schemes).toEqual([]);
    await otherEditor.agent.get(`/api/verifications/due?directorateId=${directorateId}`).expect(403);
    await agent.agent.get('/api/verifications/due').expect(403);
    const all = await admin.agent.get(`/api/verifications/due?directorateId=${directorateId}`).expect(200);
    expect(all.body.schemes).toHaveLength(1);
  });

  it('the search answer carries the card\'s verification: when, and "à vérifier" past due', async () => {
    const upload = editor.agent.post('/api/documents').set('X-CSRF-Token', editor.csrfToken);
    for (const [name, value] of Object.entries({
      folderId: schemeId,
      title: 'Règlement hydro-économe',
      docType: 'reglement',
      status: 'published',
      scope: 'internal',
    }))
      upload.field(name, value);
    await upload.attach('file', makeText('Les campings qui installent des mousseurs hydro-économes.'), 'reglement.txt').expect(201);
    expect(await drainJobs(ctx)).toEqual([]);
    const { body } = await agent.agent.get('/api/search').query({ q: 'mousseurs hydro-économes' }).expect(200);
    const group = body.groups.find((g: { scheme: { id: string } | null }) => g.scheme?.id === schemeId);
    expect(group.scheme).toMatchObject({
      isReviewDue: true,
      verifiedAt: expect.any(String),
      reviewDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('an editor verifies in one click: due again one interval from today, audited, out of the queue', async () => {
    const { body } = await send(editor, 'post', `/api/folders/${schemeId}/verification`).expect(200);
    expect(body.folder.scheme).toMatchObject({ isReviewDue: false, verifiedBy: { id: editor.user.id } });
    const event = await ctx.db('audit_events').where({ action: 'scheme.verified', object_id: schemeId }).first();
    expect(event).toMatchObject({ actor_id: editor.user.id, object_type: 'folder' });
    expect((await editor.agent.get('/api/verifications/due').expect(200)).body.schemes).toEqual([]);
  });

  it('refuses agents and other directorates (403), a folder that is not a scheme (400), unknown ids (404), signed-out calls (401)', async () => {
    await send(agent, 'post', `/api/folders/${schemeId}/verification`).expect(403);
    await send(otherEditor, 'post', `/api/folders/${schemeId}/verification`).expect(403);
    const notScheme = await send(admin, 'post', `/api/folders/${themeId}/verification`).expect(400);
    expect(notScheme.body.error.message).toBe("Ce dossier n'est pas un dispositif : il n'a pas de fiche à vérifier.");
    await send(admin, 'post', '/api/folders/00000000-0000-4000-8000-000000000000/verification').expect(404);
    await request(ctx.app).get('/api/verifications/due').expect(401);
  });

  it('saving the card counts as a verification; the interval and the verifier are set per scheme', async () => {
    await ctx
      .db('folders')
      .where({ id: schemeId })
      .update({ verified_at: daysAgo(400) });
    const saved = await send(editor, 'patch', `/api/folders/${schemeId}`, {
      scheme: card({ reviewIntervalDays: 30, verifierId: editor.user.id }),
    }).expect(200);
    const today = todayInParis();
    expect(saved.body.folder.scheme).toMatchObject({
      isReviewDue: false,
      reviewIntervalDays: 30,
      reviewDueOn: new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86400000).toISOString().slice(0, 10),
      verifier: { id: editor.user.id, name: 'Paul Durand', isNamed: true },
    });
    // Who may be chosen: the directorate's active editors, for its editors and admins only.
    const editors = await editor.agent.get(`/api/directorates/${directorateId}/editors`).expect(200);
    expect(editors.body.editors.map((e: { name: string }) => e.name)).toEqual(['Claire Martin', 'Paul Durand']);
    await agent.agent.get(`/api/directorates/${directorateId}/editors`).expect(403);
    await otherEditor.agent.get(`/api/directorates/${directorateId}/editors`).expect(403);
    // A card saved without these fields keeps them.
    const again = await send(editor, 'patch', `/api/folders/${schemeId}`, { scheme: card() }).expect(200);
    expect(again.body.folder.scheme).toMatchObject({ reviewIntervalDays: 30, verifier: { id: editor.user.id } });
  });

  it('refuses a verifier outside the directorate and an interval out of range, with the field named (400)', async () => {
    const cases: [object, string][] = [
      [
        card({ verifierId: otherEditor.user.id }),
        'scheme.verifierId : Le vérificateur doit être un éditeur de la direction du dispositif.',
      ],
      [card({ verifierId: agent.user.id }), 'scheme.verifierId : Le vérificateur doit être un éditeur de la direction du dispositif.'],
      [card({ reviewIntervalDays: 3 }), 'scheme.reviewIntervalDays : Le délai de vérification : 7 jours au moins.'],
      [card({ reviewIntervalDays: 5000 }), 'scheme.reviewIntervalDays : Le délai de vérification : 1095 jours (3 ans) au plus.'],
    ];
    for (const [scheme, message] of cases) {
      const response = await send(editor, 'patch', `/api/folders/${schemeId}`, { scheme }).expect(400);
      expect(response.body.error).toEqual({ code: 'validation_error', message });
    }
  });
});
