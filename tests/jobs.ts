import { createJobHandlers } from '../server/jobs/handlers';
import { claimJobs } from '../server/jobs/queue';
import { batchSizes, runClaimedJobs } from '../server/jobs/worker';
import type { TestContext } from './context';

/**
 * Runs every due job now, as the worker would, until none is left; returns the jobs that failed.
 * Tests use it to await the effect of a write on the index without sleeping.
 */
export async function drainJobs(ctx: TestContext, maxJobs = 500): Promise<{ id: number; type: string; error: string }[]> {
  const handlers = createJobHandlers({ db: ctx.db, storage: ctx.storage, search: ctx.search, logger: ctx.logger, config: ctx.config });
  const sizes = batchSizes(handlers);
  const failures: { id: number; type: string; error: string }[] = [];
  for (let ran = 0; ran < maxJobs;) {
    const jobs = await claimJobs(ctx.db, 'test', sizes);
    if (jobs.length === 0) return failures;
    ran += jobs.length;
    const failed = await runClaimedJobs({ db: ctx.db, logger: ctx.logger, handlers, workerId: 'test' }, jobs);
    failures.push(...failed.map(({ job, error }) => ({ id: job.id, type: job.type, error })));
  }
  throw new Error(`more than ${maxJobs} jobs`);
}
