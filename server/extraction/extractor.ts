import type { FileType } from '../documents/fileTypes';
import { extractPages } from './formats';
import { ZipRejectedError } from './zip';

/** The extraction child process: files in, their pages (or why not) out, one at a time. */
process.on('message', (request: { id: number; fileType: FileType; data: Uint8Array }) => {
  extractPages(request.fileType, Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength)).then(
    (pages) => process.send?.({ id: request.id, ok: true, pages }),
    (error: unknown) =>
      process.send?.({
        id: request.id,
        ok: false,
        isRejected: error instanceof ZipRejectedError,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
// The app went away: nothing left to extract for.
process.on('disconnect', () => process.exit(0));
