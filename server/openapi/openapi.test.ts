import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/context';
import { listRoutes } from '../http/routeTable';

describe('GET /api/openapi.json', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('describes every registered /api route, and only those', async () => {
    const document = (await request(ctx.app).get('/api/openapi.json').expect(200)).body;
    expect(document.openapi).toBe('3.1.0');
    const described = new Set(
      Object.entries(document.paths as Record<string, object>).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const registered = new Set(
      listRoutes(ctx.app)
        .filter((r) => r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect([...registered].filter((route) => !described.has(route))).toEqual([]);
    expect([...described].filter((route) => !registered.has(route))).toEqual([]);
  });

  it('takes its request schemas from the validation schemas', async () => {
    const { paths } = (await request(ctx.app).get('/api/openapi.json').expect(200)).body;
    expect(paths['/api/documents/{id}'].patch.requestBody.content['application/json'].schema.properties.scope.enum).toEqual([
      'internal',
      'external',
    ]);
    expect(paths['/api/documents'].post.requestBody.content['multipart/form-data'].schema.properties).toHaveProperty('file');
    expect(paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'audience', 'page', 'includeClosed']),
    );
  });
});
