import { availabilityOf } from '../folders/availability';
import { listFolders } from '../folders/rows';
import { documentsUnder } from '../folders/tree';
import type { JobHandlers, JobRow } from '../jobs/types';
import { enqueueDocumentSync, enqueueFolderSync } from './enqueue';
import { ocrVersion, syncDocuments, type IndexingDeps } from './indexing';

const idOf = (payload: Record<string, unknown>, key: string) => {
  const value = payload[key];
  if (typeof value !== 'string') throw new Error(`payload without ${key}`);
  return value;
};

/** Documents synced together, in one Meilisearch call: its cost is mostly per call, not per page. */
const syncBatchSize = 50;

export function searchJobHandlers(deps: IndexingDeps): JobHandlers {
  return {
    'search.syncDocument': {
      batchSize: syncBatchSize,
      runBatch: async (jobs: JobRow[]) => {
        const errors = new Map<number, unknown>();
        const byDocument = new Map<string, number[]>();
        for (const job of jobs) {
          try {
            const id = idOf(job.payload, 'documentId');
            byDocument.set(id, [...(byDocument.get(id) ?? []), job.id]);
          } catch (error) {
            errors.set(job.id, error);
          }
        }
        const failures = await syncDocuments(deps, [...byDocument.keys()]);
        for (const [documentId, error] of failures) for (const jobId of byDocument.get(documentId) ?? []) errors.set(jobId, error);
        return errors;
      },
    },
    /** The scans of a version, read by French OCR apart from the sync batches (server/search/indexing.ts). */
    'extraction.ocr': async (payload: Record<string, unknown>) => {
      await ocrVersion(deps, idOf(payload, 'versionId'));
    },
    'search.syncFolder': async (payload: Record<string, unknown>) => {
      const ids = await documentsUnder(deps.db, idOf(payload, 'folderId'));
      await deps.db.transaction(async (trx) => {
        for (const id of ids) await enqueueDocumentSync(trx, id);
      });
    },
    /** Availability moves with the calendar: reindex the schemes whose availability changed. */
    'search.refreshAvailability': async () => {
      const folders = await listFolders(deps.db);
      for (const folder of folders.filter((f) => f.is_scheme)) {
        const availability = availabilityOf({
          opensOn: folder.scheme_opens_on,
          closesOn: folder.scheme_closes_on,
          isPermanent: folder.scheme_is_permanent,
        });
        const indexed = await deps.db('folders').where({ id: folder.id }).first('indexed_availability');
        if (indexed?.indexed_availability === availability) continue;
        await deps.db.transaction(async (trx) => {
          await trx('folders').where({ id: folder.id }).update({ indexed_availability: availability });
          await enqueueFolderSync(trx, folder.id);
        });
      }
    },
  };
}
