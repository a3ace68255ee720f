/**
 * The files cannot be reached (a disk failing or read-only, S3 down): not the request's fault.
 * The app maps it to its 503 `service_unavailable` (server/serviceErrors.ts).
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super('The file storage is unavailable', options);
  }
}

/** The files' disk is full: not transient, an administrator must act (the app's 507). */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super('The file storage is full', options);
  }
}

export class StorageObjectNotFoundError extends Error {
  override name = 'StorageObjectNotFoundError';
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
  }
}
