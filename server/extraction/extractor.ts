import type { FileType } from '../documents/fileTypes';
import { extractPages } from './formats';
import { titleHints } from './titleHints';
import { ZipRejectedError } from './zip';

/** The extraction child process: files in, their pages (or why not) out, one at a time. */
process.on('message', (request: { id: number; fileType: FileType; data: Uint8Array }) => {
  const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  // The hints first: pdf.js takes (detaches) the bytes it is given, and titleHints reads a copy.
  titleHints(request.fileType, data).then(async (hints) => ({ pages: await extractPages(request.fileType, data), hints })).then(
    ({ pages, hints }) => process.send?.({ id: request.id, ok: true, pages, hints }),
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
