import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, migrateLatest } from '../../server/db';
import { startEmbeddedMeilisearch } from '../../server/embedded/meilisearch';
import { startEmbeddedPostgres } from '../../server/embedded/postgres';
import { createLogger } from '../../server/logger';
import { ensureWebBuild } from '../../server/web/build';
import { startS3rver } from './s3';

export const templateDatabase = 'lpt_template';
export const testBucket = 'lpt-test';

export interface TestServices {
  postgres: { port: number; password: string };
  meili: { url: string; masterKey: string };
  s3: { endpoint: string; bucket: string };
  tmpDir: string;
  webDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: TestServices;
  }
}

/**
 * One real PostgreSQL, one real Meilisearch and one real S3 server (s3rver) for the whole run,
 * in a temporary directory on free ports. Each test file gets its own database (copied from a
 * migrated template), its own index prefix and its own bucket prefix (tests/context.ts).
 */
export default async function setup(project: TestProject) {
  const tmpDir = await mkdtemp(path.join(tmpdir(), 'lpt-test-'));
  await chmod(tmpDir, 0o755);
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  const password = 'test-password-not-secret';
  const started = await Promise.allSettled([
    startEmbeddedPostgres({ dir: path.join(tmpDir, 'pg'), password, database: templateDatabase, logger, isThrowaway: true }),
    startEmbeddedMeilisearch({ dir: path.join(tmpDir, 'meili'), masterKey: 'test-master-key-0123456789', logger }),
    startS3rver(path.join(tmpDir, 's3'), [testBucket]),
    ensureWebBuild(path.resolve(import.meta.dirname, '../..'), logger),
  ] as const);
  const [postgres, meili, s3, webDir] = started.map((result) => (result.status === 'fulfilled' ? result.value : undefined)) as [
    Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined,
    Awaited<ReturnType<typeof startEmbeddedMeilisearch>> | undefined,
    Awaited<ReturnType<typeof startS3rver>> | undefined,
    string | undefined,
  ];
  const stopAll = async () => {
    await Promise.allSettled([postgres?.stop(), meili?.stop(), s3?.server.close()]);
    await rm(tmpDir, { recursive: true, force: true });
  };
  if (!postgres || !meili || !s3 || !webDir) {
    // Stop what did start, so that a failed setup leaves no process behind.
    await stopAll();
    const failure = started.find((result) => result.status === 'rejected');
    throw failure?.reason ?? new Error('test services did not start');
  }
  const template = createDb(postgres.url);
  await migrateLatest(template);
  await template.destroy();

  project.provide('services', {
    postgres: { port: postgres.port, password },
    meili: { url: meili.url, masterKey: meili.masterKey },
    s3: { endpoint: s3.endpoint, bucket: testBucket },
    tmpDir,
    webDir,
  });

  return stopAll;
}
