import type { Knex } from 'knex';
import { tryTransactionLock, type Db, type Transaction } from '../db';
import { jobFailures, jobOutageWaits } from '../metrics';
import type { BatchSizes, JobRow, RecurringJob } from './types';

/**
 * Adds a job. Call it with the transaction of the write the job follows, so that both commit
 * together or not at all. Jobs that share a `key` never run at once (the later one waits).
 */
export async function enqueueJob(
  trx: Transaction | Db,
  type: string,
  payload: Record<string, unknown>,
  options: { maxAttempts?: number; key?: string; runAt?: Knex.Raw } = {},
) {
  const [row] = await trx('jobs')
    .insert({
      type,
      payload,
      key: options.key ?? null,
      max_attempts: options.maxAttempts ?? 8,
      ...(options.runAt ? { run_at: options.runAt } : {}),
    })
    .returning<Pick<JobRow, 'id'>[]>('id');
  return row as Pick<JobRow, 'id'>;
}

/** Queued, due, and its key (if any) held by no running job. */
const isFree = `j.status = 'queued' and j.run_at <= now() and (j.key is null or not exists (select 1 from jobs r where r.status = 'running' and r.key = j.key))`;

/**
 * Takes the oldest due job for this worker and, when its type runs in batches, the next due jobs
 * of that type up to the batch size. Claims are serialized by a transaction-scoped advisory lock,
 * so two workers never take the same job, nor two jobs of the same key.
 */
export async function claimJobs(db: Db, workerId: string, batchSizes: BatchSizes = {}): Promise<JobRow[]> {
  return db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['jobs.claim']);
    const first = await trx.raw<{ rows: Pick<JobRow, 'id' | 'type'>[] }>(
      `select j.id, j.type from jobs j where ${isFree} order by j.run_at, j.id limit 1`,
    );
    const next = first.rows[0];
    if (!next) return [];
    const size = batchSizes[next.type] ?? 1;
    const ids =
      size > 1
        ? (
            await trx.raw<{ rows: { id: number }[] }>(
              `select j.id from jobs j where ${isFree} and j.type = ? order by j.run_at, j.id limit ?`,
              [next.type, size],
            )
          ).rows.map((row) => row.id)
        : [next.id];
    const claimed = await trx.raw<{ rows: JobRow[] }>(
      `update jobs set status = 'running', locked_at = now(), locked_by = ?, attempts = attempts + 1, updated_at = now()
       where id = any(?::bigint[]) returning id, type, payload, status, attempts, max_attempts, last_error`,
      [workerId, ids],
    );
    return claimed.rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  });
}

/** Only the worker that holds a job may record its outcome: a job it lost (its lease expired) is another's now. */
const heldBy = (db: Db, workerId: string) => db('jobs').where({ status: 'running', locked_by: workerId });

export async function completeJobs(db: Db, workerId: string, ids: number[]) {
  await heldBy(db, workerId).whereIn('id', ids).update({
    status: 'done',
    finished_at: db.fn.now(),
    updated_at: db.fn.now(),
    locked_at: null,
    locked_by: null,
    last_error: null,
    outage_waits: 0,
  });
}

/** Retry delay after the n-th failed attempt: 2, 4, 8 … seconds, at most 10 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, 600);
}

export async function failJob(db: Db, workerId: string, job: JobRow, error: string) {
  const isDead = job.attempts >= job.max_attempts;
  jobFailures.inc({ type: job.type, dead: String(isDead) });
  await heldBy(db, workerId)
    .where({ id: job.id })
    .update({
      status: isDead ? 'dead' : 'queued',
      last_error: error.slice(0, 4000),
      run_at: db.raw(`now() + make_interval(secs => ?)`, [retryDelaySeconds(job.attempts)]),
      finished_at: isDead ? db.fn.now() : null,
      locked_at: null,
      locked_by: null,
      outage_waits: 0,
      updated_at: db.fn.now(),
    });
  return isDead;
}

/** Delay before a job that met an outage tries again: 1, 2, 4 … seconds, at most `maxSeconds`. */
export function outageRetryDelaySeconds(waits: number, maxSeconds: number): number {
  return Math.min(2 ** waits, maxSeconds);
}

