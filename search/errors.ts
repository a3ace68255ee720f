/**
 * Meilisearch did not answer, answered too slowly, or failed on its side: not the request's fault.
 * The app maps it to its 503 `service_unavailable` (server/serviceErrors.ts).
 */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super('Meilisearch is unavailable', options);
  }
}
