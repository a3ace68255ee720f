import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../server/app';
import { loadConfig, type Config } from '../server/config';
import { createDb, type Db } from '../server/db';
import { embeddedPostgresUrl } from '../server/embedded/postgres';
import { createLogger, type Logger } from '../server/logger';
import { createSearch, type Search } from '../search';
import { createStorage, type Storage, type StorageConfig } from '../storage';
import { templateDatabase } from './setup/global';
import { s3StorageConfig } from './setup/s3';

export interface CapturedLog {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A logger whose lines are kept in memory, for tests that check what the log says. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: CapturedLog[] } {
  const lines: CapturedLog[] = [];
  const logger = createLogger(level, { write: (line: string) => lines.push(JSON.parse(line) as CapturedLog) });
  return { logger, lines };
}

export function uniqueName(prefix = 't'): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

async function adminQuery(sql: string) {
  const { postgres } = inject('services');
  const client = new pg.Client({ connectionString: embeddedPostgresUrl(postgres.password, postgres.port, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database, migrated (copied from the run's template): this test file's alone. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const { postgres } = inject('services');
  const name = uniqueName('db');
  await adminQuery(`create database ${name} template ${templateDatabase}`);
  return {
    name,
    url: embeddedPostgresUrl(postgres.password, postgres.port, name),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

export const testSessionSecret = 'test-session-secret-0123456789-abcdef';

export interface TestContext {
  databaseUrl: string;
  sessionSecret: string;
  config: Config;
  db: Db;
  search: Search;
  storage: Storage;
  logger: Logger;
  logs: CapturedLog[];
  app: ReturnType<typeof createApp>;
  dir: string;
  close(): Promise<void>;
}

/**
 * The real app on the run's real services: its own database, index prefix and storage
 * (local directory, or a key space of the run's s3rver bucket).
 */
export async function createTestContext(
  options: { storage?: 'local' | 's3'; env?: Record<string, string>; withSearchIndex?: boolean } = {},
): Promise<TestContext> {
  const services = inject('services');
  const database = await createTestDatabase();
  const name = database.name;
  const dir = path.join(services.tmpDir, name);
  await mkdir(dir, { recursive: true });
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      DATABASE_URL: database.url,
      MEILI_URL: services.meili.url,
      MEILI_MASTER_KEY: services.meili.masterKey,
      MEILI_INDEX_PREFIX: name,
      // The request bound is proven by tests/databaseOutage.test.ts; elsewhere a loaded test machine must not meet it.
      REQUEST_TIMEOUT_MS: '30000',
      ...(options.storage === 's3' ? { S3_BUCKET: services.s3.bucket, S3_ENDPOINT: services.s3.endpoint } : {}),
      ...options.env,
    },
    dir,
  );
  const storageConfig: StorageConfig =
    config.storage.kind === 's3'
      ? s3StorageConfig(services.s3.endpoint, services.s3.bucket)
      : { ...config.storage, urlSecret: testSessionSecret };
  const { logger, lines } = capturingLogger();
  const db = createDb(database.url, { poolMax: 5, logger });
  const search = createSearch({ url: services.meili.url, apiKey: services.meili.masterKey, indexPrefix: name });
  const storage = createStorage(storageConfig);
  if (options.withSearchIndex) await search.ensureIndex();
  const app = createApp({
    config,
    logger,
    db,
    search,
    storage,
    webDir: services.webDir,
    databaseUrl: database.url,
    sessionSecret: testSessionSecret,
  });
  return {
    databaseUrl: database.url,
    sessionSecret: testSessionSecret,
    config,
    db,
    search,
    storage,
    logger,
    logs: lines,
    app,
    dir,
    async close() {
      await db.destroy();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
