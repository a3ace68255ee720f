import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db';
import { createTestDatabase } from '../../tests/context';
import { maisons, directorates, themes } from './data';
import { loadConfig } from '../config';
import { seed, seedsDemoUsers } from './index';

describe('seed', () => {
  let db: Db;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it("puts the Region's themes, directorates, Maisons and demo accounts in a new database", async () => {
    const added = await seed(db);
    expect(added).toEqual({
      themes: themes.length,
      directorates: directorates.length,
      maisons: maisons.length,
      users: 1 + directorates.length + maisons.length,
    });

    const topFolders = await db('folders').whereNull('parent_id').orderBy('position').pluck('name');
    expect(topFolders).toEqual(expect.arrayContaining(['Économie et entreprises', 'Tourisme', 'Environnement-Climat', 'Mer', 'Montagne']));
    expect(topFolders.length).toBeGreaterThanOrEqual(14);

    const users = await db('users').select('role', 'directorate_id', 'maison_id');
    expect(users.filter((u) => u.role === 'admin')).toHaveLength(1);
    const maisonIds = await db('maisons').pluck('id');
    for (const id of maisonIds) expect(users.some((u) => u.role === 'agent' && u.maison_id === id)).toBe(true);
    const directorateIds = await db('directorates').pluck('id');
    for (const id of directorateIds) expect(users.some((u) => u.role === 'editor' && u.directorate_id === id)).toBe(true);
  });

  it('adds nothing when run again', async () => {
    expect(await seed(db)).toEqual({ themes: 0, directorates: 0, maisons: 0, users: 0 });
    expect(await db('folders').count({ n: '*' }).first()).toEqual({ n: themes.length });
  });

  it('a production start on the embedded database seeds the places but no demo account', async () => {
    const production = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-session-secret-of-at-least-32-chars',
      PUBLIC_URL: 'https://info.region.example',
      SAML_ENTRY_POINT: 'https://idp.region.example/sso',
      SAML_IDP_ISSUER: 'https://idp.region.example',
      SAML_IDP_CERT: (await selfsigned.generate([{ name: 'commonName', value: 'idp.test' }], { keySize: 2048, algorithm: 'sha256' })).cert,
      SAML_ROLE_GROUPS: 'agent:LPT-AGENTS',
    });
    expect(seedsDemoUsers(production)).toBe(false);
    expect(seedsDemoUsers(loadConfig({}))).toBe(true);

    const database = await createTestDatabase();
    const fresh = createDb(database.url);
    try {
      const added = await seed(fresh, { demoUsers: seedsDemoUsers(production) });
      expect(added).toEqual({ themes: themes.length, directorates: directorates.length, maisons: maisons.length, users: 0 });
      expect(await fresh('users').count({ n: '*' }).first()).toEqual({ n: 0 });
    } finally {
      await fresh.destroy();
      await database.drop();
    }
  });
});
