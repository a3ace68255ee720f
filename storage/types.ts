import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';

/**
 * Where the files are: a local directory (its signed URLs' secret: the app's session secret, or
 * one made per process), or any S3.
 */
export type StorageConfig =
  | { kind: 'local'; dir: string; urlSecret?: string }
  | {
      kind: 's3';
      bucket: string;
      endpoint?: string;
      region: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
    };

export type Disposition = 'inline' | 'attachment';

/** What a local signed URL names: an object, the grant it was issued through (a share link's id), its disposition. */
export interface SignedFile {
  key: string;
  grant: string;
  disposition: Disposition;
}

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

/**
 * The one door to stored files: local disk or any S3. Keys are always made by the server
 * (see newStorageKey), never taken from a user's file name.
 */
export interface Storage {
  readonly kind: 'local' | 's3';
  /** Streams `body` into the object `key`; resolves with the number of bytes written. */
  put(key: string, body: Readable): Promise<{ size: number }>;
  /** Streams the object (or one byte range of it). Throws StorageObjectNotFoundError when missing. */
  get(key: string, range?: ByteRange): Promise<StoredObject>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Throws StorageUnavailableError when the files cannot be reached. */
  checkHealth(): Promise<void>;
  /** Room left, where the driver can tell (undefined for S3). */
  space(): Promise<StorageSpace | undefined>;
  /**
   * Removes partial writes older than `olderThanMs` left by a process killed mid-upload; returns
   * how many. (S3 keeps incomplete multipart uploads apart: a bucket lifecycle rule expires them.)
   */
  removeAbandonedPartials(olderThanMs: number): Promise<number>;
  /**
   * A short-lived URL the browser fetches the object from: S3's presigned GET, or the local
   * driver's own HMAC-signed `/f/<key>` (served by `signedFileRoutes`, which the app mounts). The
   * `grant` (a share link's id) is signed into a local URL, for the app to check again on each fetch.
   */
  presignedGetUrl(
    key: string,
    options: { expiresInSeconds: number; filename: string; contentType: string; disposition: 'inline' | 'attachment'; grant: string },
  ): Promise<string>;
  /** The file a signed URL of this driver names, or undefined (malformed, tampered with, expired; S3 signs none). */
  verifySignedUrl(key: string, query: Record<string, unknown>): SignedFile | undefined;
}

export const storageKeyPattern = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** A key we could have made ourselves (no `..`, no absolute path, no odd characters). */
export const isStorageKey = (key: string) => storageKeyPattern.test(key) && !key.includes('//') && !key.endsWith('/');

/** Refuses any key we did not make ourselves. */
export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
}

/** A new key for a stored file: made by the server, never from a user's file name. */
export function newStorageKey(kind: 'versions' = 'versions', now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${kind}/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}
