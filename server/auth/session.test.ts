import { sign } from 'cookie-signature';
import type { Request } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/context';
import { seed } from '../seed';
import { sessionCookieName, signedSessionCookieTest } from './session';

type Agent = ReturnType<typeof request.agent>;

describe('sessions, dev sign-in and CSRF', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seed(ctx.db);
  });
  afterAll(() => ctx.close());

  async function signIn(agent: Agent, email = 'agent.ales@region.example') {
    const response = await agent.post('/auth/dev-login').send({ email }).expect(200);
    return { csrfToken: response.body.csrfToken as string, cookie: String(response.headers['set-cookie']) };
  }

  function sessionIdOf(cookie: string) {
    return /lpt\.sid=([^;]+)/.exec(cookie)?.[1];
  }

  it('lists the demo accounts of the embedded default', async () => {
    const response = await request(ctx.app).get('/api/dev/users').expect(200);
    expect(response.body.users[0]).toMatchObject({ email: 'admin@region.example', role: 'admin' });
    expect(response.body.users.filter((u: { role: string }) => u.role === 'agent')).toHaveLength(4);
    expect((await request(ctx.app).get('/api/auth/method').expect(200)).body).toEqual({ method: 'dev' });
  });

  it('signs in as a demo account: GET /api/session gives the user, their Maison and a CSRF token', async () => {
    const agent = request.agent(ctx.app);
    const { cookie } = await signIn(agent);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const session = await agent.get('/api/session').expect(200);
    expect(session.body.user).toMatchObject({
      email: 'agent.ales@region.example',
      role: 'agent',
      maison: { code: 'MR-ALES', name: "Maison de Région d'Alès" },
      can: { administer: false, readInsights: false, createThemes: false },
    });
    expect(session.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('gives the presenter the rights of the role, so buttons match', async () => {
    const admin = request.agent(ctx.app);
    await signIn(admin, 'admin@region.example');
    expect((await admin.get('/api/session')).body.user.can).toEqual({
      administer: true,
      readInsights: true,
      followDirectorate: true,
      createThemes: true,
    });
    const editor = request.agent(ctx.app);
    await signIn(editor, 'editeur.dtee@region.example');
    expect((await editor.get('/api/session')).body.user.can).toEqual({
      administer: false,
      readInsights: true,
      followDirectorate: true,
      createThemes: false,
    });
  });

  it('answers 401 when signed out', async () => {
    const response = await request(ctx.app).get('/api/session').expect(401);
    expect(response.body).toEqual({ error: { code: 'unauthorized', message: 'Vous devez vous connecter.' } });
    await request(ctx.app).post('/auth/logout').expect(401);
  });

  it('refuses an unknown demo account with 401, a bad e-mail with 400, and a non-JSON sign-in with 415', async () => {
    const unknown = await request(ctx.app).post('/auth/dev-login').send({ email: 'nobody@region.example' }).expect(401);
    expect(unknown.body.error.message).toBe("Aucun compte de démonstration n'a cette adresse.");
    const invalid = await request(ctx.app).post('/auth/dev-login').send({ email: 'not-an-email' }).expect(400);
    expect(invalid.body.error).toEqual({ code: 'validation_error', message: 'email : Indiquez une adresse e-mail valide.' });
    const form = await request(ctx.app).post('/auth/dev-login').type('form').send({ email: 'admin@region.example' }).expect(415);
    expect(form.body.error.code).toBe('unsupported_type');
  });

  it('gives a new session id at sign-in; the old one stops working', async () => {
    const agent = request.agent(ctx.app);
    const first = sessionIdOf((await signIn(agent)).cookie);
    const second = sessionIdOf((await signIn(agent, 'admin@region.example')).cookie);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    await request(ctx.app).get('/api/session').set('Cookie', `lpt.sid=${first}`).expect(401);
    expect((await request(ctx.app).get('/api/session').set('Cookie', `lpt.sid=${second}`).expect(200)).body.user.role).toBe('admin');
  });

  it('refuses a state-changing request without the CSRF token, or with a wrong one (403)', async () => {
    const agent = request.agent(ctx.app);
    const { csrfToken } = await signIn(agent);
    const missing = await agent.post('/auth/logout').expect(403);
    expect(missing.body.error.code).toBe('forbidden');
    await agent
      .post('/auth/logout')
      .set('X-CSRF-Token', `${csrfToken.slice(0, -1)}x`)
      .expect(403);
    await agent.post('/auth/logout').set('X-CSRF-Token', 'short').expect(403);
    await agent.get('/api/session').expect(200);
    expect((await agent.post('/auth/logout').set('X-CSRF-Token', csrfToken).expect(200)).body).toEqual({ redirect: '/' });
    await agent.get('/api/session').expect(401);
  });

  async function shiftSession(agent: Agent, field: 'createdAt' | 'lastSeenAt', minutesAgo: number) {
    const { cookie } = await signIn(agent);
    const signed = decodeURIComponent(sessionIdOf(cookie) as string);
    const sid = signed.slice(2, signed.lastIndexOf('.'));
    const updated = await ctx
      .db('sessions')
      .where({ sid })
      .update({
        sess: ctx.db.raw(`jsonb_set(sess::jsonb, ?, to_jsonb(?::bigint))::json`, [`{${field}}`, Date.now() - minutesAgo * 60000]),
      });
    expect(updated).toBe(1);
  }

  it('ends a session idle for longer than the idle timeout (8 h by default)', async () => {
    const agent = request.agent(ctx.app);
    await shiftSession(agent, 'lastSeenAt', 7 * 60);
    await agent.get('/api/session').expect(200);
    await shiftSession(agent, 'lastSeenAt', 8 * 60 + 1);
    await agent.get('/api/session').expect(401);
  });

  it('ends a session older than the absolute timeout (12 h by default), even when active', async () => {
    const agent = request.agent(ctx.app);
    await shiftSession(agent, 'createdAt', 12 * 60 + 1);
    await agent.get('/api/session').expect(401);
  });

  it("ends a deactivated user's session at once", async () => {
    const agent = request.agent(ctx.app);
    await signIn(agent, 'agent.tarbes@region.example');
    await agent.get('/api/session').expect(200);
    await ctx.db('users').where({ email: 'agent.tarbes@region.example' }).update({ is_active: false });
    await agent.get('/api/session').expect(401);
    await request(ctx.app).post('/auth/dev-login').send({ email: 'agent.tarbes@region.example' }).expect(401);
  });

  it('records sign-in and sign-out in the audit trail, with IP', async () => {
    const agent = request.agent(ctx.app);
    const { csrfToken } = await signIn(agent, 'agent.narbonne@region.example');
    await agent.post('/auth/logout').set('X-CSRF-Token', csrfToken).expect(200);
    const events = await ctx
      .db('audit_events as a')
      .join('users as u', 'u.id', 'a.actor_id')
      .where('u.email', 'agent.narbonne@region.example')
      .orderBy('a.id')
      .select('a.action', 'a.ip');
    expect(events.map((e) => e.action)).toEqual(['user.sign_in', 'user.sign_out']);
    expect(events[0].ip).toMatch(/127\.0\.0\.1/);
  });
});

describe('sign-in rate limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => ctx.close());

  it('answers 429 in French past the limit per IP and minute', async () => {
    for (let i = 0; i < 3; i += 1) await request(ctx.app).post('/auth/dev-login').send({ email: 'nobody@region.example' }).expect(401);
    const limited = await request(ctx.app).post('/auth/dev-login').send({ email: 'nobody@region.example' }).expect(429);
    expect(limited.body.error).toEqual({ code: 'rate_limited', message: 'Trop de tentatives. Patientez une minute avant de réessayer.' });
  });
});

