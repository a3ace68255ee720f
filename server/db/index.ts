import knex, { type Knex } from 'knex';
import pg from 'pg';
import { ServiceUnavailableError } from '../errors';
import type { Logger } from '../logger';
import { migrationSource } from '../../migrations';

export type Db = Knex;
export type Transaction = Knex.Transaction;

// PostgreSQL returns int8 (bigint, count(*)) as strings by default; our counts and sizes fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// A date column is a calendar day: kept as its YYYY-MM-DD text, never shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createDb(url: string, options: { poolMax?: number; logger?: Logger } = {}): Db {
  const logger = options.logger;
  return knex({
    client: 'pg',
    connection: { connectionString: url, connectionTimeoutMillis: 5000 },
    pool: { min: 0, max: options.poolMax ?? 10, idleTimeoutMillis: 30000 },
    acquireConnectionTimeout: 5000,
    migrations: { migrationSource, tableName: 'knex_migrations' },
    // knex prints its own warnings to the console; they belong in the structured log.
    log: {
      warn: (message: unknown) => logger?.warn({ component: 'knex' }, String(message)),
      error: (message: unknown) => logger?.warn({ component: 'knex' }, String(message)),
      deprecate: (message: unknown) => logger?.warn({ component: 'knex' }, String(message)),
      debug: (message: unknown) => logger?.debug({ component: 'knex' }, String(message)),
    },
  });
}

/**
 * Takes a transaction-scoped advisory lock named `name` if no other transaction holds it; it is
 * released when `trx` ends. Says whether it was taken.
 */
export async function tryTransactionLock(trx: Transaction, name: string): Promise<boolean> {
  const result = await trx.raw<{ rows: { locked: boolean }[] }>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [name]);
  return result.rows[0]?.locked === true;
}

export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest()) as [number, string[]];
  return applied;
}

export async function migrateRollback(db: Db, all = false): Promise<string[]> {
  const [, reverted] = (await db.migrate.rollback(undefined, all)) as [number, string[]];
  return reverted;
}

/** Throws ServiceUnavailableError('database') when PostgreSQL does not answer. */
export async function checkDatabase(db: Db): Promise<void> {
  try {
    await db.raw('select 1');
  } catch (error) {
    throw new ServiceUnavailableError('database', { cause: error });
  }
}

export async function isDatabaseUp(db: Db): Promise<boolean> {
  return checkDatabase(db).then(
    () => true,
    () => false,
  );
}

/** SQLSTATE classes and socket errors that mean "the server is not reachable", not "the query is wrong". */
const connectionErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const unavailableSqlStates = /^(08|57P0[1-3]|53300)/;

export function isConnectionError(error: unknown): boolean {
  if (error instanceof knex.KnexTimeoutError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return connectionErrorCodes.has(code) || (error instanceof pg.DatabaseError && unavailableSqlStates.test(code));
}

/** The SQLSTATEs our code reacts to, by name (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const sqlStates = {
  unique_violation: '23505',
  foreign_key_violation: '23503',
  serialization_failure: '40001',
} as const;

/** Whether PostgreSQL refused a statement with this condition (a duplicate key, a row still referred to…). */
export function isPostgresError(error: unknown, condition: keyof typeof sqlStates): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === sqlStates[condition];
}
