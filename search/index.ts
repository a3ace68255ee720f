import { Meilisearch, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { ServiceUnavailableError } from '../server/errors';

/**
 * The one door to Meilisearch. The rest of the app never imports the client library.
 */
export interface SearchOptions {
  url: string;
  apiKey?: string;
  /** Every index this app owns is named `${indexPrefix}_…`, so several apps or test files can share one server. */
  indexPrefix: string;
}

export interface Search {
  readonly indexPrefix: string;
  indexUid(name: string): string;
  /** Throws ServiceUnavailableError('search') when Meilisearch does not answer or is not healthy. */
  checkHealth(): Promise<void>;
}

export function createSearch(options: SearchOptions): Search {
  const client = new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    timeout: 5000,
    // The client asks for gzip by default; on loopback that costs more than it saves.
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
  });
  return {
    indexPrefix: options.indexPrefix,
    indexUid: (name) => `${options.indexPrefix}_${name}`,
    checkHealth: async () => {
      try {
        await client.health();
      } catch (error) {
        throw toSearchError(error);
      }
    },
  };
}

/** Meilisearch unreachable or too slow becomes a 503; anything else is a bug and stays as it is. */
export function toSearchError(error: unknown): unknown {
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError) {
    return new ServiceUnavailableError('search', { cause: error });
  }
  return error;
}
