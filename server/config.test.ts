import path from 'node:path';
import selfsigned from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { bytesOf, parseRoleGroups } from './environment';
import { ConfigError } from './errors';

const cwd = '/srv/app';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

let idpCert: string;
beforeAll(async () => {
  idpCert = (await selfsigned.generate([{ name: 'commonName', value: 'idp.test' }], { keySize: 2048, algorithm: 'sha256' })).cert;
});

function samlEnv(): Record<string, string> {
  return {
    PUBLIC_URL: 'https://info.region.example/',
    SAML_ENTRY_POINT: 'https://idp.region.example/sso',
    SAML_IDP_ISSUER: 'https://idp.region.example',
    SAML_IDP_CERT: idpCert,
    SAML_ROLE_GROUPS: 'admin:LPT-ADMINS;editor:LPT-EDITORS,LPT-EDITORS-2;agent:LPT-AGENTS',
  };
}

describe('loadConfig', () => {
  it('runs every part on its embedded default when nothing is set', () => {
    const config = loadConfig({}, cwd);
    expect(config.env).toBe('development');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, publicUrl: undefined, trustProxy: ['loopback'], requestTimeoutMs: 3000 });
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(config.database.url).toBeUndefined();
    expect(config.meili.url).toBeUndefined();
    expect(config.storage).toEqual({ kind: 'local', dir: path.join(cwd, 'data', 'files') });
    expect(config.worker).toEqual({ enabled: true, concurrency: 2, leaseSeconds: 15, outageRetryMaxSeconds: 30 });
    expect(config.meili).toMatchObject({ payloadLimitBytes: 100_000_000, checkEverySeconds: 3600 });
  });

  it('reads sizes as Meilisearch does', () => {
    expect(['100MB', '1GiB', '512 KiB', '4096'].map(bytesOf)).toEqual([100_000_000, 1_073_741_824, 524_288, 4096]);
    expect(loadConfig({ MEILI_HTTP_PAYLOAD_SIZE_LIMIT: '2MiB' }, cwd).meili.payloadLimitBytes).toBe(2_097_152);
  });

  it('uses the external services that are set', () => {
    const config = loadConfig(
      {
        ...samlEnv(),
        NODE_ENV: 'production',
        SESSION_SECRET: 'a-session-secret-of-at-least-32-chars',
        DATABASE_URL: 'postgres://app:secret@db:5432/lpt',
        MEILI_URL: 'http://meili:7700',
        MEILI_MASTER_KEY: 'a-master-key-of-32-characters-xx',
        S3_BUCKET: 'documents',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        RUN_WORKER: 'false',
      },
      cwd,
    );
    expect(config.isProduction).toBe(true);
    expect(config.database.url).toBe('postgres://app:secret@db:5432/lpt');
    expect(config.meili).toMatchObject({ url: 'http://meili:7700', masterKey: 'a-master-key-of-32-characters-xx' });
    expect(config.storage).toMatchObject({ kind: 's3', bucket: 'documents', endpoint: 'http://minio:9000', forcePathStyle: true });
    expect(config.worker.enabled).toBe(false);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }, cwd)).toMatchObject({ database: { url: undefined }, http: { port: 3000 } });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: expected the HTTP port: a whole number from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT: expected the HTTP port: a whole number from 0 to 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL: expected a URL starting with postgres:// or postgresql://'],
    [{ MEILI_URL: 'not a url' }, 'MEILI_URL: expected a URL starting with http:// or https://'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV: expected development, production or test (got "staging")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected one of fatal'],
    [{ S3_BUCKET: 'Bad_Bucket' }, 'S3_BUCKET: expected an S3 bucket name'],
    [{ RUN_WORKER: 'yes' }, 'RUN_WORKER: expected true or false (got "yes")'],
    [{ MEILI_MAX_INDEXING_MEMORY: 'lots' }, 'MEILI_MAX_INDEXING_MEMORY: expected a size such as 1GiB, 512MiB or 1073741824 (got "lots")'],
    [{ SEARCH_REBUILD_HOUR: '24' }, 'SEARCH_REBUILD_HOUR: expected an hour from 0 to 23, or off (got "24")'],
    [{ SEARCH_REBUILD_HOUR: 'tonight' }, 'SEARCH_REBUILD_HOUR: expected an hour from 0 to 23, or off (got "tonight")'],
    [{ MEILI_MASTER_KEY: 'short' }, 'MEILI_MASTER_KEY: expected at least 16 characters'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_BUCKET: required when S3_ENDPOINT is set'],
    [{ NODE_ENV: 'production', MEILI_URL: 'http://meili:7700' }, 'MEILI_MASTER_KEY: required when MEILI_URL is set in production'],
  ])('refuses %j with one line naming the variable', (env, expected) => {
    const message = configError(env);
    expect(message).toContain(expected);
    expect(message.startsWith('Invalid configuration: ')).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('loads the demo catalogue unless DEMO_CATALOGUE=off, and never in production', () => {
    expect(loadConfig({}, cwd).loadsDemoCatalogue).toBe(true);
    expect(loadConfig({ DEMO_CATALOGUE: 'on' }, cwd).loadsDemoCatalogue).toBe(true);
    expect(loadConfig({ DEMO_CATALOGUE: 'off' }, cwd).loadsDemoCatalogue).toBe(false);
    const production = { ...samlEnv(), NODE_ENV: 'production', SESSION_SECRET: 'a-session-secret-of-at-least-32-chars' };
    expect(loadConfig(production, cwd).loadsDemoCatalogue).toBe(false);
    expect(loadConfig({ ...production, DEMO_CATALOGUE: 'on' }, cwd).loadsDemoCatalogue).toBe(false);
    expect(configError({ DEMO_CATALOGUE: 'no' })).toBe('Invalid configuration: DEMO_CATALOGUE: expected on or off (got "no")');
  });

  it('trusts no proxy in production and loopback elsewhere unless TRUST_PROXY says otherwise', () => {
    const production = { ...samlEnv(), NODE_ENV: 'production', SESSION_SECRET: 'a-session-secret-of-at-least-32-chars' };
    expect(loadConfig(production, cwd).http.trustProxy).toBe(false);
    expect(loadConfig({}, cwd).http.trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...production, TRUST_PROXY: '1' }, cwd).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }, cwd).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,172.16.0.0/12, fd00::/8, 192.168.1.10' }, cwd).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '172.16.0.0/12',
      'fd00::/8',
      '192.168.1.10',
    ]);
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '300.1.1.1', 'loopback,'])('refuses TRUST_PROXY=%s naming the accepted forms', (value) => {
    expect(configError({ TRUST_PROXY: value })).toContain(
      'TRUST_PROXY: expected a hop count (e.g. 1), a comma-separated list of proxy addresses or CIDR ranges',
    );
  });

  it('signs in with the dev login when no SAML setting is present, outside production', () => {
    expect(loadConfig({}, cwd).auth).toEqual({ mode: 'dev' });
  });

  it('reads the SAML settings, deriving the SP entity id and ACS from PUBLIC_URL', () => {
    const { auth } = loadConfig({ ...samlEnv(), SAML_IDP_CERT: `${idpCert}\n${idpCert}`.replaceAll('\n', '\\n') }, cwd);
    expect(auth.mode).toBe('saml');
    if (auth.mode !== 'saml') return;
    expect(auth.saml).toMatchObject({
      spEntityId: 'https://info.region.example/auth/saml/metadata',
      callbackUrl: 'https://info.region.example/auth/saml/callback',
      roleGroups: { admin: ['LPT-ADMINS'], editor: ['LPT-EDITORS', 'LPT-EDITORS-2'], agent: ['LPT-AGENTS'] },
      maxAssertionAgeMs: 300000,
      clockSkewMs: 30000,
    });
    expect(auth.saml.idpCerts).toHaveLength(2);
  });

  it.each([
    [{ NODE_ENV: 'production', SESSION_SECRET: 'a-session-secret-of-at-least-32-chars' }, 'SAML_ENTRY_POINT: required in production'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET: required in production'],
    [
      { SAML_ENTRY_POINT: 'https://idp.region.example/sso' },
      'SAML_IDP_ISSUER: required for SAML sign-in; SAML_IDP_CERT: required for SAML sign-in',
    ],
    [{ SAML_IDP_CERT: 'not a certificate' }, 'SAML_IDP_CERT: expected one or more PEM certificates'],
    [{ SAML_ROLE_GROUPS: 'boss:GROUP' }, 'SAML_ROLE_GROUPS: expected role:group,group;role:group…'],
    [{ SAML_CLOCK_SKEW_SECONDS: '300' }, 'SAML_CLOCK_SKEW_SECONDS: expected a number of seconds from 0 to 60'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET: expected at least 32 characters'],
  ])('refuses the sign-in settings %j', (env, expected) => {
    expect(configError(env)).toContain(expected);
  });

  it('parses role groups, keeping several groups per role', () => {
    expect(parseRoleGroups('agent: A , B ; admin:C')).toEqual({ admin: ['C'], editor: [], agent: ['A', 'B'] });
    expect(parseRoleGroups('')).toBeUndefined();
    expect(parseRoleGroups('admin')).toBeUndefined();
  });

  it.each([
    ['SESSION_SECRET', 'short-hunter2', 'SESSION_SECRET: expected at least 32 characters'],
    ['MEILI_MASTER_KEY', 'hunter2', 'MEILI_MASTER_KEY: expected at least 16 characters'],
    ['METRICS_TOKEN', 'hunter2', 'METRICS_TOKEN: expected at least 16 characters'],
    ['DATABASE_URL', 'mysql://user:hunter2@db/x', 'DATABASE_URL: expected a URL starting with postgres:// or postgresql://'],
    ['MEILI_URL', 'ftp://key:hunter2@meili:7700', 'MEILI_URL: expected a URL starting with http:// or https://'],
    ['S3_ENDPOINT', 'minio:hunter2@9000', 'S3_ENDPOINT: expected a URL starting with http:// or https://'],
    ['SMTP_URL', 'http://user:hunter2@relay:587', 'SMTP_URL: expected a URL starting with smtp:// or smtps://'],
  ])('never echoes the secret setting %s it refuses: it names the variable and the rule', (name, value, expected) => {
    const message = configError({ [name]: value });
    expect(message).toContain(expected);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('got');
  });

  it('e-mail and reports: no SMTP (the digest stays a page) and 10 reports a minute unless set', () => {
    expect(loadConfig({}, cwd)).toMatchObject({
      mail: { smtpUrl: undefined, from: "L'info pour tous <ne-pas-repondre@region.example>" },
      reports: { rateLimitPerMinute: 10 },
    });
    const set = loadConfig(
      {
        SMTP_URL: 'smtps://digest:pw@relay.region.example:465',
        MAIL_FROM: 'Région <info@region.example>',
        REPORT_RATE_LIMIT_PER_MINUTE: '3',
      },
      cwd,
    );
    expect(set).toMatchObject({
      mail: { smtpUrl: 'smtps://digest:pw@relay.region.example:465', from: 'Région <info@region.example>' },
      reports: { rateLimitPerMinute: 3 },
    });
    expect(configError({ REPORT_RATE_LIMIT_PER_MINUTE: '0' })).toContain(
      'REPORT_RATE_LIMIT_PER_MINUTE: expected a number of reports: a whole number above 0',
    );
  });
});
