import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from './errorMiddleware';
import { createTestContext, type TestContext } from '../../tests/context';
import { pagePaths } from '../../web/src/routes';

describe('HTTP conventions', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('answers an unknown API route with a JSON 404 in French', async () => {
    const response = await request(ctx.app).get('/api/nothing-here').expect(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: "Cette adresse de l'API n'existe pas." } });
  });

  it('refuses a malformed JSON body with 400 validation_error', async () => {
    const response = await request(ctx.app).post('/api/anything').set('Content-Type', 'application/json').send('{"oops":').expect(400);
    expect(response.body.error).toEqual({ code: 'validation_error', message: "Le corps de la demande n'est pas un JSON valide." });
  });

  it('refuses a JSON body over 100 kB with 413 payload_too_large', async () => {
    const response = await request(ctx.app)
      .post('/api/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(200_000) }))
      .expect(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('turns an unexpected error into 500 internal_error without its message or stack', async () => {
    const error = await classifyError(new TypeError('secret detail at /srv/app/server/x.ts:12'), ctx.db);
    expect(error.code).toBe('internal_error');
    expect(error.status).toBe(500);
    expect(error.message).not.toContain('secret');
  });

  it('sets the security headers of helmet', async () => {
    const response = await request(ctx.app).get('/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('logs each request as one structured line with its request id', async () => {
    await request(ctx.app).get('/api/nothing-here').set('X-Request-Id', 'log-check-1');
    const line = ctx.logs.find((l) => (l.req as { id?: string } | undefined)?.id === 'log-check-1' && l.msg === 'request completed');
    expect(line).toMatchObject({ level: 30, res: { statusCode: 404 } });
  });
});

describe('the web app', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('serves index.html for a page of the app, never cached', async () => {
    const response = await request(ctx.app).get('/').set('Accept', 'text/html').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('<html lang="fr">');
  });

  it('serves fingerprinted assets with a long cache', async () => {
    const html = (await request(ctx.app).get('/').set('Accept', 'text/html')).text;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const response = await request(ctx.app)
      .get(asset as string)
      .expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers an unknown page with the app (its 404 page) and a 404 status', async () => {
    const response = await request(ctx.app).get('/pas/une/page').set('Accept', 'text/html').expect(404);
    expect(response.text).toContain('<div id="root">');
  });

  it('answers every page of the router with the app and a 200 status, its ids filled in', async () => {
    for (const pagePath of Object.values(pagePaths)) {
      const address = pagePath.replaceAll(':id', '00000000-0000-4000-8000-000000000000');
      const response = await request(ctx.app).get(address).set('Accept', 'text/html');
      expect({ address, status: response.status }).toEqual({ address, status: 200 });
    }
  });

  it('answers a missing asset with 404, not the app', async () => {
    await request(ctx.app).get('/assets/missing-abc.js').expect(404);
  });
});
