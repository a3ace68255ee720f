import S3rver from 's3rver';
import { findFreePort } from '../../server/embedded/ports';
import type { StorageConfig } from '../../storage';

export const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A real S3 protocol server (s3rver) on loopback, with the given buckets. */
export async function startS3rver(directory: string, buckets: string[], port?: number) {
  const server = new S3rver({
    address: '127.0.0.1',
    port: port ?? (await findFreePort()),
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port: boundPort } = await server.run();
  return { server, endpoint: `http://127.0.0.1:${boundPort}`, port: boundPort };
}

export function s3StorageConfig(endpoint: string, bucket: string): StorageConfig {
  return { kind: 's3', bucket, endpoint, region: 'us-east-1', forcePathStyle: true, ...s3rverCredentials };
}
