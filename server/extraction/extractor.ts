import type { FileType } from '../documents/fileTypes';
import { extractPages } from './formats';
import { ocrImage, ocrPdfPages, type OcrSettings } from './scans';
import { titleHints } from './titleHints';
import { ZipRejectedError } from '../errors';

/**
 * The extraction child process: files in, their pages (or why not) out, one at a time. A request
 * with `ocr` reads a scan instead (an image, or the given pages of a PDF): that runs in a child of
 * its own (server/extraction/index.ts), so text files never wait behind a long OCR.
 */
type Request = { id: number; fileType: FileType; data: Uint8Array; ocr?: { settings: OcrSettings; pages: number[] } };

function work(request: Request, data: Buffer) {
  // The hints first: pdf.js takes (detaches) the bytes it is given, and titleHints reads a copy.
  if (!request.ocr)
    return titleHints(request.fileType, data).then(async (hints) => ({ pages: await extractPages(request.fileType, data), hints }));
  const read =
    request.fileType === 'pdf' ? ocrPdfPages(data, request.ocr.pages, request.ocr.settings) : ocrImage(data, request.ocr.settings);
  return read.then((ocr) => ({ ocr }));
}

process.on('message', (request: Request) => {
  work(request, Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength)).then(
    (result) => process.send?.({ id: request.id, ok: true, ...result }),
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
