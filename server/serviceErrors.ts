import { SearchUnavailableError } from '../search';
import { StorageFullError, StorageUnavailableError } from '../storage';
import { InsufficientStorageError, ServiceUnavailableError, type AppError, type ServiceName } from './errors';
import { isConnectionError } from './db';

/**
 * The doors' own errors (search/ and storage/ know nothing of the app) as the app's typed errors:
 * a service that does not answer is a 503, a full disk a 507. Undefined for any other error.
 */
export function fromServiceError(error: unknown): AppError | undefined {
  if (error instanceof SearchUnavailableError) return new ServiceUnavailableError('search', { cause: error });
  if (error instanceof StorageUnavailableError) return new ServiceUnavailableError('storage', { cause: error });
  if (error instanceof StorageFullError) return new InsufficientStorageError({ cause: error });
  return undefined;
}

/** The service that did not answer (Meilisearch, storage, PostgreSQL), or undefined when the error is not an outage. */
export function unavailableServiceOf(error: unknown): ServiceName | undefined {
  const appError = error instanceof ServiceUnavailableError ? error : fromServiceError(error);
  if (appError instanceof ServiceUnavailableError) return appError.service;
  return isConnectionError(error) ? 'database' : undefined;
}
