import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * The environment variables of the app and their rules (read once by loadConfig in server/config.ts).
 * An unset DATABASE_URL, MEILI_URL or S3_BUCKET means: run that part on the embedded default.
 */

const unset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) => z.preprocess(unset, schema.prefault(fallback as never));

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

const hourOrOff = z
  .string()
  .regex(/^(off|[01]?\d|2[0-3])$/, { error: 'expected an hour from 0 to 23, or off' })
  .transform((v) => (v === 'off' ? undefined : Number(v)));

/**
 * Memory Meilisearch may use to index. Its own default, two thirds of the machine's RAM, makes it
 * set up buffers of that size for every batch, however small: on a large machine even a small
 * addition spends much longer in the kernel (docs/benchmarks.md, "Figures behind choices in the code").
 */
export const defaultMeiliIndexingMemory = '1GiB';
const byteSize = z.string().regex(/^\d+(\.\d+)?\s*([KMGT]i?B|B)?$/i, { error: 'expected a size such as 1GiB, 512MiB or 1073741824' });

const trustProxyNames = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (isIP(prefix) === family) return true; // a netmask, e.g. 10.0.0.0/255.0.0.0
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Express's `trust proxy`, restricted to what cannot be spoofed from outside: a hop count, or a
 * list of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. `false`/`none`
 * trusts nothing. `true` (every hop) is refused: any client could then choose its address.
 */
const trustProxy = z
  .string()
  .trim()
  .refine(
    (value) =>
      /^(false|none|\d{1,2})$/.test(value) ||
      value.split(',').every((entry) => trustProxyNames.includes(entry.trim()) || isAddressOrRange(entry.trim())),
    {
      error:
        'expected a hop count (e.g. 1), a comma-separated list of proxy addresses or CIDR ranges and loopback, linklocal, uniquelocal (e.g. "loopback, 10.0.0.0/8"), or false',
    },
  )
  .transform((value): TrustProxy => {
    if (value === 'false' || value === 'none') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((entry) => entry.trim());
  });

/** What `app.set('trust proxy', …)` gets: nothing, a hop count, or addresses and ranges. */
export type TrustProxy = false | number | string[];

const unitBytes: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40,
};

