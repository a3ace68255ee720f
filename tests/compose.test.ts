import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * docker-compose.yml and .env.example, checked offline with `docker-compose config` (no Docker
 * engine needed). CI installs Debian's docker-compose (Compose v1.29) with apt.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const requiredSecrets = ['POSTGRES_PASSWORD', 'MEILI_MASTER_KEY', 'MINIO_ROOT_PASSWORD'];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs docker-compose in the repo root with only `env` (plus PATH and HOME) as its environment,
 * so neither the caller's shell nor a developer's .env can supply a variable.
 */
async function compose(env: Record<string, string>, envFile: string, ...args: string[]): Promise<Result> {
  const base: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  if (process.env.HOME) base.HOME = process.env.HOME;
  try {
    const { stdout, stderr } = await run('docker-compose', ['--env-file', envFile, '-f', 'docker-compose.yml', ...args], {
      cwd: root,
      env: { ...base, ...env },
      timeout: 20000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { code?: number | string; stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT')
      throw new Error('docker-compose not found on PATH: install it (apt-get install docker-compose)', { cause: error });
    if (typeof failure.code !== 'number') throw error;
    return { code: failure.code, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

/** NAME=value lines of an env file; comments and blank lines skipped, surrounding quotes removed. */
function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    const [, name = '', raw = ''] = match;
    vars[name] = raw.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return vars;
}

/**
 * Service name → image and published ports, read from `docker-compose config` output (YAML as
 * printed by Compose: two-space indentation, one key per line).
 */
function servicesOf(yaml: string): Map<string, { image?: string; hasPorts: boolean }> {
  const services = new Map<string, { image?: string; hasPorts: boolean }>();
  let inServices = false;
  let current: { image?: string; hasPorts: boolean } | undefined;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) {
      inServices = line.trim() === 'services:';
      current = undefined;
      continue;
    }
    if (!inServices) continue;
    const service = /^ {2}([\w.-]+):\s*$/.exec(line);
    if (service?.[1]) {
      current = { hasPorts: false };
      services.set(service[1], current);
      continue;
    }
    const image = /^ {4}image:\s*['"]?([^'"\s]+)['"]?\s*$/.exec(line);
    if (image?.[1] && current) current.image = image[1];
    if (/^ {4}ports:/.test(line) && current) current.hasPorts = true;
  }
  return services;
}

let example: Record<string, string>;
let exampleText: string;
let scratch: string;
let emptyEnvFile: string;

beforeAll(async () => {
  exampleText = await readFile(path.join(root, '.env.example'), 'utf8');
  example = parseEnvFile(exampleText);
  scratch = await mkdtemp(path.join(tmpdir(), 'lpt-compose-'));
  // Compose v1 refuses /dev/null as --env-file ("not a file").
  emptyEnvFile = path.join(scratch, 'empty.env');
  await writeFile(emptyEnvFile, '');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('docker-compose.yml', () => {
  it('is valid with the values of .env.example', async () => {
    const result = await compose(example, '.env.example', 'config', '-q');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses to start without the required secrets, naming the missing one', async () => {
    const none = await compose({}, emptyEnvFile, 'config', '-q');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(new RegExp(requiredSecrets.join('|')));

    for (const secret of requiredSecrets) {
      const { [secret]: _left, ...others } = example;
      const result = await compose(others, emptyEnvFile, 'config', '-q');
      expect(result.code, `without ${secret}`).not.toBe(0);
      expect(result.stderr, `without ${secret}`).toContain(secret);
    }
  });

  it('runs the app on PostgreSQL 18, Meilisearch 1.21 and MinIO, publishing only the app', async () => {
    const result = await compose(example, '.env.example', 'config');
    expect(result.code).toBe(0);
    const services = servicesOf(result.stdout);
    expect([...services.keys()]).toEqual(expect.arrayContaining(['app', 'postgres', 'meilisearch', 'minio', 'minio-init']));
    expect(services.get('postgres')?.image).toBe('postgres:18');
    expect(services.get('meilisearch')?.image).toBe('getmeili/meilisearch:v1.21');
    expect(services.get('minio')?.image).toMatch(/^minio\/minio(:|$)/);
    expect([...services].filter(([, s]) => s.hasPorts).map(([name]) => name)).toEqual(['app']);

    // The app is wired to the stack's services, with the secrets from the env file.
    expect(result.stdout).toContain(`DATABASE_URL: postgres://${example.POSTGRES_USER}:${example.POSTGRES_PASSWORD}@postgres:5432/`);
    expect(result.stdout).toContain('MEILI_URL: http://meilisearch:7700');
    expect(result.stdout).toContain('S3_ENDPOINT: http://minio:9000');
    expect(result.stdout).toMatch(/NODE_ENV: ['"]?production/);
  });
});

describe('.env.example', () => {
  it('documents every variable the app reads (server/environment.ts)', async () => {
    const source = await readFile(path.join(root, 'server', 'environment.ts'), 'utf8');
    const schema = /const environmentSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1] ?? '';
    const names = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(10);
    // Either set, or listed commented out ("# NAME=") for the ones docker-compose.yml sets itself.
    const missing = names.filter((name) => !new RegExp(`^(# )?${name}=`, 'm').test(exampleText));
    expect(missing).toEqual([]);
  });

  it('sets every variable docker-compose.yml reads', async () => {
    const composeFile = await readFile(path.join(root, 'docker-compose.yml'), 'utf8');
    const withoutComments = composeFile.replace(/^\s*#.*$/gm, '');
    const names = new Set([...withoutComments.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ''));
    expect(names.size).toBeGreaterThan(0);
    expect([...names].filter((name) => !(name in example))).toEqual([]);
  });

  it('marks the required secrets as placeholders to change', () => {
    for (const secret of requiredSecrets) expect(example[secret], secret).toMatch(/^change-me/);
    expect((example.MEILI_MASTER_KEY ?? '').length).toBeGreaterThanOrEqual(16);
  });
});
