import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PassThrough, Readable } from 'node:stream';
import { contentDisposition } from './contentDisposition';
import { StorageObjectNotFoundError, StorageUnavailableError } from './errors';
import { assertStorageKey, type ByteRange, type Storage, type StorageConfig } from './types';

type S3Config = Extract<StorageConfig, { kind: 's3' }>;

/** A failure to reach S3 (network, 5xx) is a 503; a 4xx is our own mistake and stays an error. */
function toStorageError(error: unknown): unknown {
  if (error instanceof S3ServiceException && error.$metadata.httpStatusCode !== undefined && error.$metadata.httpStatusCode < 500) {
    return error;
  }
  return new StorageUnavailableError({ cause: error });
}

/**
 * Streams `body` into the object `key` as a multipart upload; resolves with the bytes sent. Parts
 * of the 5 MiB minimum, one in flight: memory stays bounded (and small) whatever the file size.
 */
async function upload(client: S3Client, Bucket: string, key: string, body: Readable): Promise<number> {
  let size = 0;
  const counted = new PassThrough();
  counted.on('data', (chunk: Buffer) => {
    size += chunk.length;
  });
  body.once('error', (error) => counted.destroy(error));
  body.pipe(counted);
  const multipart = new Upload({ client, params: { Bucket, Key: key, Body: counted }, queueSize: 1, partSize: 5 * 1024 * 1024 });
  try {
    await multipart.done();
  } catch (error) {
    throw toStorageError(error);
  }
  return size;
}

/** Any S3 (AWS, MinIO, Scaleway, OVH…); uploads stream as multipart, never held whole in memory. */
export function createS3Storage(config: S3Config): Storage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
    maxAttempts: 2,
  });
  const Bucket = config.bucket;

  return {
    kind: 's3',

    async put(key: string, body: Readable) {
      assertStorageKey(key);
      return { size: await upload(client, Bucket, key, body) };
    },

    async get(key: string, range?: ByteRange) {
      assertStorageKey(key);
      try {
        const result = await client.send(
          new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        const total = result.ContentRange ? Number(result.ContentRange.split('/')[1]) : Number(result.ContentLength ?? 0);
        return { body: result.Body as Readable, size: total };
      } catch (error) {
        if (error instanceof NoSuchKey) throw new StorageObjectNotFoundError(key);
        throw toStorageError(error);
      }
    },

    async exists(key: string) {
      assertStorageKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return false;
        throw toStorageError(error);
      }
    },

    async delete(key: string) {
      assertStorageKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (error) {
        throw toStorageError(error);
      }
    },

    async presignedGetUrl(key, options) {
      assertStorageKey(key);
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentType: options.contentType,
        ResponseContentDisposition: contentDisposition(options.disposition, options.filename),
      });
      return getSignedUrl(client, command, { expiresIn: options.expiresInSeconds });
    },

    verifySignedUrl() {
      return undefined;
    },

    async removeAbandonedPartials() {
      // Incomplete multipart uploads are invisible as objects; the bucket's lifecycle rule
      // (AbortIncompleteMultipartUpload) removes them. Nothing is half-visible meanwhile.
      return 0;
    },

    async space() {
      return undefined;
    },

    async checkHealth() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw new StorageUnavailableError({ cause: error });
      }
    },
  };
}
