import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of the app, read once from the environment.
 * An unset DATABASE_URL, MEILI_URL or S3_BUCKET means: run that part on the embedded default.
 */

const unset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(unset, schema.prefault(fallback as never));

const port = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}: a whole number from 0 to 65535` })
    .int({ error: `expected ${what}: a whole number from 0 to 65535` })
    .min(0, { error: `expected ${what}: a whole number from 0 to 65535` })
    .max(65535, { error: `expected ${what}: a whole number from 0 to 65535` });

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}: a whole number above 0` })
    .int({ error: `expected ${what}: a whole number above 0` })
    .positive({ error: `expected ${what}: a whole number above 0` });

const bool = z.enum(['true', 'false', '1', '0'], { error: 'expected true or false' }).transform((v) => v === 'true' || v === '1');

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const environmentSchema = z.object({
  NODE_ENV: withDefault(z.enum(['development', 'production', 'test'], { error: 'expected development, production or test' }), 'development'),
  HOST: withDefault(z.string(), '127.0.0.1'),
  PORT: withDefault(port('the HTTP port'), 3000),
  PUBLIC_URL: optional(url(['http:', 'https:'])),
  DATA_DIR: withDefault(z.string(), 'data'),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected one of fatal, error, warn, info, debug, trace, silent' }), 'info'),
  DATABASE_URL: optional(url(['postgres:', 'postgresql:'])),
  DATABASE_POOL_MAX: withDefault(positiveInt('the pool size'), 10),
  MEILI_URL: optional(url(['http:', 'https:'])),
  MEILI_MASTER_KEY: optional(z.string().min(16, { error: 'expected at least 16 characters' })),
  MEILI_INDEX_PREFIX: withDefault(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'expected lowercase letters, digits and _ (40 at most), starting with a letter' }), 'lpt'),
  S3_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'expected an S3 bucket name (3 to 63 lowercase letters, digits, dots, hyphens)' })),
  S3_ENDPOINT: optional(url(['http:', 'https:'])),
  S3_REGION: withDefault(z.string().min(1), 'us-east-1'),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_FORCE_PATH_STYLE: withDefault(bool, 'true'),
  RUN_WORKER: withDefault(bool, 'true'),
  SHUTDOWN_TIMEOUT_MS: withDefault(positiveInt('a duration in milliseconds'), 10000),
});

export type StorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      endpoint?: string;
      region: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
    };

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  http: { host: string; port: number; publicUrl?: string };
  dataDir: string;
  logLevel: string;
  database: { url?: string; poolMax: number };
  meili: { url?: string; masterKey?: string; indexPrefix: string };
  storage: StorageConfig;
  worker: { enabled: boolean };
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError whose message is one line naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const got = env[name];
      return `${name}: ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.S3_ENDPOINT && !e.S3_BUCKET) {
    throw new ConfigError('Invalid configuration: S3_BUCKET: required when S3_ENDPOINT is set');
  }
  if (e.MEILI_URL && e.NODE_ENV === 'production' && !e.MEILI_MASTER_KEY) {
    throw new ConfigError('Invalid configuration: MEILI_MASTER_KEY: required when MEILI_URL is set in production');
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const storage: StorageConfig = e.S3_BUCKET
    ? {
        kind: 's3',
        bucket: e.S3_BUCKET,
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
      }
    : { kind: 'local', dir: path.join(dataDir, 'files') };
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    http: { host: e.HOST, port: e.PORT, publicUrl: e.PUBLIC_URL },
    dataDir,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX },
    meili: { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY, indexPrefix: e.MEILI_INDEX_PREFIX },
    storage,
    worker: { enabled: e.RUN_WORKER },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
