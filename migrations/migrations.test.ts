import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
import { createDb, migrateLatest, migrateRollback, type Db } from '../server/db';
import { createTestDatabase } from '../tests/context';
import { migrationSource } from './index';

const domainTables = [
  'users',
  'directorates',
  'maisons',
  'folders',
  'documents',
  'versions',
  'version_pages',
  'share_links',
  'share_link_visits',
  'audit_events',
  'search_log',
  'jobs',
  'sessions',
  'synonyms',
  'saml_requests',
  'upload_intents',
];

describe('migrations', () => {
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

  async function tables() {
    const rows = await db('information_schema.tables').where({ table_schema: 'public' }).select<{ table_name: string }[]>('table_name');
    return rows.map((r) => r.table_name);
  }

  it('create the whole domain schema', async () => {
    expect(await tables()).toEqual(expect.arrayContaining(domainTables));
  });

  it('guard the domain with check constraints and foreign keys', async () => {
    const [directorate] = await db('directorates').insert({ code: 'DTEST', name: 'Direction test' }).returning('id');
    const [folder] = await db('folders').insert({ name: 'Thème test' }).returning('id');
    const document = { folder_id: folder.id, title: 'Règlement', doc_type: 'reglement', directorate_id: directorate.id };
    await expect(db('documents').insert({ ...document, scope: 'public' })).rejects.toThrow(/documents_scope_known/);
    await expect(db('documents').insert({ ...document, status: 'deleted' })).rejects.toThrow(/documents_status_known/);
    await expect(db('documents').insert({ ...document, title: 'x'.repeat(301) })).rejects.toThrow(/documents_title_length/);
    await expect(db('documents').insert({ ...document, folder_id: '00000000-0000-0000-0000-000000000001' })).rejects.toThrow(/foreign key/);
    await expect(
      db('users').insert({ idp_issuer: 'x', name_id: 'y', email: 'e@x', display_name: 'E', role: 'editor', role_source: 'test' }),
    ).rejects.toThrow(/users_editor_has_directorate/);
    await expect(db('folders').insert({ name: 'thème TEST' })).rejects.toThrow(/folders_sibling_name_unique/);
    await expect(db('share_links').insert({ document_id: folder.id, token: 'short' })).rejects.toThrow(
      /share_links_token_format|foreign key/,
    );
  });

  it('keep the audit trail append-only', async () => {
    const [event] = await db('audit_events').insert({ actor_label: 'test', action: 'test', object_type: 'test' }).returning('id');
    await expect(db('audit_events').where({ id: event.id }).update({ action: 'changed' })).rejects.toThrow(/append-only/);
    await expect(db('audit_events').where({ id: event.id }).delete()).rejects.toThrow(/append-only/);
  });

  it('npm run migrate:rollback -- --all and npm run migrate work on DATABASE_URL', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/cli/migrate.ts', ...args], {
          cwd: root,
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: database.url },
        });
        let output = '';
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        child.once('exit', (code) => resolve({ code, output }));
      });
    const names = await migrationSource.getMigrations([]);
    const rolledBack = await run(['rollback', '--all']);
    expect(rolledBack).toMatchObject({ code: 0, output: `Rolled back: ${[...names].reverse().join(', ')}\n` });
    const applied = await run(['latest']);
    expect(applied).toMatchObject({ code: 0, output: expect.stringMatching(/^Applied: 20261126_01_domain, /) });
    expect((await run(['latest'])).output).toBe('Nothing to do: the schema is up to date.\n');
    expect(await run(['sideways'])).toMatchObject({ code: 1, output: 'usage: migrate.ts latest|rollback [--all]\n' });
  });

  it('roll back completely and apply again', async () => {
    await db('audit_events').count();
    // Every registered migration, the first ones named so that the registry cannot lose them.
    const names = await migrationSource.getMigrations([]);
    expect(names.slice(0, 7)).toEqual([
      '20261126_01_domain',
      '20261126_02_saml_requests',
      '20261126_03_publishing',
      '20261126_04_search',
      '20261126_05_sharing',
      '20261126_06_job_keys',
      '20261126_07_job_notify',
    ]);
    expect(await migrateRollback(db, true)).toEqual([...names].reverse());
    expect(await tables()).not.toEqual(expect.arrayContaining(['documents']));
    expect((await tables()).filter((t) => domainTables.includes(t))).toEqual([]);
    expect(await migrateLatest(db)).toEqual(names);
    expect(await tables()).toEqual(expect.arrayContaining(domainTables));
    expect(await migrateLatest(db)).toEqual([]);
  });
});
