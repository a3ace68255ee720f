import type { Db, Transaction } from '../db';
import type { FolderRow } from './presenter';
import { listFolders } from './rows';

/**
 * The thematic tree, its one home: themes at the top, schemes (folders with a card) below them,
 * their sub-folders below those. Read it whole once per request or job (`loadFolderTree`) and
 * ask it; where one SQL statement must walk it (a transaction's locks, a public page's single
 * round trip), the walks below are the only ones.
 */
export class FolderTree {
  private readonly byId: Map<string, FolderRow>;
  private readonly children = new Map<string | null, FolderRow[]>();

  /** The rows in the order read (position, then name). */
  constructor(readonly rows: FolderRow[]) {
    this.byId = new Map(rows.map((row) => [row.id, row]));
    for (const row of rows) this.children.set(row.parent_id, [...(this.children.get(row.parent_id) ?? []), row]);
  }

  get(id: string | null | undefined): FolderRow | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The folder itself, then each folder above it up to its theme (nearest first). */
  lineage(id: string | null | undefined): FolderRow[] {
    const lineage: FolderRow[] = [];
    const seen = new Set<string>();
    for (let folder = this.get(id); folder && !seen.has(folder.id); folder = this.get(folder.parent_id)) {
      seen.add(folder.id);
      lineage.push(folder);
    }
    return lineage;
  }

  /** The folders above this one, the theme first (the breadcrumb). */
  pathTo(id: string): FolderRow[] {
    return this.lineage(id).slice(1).reverse();
  }

  /** The scheme a folder belongs to: itself, or its nearest ancestor with a scheme card. */
  schemeOf(id: string | null | undefined): FolderRow | undefined {
    return this.lineage(id).find((folder) => folder.is_scheme);
  }

  /** The theme of a folder: the top of its branch (itself for a theme). */
  themeOf(id: string | null | undefined): FolderRow | undefined {
    return this.lineage(id).at(-1);
  }

  childrenOf(id: string | null): FolderRow[] {
    return this.children.get(id) ?? [];
  }
}

export async function loadFolderTree(db: Db): Promise<FolderTree> {
  return new FolderTree(await listFolders(db));
}

/**
 * SQL: the common table `subtree(id)`, the folder `root` (an SQL expression: `?::uuid`, or a
 * column of the outer query) and every folder below it. Use after `with recursive`.
 */
export const subtreeCte = (root: string) =>
  `subtree(id) as (select ${root} union all select child.id from folders child join subtree s on child.parent_id = s.id)`;

/**
 * SQL: the common table `lineage(id, parent_id, is_scheme, depth)`, the folder `start` (an SQL expression)
 * at depth 0, then each folder above it. Use after `with recursive`.
 */
export const lineageCte = (start: string) =>
  `lineage(id, parent_id, is_scheme, depth) as (
     select folder.id, folder.parent_id, folder.is_scheme, 0 from folders folder where folder.id = ${start}
     union all select parent.id, parent.parent_id, parent.is_scheme, lineage.depth + 1 from folders parent join lineage on parent.id = lineage.parent_id)`;

/** The nearest scheme at or above a folder, in the caller's transaction (documents may sit in a scheme's sub-folders). */
export async function schemeIdOf(db: Db | Transaction, folderId: string): Promise<string | null> {
  const result = await db.raw<{ rows: { id: string }[] }>(
    `with recursive ${lineageCte('?::uuid')} select id from lineage where is_scheme order by depth limit 1`,
    [folderId],
  );
  return result.rows[0]?.id ?? null;
}

/** The live documents of a folder and everything below it, in the caller's transaction. */
export async function documentsUnder(db: Db | Transaction, folderId: string): Promise<string[]> {
  const result = await db.raw<{ rows: { id: string }[] }>(
    `with recursive ${subtreeCte('?::uuid')}
     select d.id from documents d join subtree s on d.folder_id = s.id where d.deleted_at is null`,
    [folderId],
  );
  return result.rows.map((row) => row.id);
}

/** Whether `folderId` is `ancestorId` or lies below it, in the caller's transaction. */
export async function isWithin(db: Db | Transaction, folderId: string, ancestorId: string): Promise<boolean> {
  const result = await db.raw<{ rows: { id: string }[] }>(
    `with recursive ${subtreeCte('?::uuid')} select id from subtree where id = ?::uuid`,
    [ancestorId, folderId],
  );
  return result.rows.length > 0;
}
