import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../server/embedded/ports';
import { isAlive } from '../server/embedded/processes';
import { uniqueName } from './context';

const root = path.resolve(import.meta.dirname, '..');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s own entry point, as a real process, with only the given environment. */
function startApp(env: Record<string, string>): Run {
  // As `npm start` runs it: node with tsx's loader, one process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function stderrLines(output: string) {
  return output.split('\n').filter((line) => line !== '' && !line.startsWith('{'));
}

async function waitReady(port: number, run: Run, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) throw new Error(`the app exited: ${run.output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms: ${run.output()}`);
}

const runs: Run[] = [];
afterAll(() => {
  for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
});

describe('starting the app', () => {
  it('exits 1 with one line naming a bad setting', async () => {
    const run = startApp({ PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(stderrLines(run.output())).toEqual([
      'Invalid configuration: PORT: expected the HTTP port: a whole number from 0 to 65535 (got "abc")',
    ]);
  });

  it('refuses to start in production without SAML, naming what is missing', async () => {
    const run = startApp({ NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-of-40-characters-xx' });
    expect(await run.exited).toBe(1);
    expect(stderrLines(run.output())).toEqual([
      'Invalid configuration: SAML_ENTRY_POINT: required in production (with SAML_IDP_ISSUER, SAML_IDP_CERT, SAML_ROLE_GROUPS, PUBLIC_URL); the dev sign-in never runs in production',
    ]);
  });

  it('exits 1 with a clear message when the port is already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dataDir = path.join(inject('services').tmpDir, uniqueName('busy'));
      const run = startApp({ PORT: String(port), DATA_DIR: dataDir });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(
        `Could not start: Port ${port} on 127.0.0.1 is already in use: stop the program that uses it, or set PORT to another port`,
      );
      expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('runs on the embedded default, stops its children on SIGTERM, and reuses the data on the next start', async () => {
    const dataDir = path.join(inject('services').tmpDir, uniqueName('embedded'));
    await mkdir(dataDir, { recursive: true });
    const port = await findFreePort();
    const env = { PORT: String(port), DATA_DIR: dataDir };

    const first = startApp(env);
    runs.push(first);
    await waitReady(port, first);
    const users = (await (await fetch(`http://127.0.0.1:${port}/api/dev/users`)).json()) as { users: { id: string }[] };
    expect(users.users.length).toBeGreaterThanOrEqual(11);
    expect(first.output()).toContain('demo data seeded on first start');
    expect(first.output()).toMatch(/demo catalogue loaded: \d+ schemes, \d+ documents/);
    // The address to open, and why share links will not open on a phone, in plain lines.
    expect(stderrLines(first.output())).toEqual(
      expect.arrayContaining([
        `L'info pour tous est prêt : http://127.0.0.1:${port}`,
        `PUBLIC_URL n'est pas défini : les liens de partage et les QR codes pointeront vers http://127.0.0.1:${port}, qu'aucun téléphone ne peut ouvrir.`,
      ]),
    );
    const postgresPid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const meiliPid = Number(await readFile(path.join(dataDir, 'meili', 'meilisearch.pid'), 'utf8'));
    expect(isAlive(postgresPid) && isAlive(meiliPid)).toBe(true);

    // A signed-in request: the session store holds connections of its own until the stop.
    const signIn = await fetch(`http://127.0.0.1:${port}/auth/dev-login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editeur.dtee@region.example' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect((await fetch(`http://127.0.0.1:${port}/api/session`, { headers: { Cookie: cookie } })).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // A clean stop tells the truth: no warning, no error, no stack trace.
    const stopLines = first
      .output()
      .slice(first.output().indexOf('"msg":"stopping"'))
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(stopLines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((line) => line.level >= 40)).toEqual([]);
    expect(first.output()).not.toContain('terminating connection due to administrator command');
    expect(isAlive(postgresPid)).toBe(false);
    expect(isAlive(meiliPid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'app.lock'))).toBe(false);

    const second = startApp(env);
    runs.push(second);
    await waitReady(port, second);
    expect(second.output()).not.toContain('demo data seeded');
    expect(second.output()).not.toContain('demo catalogue loaded');
    expect(second.output()).not.toContain('initialising the embedded PostgreSQL cluster');
    const again = (await (await fetch(`http://127.0.0.1:${port}/api/dev/users`)).json()) as { users: { id: string }[] };
    expect(again.users.map((u) => u.id).sort()).toEqual(users.users.map((u) => u.id).sort());

    const intruder = startApp({ PORT: String(await findFreePort()), DATA_DIR: dataDir });
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain(`already runs the embedded services of ${dataDir}`);

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);

    // Whatever LOG_LEVEL, the address to open is printed; with PUBLIC_URL set, no warning.
    const quiet = startApp({ ...env, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://info.region.example' });
    runs.push(quiet);
    await waitReady(port, quiet);
    await expect.poll(() => stderrLines(quiet.output())).toEqual([`L'info pour tous est prêt : http://127.0.0.1:${port}`]);
    quiet.child.kill('SIGTERM');
    expect(await quiet.exited).toBe(0);
    // Three starts of real PostgreSQL and Meilisearch, the first one creating the cluster and loading the demo catalogue.
  }, 120000);

  it('starts without the demo catalogue when DEMO_CATALOGUE=off', async () => {
    const dataDir = path.join(inject('services').tmpDir, uniqueName('empty'));
    await mkdir(dataDir, { recursive: true });
    const port = await findFreePort();
    const run = startApp({ PORT: String(port), DATA_DIR: dataDir, DEMO_CATALOGUE: 'off' });
    runs.push(run);
    await waitReady(port, run);
    expect(run.output()).toContain('demo data seeded on first start');
    expect(run.output()).not.toContain('demo catalogue loaded');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
