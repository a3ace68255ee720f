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
    const env = {
      PUBLIC_URL: 'http://app.test',
      SAML_ENTRY_POINT: idp.entryPoint,
      SAML_IDP_ISSUER: idp.issuer,
      SAML_IDP_CERT: idp.cert,
      SAML_ROLE_GROUPS: 'agent:A',
    };
    const saml = await createTestContext({ env });
    try {
      const routes = listRoutes(saml.app);
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining(['GET /auth/saml', 'POST /auth/saml/callback', 'GET /auth/saml/metadata']),
      );
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
    expect(unstated).toEqual([{ method: 'GET', path: '/api/forgotten', access: undefined, validateAt: -1, handlerCount: 1 }]);
  });

  it('a route that validates its input does it after its access handler, before its own handler', () => {
    const routes = listRoutes(ctx.app);
    const validating = routes.filter((route) => route.validateAt >= 0);
    expect(validating.length).toBeGreaterThan(30);
    expect(validating.filter((route) => route.validateAt === 0 || route.validateAt === route.handlerCount - 1)).toEqual([]);
    // Every API route with an id or a body checks it first.
    const rooms = /^\/api\//;
    const checkedOtherwise = new Set([
      'POST /api/documents', // its fields come in a multipart form: the upload engine parses them
      'POST /api/news/visit', // takes nothing
    ]);
    const unchecked = routes.filter(
      (route) =>
        rooms.test(route.path) &&
        (route.path.includes(':') || ['POST', 'PATCH', 'PUT'].includes(route.method)) &&
        route.validateAt < 0 &&
        !checkedOtherwise.has(`${route.method} ${route.path}`),
    );
    expect(unchecked.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });
});