describe('signed session cookie test (the early search starts only for one)', () => {
  const secret = 'a-secret-of-this-app-long-enough-to-sign';
  const requestWith = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as Request;
  const cookieOf = (sid: string, key = secret) => `theme=sombre; ${sessionCookieName}=${encodeURIComponent(`s:${sign(sid, key)}`)}`;

  it('knows a cookie the app signed, again and again, and no other', () => {
    const hasSignedCookie = signedSessionCookieTest(secret);
    expect(hasSignedCookie(requestWith(cookieOf('session-one')))).toBe(true);
    expect(hasSignedCookie(requestWith(cookieOf('session-one')))).toBe(true);
    expect(hasSignedCookie(requestWith(cookieOf('session-one', 'another-secret')))).toBe(false);
    expect(hasSignedCookie(requestWith(cookieOf('session-one').replace('session-one', 'session-two')))).toBe(false);
    expect(hasSignedCookie(requestWith(`${sessionCookieName}=session-one`))).toBe(false);
    expect(hasSignedCookie(requestWith(`${sessionCookieName}=%E0%A4%A`))).toBe(false);
    expect(hasSignedCookie(requestWith('theme=sombre'))).toBe(false);
    expect(hasSignedCookie(requestWith())).toBe(false);
  });

  it('remembers cookies per secret: one signed with another app secret stays unknown', () => {
    expect(signedSessionCookieTest('another-secret')(requestWith(cookieOf('session-one', 'another-secret')))).toBe(true);
    expect(signedSessionCookieTest(secret)(requestWith(cookieOf('session-one', 'another-secret')))).toBe(false);
  });
});
