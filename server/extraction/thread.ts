import { parentPort, workerData } from 'node:worker_threads';
import type { FileType } from '../documents/fileTypes';
import { extractPages } from './formats';
import { ZipRejectedError } from './zip';

/** The extraction worker thread: one file in, its pages (or why not) out. */
const { fileType, data } = workerData as { fileType: FileType; data: Uint8Array };
extractPages(fileType, Buffer.from(data.buffer, data.byteOffset, data.byteLength)).then(
  (pages) => parentPort?.postMessage({ ok: true, pages }),
  (error: unknown) =>
    parentPort?.postMessage({
      ok: false,
      isRejected: error instanceof ZipRejectedError,
      message: error instanceof Error ? error.message : String(error),
    }),
);
