import type { Db } from '../db';
import type { Logger } from '../logger';
import type { Storage } from '../../storage';

export const abandonedUploadAfterSeconds = 3600;

/**
 * Storage cleanup: objects of uploads that never became a version (process killed mid-upload,
 * database failure after the file was stored), and the files of documents deleted longer ago
 * than the grace period. Safe to run on any instance, any number of times.
 */
export async function cleanUpStorage(deps: { db: Db; storage: Storage; logger: Logger; graceDays: number }) {
  const { db, storage } = deps;
  let abandoned = 0;
  const intents = await db('upload_intents')
    .where('created_at', '<', db.raw(`now() - make_interval(secs => ?)`, [abandonedUploadAfterSeconds]))
    .select<{ storage_key: string }[]>('storage_key');
  for (const { storage_key: key } of intents) {
    // A version may still reference it if the intent was left behind after a commit: keep those objects.
    const isRecorded = await db('versions').where({ storage_key: key }).first('id');
    if (!isRecorded) await storage.delete(key);
    await db('upload_intents').where({ storage_key: key }).delete();
    abandoned += 1;
  }

  let removed = 0;
  const expired = await db('versions as v')
    .join('documents as d', 'd.id', 'v.document_id')
    .whereNotNull('d.deleted_at')
    .whereNull('v.storage_deleted_at')
    .andWhere('d.deleted_at', '<', db.raw(`now() - make_interval(days => ?)`, [deps.graceDays]))
    .select<{ id: string; storage_key: string }[]>('v.id', 'v.storage_key');
  for (const version of expired) {
    await storage.delete(version.storage_key);
    await db('versions').where({ id: version.id }).update({ storage_deleted_at: db.fn.now() });
    removed += 1;
  }
  const partials = await storage.removeAbandonedPartials(abandonedUploadAfterSeconds * 1000);
  // An upload's idempotency key answers its retries for a day.
  await db('upload_keys').where('created_at', '<', db.raw(`now() - interval '1 day'`)).delete();
  if (abandoned + removed + partials > 0) deps.logger.info({ abandoned, removed, partials }, 'storage cleaned up');
  return { abandoned, removed, partials };
}