/** "100MB" → 100000000, "1GiB" → 1073741824, "4096" → 4096 (as Meilisearch reads them). */
export function bytesOf(size: string): number {
  const [, amount = '0', unit = 'B'] = /^(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)?$/i.exec(size.trim()) ?? [];
  return Math.floor(Number(amount) * (unitBytes[unit.toUpperCase()] ?? 1));
}

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
  NODE_ENV: withDefault(
    z.enum(['development', 'production', 'test'], { error: 'expected development, production or test' }),
    'development',
  ),
  HOST: withDefault(z.string(), '127.0.0.1'),
  PORT: withDefault(port('the HTTP port'), 3000),
  PUBLIC_URL: optional(url(['http:', 'https:'])),
  TRUST_PROXY: optional(trustProxy),
  DATA_DIR: withDefault(z.string(), 'data'),
  LOG_LEVEL: withDefault(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    }),
    'info',
  ),
  DATABASE_URL: optional(url(['postgres:', 'postgresql:'])),
  DATABASE_POOL_MAX: withDefault(positiveInt('the pool size'), 10),
  MEILI_URL: optional(url(['http:', 'https:'])),
  MEILI_MASTER_KEY: optional(z.string().min(16, { error: 'expected at least 16 characters' })),
  MEILI_INDEX_PREFIX: withDefault(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'expected lowercase letters, digits and _ (40 at most), starting with a letter' }),
    'lpt',
  ),
  MEILI_MAX_INDEXING_MEMORY: withDefault(byteSize, defaultMeiliIndexingMemory),
  SEARCH_REBUILD_HOUR: withDefault(hourOrOff, '3'),
  S3_BUCKET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: 'expected an S3 bucket name (3 to 63 lowercase letters, digits, dots, hyphens)',
    }),
  ),
  S3_ENDPOINT: optional(url(['http:', 'https:'])),
  S3_REGION: withDefault(z.string().min(1), 'us-east-1'),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_FORCE_PATH_STYLE: withDefault(bool, 'true'),
  RUN_WORKER: withDefault(bool, 'true'),
  WORKER_CONCURRENCY: withDefault(positiveInt('a number of jobs run at once'), 2),
  JOB_LEASE_SECONDS: withDefault(positiveInt('a number of seconds'), 15),
  JOB_OUTAGE_RETRY_MAX_SECONDS: withDefault(positiveInt('a number of seconds'), 30),
  SEARCH_CHECK_EVERY_MINUTES: withDefault(positiveInt('a number of minutes'), 60),
  MEILI_HTTP_PAYLOAD_SIZE_LIMIT: withDefault(byteSize, '100MB'),
  SHUTDOWN_TIMEOUT_MS: withDefault(positiveInt('a duration in milliseconds'), 10000),
  REQUEST_TIMEOUT_MS: withDefault(positiveInt('a duration in milliseconds'), 3000),
  METRICS_TOKEN: optional(z.string().min(16, { error: 'expected at least 16 characters' })),
  REGION_NAME: withDefault(z.string().min(1).max(100), 'Région'),
  REGION_CONTACT: withDefault(
    z.string().min(1).max(300),
    'Pour toute question, contactez la Maison de Région la plus proche de chez vous.',
  ),
  SHARE_RATE_LIMIT_PER_MINUTE: withDefault(positiveInt('a number of requests'), 120),
  SIGNED_URL_TTL_SECONDS: withDefault(positiveInt('a number of seconds'), 300),
  UPLOAD_MAX_MB: withDefault(positiveInt('a size in megabytes'), 100),
  STORAGE_LOW_SPACE_MB: withDefault(positiveInt('a size in megabytes'), 1024),
  DELETED_FILES_GRACE_DAYS: withDefault(positiveInt('a number of days'), 30),
  DEMO_CATALOGUE: withDefault(z.enum(['on', 'off'], { error: 'expected on or off' }), 'on'),
  OCR: withDefault(z.enum(['on', 'off'], { error: 'expected on or off' }), 'on'),
  OCR_MAX_PAGES: withDefault(positiveInt('a number of pages'), 50),
  OCR_PAGE_TIMEOUT_SECONDS: withDefault(positiveInt('a number of seconds'), 60),
  OCR_DOCUMENT_TIMEOUT_SECONDS: withDefault(positiveInt('a number of seconds'), 600),
  OCR_MIN_CONFIDENCE: withDefault(
    z.coerce
      .number({ error: 'expected a percentage from 0 to 100' })
      .min(0, { error: 'expected a percentage from 0 to 100' })
      .max(100, { error: 'expected a percentage from 0 to 100' }),
    60,
  ),
  SESSION_SECRET: optional(z.string().min(32, { error: 'expected at least 32 characters' })),
  SESSION_IDLE_TIMEOUT_MINUTES: withDefault(positiveInt('a number of minutes'), 480),
  SESSION_ABSOLUTE_TIMEOUT_MINUTES: withDefault(positiveInt('a number of minutes'), 720),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: withDefault(positiveInt('a number of attempts'), 30),
  REPORT_RATE_LIMIT_PER_MINUTE: withDefault(positiveInt('a number of reports'), 10),
  SMTP_URL: optional(url(['smtp:', 'smtps:'])),
  MAIL_FROM: withDefault(z.string().min(3).max(300), "L'info pour tous <ne-pas-repondre@region.example>"),
  SAML_ENTRY_POINT: optional(url(['http:', 'https:'])),
  SAML_IDP_ISSUER: optional(z.string().min(1)),
  SAML_IDP_CERT: optional(
    z.string().refine(isCertificateList, { error: 'expected one or more PEM certificates (-----BEGIN CERTIFICATE-----…)' }),
  ),
  SAML_SP_ENTITY_ID: optional(z.string().min(1)),
  SAML_CALLBACK_URL: optional(url(['http:', 'https:'])),
  SAML_LOGOUT_URL: optional(url(['http:', 'https:'])),
  SAML_ATTR_EMAIL: withDefault(z.string().min(1), 'email'),
  SAML_ATTR_DISPLAY_NAME: withDefault(z.string().min(1), 'displayName'),
  SAML_ATTR_DIRECTORATE: withDefault(z.string().min(1), 'directorate'),
  SAML_ATTR_MAISON: withDefault(z.string().min(1), 'maison'),
  SAML_ATTR_GROUPS: withDefault(z.string().min(1), 'groups'),
  SAML_ROLE_GROUPS: optional(
    z.string().refine((value) => parseRoleGroups(value) !== undefined, {
      error:
        'expected role:group,group;role:group… with roles admin, editor, agent (e.g. "admin:LPT-ADMINS;editor:LPT-EDITORS;agent:LPT-AGENTS")',
    }),
  ),
  SAML_MAX_ASSERTION_AGE_SECONDS: withDefault(positiveInt('a number of seconds'), 300),
  SAML_CLOCK_SKEW_SECONDS: withDefault(
    z.coerce
      .number({ error: 'expected a number of seconds from 0 to 60' })
      .int({ error: 'expected a number of seconds from 0 to 60' })
      .min(0, { error: 'expected a number of seconds from 0 to 60' })
      .max(60, { error: 'expected a number of seconds from 0 to 60' }),
    30,
  ),
});

export type Role = 'agent' | 'editor' | 'admin';
const roleNames: readonly Role[] = ['agent', 'editor', 'admin'];

/** "admin:G1,G2;editor:G3" → { admin: [G1, G2], editor: [G3], agent: [] }; undefined when malformed. */
export function parseRoleGroups(value: string): Record<Role, string[]> | undefined {
  const mapping: Record<Role, string[]> = { admin: [], editor: [], agent: [] };
  for (const part of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [role, groups] = part.split(':', 2).map((p) => p.trim());
    if (!roleNames.includes(role as Role) || !groups) return undefined;
    mapping[role as Role].push(
      ...groups
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    );
  }
  return Object.values(mapping).some((groups) => groups.length > 0) ? mapping : undefined;
}

/** PEM certificates found in the text (one or several, for key rotation). */
export function certificatesIn(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function isCertificateList(text: string): boolean {
  const certificates = certificatesIn(text.replaceAll('\\n', '\n'));
  if (certificates.length === 0) return false;
  try {
    certificates.forEach((pem) => new X509Certificate(pem));
    return true;
  } catch {
    return false;
  }
}

/**
 * Settings whose value is a secret or may carry one (a password in a URL): a refusal names the
 * variable and the rule, never the value, which would end up on stderr and in the logs.
 */
export const secretSettings: ReadonlySet<string> = new Set([
  'SESSION_SECRET',
  'MEILI_MASTER_KEY',
  'METRICS_TOKEN',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'DATABASE_URL',
  'MEILI_URL',
  'S3_ENDPOINT',
  'SMTP_URL',
]);

export type Environment = z.infer<typeof environmentSchema>;

/** Checks the environment; throws a ConfigError whose message is one line naming each bad variable. */
export function parseEnvironment(env: NodeJS.ProcessEnv): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const got = env[name];
      const shown = got === undefined || secretSettings.has(name) ? '' : ` (got ${JSON.stringify(got)})`;
      return `${name}: ${issue.message}${shown}`;
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
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration: SESSION_SECRET: required in production (at least 32 characters, the same on every instance)',
    );
  }
  return e;
}
