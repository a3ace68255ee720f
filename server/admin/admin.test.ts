import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildUser } from '../../tests/factories';

describe('administration API', () => {
  let ctx: TestContext;
  let admin: SignedIn;
  let editor: SignedIn;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin', display_name: 'Admin Test' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor' });
  });
  afterAll(() => ctx.close());

  const send = (who: SignedIn, method: 'post' | 'patch' | 'delete', url: string, body?: object) => who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);

  it('directorates: create, refuse a duplicate code, rename, deactivate; delete only when nothing refers to it', async () => {
    const created = await send(admin, 'post', '/api/admin/directorates', { code: 'DSPORT', name: 'Direction des Sports' }).expect(201);
    expect(created.body.directorate).toMatchObject({ code: 'DSPORT', name: 'Direction des Sports', isActive: true, references: { users: 0, documents: 0, folders: 0 } });
    expect((await send(admin, 'post', '/api/admin/directorates', { code: 'DSPORT', name: 'Autre' }).expect(409)).body.error.message).toBe('Ce code existe déjà.');
    expect((await send(admin, 'post', '/api/admin/directorates', { code: 'sport', name: 'x' }).expect(400)).body.error.message).toBe('code : Code attendu : 2 à 20 majuscules, chiffres, - ou _.');
    const id = created.body.directorate.id as string;
    await send(admin, 'patch', `/api/admin/directorates/${id}`, { name: 'Direction des Sports et de la Jeunesse' }).expect(200);
    await buildUser(ctx.db, { role: 'editor', directorate_id: id });
    const refused = await send(admin, 'delete', `/api/admin/directorates/${id}`).expect(409);
    expect(refused.body.error.message).toBe('Encore utilisée (utilisateurs, dossiers ou documents) : désactivez-la plutôt.');
    expect((await send(admin, 'patch', `/api/admin/directorates/${id}`, { isActive: false }).expect(200)).body.directorate.isActive).toBe(false);
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
    const created = await send(admin, 'post', '/api/admin/maisons', { code: 'MR-RODEZ', name: 'Maison de Région de Rodez', city: 'Rodez', phone: '05 65 00 00 00' }).expect(201);
    const id = created.body.maison.id as string;
    expect(created.body.maison.phone).toBe('05 65 00 00 00');
    const refused = await send(admin, 'patch', `/api/admin/maisons/${id}`, { phone: 'appelez-nous' }).expect(400);
    expect(refused.body.error.message).toBe('phone : Numéro de téléphone invalide.');
    expect((await send(admin, 'patch', `/api/admin/maisons/${id}`, { phone: null }).expect(200)).body.maison.phone).toBeNull();
  });

  it('users: listed with role and its source, filtered; a deactivated user is signed out at once', async () => {
    const agent = await signInAs(ctx.app, ctx.db, { role: 'agent', display_name: 'Agent à désactiver' });
    const listed = await admin.agent.get('/api/admin/users').query({ q: 'désactiver', role: 'agent' }).expect(200);
    expect(listed.body.users).toEqual([expect.objectContaining({ id: agent.user.id, role: 'agent', roleSource: 'test', isActive: true, lastSignInAt: expect.any(String) })]);
    await agent.agent.get('/api/session').expect(200);
    await send(admin, 'patch', `/api/admin/users/${agent.user.id}`, { isActive: false }).expect(200);
    await agent.agent.get('/api/session').expect(401);
    expect(await ctx.db('sessions').whereRaw(`sess::jsonb ->> 'userId' = ?`, [agent.user.id]).count({ n: '*' }).first()).toEqual({ n: 0 });
    expect((await send(admin, 'patch', `/api/admin/users/${admin.user.id}`, { isActive: false }).expect(409)).body.error.message).toBe('Vous ne pouvez pas désactiver votre propre compte.');
    await admin.agent.get('/api/admin/users').query({ role: 'boss' }).expect(400);
    // A form's empty fields are no filter; % and _ are plain characters.
    expect((await admin.agent.get('/api/admin/users').query({ role: '', directorate: '', q: '' }).expect(200)).body.users.length).toBeGreaterThan(2);
    expect((await admin.agent.get('/api/admin/users').query({ q: '%' }).expect(200)).body.users).toEqual([]);
  });

  it('two users sharing an e-mail (two IdP identities) are told apart by their NameID and issuer, in the list and the audit trail', async () => {
    const first = await signInAs(ctx.app, ctx.db, { role: 'agent', email: 'shared@region.example', display_name: 'Camille Partage', name_id: 'camille-a' });
    await buildUser(ctx.db, { role: 'agent', email: 'Shared@Region.example', display_name: 'Camille Partage', idp_issuer: 'https://idp-b.example', name_id: 'camille-b' });
    const listed = (await admin.agent.get('/api/admin/users').query({ q: 'Camille Partage' }).expect(200)).body.users as { identity: string | null }[];
    expect(listed.map((user) => user.identity).sort()).toEqual(['camille-a · dev', 'camille-b · https://idp-b.example']);
    const alone = (await admin.agent.get('/api/admin/users').query({ q: 'Admin Test' }).expect(200)).body.users;
    expect(alone[0].identity).toBeNull();

    await send(first, 'post', '/auth/logout', {}).expect(200);
    const events = (await admin.agent.get('/api/admin/audit').query({ actor: first.user.id, action: 'user.sign_out' }).expect(200)).body.events;
    expect(events[0]).toMatchObject({ actor: expect.stringContaining('Camille Partage'), actorIdentity: 'camille-a · dev' });
    const csv = await admin.agent.get('/api/admin/audit.csv').query({ actor: first.user.id, action: 'user.sign_out' }).expect(200);
    expect(csv.text).toContain('(camille-a · dev)"');
    const own = (await admin.agent.get('/api/admin/audit').query({ actor: admin.user.id }).expect(200)).body.events;
    expect(own[0].actorIdentity).toBeNull();
  });

  it('audit trail: filtered, exported as CSV with formulas neutralised; append-only', async () => {
    await send(admin, 'post', '/api/admin/directorates', { code: 'DFORMULA', name: '=HYPERLINK("http://evil")' }).expect(201);
    const events = await admin.agent.get('/api/admin/audit').query({ action: 'directorate.created', from: '2020-01-01' }).expect(200);
    expect(events.body.events.length).toBeGreaterThanOrEqual(2);
    expect(events.body.events[0]).toMatchObject({ action: 'directorate.created', objectType: 'directorate', actor: expect.stringContaining('Admin Test') });
    const csv = await admin.agent.get('/api/admin/audit.csv').query({ action: 'directorate.updated' }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\n')[0]).toBe('\ufeff"date";"acteur";"action";"type";"objet";"modifications";"ip"');
    expect(csv.text).toContain('"directorate.updated"');
    const created = await admin.agent.get('/api/admin/audit.csv').query({ action: 'directorate.created' }).expect(200);
    expect(created.text).not.toMatch(/;"=HYPERLINK/);
    await expect(ctx.db('audit_events').update({ action: 'effacé' })).rejects.toThrow(/append-only/);
    await editor.agent.get('/api/admin/audit').expect(403);
  });
});
