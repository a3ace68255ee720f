import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate } from '../../tests/factories';
import {
  assertionXml,
  authnRequestIdFrom,
  encodeResponse,
  logoutRequestIdFrom,
  logoutRequestXml,
  logoutResponseXml,
  makeTestIdp,
  redirectQuery,
  responseXml,
  signElement,
  signedResponse,
  type AssertionFields,
  type LogoutRequestFields,
  type TestIdp,
} from '../../tests/saml/idp';

const publicUrl = 'http://app.test';
const acs = `${publicUrl}/auth/saml/callback`;
const spEntityId = `${publicUrl}/auth/saml/metadata`;
const logoutCallback = `${publicUrl}/auth/saml/logout/callback`;

describe('SAML sign-in', () => {
  let ctx: TestContext;
  let idp: TestIdp;
  let otherIdp: TestIdp;

  beforeAll(async () => {
    [idp, otherIdp] = await Promise.all([makeTestIdp(), makeTestIdp()]);
    ctx = await createTestContext({
      env: {
        PUBLIC_URL: publicUrl,
        SAML_ENTRY_POINT: idp.entryPoint,
        SAML_IDP_ISSUER: idp.issuer,
        SAML_IDP_CERT: idp.cert,
        SAML_ROLE_GROUPS: 'admin:LPT-ADMINS;editor:LPT-EDITORS;agent:LPT-AGENTS',
        SAML_LOGOUT_URL: `${idp.issuer}/slo`,
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
    await buildDirectorate(ctx.db, { code: 'DTEE' });
  });
  afterAll(() => ctx.close());

  /** Starts a sign-in as the browser does, returning the AuthnRequest ID the IdP would answer. */
  async function startSignIn(agent: ReturnType<typeof request.agent>, relayState = '/') {
    const response = await agent.get('/auth/saml').query({ RelayState: relayState }).expect(302);
    expect(response.headers.location).toMatch(new RegExp(`^${idp.entryPoint}\\?SAMLRequest=`));
    return { requestId: authnRequestIdFrom(response.headers.location as string), location: response.headers.location as string };
  }

  function fields(requestId: string | undefined, overrides: Partial<AssertionFields> = {}): AssertionFields {
    return {
      inResponseTo: requestId,
      destination: acs,
      audience: spEntityId,
      issuer: idp.issuer,
      nameId: 'agent-0042',
      attributes: { email: ['agent.0042@region.example'], displayName: ['Agent 42'], maison: ['MR-X'], groups: ['LPT-AGENTS', 'Tous'] },
      ...overrides,
    };
  }

  function post(agent: ReturnType<typeof request.agent>, xml: string, relayState = '/') {
    return agent
      .post('/auth/saml/callback')
      .type('form')
      .send({ SAMLResponse: encodeResponse(xml), RelayState: relayState });
  }

  async function expectNoSession(agent: ReturnType<typeof request.agent>, response: request.Response) {
    expect(response.status).toBe(401);
    expect(response.text).toContain('Connexion refusée');
    expect(String(response.headers['set-cookie'] ?? '')).not.toContain('lpt.sid');
    await agent.get('/api/session').expect(401);
  }

  it('a valid signed response creates the user with the mapped role and a session, and returns to RelayState', async () => {
    const agent = request.agent(ctx.app);
    const { requestId } = await startSignIn(agent, '/recherche?q=camping');
    const response = await post(agent, signedResponse(fields(requestId), idp), '/recherche?q=camping').expect(303);
    expect(response.headers.location).toBe('/recherche?q=camping');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain('lpt.sid=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const session = await agent.get('/api/session').expect(200);
    expect(session.body.user).toMatchObject({ email: 'agent.0042@region.example', displayName: 'Agent 42', role: 'agent' });
    expect(session.body.csrfToken).toEqual(expect.any(String));
    const user = await ctx.db('users').where({ idp_issuer: idp.issuer, name_id: 'agent-0042' }).first();
    expect(user).toMatchObject({ role: 'agent', role_source: 'sso:LPT-AGENTS', email: 'agent.0042@region.example' });
  });

  it('refreshes the user at each sign-in: a group removed at the IdP lowers the role, keyed by NameID not e-mail', async () => {
    const editor = {
      nameId: 'editor-7',
      attributes: { email: ['e7@region.example'], displayName: ['Éditrice'], directorate: ['DTEE'], groups: ['LPT-EDITORS', 'LPT-ADMINS'] },
    };
    let agent = request.agent(ctx.app);
    let { requestId } = await startSignIn(agent);
    await post(agent, signedResponse(fields(requestId, editor), idp)).expect(303);
    expect((await agent.get('/api/session').expect(200)).body.user.role).toBe('admin');

    agent = request.agent(ctx.app);
    ({ requestId } = await startSignIn(agent));
    const lowered = { ...editor, attributes: { ...editor.attributes, email: ['new.address@region.example'], groups: ['LPT-EDITORS'] } };
    await post(agent, signedResponse(fields(requestId, lowered), idp)).expect(303);
    const session = await agent.get('/api/session').expect(200);
    expect(session.body.user).toMatchObject({ role: 'editor', email: 'new.address@region.example', directorate: { code: 'DTEE' } });
    expect(await ctx.db('users').where({ name_id: 'editor-7' }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('sessions follow the IdP: a next sign-in with a lower role lowers every other session at once; one with no role ends them all', async () => {
    const person = (groups: string[]) => ({
      nameId: 'follow-1',
      attributes: { email: ['follow@region.example'], directorate: ['DTEE'], groups },
    });
    const signInWith = async (groups: string[]) => {
      const browser = request.agent(ctx.app);
      const { requestId } = await startSignIn(browser);
      return { browser, response: await post(browser, signedResponse(fields(requestId, person(groups)), idp)) };
    };
    const office = (await signInWith(['LPT-ADMINS'])).browser;
    expect((await office.get('/api/session').expect(200)).body.user.role).toBe('admin');

    const laptop = await signInWith(['LPT-AGENTS']);
    expect(laptop.response.status).toBe(303);
    expect((await office.get('/api/session').expect(200)).body.user.role).toBe('agent');
    // The role lost applies to what the other session may do, not only to what it shows.
    const { csrfToken } = (await office.get('/api/session')).body;
    await office.post('/api/folders').set('X-CSRF-Token', csrfToken).send({ name: 'Nouveau thème', parentId: null }).expect(403);

    const phone = await signInWith(['Tous']);
    expect(phone.response.status).toBe(403);
    await office.get('/api/session').expect(401);
    await laptop.browser.get('/api/session').expect(401);
    await phone.browser.get('/api/session').expect(401);
  });

  it('a user in no mapped group gets the French 403 page "Accès non autorisé" and no session', async () => {
    const agent = request.agent(ctx.app);
    const { requestId } = await startSignIn(agent);
    const response = await post(
      agent,
      signedResponse(fields(requestId, { nameId: 'nobody', attributes: { email: ['n@region.example'], groups: ['Tous'] } }), idp),
    );
    expect(response.status).toBe(403);
    expect(response.text).toContain('Accès non autorisé');
    expect(String(response.headers['set-cookie'] ?? '')).not.toContain('lpt.sid');
    await agent.get('/api/session').expect(401);
  });

  describe('refuses with 401 and no session', () => {
    it('an unsigned response', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const f = fields(requestId);
      await expectNoSession(agent, await post(agent, responseXml(f, assertionXml(f))));
    });

    it('a response signed by another key', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      await expectNoSession(agent, await post(agent, signedResponse(fields(requestId), otherIdp)));
    });

    it('a response whose assertion only is signed', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const f = fields(requestId);
      await expectNoSession(agent, await post(agent, responseXml(f, signElement(assertionXml(f), 'Assertion', idp))));
    });

    it('a NameID changed after signing', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const xml = signedResponse(fields(requestId), idp).replace('>agent-0042<', '>admin-0001<');
      await expectNoSession(agent, await post(agent, xml));
    });

    it('an attribute changed after signing', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const xml = signedResponse(fields(requestId), idp).replace('>LPT-AGENTS<', '>LPT-ADMINS<');
      await expectNoSession(agent, await post(agent, xml));
    });

    it('signature wrapping: a second, forged assertion beside the signed one', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const signed = signedResponse(fields(requestId), idp);
      const forged = assertionXml(
        fields(requestId, { nameId: 'admin-0001', attributes: { email: ['a@region.example'], groups: ['LPT-ADMINS'] } }),
      );
      await expectNoSession(agent, await post(agent, signed.replace('<saml:Assertion', `${forged}<saml:Assertion`)));
    });

    it('signature wrapping: the signed assertion hidden in the Advice of a forged one', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const f = fields(requestId);
      const signedAssertion = signElement(assertionXml(f), 'Assertion', idp);
      const forged = assertionXml(fields(requestId, { nameId: 'admin-0001', attributes: { groups: ['LPT-ADMINS'] } })).replace(
        '<saml:AttributeStatement>',
        `<saml:Advice>${signedAssertion}</saml:Advice><saml:AttributeStatement>`,
      );
      await expectNoSession(agent, await post(agent, signElement(responseXml(f, forged), 'Response', otherIdp)));
      const { requestId: second } = await startSignIn(agent);
      const wrapped = signedResponse(fields(second), idp).replace(/<saml:Assertion [\s\S]*<\/saml:Assertion>/, (original) =>
        assertionXml(fields(second, { nameId: 'admin-0001' })).replace(
          '<saml:AttributeStatement>',
          `<saml:Advice>${original}</saml:Advice><saml:AttributeStatement>`,
        ),
      );
      await expectNoSession(agent, await post(agent, wrapped));
    });

    it('a wrong audience', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      await expectNoSession(agent, await post(agent, signedResponse(fields(requestId, { audience: 'https://other-sp.example' }), idp)));
    });

    it('an expired assertion (NotOnOrAfter past, beyond the clock skew)', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const past = new Date(Date.now() - 10 * 60000);
      await expectNoSession(
        agent,
        await post(agent, signedResponse(fields(requestId, { issueInstant: past, notOnOrAfter: new Date(Date.now() - 2 * 60000) }), idp)),
      );
    });

    it('an assertion older than the maximum age, though not yet expired', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const old = new Date(Date.now() - 20 * 60000);
      await expectNoSession(
        agent,
        await post(agent, signedResponse(fields(requestId, { issueInstant: old, notOnOrAfter: new Date(Date.now() + 60 * 60000) }), idp)),
      );
    });

    it('a replayed response', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const xml = signedResponse(fields(requestId), idp);
      await post(agent, xml).expect(303);
      const thief = request.agent(ctx.app);
      await expectNoSession(thief, await post(thief, xml));
    });

    it('an unsolicited (IdP-initiated) response', async () => {
      const agent = request.agent(ctx.app);
      await expectNoSession(agent, await post(agent, signedResponse(fields(undefined), idp)));
    });

    it('a response to a request this app never sent', async () => {
      const agent = request.agent(ctx.app);
      await expectNoSession(agent, await post(agent, signedResponse(fields('_never-sent-by-us'), idp)));
    });

    it('a wrong Destination', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      await expectNoSession(
        agent,
        await post(agent, signedResponse(fields(requestId, { destination: 'https://other-sp.example/acs', recipient: acs }), idp)),
      );
    });

    it('a wrong Recipient', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      await expectNoSession(
        agent,
        await post(agent, signedResponse(fields(requestId, { recipient: 'https://other-sp.example/acs' }), idp)),
      );
    });

    it('an assertion from another issuer, though signed with the trusted key', async () => {
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      await expectNoSession(
        agent,
        await post(agent, signedResponse(fields(requestId, { assertionIssuer: 'https://evil-idp.example' }), idp)),
      );
    });

    it('a response whose top-level status is not Success, though its assertion is validly signed', async () => {
      for (const status of ['urn:oasis:names:tc:SAML:2.0:status:Responder', 'urn:oasis:names:tc:SAML:2.0:status:Requester']) {
        const agent = request.agent(ctx.app);
        const { requestId } = await startSignIn(agent);
        await expectNoSession(agent, await post(agent, signedResponse(fields(requestId, { nameId: 'status-user', status }), idp)));
      }
      expect(await ctx.db('users').where({ name_id: 'status-user' }).first()).toBeUndefined();
    });

    it('a valid response posted from another browser than the one that started the sign-in (login CSRF)', async () => {
      const attacker = request.agent(ctx.app);
      const { requestId } = await startSignIn(attacker);
      const xml = signedResponse(fields(requestId, { nameId: 'attacker-1' }), idp);
      // The victim's browser never started a sign-in, or started its own.
      const victim = request.agent(ctx.app);
      await expectNoSession(victim, await post(victim, xml));
      await startSignIn(victim);
      await expectNoSession(victim, await post(victim, xml));
      expect(await ctx.db('users').where({ name_id: 'attacker-1' }).first()).toBeUndefined();
      // From the browser that started it, the same response signs in.
      await post(attacker, xml).expect(303);
      expect((await attacker.get('/api/session').expect(200)).body.user.email).toBe('agent.0042@region.example');
    });

    it('no SAMLResponse at all', async () => {
      const agent = request.agent(ctx.app);
      await expectNoSession(agent, await agent.post('/auth/saml/callback').type('form').send({ RelayState: '/' }));
    });
  });

  it('binds the sign-in to the browser with a short-lived HttpOnly cookie scoped to the sign-in paths, forgotten once used', async () => {
    const agent = request.agent(ctx.app);
    const response = await agent.get('/auth/saml').expect(302);
    const requestId = authnRequestIdFrom(response.headers.location as string);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain(`lpt.saml_request=${requestId};`);
    expect(cookie).toContain('Path=/auth/saml;');
    expect(cookie).toContain('Max-Age=600');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    // Two tabs: both sign-ins stay valid.
    const { requestId: second } = await startSignIn(agent);
    const signedIn = await post(agent, signedResponse(fields(requestId), idp)).expect(303);
    expect(String(signedIn.headers['set-cookie'])).toContain(`lpt.saml_request=${second};`);
    await post(agent, signedResponse(fields(second), idp)).expect(303);
  });

  it.each([
    ['https://evil.example/phish', '/'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/documents/42#page=3', '/documents/42#page=3'],
  ])('RelayState %s brings the user back to %s (no open redirect)', async (relayState, expected) => {
    const agent = request.agent(ctx.app);
    const { requestId } = await startSignIn(agent, relayState);
    const response = await post(agent, signedResponse(fields(requestId), idp), relayState).expect(303);
    expect(response.headers.location).toBe(expected);
  });

  it('serves the SP metadata', async () => {
    const response = await request(ctx.app).get('/auth/saml/metadata').expect(200);
    expect(response.headers['content-type']).toMatch(/application\/samlmetadata\+xml/);
    expect(response.text).toContain(`entityID="${spEntityId}"`);
    expect(response.text).toContain(`Location="${acs}"`);
  });

  it('sign-out ends the session and sends the user to the IdP single logout', async () => {
    const agent = request.agent(ctx.app);
    const { requestId } = await startSignIn(agent);
    await post(agent, signedResponse(fields(requestId), idp)).expect(303);
    const { csrfToken } = (await agent.get('/api/session').expect(200)).body;
    const response = await agent.post('/auth/logout').set('X-CSRF-Token', csrfToken).expect(200);
    expect(response.body.redirect).toMatch(new RegExp(`^${idp.issuer}/slo\\?SAMLRequest=`));
    await agent.get('/api/session').expect(401);
    expect(await ctx.db('audit_events').where({ action: 'user.sign_out' }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  describe('single logout started by the IdP', () => {
    /** Two browsers signed in as the same person. */
    async function twoSessions(nameId: string) {
      const browsers = [request.agent(ctx.app), request.agent(ctx.app)];
      for (const browser of browsers) {
        const { requestId } = await startSignIn(browser);
        await post(browser, signedResponse(fields(requestId, { nameId }), idp)).expect(303);
        await browser.get('/api/session').expect(200);
      }
      return browsers;
    }

    const logoutRequest = (nameId: string, overrides: Partial<LogoutRequestFields> = {}) =>
      logoutRequestXml({ destination: logoutCallback, issuer: idp.issuer, nameId, ...overrides });

    async function expectRefused(response: request.Response, browsers: ReturnType<typeof request.agent>[]) {
      expect(response.status).toBe(400);
      expect(response.text).toContain('Déconnexion refusée');
      for (const browser of browsers) await browser.get('/api/session').expect(200);
    }

    const postLogout = (xml: string) =>
      request(ctx.app)
        .post('/auth/saml/logout/callback')
        .type('form')
        .send({ SAMLRequest: encodeResponse(xml) });

    it('an unsigned LogoutRequest naming a user ends none of their sessions (redirect and POST bindings)', async () => {
      const browsers = await twoSessions('slo-unsigned');
      await expectRefused(
        await request(ctx.app).get(`/auth/saml/logout/callback?${redirectQuery(logoutRequest('slo-unsigned'))}`),
        browsers,
      );
      await expectRefused(await postLogout(logoutRequest('slo-unsigned')), browsers);
    });

    it('a LogoutRequest signed by another key, or whose signed query was altered, ends nothing', async () => {
      const browsers = await twoSessions('slo-forged');
      await expectRefused(
        await request(ctx.app).get(`/auth/saml/logout/callback?${redirectQuery(logoutRequest('slo-forged'), { key: otherIdp })}`),
        browsers,
      );
      await expectRefused(await postLogout(signElement(logoutRequest('slo-forged'), 'LogoutRequest', otherIdp)), browsers);
      const signedForAnother = redirectQuery(logoutRequest('someone-else'), { key: idp });
      const swapped = `${redirectQuery(logoutRequest('slo-forged')).split('&')[0]}&${signedForAnother.split('&').slice(1).join('&')}`;
      await expectRefused(await request(ctx.app).get(`/auth/saml/logout/callback?${swapped}`), browsers);
      const withRelayState = `${redirectQuery(logoutRequest('slo-forged'), { key: idp })}&RelayState=%2F`;
      await expectRefused(await request(ctx.app).get(`/auth/saml/logout/callback?${withRelayState}`), browsers);
    });

    it('a signed LogoutRequest meant for another SP (Destination) or from another issuer ends nothing', async () => {
      const browsers = await twoSessions('slo-elsewhere');
      for (const overrides of [{ destination: 'https://other-sp.example/slo' }, { issuer: 'https://evil-idp.example' }]) {
        const xml = logoutRequest('slo-elsewhere', overrides);
        await expectRefused(await request(ctx.app).get(`/auth/saml/logout/callback?${redirectQuery(xml, { key: idp })}`), browsers);
        await expectRefused(await postLogout(signElement(xml, 'LogoutRequest', idp)), browsers);
      }
      const withoutDestination = logoutRequest('slo-elsewhere').replace(/ Destination="[^"]*"/, '');
      await expectRefused(
        await request(ctx.app).get(`/auth/saml/logout/callback?${redirectQuery(withoutDestination, { key: idp })}`),
        browsers,
      );
    });

    it('a sign-in response, or nothing, at the logout callback is not a logout', async () => {
      const browsers = await twoSessions('slo-nothing');
      await expectRefused(await request(ctx.app).get('/auth/saml/logout/callback'), browsers);
      const agent = request.agent(ctx.app);
      const { requestId } = await startSignIn(agent);
      const response = await agent
        .post('/auth/saml/logout/callback')
        .type('form')
        .send({ SAMLResponse: encodeResponse(signedResponse(fields(requestId, { nameId: 'slo-nothing' }), idp)) });
      await expectRefused(response, browsers);
    });

    it('a LogoutRequest signed by the IdP (redirect binding) ends every session of that person and answers the IdP', async () => {
      const browsers = await twoSessions('slo-redirect');
      const bystander = (await twoSessions('slo-bystander'))[0] as ReturnType<typeof request.agent>;
      const response = await request(ctx.app)
        .get(`/auth/saml/logout/callback?${redirectQuery(logoutRequest('slo-redirect'), { key: idp, relayState: '/' })}`)
        .expect(302);
      expect(response.headers.location).toMatch(new RegExp(`^${idp.issuer}/slo\\?SAMLResponse=`));
      for (const browser of browsers) await browser.get('/api/session').expect(401);
      await bystander.get('/api/session').expect(200);
    });

    it('a LogoutRequest signed by the IdP (POST binding) ends every session of that person', async () => {
      const browsers = await twoSessions('slo-post');
      await postLogout(signElement(logoutRequest('slo-post'), 'LogoutRequest', idp)).expect(302);
      for (const browser of browsers) await browser.get('/api/session').expect(401);
    });
  });

  it("the IdP's LogoutResponse to a sign-out this app started brings the browser home", async () => {
    const agent = request.agent(ctx.app);
    const { requestId } = await startSignIn(agent);
    await post(agent, signedResponse(fields(requestId), idp)).expect(303);
    const { csrfToken } = (await agent.get('/api/session').expect(200)).body;
    const { redirect } = (await agent.post('/auth/logout').set('X-CSRF-Token', csrfToken).expect(200)).body as { redirect: string };
    const answer = logoutResponseXml({ destination: logoutCallback, issuer: idp.issuer, inResponseTo: logoutRequestIdFrom(redirect) });
    const back = await agent.get(`/auth/saml/logout/callback?${redirectQuery(answer, { parameter: 'SAMLResponse' })}`).expect(303);
    expect(back.headers.location).toBe('/');
    await agent.get('/api/session').expect(401);
    // From another IdP, it is not a logout message of ours.
    const forged = logoutResponseXml({
      destination: logoutCallback,
      issuer: 'https://evil-idp.example',
      inResponseTo: logoutRequestIdFrom(redirect),
    });
    const refused = await agent.get(`/auth/saml/logout/callback?${redirectQuery(forged, { parameter: 'SAMLResponse' })}`).expect(400);
    expect(refused.text).toContain('Déconnexion refusée');
  });

  it('has no dev sign-in routes when SAML is configured', async () => {
    await request(ctx.app).get('/api/dev/users').expect(404);
    await request(ctx.app).post('/auth/dev-login').send({ email: 'admin@region.example' }).expect(404);
    expect((await request(ctx.app).get('/api/auth/method').expect(200)).body).toEqual({ method: 'saml', signInUrl: '/auth/saml' });
  });
});
