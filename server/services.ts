import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from './config';
import { createDb, type Db } from './db';
import { lockDataDir, runningOwner } from './embedded/lock';
import { startEmbeddedMeilisearch } from './embedded/meilisearch';
import { embeddedPostgresUrl, startEmbeddedPostgres } from './embedded/postgres';
import { loadOrCreateSecrets } from './embedded/secrets';
import type { EmbeddedService } from './embedded/service';
import type { Logger } from './logger';
import { createSearch, type Search } from '../search';
import { createStorage, type Storage } from '../storage';

export const embeddedDatabaseName = 'info_pour_tous';

export interface Services {
  db: Db;
  databaseUrl: string;
  sessionSecret: string;
  search: Search;
  storage: Storage;
  embedded: EmbeddedService[];
  /** True when this start created the embedded PostgreSQL cluster. */
  isFreshEmbeddedDatabase: boolean;
  stop(): Promise<void>;
}

/**
 * Connects to PostgreSQL, Meilisearch and storage; each one left unconfigured runs on its embedded
 * default, started (and later stopped) by this process.
 */
export async function startServices(config: Config, logger: Logger, options: { attachToRunningApp?: boolean } = {}): Promise<Services> {
  const needsEmbedded = !config.database.url || !config.meili.url;
  if (needsEmbedded && options.attachToRunningApp) {
    const attached = await attachToRunningApp(config, logger);
    if (attached) return attached;
  }
  const embedded: EmbeddedService[] = [];
  const lock = needsEmbedded ? await lockDataDir(config.dataDir) : undefined;
  const secrets = needsEmbedded ? await loadOrCreateSecrets(config.dataDir) : undefined;
  const stopAll = async () => {
    for (const service of [...embedded].reverse()) {
      await service.stop().catch((error: unknown) => logger.warn({ err: error, service: service.name }, 'could not stop embedded service'));
    }
    await lock?.release();
  };

  try {
    let databaseUrl = config.database.url;
    let isFreshEmbeddedDatabase = false;
    let postgresPort: number | undefined;
    if (!databaseUrl && secrets) {
      const pgDir = path.join(config.dataDir, 'pg');
      const postgres = await startEmbeddedPostgres({
        dir: pgDir,
        password: secrets.postgresPassword,
        database: embeddedDatabaseName,
        logger,
      });
      isFreshEmbeddedDatabase = postgres.wasInitialised;
      embedded.push(postgres);
      databaseUrl = postgres.url;
      postgresPort = postgres.port;
    }

    let meiliUrl = config.meili.url;
    let meiliKey = config.meili.masterKey;
    let meiliPort: number | undefined;
    if (!meiliUrl && secrets) {
      const meili = await startEmbeddedMeilisearch({
        dir: path.join(config.dataDir, 'meili'),
        masterKey: secrets.meiliMasterKey,
        logger,
        maxIndexingMemory: config.meili.maxIndexingMemory,
        payloadLimitBytes: config.meili.payloadLimitBytes,
      });
      embedded.push(meili);
      meiliUrl = meili.url;
      meiliKey = meili.masterKey;
      meiliPort = meili.port;
    }
    await lock?.update({ postgresPort, meiliPort });
    // A child that dies is started again, with backoff, on the same port and data.
    for (const service of embedded) service.supervise();

    return connect(config, logger, {
      urls: { databaseUrl: databaseUrl as string, meiliUrl: meiliUrl as string, meiliKey },
      sessionSecret: config.session.secret ?? secrets?.sessionSecret,
      embedded,
      isFreshEmbeddedDatabase,
      stopEmbedded: stopAll,
    });
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function connect(
  config: Config,
  logger: Logger,
  parts: {
    urls: { databaseUrl: string; meiliUrl: string; meiliKey?: string };
    sessionSecret?: string;
    embedded: EmbeddedService[];
    isFreshEmbeddedDatabase: boolean;
    stopEmbedded: () => Promise<void>;
  },
): Services {
  const { urls, embedded, isFreshEmbeddedDatabase, stopEmbedded } = parts;
  const db = createDb(urls.databaseUrl, { poolMax: config.database.poolMax, logger });
  if (!parts.sessionSecret) logger.warn('SESSION_SECRET is not set: sessions end when this process stops');
  // Production requires SESSION_SECRET (config.ts); a development process without one makes its own.
  const sessionSecret = parts.sessionSecret ?? randomBytes(32).toString('base64url');
  return {
    db,
    databaseUrl: urls.databaseUrl,
    sessionSecret,
    search: createSearch({
      url: urls.meiliUrl,
      apiKey: urls.meiliKey,
      indexPrefix: config.meili.indexPrefix,
      payloadLimitBytes: config.meili.payloadLimitBytes,
    }),
    // The local driver signs its file URLs with the session secret: every app process shares it.
    storage: createStorage(config.storage.kind === 'local' ? { ...config.storage, urlSecret: sessionSecret } : config.storage),
    embedded,
    isFreshEmbeddedDatabase,
    stop: async () => {
      await db.destroy().catch(() => undefined);
      await stopEmbedded();
    },
  };
}

/** URLs of the embedded services run by the app process that owns DATA_DIR, if one runs. */
async function runningAppUrls(config: Config) {
  const owner = await runningOwner(config.dataDir);
  if (!owner) return undefined;
  const secrets = await loadOrCreateSecrets(config.dataDir);
  return {
    databaseUrl:
      config.database.url ??
      (owner.postgresPort ? embeddedPostgresUrl(secrets.postgresPassword, owner.postgresPort, embeddedDatabaseName) : undefined),
    meiliUrl: config.meili.url ?? (owner.meiliPort ? `http://127.0.0.1:${owner.meiliPort}` : undefined),
    meiliKey: config.meili.url ? config.meili.masterKey : secrets.meiliMasterKey,
    sessionSecret: config.session.secret ?? secrets.sessionSecret,
  };
}

/** A second process (worker) beside a running app shares the app's embedded services. */
async function attachToRunningApp(config: Config, logger: Logger): Promise<Services | undefined> {
  const urls = await runningAppUrls(config);
  if (!urls?.databaseUrl || !urls.meiliUrl) return undefined;
  return connect(config, logger, {
    urls: { databaseUrl: urls.databaseUrl, meiliUrl: urls.meiliUrl, meiliKey: urls.meiliKey },
    sessionSecret: urls.sessionSecret,
    embedded: [],
    isFreshEmbeddedDatabase: false,
    stopEmbedded: async () => {},
  });
}

/**
 * A database connection for a command (migrate, seed): the running app's embedded PostgreSQL when
 * there is one, else DATABASE_URL, else an embedded PostgreSQL started for the command's time.
 */
export async function connectDatabaseForCommand(config: Config, logger: Logger): Promise<{ db: Db; close(): Promise<void> }> {
  if (config.database.url) {
    const db = createDb(config.database.url);
    return { db, close: () => db.destroy() };
  }
  const running = await runningAppUrls(config);
  if (running?.databaseUrl) {
    const db = createDb(running.databaseUrl);
    return { db, close: () => db.destroy() };
  }
  const secrets = await loadOrCreateSecrets(config.dataDir);
  const lock = await lockDataDir(config.dataDir);
  const postgres = await startEmbeddedPostgres({
    dir: path.join(config.dataDir, 'pg'),
    password: secrets.postgresPassword,
    database: embeddedDatabaseName,
    logger,
  });
  const db = createDb(postgres.url);
  return {
    db,
    close: async () => {
      await db.destroy();
      await postgres.stop();
      await lock.release();
    },
  };
}
