import path from 'node:path';
import type { StorageConfig } from '../storage';
import { defaultOcrSettings, type OcrSettings } from './extraction/settings';
import { ConfigError } from './errors';
import { bytesOf, certificatesIn, parseEnvironment, parseRoleGroups, type Environment, type Role, type TrustProxy } from './environment';

/**
 * Every setting of the app, read once from the environment (its variables and their rules: server/environment.ts).
 * An unset DATABASE_URL, MEILI_URL or S3_BUCKET means: run that part on the embedded default.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  /**
   * `trustProxy`: which peers may tell the client's address and protocol (X-Forwarded-For,
   * X-Forwarded-Proto). Rate limits key on that address; the Secure session cookie is set only
   * when the request is known to be HTTPS.
   */
  /** `requestTimeoutMs`: past it, a request not yet answered gets a 503 (PostgreSQL stalled, say). */
  http: { host: string; port: number; publicUrl?: string; trustProxy: TrustProxy; requestTimeoutMs: number };
  dataDir: string;
  logLevel: string;
  database: { url?: string; poolMax: number };
  /**
   * `maxIndexingMemory`: passed to the embedded Meilisearch (a Meilisearch of its own reads
   * MEILI_MAX_INDEXING_MEMORY itself). `rebuildHour`: the hour of the Region's night when the
   * worker rebuilds the index if documents changed (undefined: never).
   */
  meili: {
    url?: string;
    masterKey?: string;
    indexPrefix: string;
    rebuildHour?: number;
    maxIndexingMemory: string;
    /** Meilisearch's `--http-payload-size-limit` (passed to the embedded one); the app's writes stay well under it. */
    payloadLimitBytes: number;
    /** How often the worker compares the index with PostgreSQL and repairs the drift. */
    checkEverySeconds: number;
  };
  storage: StorageConfig;
  /**
   * `leaseSeconds`: a running job whose worker has not renewed its lease for that long (the worker
   * is gone) goes back to the queue. `outageRetryMaxSeconds`: the longest wait between two tries
   * of a job that found a service unavailable (it spends no attempt).
   */
  worker: { enabled: boolean; concurrency: number; leaseSeconds: number; outageRetryMaxSeconds: number };
  shutdownTimeoutMs: number;
  session: { secret?: string; idleTimeoutMs: number; absoluteTimeoutMs: number };
  signInRateLimitPerMinute: number;
  /** Reports one user may send a minute. */
  reports: { rateLimitPerMinute: number };
  /**
   * E-mail (the weekly digest): sent through `smtpUrl` (smtp://user:password@host:port, or smtps://)
   * when set; without it the digest is a page only.
   */
  mail: { smtpUrl?: string; from: string };
  auth: AuthConfig;
  uploads: { maxBytes: number };
  /** /readyz warns (`low_space`) when the files' disk has less room than this. */
  storageLowSpaceBytes: number;
  region: { name: string; contact: string };
  metricsToken?: string;
  sharing: { rateLimitPerMinute: number; signedUrlTtlSeconds: number };
  deletedFilesGraceDays: number;
  /**
   * The embedded default's first start and `npm run seed` load the demo catalogue
   * (server/seed/demo): unless DEMO_CATALOGUE=off, and never in production.
   */
  loadsDemoCatalogue: boolean;
  /**
   * French OCR of scans in the extraction worker (README "Scans and OCR"): its bounds per page and
   * per document, or null when OCR=off (scans then stay findable by title only).
   */
  ocr: OcrSettings | null;
}

export interface SamlConfig {
  entryPoint: string;
  idpIssuer: string;
  idpCerts: string[];
  spEntityId: string;
  callbackUrl: string;
  logoutUrl?: string;
  logoutCallbackUrl: string;
  attributes: { email: string; displayName: string; directorate: string; maison: string; groups: string };
  roleGroups: Record<Role, string[]>;
  maxAssertionAgeMs: number;
  clockSkewMs: number;
}

/** SAML single sign-on, or the embedded default's dev sign-in (never in production). */
export type AuthConfig = { mode: 'saml'; saml: SamlConfig } | { mode: 'dev' };

