import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app';
import { createStorage } from '../../storage';
import { s3StorageConfig } from '../../tests/setup/s3';
import { createTestContext, type TestContext } from '../../tests/context';

describe('GET /healthz and /readyz', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('/healthz answers while the process lives', async () => {
    const response = await request(ctx.app).get('/healthz').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('/readyz reports PostgreSQL, Meilisearch and storage up', async () => {
    const response = await request(ctx.app).get('/readyz').expect(200);
    expect(response.body).toEqual({
      status: 'ready',
      checks: { database: { status: 'up' }, search: { status: 'up' }, storage: { status: 'up' } },
    });
  });

  it('/readyz checks S3 storage too, and says 503 naming storage when its bucket is missing', async () => {
    const { s3 } = inject('services');
    const ready = createApp({ ...ctx, storage: createStorage(s3StorageConfig(s3.endpoint, s3.bucket)) });
    await request(ready).get('/readyz').expect(200);
    const missing = createApp({ ...ctx, storage: createStorage(s3StorageConfig(s3.endpoint, 'no-such-bucket')) });
    const response = await request(missing).get('/readyz').expect(503);
    expect(response.body.status).toBe('unavailable');
    expect(response.body.checks.storage.status).toBe('down');
    expect(response.body.checks.database.status).toBe('up');
  });

  it('sends a request id back, keeping a sane incoming one', async () => {
    const kept = await request(ctx.app).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(ctx.app)
      .get('/healthz')
      .set('X-Request-Id', `${'x'.repeat(65)} <script>`);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
