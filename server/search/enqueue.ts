import type { Db, Transaction } from '../db';
import { enqueueJob } from '../jobs/queue';

/**
 * What the rest of the app calls to keep the index in step, in the transaction of its write. A
 * leaf: it knows the jobs' names and payloads, nothing of folders or documents, so any room can
 * import it without pulling the indexing in (server/search/jobs.ts runs these jobs).
 */

/** Call in the transaction of any write that changes what search shows of a document. */
export function enqueueDocumentSync(trx: Transaction | Db, documentId: string) {
  return enqueueJob(trx, 'search.syncDocument', { documentId }, { key: `document:${documentId}` });
}

/** Call in the transaction of a folder change (scheme card, rename, move, archive). */
export function enqueueFolderSync(trx: Transaction | Db, folderId: string) {
  return enqueueJob(trx, 'search.syncFolder', { folderId });
}

export function enqueueSettings(trx: Transaction | Db) {
  return enqueueJob(trx, 'search.applySettings', {});
}
