import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';

/**
 * The one door to stored files: local disk or any S3. Keys are always made by the server
 * (see newStorageKey), never taken from a user's file name.
 */
export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export interface StoredObject {
  body: Readable;
  /** Size of the whole object. */
  size: number;
}

/** Room left on the files' disk (local driver; S3 has no such limit to report). */
export interface StorageSpace {
  freeBytes: number;
  totalBytes: number;
  /** Nearly nothing left, or a write failed for want of space and no room has been made since. */
  isFull: boolean;
}

export interface Storage {
  readonly kind: 'local' | 's3';
  /** Streams `body` into the object `key`; resolves with the number of bytes written. */
  put(key: string, body: Readable): Promise<{ size: number }>;
  /** Streams the object (or one byte range of it). Throws StorageObjectNotFoundError when missing. */
  get(key: string, range?: ByteRange): Promise<StoredObject>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Throws ServiceUnavailableError('storage') when the files cannot be reached. */
  checkHealth(): Promise<void>;
  /** Room left, where the driver can tell (undefined for S3). */
  space(): Promise<StorageSpace | undefined>;
  /**
   * Removes partial writes older than `olderThanMs` left by a process killed mid-upload; returns
   * how many. (S3 keeps incomplete multipart uploads apart: a bucket lifecycle rule expires them.)
   */
  removeAbandonedPartials(olderThanMs: number): Promise<number>;
  /**
   * A short-lived URL the browser fetches the object from directly (S3 presigned GET); undefined
   * when the driver has none (local disk: the app serves its own HMAC-signed URL instead).
   */
  presignedGetUrl(key: string, options: { expiresInSeconds: number; filename: string; contentType: string; disposition: 'inline' | 'attachment' }): Promise<string | undefined>;
}

export class StorageObjectNotFoundError extends Error {
  override name = 'StorageObjectNotFoundError';
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
  }
}

export const storageKeyPattern = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** Refuses any key we did not make ourselves (no `..`, no absolute path, no odd characters). */
export function assertStorageKey(key: string): void {
  if (!storageKeyPattern.test(key) || key.includes('//') || key.endsWith('/')) {
    throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
  }
}

/** A new key for a stored file: made by the server, never from a user's file name. */
export function newStorageKey(kind: 'versions' = 'versions', now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${kind}/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}
