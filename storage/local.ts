import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, mkdir, open, readdir, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageFullError, StorageObjectNotFoundError, StorageUnavailableError } from './errors';
import { signedFilePath, verifiedSignedFile } from './signedUrls';
import { assertStorageKey, isStorageKey, type ByteRange, type Storage, type StorageConfig, type StorageSpace } from './types';

/** Makes a directory's entries durable: they survive a crash of the machine. */
async function syncDirectory(dir: string) {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Errors of a disk that has no room left (ENOSPC), or of a quota reached (EDQUOT). */
const isOutOfSpace = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Below this, the disk is full whatever happened: not even a small file fits. */
const fullBelowBytes = 64 * 1024;

/**
 * Writes `body` to `target` through a temporary file: fsynced, renamed into place, its directory
 * fsynced. Resolves with the number of bytes written; the temporary file never stays behind.
 */
async function writeDurably(body: Readable, temporary: string, target: string): Promise<number> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    // `flush`: the file's bytes are fsynced before the stream closes.
    await pipeline(body, counter, createWriteStream(temporary, { flags: 'wx', flush: true }));
    await rename(temporary, target);
    await syncDirectory(path.dirname(target));
    return size;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes the files of `dir` last written more than `olderThanMs` ago; returns how many. */
async function removeOldFiles(dir: string, olderThanMs: number): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > olderThanMs) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** The room on the disk that holds `dir`. */
async function roomOf(dir: string) {
  const info = await statfs(dir);
  return { freeBytes: info.bavail * info.bsize, totalBytes: info.blocks * info.bsize };
}

/**
 * Files on local disk. An object appears under its key only once fully written and on disk (temp
 * file, fsync, rename, fsync of its directory): the database never records a file that a crash of
 * the machine could take back.
 */
export function createLocalStorage(config: Extract<StorageConfig, { kind: 'local' }>): Storage {
  const root = config.dir;
  // Without the app's secret (a tool, a test), URLs are signed for this process only.
  const urlSecret = config.urlSecret ?? randomBytes(32).toString('base64url');
  const tmpDir = path.join(root, '.tmp');
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, ...key.split('/'));
  };
  const room = () => roomOf(root);
  // The free space when a write last failed for want of it: full until there is more room than that.
  let freeBytesAtFailure: number | undefined;

  return {
    kind: 'local',

    async put(key: string, body: Readable) {
      const target = fileOf(key);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      try {
        const size = await writeDurably(body, path.join(tmpDir, randomUUID()), target);
        freeBytesAtFailure = undefined;
        return { size };
      } catch (error) {
        if (isOutOfSpace(error)) {
          freeBytesAtFailure = (await room().catch(() => undefined))?.freeBytes ?? 0;
          throw new StorageFullError({ cause: error });
        }
        // The disk failing (full, read-only…) is the storage being unavailable; a failing body is the caller's.
        if ((error as NodeJS.ErrnoException).syscall) throw new StorageUnavailableError({ cause: error });
        throw error;
      }
    },

    async get(key: string, range?: ByteRange) {
      const file = fileOf(key);
      const size = await stat(file).then(
        (s) => s.size,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') throw new StorageObjectNotFoundError(key);
          throw new StorageUnavailableError({ cause: error });
        },
      );
      const body = createReadStream(file, range ? { start: range.start, end: range.end } : {});
      return { body, size };
    },

    async exists(key: string) {
      return stat(fileOf(key)).then(
        () => true,
        () => false,
      );
    },

    async delete(key: string) {
      await rm(fileOf(key), { force: true });
    },

    async presignedGetUrl(key, options) {
      assertStorageKey(key);
      return signedFilePath(urlSecret, { key, grant: options.grant, disposition: options.disposition }, options.expiresInSeconds);
    },

    verifySignedUrl(key, query) {
      if (!isStorageKey(key)) return undefined;
      return verifiedSignedFile(urlSecret, key, query);
    },

    removeAbandonedPartials: (olderThanMs: number) => removeOldFiles(tmpDir, olderThanMs),

    async space(): Promise<StorageSpace> {
      await mkdir(root, { recursive: true });
      const { freeBytes, totalBytes } = await room();
      if (freeBytesAtFailure !== undefined && freeBytes > freeBytesAtFailure) freeBytesAtFailure = undefined;
      return { freeBytes, totalBytes, isFull: freeBytes < fullBelowBytes || freeBytesAtFailure !== undefined };
    },

    async checkHealth() {
      try {
        await mkdir(root, { recursive: true });
        await access(root, constants.R_OK | constants.W_OK);
      } catch (error) {
        throw new StorageUnavailableError({ cause: error });
      }
    },
  };
}
