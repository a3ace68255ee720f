/** The shapes the job queue, the worker loop and the rooms' handlers share. */

export interface JobRow {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  last_error: string | null;
}

/** How many due jobs of a type one claim may take together; types not named here go one by one. */
export type BatchSizes = Record<string, number>;

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

/**
 * A job type kept scheduled: enqueued again `everySeconds` after the last one finished; with
 * `atHour`, due at the next such hour of the Region's day (Europe/Paris) rather than at once.
 */
export interface RecurringJob {
  type: string;
  everySeconds: number;
  atHour?: number;
}
