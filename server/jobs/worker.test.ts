import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInAs } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { ServiceUnavailableError } from '../errors';
import { claimJobs, enqueueJob, postponeJob, retryDelaySeconds, scheduleRecurring } from './queue';
import type { JobHandlers, JobRow } from './types';
import { jobsChannel } from './wakeUp';
import { startWorker } from './worker';

describe('job queue and worker', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    await ctx.db('jobs').delete();
  });

  /** Runs a worker until `done()` says so (bounded), then stops it. */
  async function runWorker(
    handlers: JobHandlers,
    done: () => Promise<boolean>,
    options: { leaseSeconds?: number; outageRetryMaxSeconds?: number } = {},
  ) {
    const worker = startWorker({ db: ctx.db, logger: ctx.logger, handlers, idleMs: 20, ...options });
    const deadline = Date.now() + 15000;
    while (!(await done()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();
  }

  it('enqueues with the write it follows: a rolled-back transaction leaves no job', async () => {
    await ctx.db
      .transaction(async (trx) => {
        await enqueueJob(trx, 'index.document', { documentId: 'a' });
        throw new Error('the write failed');
      })
      .catch(() => undefined);
    expect(await ctx.db('jobs').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('runs a committed job once and marks it done', async () => {
    const seen: unknown[] = [];
    await ctx.db.transaction((trx) => enqueueJob(trx, 'index.document', { documentId: 'b' }));
    await runWorker({ 'index.document': async (payload) => void seen.push(payload) }, async () => seen.length > 0);
    expect(seen).toEqual([{ documentId: 'b' }]);
    const job = await ctx.db('jobs').first();
    expect(job).toMatchObject({ status: 'done', attempts: 1, last_error: null });
  });

  it('retries a failing job later, then marks it dead with its error after the last attempt', async () => {
    const { id } = await enqueueJob(ctx.db, 'flaky', {}, { maxAttempts: 2 });
    let calls = 0;
    const handlers = {
      flaky: async () => {
        calls += 1;
        throw new Error(`Meilisearch refused (attempt ${calls})`);
      },
    };
    await runWorker(handlers, async () => calls >= 1);
    const retried = await ctx.db('jobs').where({ id }).first();
    expect(retried).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Meilisearch refused (attempt 1)' });
    expect(new Date(retried.run_at).getTime()).toBeGreaterThan(Date.now());

    await ctx.db('jobs').where({ id }).update({ run_at: ctx.db.fn.now() });
    await runWorker(handlers, async () => calls >= 2);
    expect(await ctx.db('jobs').where({ id }).first()).toMatchObject({
      status: 'dead',
      attempts: 2,
      last_error: 'Meilisearch refused (attempt 2)',
    });
  });

  it('a job that finds a service unavailable waits for it without spending its attempts, and never dies of it', async () => {
    const { id } = await enqueueJob(ctx.db, 'index.document', {}, { maxAttempts: 2 });
    let calls = 0;
    const handlers = {
      'index.document': async () => {
        calls += 1;
        if (calls <= 3) throw new ServiceUnavailableError('search');
      },
    };
    await runWorker(handlers, async () => ['done', 'dead'].includes((await ctx.db('jobs').where({ id }).first()).status), {
      outageRetryMaxSeconds: 1,
    });
    expect(calls).toBe(4);
    expect(await ctx.db('jobs').where({ id }).first()).toMatchObject({ status: 'done', attempts: 1, outage_waits: 0, last_error: null });
    expect(ctx.logs).toContainEqual(expect.objectContaining({ level: 40, msg: 'search unavailable: job waits for it', service: 'search' }));
  });

  it('a job put off by an outage backs off up to the configured wait, its attempts untouched', async () => {
    const { id } = await enqueueJob(ctx.db, 'index.document', {}, { maxAttempts: 1 });
    const [job] = await claimJobs(ctx.db, 'w1');
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const runAt = await postponeJob(ctx.db, 'w1', job as JobRow, 'Meilisearch ne répond pas', 5);
      const row = await ctx
        .db('jobs')
        .where({ id })
        .first(ctx.db.raw('extract(epoch from run_at - now())::float as wait'), 'status', 'attempts');
      waits.push(Math.round(row.wait));
      expect(row).toMatchObject({ status: 'queued', attempts: 0 });
      expect(runAt).toBeInstanceOf(Date);
      await ctx.db('jobs').where({ id }).update({ status: 'running', locked_by: 'w1' });
    }
    expect(waits).toEqual([1, 2, 4, 5]);
  });

  it('releases the jobs of a vanished worker once its lease expires, within seconds', async () => {
    await enqueueJob(ctx.db, 'index.document', { documentId: 'orphan' });
    // A worker that claims the job and dies at once (kill -9): nobody renews its lease.
    expect(await claimJobs(ctx.db, 'killed-worker')).toHaveLength(1);
    const seen: string[] = [];
    await runWorker({ 'index.document': async (payload) => void seen.push(String(payload.documentId)) }, async () => seen.length > 0, {
      leaseSeconds: 1,
    });
    expect(seen).toEqual(['orphan']);
    expect(await ctx.db('jobs').first()).toMatchObject({ status: 'done', attempts: 2 });
    expect(ctx.logs).toContainEqual(expect.objectContaining({ msg: 'requeued jobs of a vanished worker', requeued: 1 }));
  });

  it("keeps the lease of a live worker's long job: no other worker takes it back", async () => {
    const { id } = await enqueueJob(ctx.db, 'slow', {});
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const slow = startWorker({
      db: ctx.db,
      logger: ctx.logger,
      handlers: { slow: async () => void ((calls += 1), await gate) },
      idleMs: 20,
      leaseSeconds: 1,
    });
    let other: ReturnType<typeof startWorker> | undefined;
    try {
      await vi.waitFor(async () => expect((await ctx.db('jobs').where({ id }).first()).status).toBe('running'), { timeout: 10000 });
      // Another worker, started once the job is held, that would take back a job whose lease expired.
      other = startWorker({
        db: ctx.db,
        logger: ctx.logger,
        handlers: { slow: async () => void (calls += 1) },
        idleMs: 20,
        leaseSeconds: 1,
      });
      const claimed = await ctx.db('jobs').where({ id }).first('locked_by', 'locked_at');
      // Nine renewals (three leases): past the lease, and past the other worker's first lease of contact.
      let renewals = 0;
      for (let last = new Date(claimed.locked_at).getTime(); renewals < 9;) {
        await vi.waitFor(
          async () => expect(new Date((await ctx.db('jobs').where({ id }).first('locked_at')).locked_at).getTime()).toBeGreaterThan(last),
          { timeout: 10000, interval: 50 },
        );
        last = new Date((await ctx.db('jobs').where({ id }).first('locked_at')).locked_at).getTime();
        renewals += 1;
      }
      expect(await ctx.db('jobs').where({ id }).first()).toMatchObject({ status: 'running', locked_by: claimed.locked_by, attempts: 1 });
      release();
      await vi.waitFor(async () => expect((await ctx.db('jobs').where({ id }).first()).status).toBe('done'), { timeout: 10000 });
      expect(calls).toBe(1);
    } finally {
      release();
      await Promise.all([slow.stop(), other?.stop()]);
    }
  });

  it('marks a job of an unknown type dead, naming the type', async () => {
    const { id } = await enqueueJob(ctx.db, 'no.such.type', {}, { maxAttempts: 1 });
    await runWorker({}, async () => (await ctx.db('jobs').where({ id }).first()).status === 'dead');
    expect((await ctx.db('jobs').where({ id }).first()).last_error).toBe('No handler for jobs of type no.such.type');
  });

  it('never gives the same job to two workers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => enqueueJob(ctx.db, 'count', { i })));
    const claims = await Promise.all(Array.from({ length: 40 }, (_, i) => claimJobs(ctx.db, `worker-${i % 4}`)));
    const ids = claims.flat().map((job) => job.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('never runs two jobs of the same key at once, even across workers', async () => {
    for (let i = 0; i < 12; i += 1) await enqueueJob(ctx.db, 'sync', { i }, { key: `document:${i % 4}` });
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claimJobs(ctx.db, `worker-${i % 3}`)));
    const keys = (await ctx.db('jobs').where({ status: 'running' }).select('key')).map((row) => row.key);
    expect(claims.flat()).toHaveLength(4);
    expect(keys.sort()).toEqual(['document:0', 'document:1', 'document:2', 'document:3']);
    await ctx.db('jobs').where({ status: 'running', key: 'document:0' }).update({ status: 'done' });
    expect((await claimJobs(ctx.db, 'worker-0')).map((job) => job.payload)).toEqual([{ i: 4 }]);
  });

  it('gives a batch handler the due jobs of its type together, up to its batch size; one failure retries alone', async () => {
    for (let i = 0; i < 5; i += 1) await enqueueJob(ctx.db, 'sync', { i });
    await enqueueJob(ctx.db, 'other', {});
    const batches: number[][] = [];
    const handlers: JobHandlers = {
      sync: {
        batchSize: 3,
        runBatch: async (jobs) => {
          batches.push(jobs.map((job) => job.payload.i as number));
          return new Map(jobs.filter((job) => job.payload.i === 1).map((job) => [job.id, new Error('unreadable file')]));
        },
      },
      other: async () => undefined,
    };
    await runWorker(
      handlers,
      async () => (await ctx.db('jobs').whereIn('status', ['running', 'queued']).where('run_at', '<=', ctx.db.fn.now())).length === 0,
    );
    expect(batches).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    const rows = await ctx.db('jobs').orderBy('id').select('type', 'status', 'last_error');
    expect(rows.map((row) => row.status)).toEqual(['done', 'queued', 'done', 'done', 'done', 'done']);
    expect(rows[1]).toMatchObject({ last_error: 'unreadable file' });
  });

  it('shows dead jobs with their error to admins, who can retry them; others get 403', async () => {
    const { id } = await enqueueJob(ctx.db, 'no.such.type', {}, { maxAttempts: 1 });
    await runWorker({}, async () => (await ctx.db('jobs').where({ id }).first()).status === 'dead');
    const admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    const editor = await signInAs(ctx.app, ctx.db, { role: 'editor' });
    const listed = await admin.agent.get('/api/jobs').query({ status: 'dead' }).expect(200);
    expect(listed.body.jobs).toContainEqual(
      expect.objectContaining({ id, type: 'no.such.type', lastError: 'No handler for jobs of type no.such.type', attempts: 1 }),
    );
    await editor.agent.get('/api/jobs').expect(403);
    await editor.agent.post(`/api/jobs/${id}/retry`).set('X-CSRF-Token', editor.csrfToken).expect(403);
    await admin.agent.post(`/api/jobs/${id}/retry`).set('X-CSRF-Token', admin.csrfToken).expect(200);
    expect(await ctx.db('jobs').where({ id }).first()).toMatchObject({ status: 'queued', attempts: 0 });
    await admin.agent.post(`/api/jobs/${id}/retry`).set('X-CSRF-Token', admin.csrfToken).expect(409);
    await admin.agent.post('/api/jobs/999999/retry').set('X-CSRF-Token', admin.csrfToken).expect(404);
  });

  it('wakes at once when a job is enqueued, not at its next poll, and listens again after losing its connection', async () => {
    const seen: string[] = [];
    // A poll of a minute: only the notification can bring the job in time.
    const worker = startWorker({
      db: ctx.db,
      logger: ctx.logger,
      handlers: { 'index.document': async (payload) => void seen.push(String(payload.documentId)) },
      idleMs: 60000,
    });
    const listeners = async () =>
      (
        (await ctx.db.raw(`select pid from pg_stat_activity where datname = current_database() and query = 'listen ${jobsChannel}'`))
          .rows as { pid: number }[]
      ).map((row) => row.pid);
    try {
      await vi.waitFor(async () => expect(await listeners()).toHaveLength(1), { timeout: 10000 });
      await ctx.db.transaction((trx) => enqueueJob(trx, 'index.document', { documentId: 'woken' }));
      await vi.waitFor(() => expect(seen).toEqual(['woken']), { timeout: 10000 });

      const [lost = 0] = await listeners();
      await ctx.db.raw('select pg_terminate_backend(?)', [lost]);
      await vi.waitFor(
        async () => {
          const now = await listeners();
          expect(now).toHaveLength(1);
          expect(now[0]).not.toBe(lost);
        },
        { timeout: 10000 },
      );
      await enqueueJob(ctx.db, 'index.document', { documentId: 'woken again' });
      await vi.waitFor(() => expect(seen).toEqual(['woken', 'woken again']), { timeout: 10000 });
    } finally {
      await worker.stop();
    }
    expect(await listeners()).toEqual([]);
  });

  it("keeps a recurring job scheduled once; at an hour of the Region's day when it has one", async () => {
    expect(await scheduleRecurring(ctx.db, { type: 'sweep', everySeconds: 60 })).toBe(true);
    expect(await scheduleRecurring(ctx.db, { type: 'sweep', everySeconds: 60 })).toBe(false);
    const sweep = await ctx.db('jobs').where({ type: 'sweep' }).first('run_at');
    expect(Math.abs(new Date(sweep.run_at).getTime() - Date.now())).toBeLessThan(60000);
    // Done a moment ago: not again before everySeconds.
    await ctx.db('jobs').where({ type: 'sweep' }).update({ status: 'done', finished_at: ctx.db.fn.now() });
    expect(await scheduleRecurring(ctx.db, { type: 'sweep', everySeconds: 60 })).toBe(false);

    expect(await scheduleRecurring(ctx.db, { type: 'nightly', everySeconds: 60, atHour: 3 })).toBe(true);
    const nightly = new Date((await ctx.db('jobs').where({ type: 'nightly' }).first('run_at')).run_at);
    const paris = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(nightly);
    expect(paris).toBe('03:00:00');
    expect(nightly.getTime()).toBeGreaterThan(Date.now());
    expect(nightly.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3600 * 1000);
    // Not due yet, so a worker leaves it waiting.
    expect(await claimJobs(ctx.db, 'w1')).toEqual([]);
  });

  it('backs off exponentially up to ten minutes', () => {
    expect([1, 2, 3, 10, 20].map(retryDelaySeconds)).toEqual([2, 4, 8, 600, 600]);
  });
});
