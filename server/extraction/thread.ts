import { parentPort } from 'node:worker_threads';
import type { FileType } from '../documents/fileTypes';
import { extractPages } from './formats';
import { ZipRejectedError } from './zip';

/** The extraction worker thread: files in, their pages (or why not) out, one at a time. */
parentPort?.on('message', (request: { id: number; fileType: FileType; data: Uint8Array }) => {
  extractPages(request.fileType, Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength)).then(
    (pages) => parentPort?.postMessage({ id: request.id, ok: true, pages }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        isRejected: error instanceof ZipRejectedError,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
