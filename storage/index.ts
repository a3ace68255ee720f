import type { StorageConfig } from '../server/config';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { Storage } from './types';

export * from './types';

export function createStorage(config: StorageConfig): Storage {
  return config.kind === 'local' ? createLocalStorage(config.dir) : createS3Storage(config);
}
