import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db } from '../db';
import { migrateLatest } from '../db';
import type { Storage } from '../../storage';

/**
 * Backup and restore without pg_dump (the embedded PostgreSQL ships none): every table of the
 * domain copied out with COPY, in an order that respects the foreign keys, plus the stored files
 * (local disk) or their manifest (S3, whose bucket is backed up by its own means). The search
 * index is not saved: it is rebuilt from PostgreSQL after a restore.
 */
export const backedUpTables = [
  'directorates',
  'maisons',
  'users',
  'folders',
  'documents',
  'versions',
  'version_pages',
  'share_links',
  'share_link_visits',
  'scheme_share_links',
  'scheme_share_link_visits',
  'audit_events',
  'search_log',
  'synonyms',
] as const;

interface Manifest {
  format: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, { columns: string[]; rows: number }>;
  storage: { kind: 'local' | 's3'; files: { key: string; sha256: string; size: number }[] };
}

async function writableColumns(db: Db, table: string): Promise<string[]> {
  const rows = await db('information_schema.columns')
    .where({ table_schema: 'public', table_name: table, is_generated: 'NEVER' })
    .orderBy('ordinal_position')
    .pluck('column_name');
  return rows as string[];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function backup(
  deps: { db: Db; databaseUrl: string; storage: Storage },
  dir: string,
  onTable: (table: string) => void = () => {},
): Promise<Manifest> {
  await mkdir(path.join(dir, 'db'), { recursive: true });
  const client = new pg.Client({ connectionString: deps.databaseUrl });
  await client.connect();
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    migrations: (await deps.db('knex_migrations').orderBy('id').pluck('name')) as string[],
    tables: {},
    storage: { kind: deps.storage.kind, files: [] },
  };
  try {
    // One snapshot for every table: the backup is consistent even while the app runs.
    await client.query('begin isolation level repeatable read read only');
    for (const table of backedUpTables) {
      onTable(table);
      const columns = await writableColumns(deps.db, table);
      const stream = client.query(copyTo(`copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) to stdout`));
      await pipeline(stream, createWriteStream(path.join(dir, 'db', `${table}.copy`)));
      const count = await client.query(`select count(*)::int as n from ${quoteIdent(table)}`);
      manifest.tables[table] = { columns, rows: count.rows[0].n as number };
    }
    const files = await client.query(
      'select storage_key as key, sha256, size_bytes::bigint as size from versions where storage_deleted_at is null order by storage_key',
    );
    manifest.storage.files = files.rows.map((f) => ({ key: f.key as string, sha256: f.sha256 as string, size: Number(f.size) }));
    await client.query('commit');
  } finally {
    await client.end();
  }
  if (deps.storage.kind === 'local') {
    for (const file of manifest.storage.files) {
      const stored = await deps.storage.get(file.key);
      const target = path.join(dir, 'files', ...file.key.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(stored.body, createWriteStream(target));
    }
  }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Restores a backup into an empty database of the same schema version (or an older one: the
 * migrations are applied first), then puts the files back. Refuses a database that has documents.
 */
export async function restore(
  deps: { db: Db; databaseUrl: string; storage: Storage },
  dir: string,
  onTable: (table: string) => void = () => {},
): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 1) throw new Error(`Unknown backup format ${String(manifest.format)}`);
  await migrateLatest(deps.db);
  const known = (await deps.db('knex_migrations').pluck('name')) as string[];
  const newer = manifest.migrations.filter((name) => !known.includes(name));
  if (newer.length > 0) throw new Error(`This backup comes from a newer version (migrations ${newer.join(', ')}): update the app first`);
  const existing = await deps.db('documents').count({ n: '*' }).first();
  if (Number(existing?.n) > 0) throw new Error('The database already holds documents: restore into an empty database');

  const client = new pg.Client({ connectionString: deps.databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    // Rows go in as they were (the circular documents ↔ versions keys included); checked at the end.
    await client.query('set local session_replication_role = replica');
    await client.query(`truncate ${[...backedUpTables].map(quoteIdent).join(', ')} cascade`);
    for (const table of backedUpTables) {
      onTable(table);
      const { columns } = manifest.tables[table] ?? { columns: [] };
      const stream = client.query(copyFrom(`copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from stdin`));
      await pipeline(createReadStream(path.join(dir, 'db', `${table}.copy`)), stream);
    }
    for (const table of ['audit_events', 'search_log']) {
      await client.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${quoteIdent(table)}), 0) + 1, false)`,
      );
    }
    const broken = await client.query(
      'select count(*)::int as n from documents d left join versions v on v.id = d.current_version_id where d.current_version_id is not null and v.id is null',
    );
    if ((broken.rows[0].n as number) > 0) throw new Error('The backup is inconsistent (documents without their version)');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  if (manifest.storage.kind === 'local') {
    const root = path.join(dir, 'files');
    for (const file of manifest.storage.files) {
      const source = path.join(root, ...file.key.split('/'));
      await deps.storage.put(file.key, createReadStream(source));
    }
  } else {
    const missing = [];
    for (const file of manifest.storage.files) if (!(await deps.storage.exists(file.key))) missing.push(file.key);
    if (missing.length > 0) throw new Error(`${missing.length} files of the backup are not in the bucket (first: ${missing[0]})`);
  }
  return manifest;
}
