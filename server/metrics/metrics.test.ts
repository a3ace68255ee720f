import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/context';
import { enqueueJob } from '../jobs/queue';

describe('GET /metrics', () => {
  let ctx: TestContext;
  const token = 'metrics-token-0123456789';
  beforeAll(async () => {
    ctx = await createTestContext({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => ctx.close());

  it('needs the token (401)', async () => {
    await request(ctx.app).get('/metrics').expect(401);
    await request(ctx.app).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789').expect(401);
  });

  it('gives HTTP latency per route pattern (no ids), queue depth and Node figures', async () => {
    await request(ctx.app).get('/api/documents/00000000-0000-4000-8000-000000000000').expect(401);
    await request(ctx.app).get('/healthz').expect(200);
    await enqueueJob(ctx.db, 'storage.cleanup', {});
    const response = await request(ctx.app).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/lpt_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(response.text).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(response.text).toMatch(/lpt_job_queue_depth\{status="queued"\} [1-9]/);
    expect(response.text).toContain('lpt_search_duration_seconds');
    expect(response.text).toContain('lpt_extraction_duration_seconds');
    expect(response.text).toContain('lpt_share_link_opens_total');
    expect(response.text).toContain('lpt_process_resident_memory_bytes');
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('does not exist (404)', async () => {
    const ctx = await createTestContext();
    try {
      await request(ctx.app).get('/metrics').set('Authorization', 'Bearer metrics-token-0123456789').expect(404);
    } finally {
      await ctx.close();
    }
  });
});
