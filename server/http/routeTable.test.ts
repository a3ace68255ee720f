import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestContext, type TestContext } from '../../tests/context';
import { makeTestIdp } from '../../tests/saml/idp';
import { publicRoute, signedIn } from './access';
import { listRoutes } from './routeTable';

describe('every route states who may call it', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('in the embedded default (dev sign-in)', () => {
    const routes = listRoutes(ctx.app);
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => route.access === undefined)).toEqual([]);
  });

  it('with SAML sign-in', async () => {
    const idp = await makeTestIdp();
    const env = { PUBLIC_URL: 'http://app.test', SAML_ENTRY_POINT: idp.entryPoint, SAML_IDP_ISSUER: idp.issuer, SAML_IDP_CERT: idp.cert, SAML_ROLE_GROUPS: 'agent:A' };
    const saml = await createTestContext({ env });
    try {
      const routes = listRoutes(saml.app);
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /auth/saml', 'POST /auth/saml/callback', 'GET /auth/saml/metadata']));
      expect(routes.filter((route) => route.access === undefined)).toEqual([]);
    } finally {
      await saml.close();
    }
  });

  it('finds a route registered without a policy, nested routers included', () => {
    const app = createApp({ ...ctx, databaseUrl: ctx.databaseUrl });
    const nested = express.Router();
    nested.get('/api/forgotten', (_req, res) => void res.json({}));
    nested.post('/api/stated', signedIn, (_req, res) => void res.json({}));
    nested.get('/api/open', publicRoute('test'), (_req, res) => void res.json({}));
    app.use(nested);
    const unstated = listRoutes(app).filter((route) => route.access === undefined);
    expect(unstated).toEqual([{ method: 'GET', path: '/api/forgotten', access: undefined }]);
  });
});
