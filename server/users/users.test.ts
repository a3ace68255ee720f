import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildUser } from '../../tests/factories';

describe('users API', () => {
  let ctx: TestContext;
  let admin: SignedIn;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin', display_name: 'Admin Test' });
    // A third user, so that an unfiltered list has more than the two the tests create.
    await signInAs(ctx.app, ctx.db, { role: 'editor' });
  });
  afterAll(() => ctx.close());

  const send = (who: SignedIn, method: 'post' | 'patch' | 'delete', url: string, body?: object) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);

  it('users: listed with role and its source, filtered; a deactivated user is signed out at once', async () => {
    const agent = await signInAs(ctx.app, ctx.db, { role: 'agent', display_name: 'Agent à désactiver' });
    const listed = await admin.agent.get('/api/admin/users').query({ q: 'désactiver', role: 'agent' }).expect(200);
    expect(listed.body.users).toEqual([
      expect.objectContaining({ id: agent.user.id, role: 'agent', roleSource: 'test', isActive: true, lastSignInAt: expect.any(String) }),
    ]);
    await agent.agent.get('/api/session').expect(200);
    await send(admin, 'patch', `/api/admin/users/${agent.user.id}`, { isActive: false }).expect(200);
    await agent.agent.get('/api/session').expect(401);
    expect(await ctx.db('sessions').whereRaw(`sess::jsonb ->> 'userId' = ?`, [agent.user.id]).count({ n: '*' }).first()).toEqual({ n: 0 });
    expect((await send(admin, 'patch', `/api/admin/users/${admin.user.id}`, { isActive: false }).expect(409)).body.error.message).toBe(
      'Vous ne pouvez pas désactiver votre propre compte.',
    );
    await admin.agent.get('/api/admin/users').query({ role: 'boss' }).expect(400);
    // A form's empty fields are no filter; % and _ are plain characters.
    expect(
      (await admin.agent.get('/api/admin/users').query({ role: '', directorate: '', q: '' }).expect(200)).body.users.length,
    ).toBeGreaterThan(2);
    expect((await admin.agent.get('/api/admin/users').query({ q: '%' }).expect(200)).body.users).toEqual([]);
  });

  it('two users sharing an e-mail (two IdP identities) are told apart by their NameID and issuer, in the list and the audit trail', async () => {
    const first = await signInAs(ctx.app, ctx.db, {
      role: 'agent',
      email: 'shared@region.example',
      display_name: 'Camille Partage',
      name_id: 'camille-a',
    });
    await buildUser(ctx.db, {
      role: 'agent',
      email: 'Shared@Region.example',
      display_name: 'Camille Partage',
      idp_issuer: 'https://idp-b.example',
      name_id: 'camille-b',
    });
    const listed = (await admin.agent.get('/api/admin/users').query({ q: 'Camille Partage' }).expect(200)).body.users as {
      identity: string | null;
    }[];
    expect(listed.map((user) => user.identity).sort()).toEqual(['camille-a · dev', 'camille-b · https://idp-b.example']);
    const alone = (await admin.agent.get('/api/admin/users').query({ q: 'Admin Test' }).expect(200)).body.users;
    expect(alone[0].identity).toBeNull();

    await send(first, 'post', '/auth/logout', {}).expect(200);
    const events = (await admin.agent.get('/api/admin/audit').query({ actor: first.user.id, action: 'user.sign_out' }).expect(200)).body
      .events;
    expect(events[0]).toMatchObject({ actor: expect.stringContaining('Camille Partage'), actorIdentity: 'camille-a · dev' });
    const csv = await admin.agent.get('/api/admin/audit.csv').query({ actor: first.user.id, action: 'user.sign_out' }).expect(200);
    expect(csv.text).toContain('"Camille Partage (camille-a · dev)"');
    const own = (await admin.agent.get('/api/admin/audit').query({ actor: admin.user.id }).expect(200)).body.events;
    expect(own[0].actorIdentity).toBeNull();
  });
});
