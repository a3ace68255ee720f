import { createJobHandlers } from '../server/jobs/handlers';
import { claimNextJob, completeJob, failJob } from '../server/jobs/queue';
import type { TestContext } from './context';

/**
 * Runs every due job now, as the worker would, until none is left; returns the jobs that failed.
 * Tests use it to await the effect of a write on the index without sleeping.
 */
export async function drainJobs(ctx: TestContext, maxJobs = 500): Promise<{ id: number; type: string; error: string }[]> {
  const handlers = createJobHandlers({ db: ctx.db, storage: ctx.storage, search: ctx.search, logger: ctx.logger, config: ctx.config });
  const failures: { id: number; type: string; error: string }[] = [];
  for (let i = 0; i < maxJobs; i += 1) {
    const job = await claimNextJob(ctx.db, 'test');
    if (!job) return failures;
    const handler = handlers[job.type];
    try {
      if (!handler) throw new Error(`No handler for jobs of type ${job.type}`);
      await handler(job.payload, job);
      await completeJob(ctx.db, job.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ id: job.id, type: job.type, error: message });
      await failJob(ctx.db, job, message);
    }
  }
  throw new Error(`more than ${maxJobs} jobs`);
}
