import { fileTypeFromStream } from 'file-type';
import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { AppError, EmptyFileError, UnsupportedTypeError } from '../errors';
import type { Storage } from '../../storage';
import { allowedTypes, plainText, type FileType } from './fileTypes';

export interface InspectedFile {
  size: number;
  sha256: string;
  fileType: FileType;
  mime: string;
}

/** Markup sent as "text" (HTML, SVG, XML) is refused: it could run in a browser. */
const markupStart = /^\s*<(!doctype\s+html|html|head|body|svg|script|iframe|\?xml|!--)/i;

/** Follows a stream as UTF-8 text: valid throughout, no NUL byte, not markup. */
class TextProbe {
  private decoder = new TextDecoder('utf-8', { fatal: true });
  private start = '';
  isText = true;

  push(chunk: Buffer) {
    if (!this.isText) return;
    try {
      if (chunk.includes(0)) throw new Error('NUL byte');
      const text = this.decoder.decode(chunk, { stream: true });
      if (this.start.length < 512) this.start += text.slice(0, 512);
    } catch {
      this.isText = false;
    }
  }

  end() {
    if (!this.isText) return;
    try {
      this.decoder.decode();
    } catch {
      this.isText = false;
    }
    if (markupStart.test(this.start.replace(/^\ufeff/, ''))) this.isText = false;
  }
}

/**
 * Streams an upload into storage under `key` while computing its size and SHA-256 and detecting
 * its type from the bytes. Refused types stop the upload as soon as they are known. The object is
 * deleted on any failure; the caller keeps the upload intent until the version row is committed.
 */
export async function storeInspected(storage: Storage, key: string, source: Readable): Promise<InspectedFile> {
  const hash = createHash('sha256');
  let size = 0;
  const text = new TextProbe();
  const sniffer = new PassThrough();
  let isSniffing = true;
  const detection = fileTypeFromStream(sniffer).then(
    (found) => found,
    () => undefined,
  );
  void detection.finally(() => {
    isSniffing = false;
    sniffer.resume();
  });

  const inspector = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      text.push(chunk);
      if (isSniffing) sniffer.write(chunk);
      done(null, chunk);
    },
    flush(done) {
      sniffer.end();
      text.end();
      done();
    },
  });
  // Errors reach us through storage.put; this listener keeps a late one from going unhandled.
  inspector.on('error', () => undefined);
  source.once('error', (error) => inspector.destroy(error));
  source.pipe(inspector);

  // Refuse as soon as the bytes say it is not an allowed type (an executable, HTML in a zip…).
  void detection.then((found) => {
    if (found && !allowedTypes[found.ext] && !inspector.writableFinished) inspector.destroy(new UnsupportedTypeError());
  });

  try {
    await storage.put(key, inspector);
    const found = await detection;
    if (size === 0) throw new EmptyFileError();
    const type = found ? allowedTypes[found.ext] : text.isText ? plainText : undefined;
    if (!type) throw new UnsupportedTypeError();
    return { size, sha256: hash.digest('hex'), ...type };
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    // A stream destroyed for a refused type surfaces as the storage write's error.
    const refused = inspector.errored;
    throw refused instanceof AppError ? refused : error;
  }
}
