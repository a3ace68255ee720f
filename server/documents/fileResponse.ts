import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { contentDisposition, type ByteRange, type Storage } from '../../storage';
import { inlineTypes, type FileType } from './fileTypes';

export interface StoredVersion {
  storage_key: string;
  original_filename: string;
  file_type: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
}

/** One byte range from a Range header; undefined for none or several (sent whole), 'unsatisfiable' past the end. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined | 'unsatisfiable' {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(size - suffix, 0);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/**
 * Streams a stored file: detected type, Range (206), Content-Disposition (inline for PDF and
 * images, attachment otherwise), nosniff and a sandboxing CSP so nothing in it can run as the app.
 */
export async function sendStoredFile(
  req: Pick<Request, 'get' | 'method'>,
  res: Response,
  storage: Storage,
  version: StoredVersion,
  disposition?: 'inline' | 'attachment',
): Promise<void> {
  const size = Number(version.size_bytes);
  const range = parseRange(req.get('range'), size);
  const etag = `"${version.sha256}"`;
  res.set({
    'Accept-Ranges': 'bytes',
    'Content-Type': version.mime_type,
    'Content-Disposition': contentDisposition(
      disposition ?? (inlineTypes.has(version.file_type as FileType) ? 'inline' : 'attachment'),
      version.original_filename,
    ),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'sandbox',
    'Cache-Control': 'private, no-cache',
    ETag: etag,
  });
  if (req.get('if-none-match') === etag) {
    res.status(304).end();
    return;
  }
  if (range === 'unsatisfiable') {
    res.status(416).set('Content-Range', `bytes */${size}`).end();
    return;
  }
  const stored = await storage.get(version.storage_key, range);
  if (range) {
    res
      .status(206)
      .set({ 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) });
  } else {
    res.status(200).set('Content-Length', String(size));
  }
  if (req.method === 'HEAD') {
    stored.body.destroy();
    res.end();
    return;
  }
  await pipeline(stored.body, res).catch(() => undefined);
}
