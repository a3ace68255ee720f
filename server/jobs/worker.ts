import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from '../db';
import type { Logger } from '../logger';
import { claimNextJob, completeJob, failJob, requeueStaleJobs, scheduleRecurring, type JobRow } from './queue';

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** A job type kept scheduled: enqueued again `everySeconds` after the last one finished. */
export interface RecurringJob {
  type: string;
  everySeconds: number;
}

export interface Worker {
  /** Finishes the job under way (up to `timeoutMs`), then stops taking jobs. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * The job loop: takes due jobs one at a time, retries failures with backoff, and marks a job dead
 * (visible to admins with its error) after its last attempt. Several workers may run at once.
 */
export function startWorker(deps: { db: Db; logger: Logger; handlers: JobHandlers; recurring?: RecurringJob[]; idleMs?: number; concurrency?: number }): Worker {
  const workerId = `${hostname()}:${process.pid}`;
  const idleMs = deps.idleMs ?? 200;
  const logger = deps.logger.child({ worker: workerId });
  const controller = new AbortController();
  let lastStaleCheck = 0;

  async function runOne(): Promise<boolean> {
    if (Date.now() - lastStaleCheck > 60000) {
      lastStaleCheck = Date.now();
      const requeued = await requeueStaleJobs(deps.db);
      if (requeued > 0) logger.warn({ requeued }, 'requeued jobs of a vanished worker');
      for (const recurring of deps.recurring ?? []) await scheduleRecurring(deps.db, recurring);
    }
    const job = await claimNextJob(deps.db, workerId);
    if (!job) return false;
    const handler = deps.handlers[job.type];
    const startedAt = Date.now();
    try {
      if (!handler) throw new Error(`No handler for jobs of type ${job.type}`);
      await handler(job.payload, job);
      await completeJob(deps.db, job.id);
      logger.info({ jobId: job.id, type: job.type, ms: Date.now() - startedAt }, 'job done');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const isDead = await failJob(deps.db, job, message);
      logger[isDead ? 'error' : 'warn']({ jobId: job.id, type: job.type, attempts: job.attempts, err: error }, isDead ? 'job dead' : 'job failed, will retry');
    }
    return true;
  }

  const runLoop = async () => {
    while (!controller.signal.aborted) {
      let didWork = false;
      try {
        didWork = await runOne();
      } catch (error) {
        logger.warn({ err: error }, 'job queue unavailable, retrying');
      }
      if (!didWork) await delay(idleMs, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  };
  // Several loops: a long extraction does not hold up the small jobs behind it.
  const loop = Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 1) }, runLoop));

  return {
    async stop(timeoutMs = 10000) {
      controller.abort();
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
