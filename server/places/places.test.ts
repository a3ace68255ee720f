import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildUser } from '../../tests/factories';

describe('places API: directorates and Maisons', () => {
  let ctx: TestContext;
  let admin: SignedIn;
  let editor: SignedIn;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin', display_name: 'Admin Test' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor' });
  });
  afterAll(() => ctx.close());

  const send = (who: SignedIn, method: 'post' | 'patch' | 'delete', url: string, body?: object) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);

  it('directorates: create, refuse a duplicate code, rename, deactivate; delete only when nothing refers to it', async () => {
    const created = await send(admin, 'post', '/api/admin/directorates', { code: 'DSPORT', name: 'Direction des Sports' }).expect(201);
    expect(created.body.directorate).toMatchObject({
      code: 'DSPORT',
      name: 'Direction des Sports',
      isActive: true,
      references: { users: 0, documents: 0, folders: 0 },
    });
    expect((await send(admin, 'post', '/api/admin/directorates', { code: 'DSPORT', name: 'Autre' }).expect(409)).body.error.message).toBe(
      'Ce code existe déjà.',
    );
    expect((await send(admin, 'post', '/api/admin/directorates', { code: 'sport', name: 'x' }).expect(400)).body.error.message).toBe(
      'code : Code attendu : 2 à 20 majuscules, chiffres, - ou _.',
    );
    const id = created.body.directorate.id as string;
    await send(admin, 'patch', `/api/admin/directorates/${id}`, { name: 'Direction des Sports et de la Jeunesse' }).expect(200);
    await buildUser(ctx.db, { role: 'editor', directorate_id: id });
    const refused = await send(admin, 'delete', `/api/admin/directorates/${id}`).expect(409);
    expect(refused.body.error.message).toBe('Encore utilisée (utilisateurs, dossiers ou documents) : désactivez-la plutôt.');
    expect((await send(admin, 'patch', `/api/admin/directorates/${id}`, { isActive: false }).expect(200)).body.directorate.isActive).toBe(
      false,
    );
    const unused = await buildDirectorate(ctx.db);
    await send(admin, 'delete', `/api/admin/directorates/${unused.id}`).expect(204);
    await send(editor, 'post', '/api/admin/directorates', { code: 'DX', name: 'x' }).expect(403);
    await editor.agent.get('/api/admin/directorates').expect(403);
  });

  it('Maisons: create with their city, list', async () => {
    await send(admin, 'post', '/api/admin/maisons', { code: 'MR-MENDE', name: 'Maison de Région de Mende', city: 'Mende' }).expect(201);
    const listed = await admin.agent.get('/api/admin/maisons').expect(200);
    expect(listed.body.maisons).toContainEqual(expect.objectContaining({ code: 'MR-MENDE', city: 'Mende', phone: null, isActive: true }));
  });

  it('Maisons: a public phone (printed on the pages and handouts their agents share), checked, and cleared with null', async () => {
    const created = await send(admin, 'post', '/api/admin/maisons', {
      code: 'MR-RODEZ',
      name: 'Maison de Région de Rodez',
      city: 'Rodez',
      phone: '05 65 00 00 00',
    }).expect(201);
    const id = created.body.maison.id as string;
    expect(created.body.maison.phone).toBe('05 65 00 00 00');
    const refused = await send(admin, 'patch', `/api/admin/maisons/${id}`, { phone: 'appelez-nous' }).expect(400);
    expect(refused.body.error.message).toBe('phone : Numéro de téléphone invalide.');
    expect((await send(admin, 'patch', `/api/admin/maisons/${id}`, { phone: null }).expect(200)).body.maison.phone).toBeNull();
  });
});
