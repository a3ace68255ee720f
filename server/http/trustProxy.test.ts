import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/context';
import { authnRequestIdFrom, encodeResponse, makeTestIdp, signedResponse, type TestIdp } from '../../tests/saml/idp';
import { seed } from '../seed';

/**
 * TRUST_PROXY decides which peers may name the client (X-Forwarded-For) and its protocol
 * (X-Forwarded-Proto). supertest's requests come from loopback: trusting loopback makes it a proxy.
 */

const devLogin = (ctx: TestContext, clientAddress: string, email = 'nobody@region.example') =>
  request(ctx.app).post('/auth/dev-login').set('X-Forwarded-For', clientAddress).send({ email });

describe('TRUST_PROXY: an untrusted peer', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { TRUST_PROXY: 'false', SIGN_IN_RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(() => ctx.close());

  it('cannot escape the sign-in rate limit by rotating X-Forwarded-For', async () => {
    await devLogin(ctx, '203.0.113.1').expect(401);
    await devLogin(ctx, '203.0.113.2').expect(401);
    const limited = await devLogin(ctx, '203.0.113.3').expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // Said once in the log: a proxy in front would need TRUST_PROXY.
    expect(ctx.logs.filter((line) => line.msg.includes('set TRUST_PROXY'))).toHaveLength(1);
  });
});

describe('TRUST_PROXY: behind a trusted proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { TRUST_PROXY: 'loopback', SIGN_IN_RATE_LIMIT_PER_MINUTE: '2' } });
    await seed(ctx.db);
  });
  afterAll(() => ctx.close());

  it("keys the rate limit on each client's address, not on the proxy's", async () => {
    await devLogin(ctx, '198.51.100.1').expect(401);
    await devLogin(ctx, '198.51.100.1').expect(401);
    await devLogin(ctx, '198.51.100.1').expect(429);
    // Another client behind the same proxy has its own bucket.
    await devLogin(ctx, '198.51.100.2').expect(401);
  });

  it("records the client's address, not the proxy's, in the audit trail", async () => {
    await devLogin(ctx, '198.51.100.7, 192.0.2.50', 'admin@region.example').expect(200);
    const event = await ctx.db('audit_events').where({ action: 'user.sign_in' }).orderBy('created_at', 'desc').first('ip');
    expect(event.ip).toBe('192.0.2.50');
  });
});

describe('TRUST_PROXY in production: HTTPS as the proxy saw it', () => {
  const publicUrl = 'https://info.region.example';
  let idp: TestIdp;
  beforeAll(async () => {
    idp = await makeTestIdp();
  });

  function productionContext(trustProxy?: string) {
    return createTestContext({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a-session-secret-of-at-least-32-chars',
        PUBLIC_URL: publicUrl,
        SAML_ENTRY_POINT: idp.entryPoint,
        SAML_IDP_ISSUER: idp.issuer,
        SAML_IDP_CERT: idp.cert,
        SAML_ROLE_GROUPS: 'agent:LPT-AGENTS',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
        ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}),
      },
    });
  }

  /** A SAML sign-in through a proxy that terminated HTTPS; gives the ACS's Set-Cookie. */
  async function signInOverProxiedHttps(ctx: TestContext): Promise<string> {
    const start = await request(ctx.app).get('/auth/saml').set('X-Forwarded-Proto', 'https').expect(302);
    const requestId = authnRequestIdFrom(start.headers.location as string);
    // The browser sends the Secure sign-in cookie back over HTTPS (supertest speaks plain http: by hand).
    const setCookie = String(start.headers['set-cookie']);
    // Over HTTPS the IdP's cross-site POST must carry it: Secure, SameSite=None (still HttpOnly).
    expect(setCookie).toMatch(
      /^lpt\.saml_request=_[0-9a-f]{40}; Max-Age=600; Path=\/auth\/saml; Expires=[^;]+; HttpOnly; Secure; SameSite=None$/,
    );
    const bindingCookie = setCookie.split(';')[0] as string;
    const xml = signedResponse(
      {
        inResponseTo: requestId,
        destination: `${publicUrl}/auth/saml/callback`,
        audience: `${publicUrl}/auth/saml/metadata`,
        issuer: idp.issuer,
        nameId: 'proxied-agent',
        attributes: { email: ['proxied@region.example'], groups: ['LPT-AGENTS'] },
      },
      idp,
    );
    const acs = await request(ctx.app)
      .post('/auth/saml/callback')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-For', '192.0.2.80')
      .set('Cookie', bindingCookie)
      .type('form')
      .send({ SAMLResponse: encodeResponse(xml), RelayState: '/' })
      .expect(303);
    return String(acs.headers['set-cookie'] ?? '');
  }

  it('sets the Secure session cookie when a trusted proxy says the request came over HTTPS', async () => {
    const ctx = await productionContext('loopback');
    try {
      const cookie = await signInOverProxiedHttps(ctx);
      expect(cookie).toMatch(/lpt\.sid=[^;]+;.*Secure/);
      expect(ctx.logs.filter((line) => line.msg.includes('TRUST_PROXY'))).toEqual([]);
      const event = await ctx.db('audit_events').where({ action: 'user.created_at_sign_in' }).first('ip');
      expect(event.ip).toBe('192.0.2.80');
    } finally {
      await ctx.close();
    }
  });

  it('ignores X-Forwarded-Proto from a peer it does not trust (the production default): no session cookie', async () => {
    const ctx = await productionContext();
    try {
      expect(await signInOverProxiedHttps(ctx)).not.toContain('lpt.sid=');
      // Not silent: the log says why, once.
      expect(ctx.logs.filter((line) => line.msg.includes('set TRUST_PROXY'))).toEqual([
        expect.objectContaining({ level: 40, forwardedProto: 'https' }),
      ]);
    } finally {
      await ctx.close();
    }
  });
});