/**
 * A job that could not run because a service it needs is unavailable waits for it: back to the
 * queue with its attempt given back, so that an outage of any length never makes it dead.
 */
export async function postponeJob(db: Db, workerId: string, job: JobRow, error: string, maxDelaySeconds: number) {
  jobOutageWaits.inc({ type: job.type });
  const rows = await heldBy(db, workerId)
    .where({ id: job.id })
    .update({
      status: 'queued',
      attempts: db.raw('greatest(attempts - 1, 0)'),
      last_error: error.slice(0, 4000),
      run_at: db.raw(`now() + make_interval(secs => least(power(2, outage_waits)::int, ?))`, [maxDelaySeconds]),
      outage_waits: db.raw('outage_waits + 1'),
      locked_at: null,
      locked_by: null,
      updated_at: db.fn.now(),
    })
    .returning<{ run_at: Date }[]>('run_at');
  return rows[0]?.run_at;
}

/** Renews the lease of the jobs this worker holds; returns the ids it still holds. */
export async function renewLeases(db: Db, workerId: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await heldBy(db, workerId).whereIn('id', ids).update({ locked_at: db.fn.now() }).returning<{ id: number }[]>('id');
  return rows.map((row) => row.id);
}

/**
 * Jobs this worker claimed but whose outcome it could not record (PostgreSQL failed meanwhile):
 * back to the queue at once, their attempt given back; they run again (every job is idempotent).
 */
export async function releaseJobs(db: Db, workerId: string, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return heldBy(db, workerId)
    .whereIn('id', ids)
    .update({
      status: 'queued',
      attempts: db.raw('greatest(attempts - 1, 0)'),
      run_at: db.fn.now(),
      locked_at: null,
      locked_by: null,
      updated_at: db.fn.now(),
    });
}

/**
 * Jobs whose worker is gone (process killed, host lost) go back to the queue once their lease has
 * not been renewed for `leaseSeconds`: a live worker renews it every third of that.
 */
export async function requeueStaleJobs(db: Db, leaseSeconds: number): Promise<number> {
  return db('jobs')
    .where('status', 'running')
    .andWhere('locked_at', '<', db.raw(`now() - make_interval(secs => ?)`, [leaseSeconds]))
    .update({ status: 'queued', locked_at: null, locked_by: null, run_at: db.fn.now(), updated_at: db.fn.now() });
}

/** The next time the Region's clock (Europe/Paris) shows `hour`:00, as SQL (days counted on that clock). */
function nextHourOfDay(trx: Transaction, hour: number): Knex.Raw {
  const onDay = (days: number) =>
    `(date_trunc('day', now() at time zone 'Europe/Paris') + make_interval(days => ${days}, hours => ?)) at time zone 'Europe/Paris'`;
  return trx.raw(`case when ${onDay(0)} > now() then ${onDay(0)} else ${onDay(1)} end`, [hour, hour, hour]);
}

/**
 * Enqueues a recurring job unless one is waiting or running, or one finished less than
 * `everySeconds` ago; with `atHour`, due at the next such hour. An advisory lock keeps two
 * instances from both enqueuing it.
 */
export async function scheduleRecurring(db: Db, job: RecurringJob): Promise<boolean> {
  return db.transaction(async (trx) => {
    if (!(await tryTransactionLock(trx, `recurring:${job.type}`))) return false;
    const pending = await trx('jobs').where({ type: job.type }).whereIn('status', ['queued', 'running']).first('id');
    const recent = await trx('jobs')
      .where({ type: job.type, status: 'done' })
      .andWhere('finished_at', '>', trx.raw(`now() - make_interval(secs => ?)`, [job.everySeconds]))
      .first('id');
    if (pending || recent) return false;
    await enqueueJob(trx, job.type, {}, { maxAttempts: 3, ...(job.atHour === undefined ? {} : { runAt: nextHourOfDay(trx, job.atHour) }) });
    return true;
  });
}
