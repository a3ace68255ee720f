import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { Storage, StorageConfig } from './types';

export * from './types';
export { contentDisposition } from './contentDisposition';
export { StorageFullError, StorageObjectNotFoundError, StorageUnavailableError } from './errors';
export { signedFilePath, signedFileRoutes, type SignedFileHandlers } from './signedUrls';

export function createStorage(config: StorageConfig): Storage {
  return config.kind === 'local' ? createLocalStorage(config) : createS3Storage(config);
}
