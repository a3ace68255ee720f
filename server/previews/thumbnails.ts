import { buffer } from 'node:stream/consumers';
import type { Db } from '../db';
import type { Logger } from '../logger';
import type { Storage } from '../../storage';
import { defaultThumbnailLimits, renderThumbnail, type ThumbnailLimits } from './renderThumbnail';

/** File types that can have a picture of their first page; the others show an icon of their type. */
export const thumbnailFileTypes = new Set(['pdf', 'png', 'jpeg']);

export interface ThumbnailDeps {
  db: Db;
  storage: Storage;
  logger: Logger;
  thumbnailLimits?: ThumbnailLimits;
}

export interface VersionForThumbnail {
  id: string;
  storage_key: string;
  file_type: string;
  size_bytes: number;
}

export type Thumbnail = { image: Buffer; mimeType: string } | { image: null; reason: string };

/** Thumbnails being made in this process, by version: a second request waits for the first. */
const making = new Map<string, Promise<Thumbnail>>();
/** One drawing at a time per process; a request waits here without holding a database connection. */
let queue: Promise<unknown> = Promise.resolve();

/** After this long, a drawing stopped by its bounds is tried again. */
const retryAfterMs = 60 * 60 * 1000;

async function stored(db: Db, versionId: string): Promise<Thumbnail | undefined> {
  const row = await db('version_thumbnails')
    .where({ version_id: versionId })
    .whereNot((stale) => stale.where('is_retryable', true).andWhere('created_at', '<', new Date(Date.now() - retryAfterMs)))
    .first<{ status: string; image: Buffer | null; mime_type: string | null; reason: string | null } | undefined>(
      'status',
      'image',
      'mime_type',
      'reason',
    );
  if (!row) return undefined;
  return row.status === 'ready' && row.image
    ? { image: row.image, mimeType: row.mime_type ?? 'image/webp' }
    : { image: null, reason: row.reason ?? '' };
}

/**
 * The first-page thumbnail of a version: made once, on the first request, then read from
 * PostgreSQL. Instances agree through an advisory lock (taken only when this process's turn to
 * draw has come, so waiting requests hold no connection), requests of one process through a
 * shared promise. A file that gives no picture (corrupt, too large, too slow) is remembered as such.
 */
export async function thumbnailOf(deps: ThumbnailDeps, version: VersionForThumbnail): Promise<Thumbnail> {
  if (!thumbnailFileTypes.has(version.file_type)) return { image: null, reason: 'no thumbnail for this file type' };
  const known = await stored(deps.db, version.id);
  if (known) return known;
  let pending = making.get(version.id);
  if (!pending) {
    const run = queue.then(() => make(deps, version));
    queue = run.catch(() => undefined);
    pending = run.finally(() => making.delete(version.id));
    making.set(version.id, pending);
  }
  return pending;
}

async function make(deps: ThumbnailDeps, version: VersionForThumbnail): Promise<Thumbnail> {
  return deps.db.transaction(async (trx) => {
    await trx.raw("select pg_advisory_xact_lock(hashtextextended('thumbnail:' || ?, 0))", [version.id]);
    const known = await stored(trx as unknown as Db, version.id);
    if (known) return known;
    const startedAt = Date.now();
    const data = await buffer((await deps.storage.get(version.storage_key)).body);
    const result = await renderThumbnail(version.file_type, data, deps.thumbnailLimits ?? defaultThumbnailLimits);
    deps.logger.info(
      { versionId: version.id, fileType: version.file_type, ms: Date.now() - startedAt, failure: result.ok ? undefined : result.reason },
      'thumbnail rendered',
    );
    const row = result.ok
      ? {
          status: 'ready',
          image: result.image,
          mime_type: 'image/webp',
          width: result.width,
          height: result.height,
          reason: null,
          is_retryable: false,
        }
      : {
          status: 'none',
          image: null,
          mime_type: null,
          width: null,
          height: null,
          reason: result.reason.slice(0, 500),
          is_retryable: result.isRetryable === true,
        };
    // A stale retryable row is replaced, its time with it.
    await trx('version_thumbnails')
      .insert({ version_id: version.id, ...row, created_at: trx.fn.now() })
      .onConflict('version_id')
      .merge();
    return result.ok ? { image: result.image, mimeType: 'image/webp' } : { image: null, reason: result.reason };
  });
}