function samlConfig(e: Environment): SamlConfig | undefined {
  const anySet = [e.SAML_ENTRY_POINT, e.SAML_IDP_ISSUER, e.SAML_IDP_CERT, e.SAML_ROLE_GROUPS].some((v) => v !== undefined);
  if (!anySet) return undefined;
  const required = {
    SAML_ENTRY_POINT: e.SAML_ENTRY_POINT,
    SAML_IDP_ISSUER: e.SAML_IDP_ISSUER,
    SAML_IDP_CERT: e.SAML_IDP_CERT,
    SAML_ROLE_GROUPS: e.SAML_ROLE_GROUPS,
    PUBLIC_URL: e.PUBLIC_URL,
  };
  const missing = Object.entries(required)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: ${missing.map((name) => `${name}: required for SAML sign-in`).join('; ')}`);
  }
  const publicUrl = (e.PUBLIC_URL as string).replace(/\/$/, '');
  return {
    entryPoint: e.SAML_ENTRY_POINT as string,
    idpIssuer: e.SAML_IDP_ISSUER as string,
    idpCerts: certificatesIn((e.SAML_IDP_CERT as string).replaceAll('\\n', '\n')),
    spEntityId: e.SAML_SP_ENTITY_ID ?? `${publicUrl}/auth/saml/metadata`,
    callbackUrl: e.SAML_CALLBACK_URL ?? `${publicUrl}/auth/saml/callback`,
    logoutUrl: e.SAML_LOGOUT_URL,
    logoutCallbackUrl: `${publicUrl}/auth/saml/logout/callback`,
    attributes: {
      email: e.SAML_ATTR_EMAIL,
      displayName: e.SAML_ATTR_DISPLAY_NAME,
      directorate: e.SAML_ATTR_DIRECTORATE,
      maison: e.SAML_ATTR_MAISON,
      groups: e.SAML_ATTR_GROUPS,
    },
    roleGroups: parseRoleGroups(e.SAML_ROLE_GROUPS as string) as Record<Role, string[]>,
    maxAssertionAgeMs: e.SAML_MAX_ASSERTION_AGE_SECONDS * 1000,
    clockSkewMs: e.SAML_CLOCK_SKEW_SECONDS * 1000,
  };
}

/** Parses the environment; throws a ConfigError whose message is one line naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const e = parseEnvironment(env);
  const saml = samlConfig(e);
  if (e.NODE_ENV === 'production' && !saml) {
    throw new ConfigError(
      'Invalid configuration: SAML_ENTRY_POINT: required in production (with SAML_IDP_ISSUER, SAML_IDP_CERT, SAML_ROLE_GROUPS, PUBLIC_URL); the dev sign-in never runs in production',
    );
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
    // Default: trust nothing in production (set TRUST_PROXY behind a proxy), loopback elsewhere.
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      trustProxy: e.TRUST_PROXY ?? (e.NODE_ENV === 'production' ? false : ['loopback']),
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    },
    dataDir,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX },
    meili: {
      url: e.MEILI_URL,
      masterKey: e.MEILI_MASTER_KEY,
      indexPrefix: e.MEILI_INDEX_PREFIX,
      rebuildHour: e.SEARCH_REBUILD_HOUR,
      maxIndexingMemory: e.MEILI_MAX_INDEXING_MEMORY,
      payloadLimitBytes: bytesOf(e.MEILI_HTTP_PAYLOAD_SIZE_LIMIT),
      checkEverySeconds: e.SEARCH_CHECK_EVERY_MINUTES * 60,
    },
    storage,
    worker: {
      enabled: e.RUN_WORKER,
      concurrency: e.WORKER_CONCURRENCY,
      leaseSeconds: e.JOB_LEASE_SECONDS,
      outageRetryMaxSeconds: e.JOB_OUTAGE_RETRY_MAX_SECONDS,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    session: {
      secret: e.SESSION_SECRET,
      idleTimeoutMs: e.SESSION_IDLE_TIMEOUT_MINUTES * 60000,
      absoluteTimeoutMs: e.SESSION_ABSOLUTE_TIMEOUT_MINUTES * 60000,
    },
    signInRateLimitPerMinute: e.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    reports: { rateLimitPerMinute: e.REPORT_RATE_LIMIT_PER_MINUTE },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    auth: saml ? { mode: 'saml', saml } : { mode: 'dev' },
    uploads: { maxBytes: e.UPLOAD_MAX_MB * 1024 * 1024 },
    storageLowSpaceBytes: e.STORAGE_LOW_SPACE_MB * 1024 * 1024,
    region: { name: e.REGION_NAME, contact: e.REGION_CONTACT },
    metricsToken: e.METRICS_TOKEN,
    sharing: { rateLimitPerMinute: e.SHARE_RATE_LIMIT_PER_MINUTE, signedUrlTtlSeconds: e.SIGNED_URL_TTL_SECONDS },
    deletedFilesGraceDays: e.DELETED_FILES_GRACE_DAYS,
    loadsDemoCatalogue: e.DEMO_CATALOGUE === 'on' && e.NODE_ENV !== 'production',
    ocr:
      e.OCR === 'on'
        ? {
            ...defaultOcrSettings,
            maxPages: e.OCR_MAX_PAGES,
            pageTimeoutMs: e.OCR_PAGE_TIMEOUT_SECONDS * 1000,
            documentTimeoutMs: e.OCR_DOCUMENT_TIMEOUT_SECONDS * 1000,
            minConfidence: e.OCR_MIN_CONFIDENCE / 100,
          }
        : null,
  };
}
