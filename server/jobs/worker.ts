import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from '../db';
import type { Logger } from '../logger';
import { listenForJobs } from './wakeUp';
import { claimJobs, completeJobs, failJob, requeueStaleJobs, scheduleRecurring, type BatchSizes, type JobRow } from './queue';

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/**
 * Runs up to `batchSize` due jobs of one type in one call (e.g. many documents in one Meilisearch
 * task). Resolves with the error of each job that failed; the others are done. A throw fails them all.
 */
export interface BatchJobHandler {
  batchSize: number;
  runBatch(jobs: JobRow[]): Promise<Map<number, unknown>>;
}

export type JobHandlers = Record<string, JobHandler | BatchJobHandler>;

export function batchSizes(handlers: JobHandlers): BatchSizes {
  return Object.fromEntries(Object.entries(handlers).flatMap(([type, handler]) => (typeof handler === 'function' ? [] : [[type, handler.batchSize]])));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs claimed jobs (all of one type) with their handler, then marks each done, or failed for a
 * retry with backoff, or dead after its last attempt. Returns the failures.
 */
export async function runClaimedJobs(deps: { db: Db; logger: Logger; handlers: JobHandlers }, jobs: JobRow[]): Promise<{ job: JobRow; error: string }[]> {
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
    await completeJobs(deps.db, done.map((job) => job.id));
    deps.logger.info({ jobIds: done.map((job) => job.id), type: first.type, ms: Date.now() - startedAt }, done.length > 1 ? 'jobs done' : 'job done');
  }
  const failures: { job: JobRow; error: string }[] = [];
  for (const job of jobs) {
    if (!errors.has(job.id)) continue;
    const error = errors.get(job.id);
    const isDead = await failJob(deps.db, job, messageOf(error));
    deps.logger[isDead ? 'error' : 'warn']({ jobId: job.id, type: job.type, attempts: job.attempts, err: error }, isDead ? 'job dead' : 'job failed, will retry');
    failures.push({ job, error: messageOf(error) });
  }
  return failures;
}

/**
 * A job type kept scheduled: enqueued again `everySeconds` after the last one finished; with
 * `atHour`, due at the next such hour of the Region's day (Europe/Paris) rather than at once.
 */
export interface RecurringJob {
  type: string;
  everySeconds: number;
  atHour?: number;
}

export interface Worker {
  /** Finishes the job under way (up to `timeoutMs`), then stops taking jobs. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * The job loop: takes due jobs one at a time (a batch of one type for batch handlers), retries
 * failures with backoff, and marks a job dead (visible to admins with its error) after its last
 * attempt. Several workers may run at once.
 */
export function startWorker(deps: { db: Db; logger: Logger; handlers: JobHandlers; recurring?: RecurringJob[]; idleMs?: number; concurrency?: number }): Worker {
  const workerId = `${hostname()}:${process.pid}`;
  // Enqueued jobs wake the worker (listenForJobs): the poll only catches retries coming due.
  const idleMs = deps.idleMs ?? 1000;
  const logger = deps.logger.child({ worker: workerId });
  const controller = new AbortController();
  let lastStaleCheck = 0;
  const sizes = batchSizes(deps.handlers);

  async function runOne(): Promise<boolean> {
    if (Date.now() - lastStaleCheck > 60000) {
      lastStaleCheck = Date.now();
      const requeued = await requeueStaleJobs(deps.db);
      if (requeued > 0) logger.warn({ requeued }, 'requeued jobs of a vanished worker');
      for (const recurring of deps.recurring ?? []) await scheduleRecurring(deps.db, recurring);
    }
    const jobs = await claimJobs(deps.db, workerId, sizes);
    if (jobs.length === 0) return false;
    await runClaimedJobs({ db: deps.db, logger, handlers: deps.handlers }, jobs);
    return true;
  }

  // Idle loops sleep until the poll's delay, a job's notification or the stop, whichever comes first.
  const sleepers = new Set<() => void>();
  let wakeUps = 0;
  const wakeAll = () => {
    wakeUps += 1;
    for (const wake of [...sleepers]) wake();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  const jobs = listenForJobs(deps.db, logger, wakeAll);

  const runLoop = async () => {
    while (!controller.signal.aborted) {
      const wakeUpsBefore = wakeUps;
      let didWork = false;
      try {
        didWork = await runOne();
      } catch (error) {
        logger.warn({ err: error }, 'job queue unavailable, retrying');
      }
      // A notification heard while claiming may be for a job the claim came too early to see.
      if (!didWork && wakeUps === wakeUpsBefore && !controller.signal.aborted) await sleep(idleMs);
    }
  };
  // Several loops: a long extraction does not hold up the small jobs behind it.
  const loop = Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 1) }, runLoop));

  return {
    async stop(timeoutMs = 10000) {
      controller.abort();
      wakeAll();
      await jobs.close();
      await Promise.race([loop, delay(timeoutMs)]);
      // A job still running past the grace period goes back to the queue now, not after the stale delay.
      const requeued = await deps.db('jobs')
        .where({ status: 'running', locked_by: workerId })
        .update({ status: 'queued', locked_at: null, locked_by: null, run_at: deps.db.fn.now(), updated_at: deps.db.fn.now() })
        .catch(() => 0);
      if (requeued > 0) logger.warn({ requeued }, 'jobs requeued at shutdown');
    },
  };
}
