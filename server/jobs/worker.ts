import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from '../db';
import type { Logger } from '../logger';
import { unavailableServiceOf } from '../serviceErrors';
import { listenForJobs } from './wakeUp';
import { claimJobs, completeJobs, failJob, postponeJob, releaseJobs, renewLeases, requeueStaleJobs, scheduleRecurring } from './queue';
import type { BatchSizes, JobHandlers, JobRow, RecurringJob } from './types';

export function batchSizes(handlers: JobHandlers): BatchSizes {
  return Object.fromEntries(
    Object.entries(handlers).flatMap(([type, handler]) => (typeof handler === 'function' ? [] : [[type, handler.batchSize]])),
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A service the job needs did not answer (Meilisearch, storage, PostgreSQL): not the job's fault. */
export function isOutage(error: unknown): boolean {
  return unavailableServiceOf(error) !== undefined;
}

export interface RunDeps {
  db: Db;
  logger: Logger;
  handlers: JobHandlers;
  /** The worker that claimed the jobs: only its claim lets it record their outcome. */
  workerId: string;
  /** Longest wait between two tries of a job that met an outage. */
  outageRetryMaxSeconds?: number;
}

/**
 * Runs claimed jobs (all of one type) with their handler, then marks each done; or, when a service
 * it needs was unavailable, puts it off without spending its attempt; or failed for a retry with
 * backoff, or dead after its last attempt. Returns the failures (outages included).
 */
export async function runClaimedJobs(deps: RunDeps, jobs: JobRow[]): Promise<{ job: JobRow; error: string }[]> {
  const [first] = jobs;
  if (!first) return [];
  const handler = deps.handlers[first.type];
  const startedAt = Date.now();
  let errors: Map<number, unknown>;
  try {
    if (!handler) throw new Error(`No handler for jobs of type ${first.type}`);
    if (typeof handler === 'function') {
      await handler(first.payload, first);
      errors = new Map();
    } else {
      errors = await handler.runBatch(jobs);
    }
  } catch (error) {
    errors = new Map(jobs.map((job) => [job.id, error]));
  }
  const done = jobs.filter((job) => !errors.has(job.id));
  if (done.length > 0) {
    await completeJobs(
      deps.db,
      deps.workerId,
      done.map((job) => job.id),
    );
    deps.logger.info(
      { jobIds: done.map((job) => job.id), type: first.type, ms: Date.now() - startedAt },
      done.length > 1 ? 'jobs done' : 'job done',
    );
  }
  const failures: { job: JobRow; error: string }[] = [];
  const waiting: number[] = [];
  for (const job of jobs) {
    if (!errors.has(job.id)) continue;
    const error = errors.get(job.id);
    failures.push({ job, error: messageOf(error) });
    if (isOutage(error)) {
      await postponeJob(deps.db, deps.workerId, job, messageOf(error), deps.outageRetryMaxSeconds ?? defaultOutageRetryMaxSeconds);
      waiting.push(job.id);
      continue;
    }
    const isDead = await failJob(deps.db, deps.workerId, job, messageOf(error));
    deps.logger[isDead ? 'error' : 'warn'](
      { jobId: job.id, type: job.type, attempts: job.attempts, err: error },
      isDead ? 'job dead' : 'job failed, will retry',
    );
  }
  if (waiting.length > 0) {
    const cause = errors.get(waiting[0] as number);
    const service = unavailableServiceOf(cause) ?? 'database';
    deps.logger.warn(
      { jobIds: waiting, type: first.type, service },
      `${service} unavailable: ${waiting.length > 1 ? 'jobs wait' : 'job waits'} for it`,
    );
  }
  return failures;
}

export const defaultOutageRetryMaxSeconds = 30;
export const defaultLeaseSeconds = 15;

export interface Worker {
  /** Finishes the job under way (up to `timeoutMs`), then stops taking jobs. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * The lease: renewed every third of `leaseSeconds` for the jobs held here, and expired ones of
 * other workers requeued. Only after a whole lease of unbroken contact with PostgreSQL: after a
 * stall, every live worker renews its own leases before any worker may call them vanished.
 */
function keepLeases(deps: { db: Db; logger: Logger; workerId: string; leaseSeconds: number; held: Set<number> }): { stop(): void } {
  const { db, logger, workerId, leaseSeconds, held } = deps;
  const tickMs = (leaseSeconds * 1000) / 3;
  let isTicking = false;
  let lastContact = 0;
  let contactSince = Number.POSITIVE_INFINITY;
  const tick = async () => {
    if (isTicking) return;
    isTicking = true;
    try {
      const ids = [...held];
      const kept = await renewLeases(db, workerId, ids);
      const now = Date.now();
      if (now - lastContact > 2 * tickMs) contactSince = now;
      lastContact = now;
      const lost = ids.filter((id) => !kept.includes(id) && held.has(id));
      if (lost.length > 0)
        logger.warn(
          { jobIds: lost },
          'lease of running jobs lost (another worker took them back); their outcome will not be recorded here',
        );
      if (now - contactSince >= leaseSeconds * 1000) {
        const requeued = await requeueStaleJobs(db, leaseSeconds);
        if (requeued > 0) logger.warn({ requeued, leaseSeconds }, 'requeued jobs of a vanished worker');
      }
    } catch (error) {
      lastContact = 0;
      logger.debug({ err: error }, 'could not renew job leases');
    } finally {
      isTicking = false;
    }
  };
  const leaseTimer = setInterval(() => void tick(), tickMs);
  leaseTimer.unref();
  void tick();
  return { stop: () => clearInterval(leaseTimer) };
}

/** Idle loops sleep until the poll's delay, a job's notification or the stop, whichever comes first. */
function sleepers() {
  const sleeping = new Set<() => void>();
  let wakeUps = 0;
  return {
    /** How many times the loops were woken: a wake-up during a claim shows as a change. */
    wakeUps: () => wakeUps,
    wakeAll() {
      wakeUps += 1;
      for (const wake of [...sleeping]) wake();
    },
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleeping.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        sleeping.add(wake);
      }),
  };
}

/**
 * The job loop: takes due jobs one at a time (a batch of one type for batch handlers), retries
 * failures with backoff, and marks a job dead (visible to admins with its error) after its last
 * attempt; a job that met an outage waits for the service instead. Several workers may run at once.
 * Each worker renews the lease of the jobs it runs every third of `leaseSeconds`, and sends back
 * to the queue the jobs of workers whose lease expired (killed, host lost).
 */
export function startWorker(deps: {
  db: Db;
  logger: Logger;
  handlers: JobHandlers;
  recurring?: RecurringJob[];
  idleMs?: number;
  concurrency?: number;
  leaseSeconds?: number;
  outageRetryMaxSeconds?: number;
}): Worker {
  // Unique per worker, even for several workers in one process.
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  // Enqueued jobs wake the worker (listenForJobs): the poll only catches retries coming due.
  const idleMs = deps.idleMs ?? 1000;
  const leaseSeconds = deps.leaseSeconds ?? defaultLeaseSeconds;
  const logger = deps.logger.child({ worker: workerId });
  const controller = new AbortController();
  let lastSchedule = 0;
  const sizes = batchSizes(deps.handlers);
  const runDeps: RunDeps = { db: deps.db, logger, handlers: deps.handlers, workerId, outageRetryMaxSeconds: deps.outageRetryMaxSeconds };
  /** Jobs claimed and running here. */
  const held = new Set<number>();
  /** Jobs claimed here whose outcome could not be recorded: released as soon as PostgreSQL answers. */
  const unsettled = new Set<number>();

  async function runOne(): Promise<boolean> {
    if (unsettled.size > 0) {
      const ids = [...unsettled];
      const released = await releaseJobs(deps.db, workerId, ids);
      for (const id of ids) unsettled.delete(id);
      if (released > 0) logger.info({ released, jobIds: ids }, 'released jobs whose outcome could not be recorded; they run again');
    }
    if (Date.now() - lastSchedule > 60000) {
      lastSchedule = Date.now();
      for (const recurring of deps.recurring ?? []) await scheduleRecurring(deps.db, recurring);
    }
    const jobs = await claimJobs(deps.db, workerId, sizes);
    if (jobs.length === 0) return false;
    for (const job of jobs) held.add(job.id);
    try {
      await runClaimedJobs(runDeps, jobs);
    } catch (error) {
      for (const job of jobs) unsettled.add(job.id);
      throw error;
    } finally {
      for (const job of jobs) held.delete(job.id);
    }
    return true;
  }

  const leases = keepLeases({ db: deps.db, logger, workerId, leaseSeconds, held });
  const idle = sleepers();
  const jobs = listenForJobs(deps.db, logger, idle.wakeAll);

  const runLoop = async () => {
    while (!controller.signal.aborted) {
      const wakeUpsBefore = idle.wakeUps();
      let didWork = false;
      try {
        didWork = await runOne();
      } catch (error) {
        logger.warn({ err: error }, 'job queue unavailable, retrying');
      }
      // A notification heard while claiming may be for a job the claim came too early to see.
      if (!didWork && idle.wakeUps() === wakeUpsBefore && !controller.signal.aborted) await idle.sleep(idleMs);
    }
  };
  // Several loops: a long extraction does not hold up the small jobs behind it.
  const loop = Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 1) }, runLoop));

  return {
    async stop(timeoutMs = 10000) {
      controller.abort();
      idle.wakeAll();
      await jobs.close();
      await Promise.race([loop, delay(timeoutMs)]);
      leases.stop();
      // A job still running past the grace period goes back to the queue now, not after its lease.
      const requeued = await deps
        .db('jobs')
        .where({ status: 'running', locked_by: workerId })
        .update({ status: 'queued', locked_at: null, locked_by: null, run_at: deps.db.fn.now(), updated_at: deps.db.fn.now() })
        .catch(() => 0);
      if (requeued > 0) logger.warn({ requeued }, 'jobs requeued at shutdown');
    },
  };
}
