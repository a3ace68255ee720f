/**
 * The searches' way to Meilisearch: node:http on kept-alive connections instead of the client's
 * `fetch`: a search's client side (the request, the answer, its JSON) takes less CPU this way than
 * through `fetch` (undici, web streams, text decoding), and so less of each search's time;
 * `npm run bench:search` measures both ways at every run (docs/benchmarks.md). Searches only: a search can be sent again when Meilisearch closed a
 * kept-alive connection as the request left on it, a write could not.
 */
import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError, MeilisearchRequestError, type Config } from 'meilisearch';

/** What the Meilisearch client calls instead of `fetch` when given one. */
export type HttpClient = NonNullable<Config['httpClient']>;

/** Meilisearch (actix-web) closes a connection idle for 5 s: ours are dropped before that. */
const idleSocketMs = 4000;

interface Sent {
  status: number;
  statusText: string;
  text: string;
}

function send(agents: { http: http.Agent; https: https.Agent }, url: URL, init: RequestInit, isRetry = false): Promise<Sent> {
  const headers = Object.fromEntries(new Headers(init.headers));
  const isHttps = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (isHttps ? https : http).request(
      url,
      { method: init.method ?? 'GET', headers, agent: isHttps ? agents.https : agents.http, signal: init.signal ?? undefined },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // The connection was closed by the other end while the request was sent on it again.
      if (request.reusedSocket && error.code === 'ECONNRESET' && !isRetry) send(agents, url, init, true).then(resolve, reject);
      else reject(error);
    });
    request.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

/**
 * An `httpClient` for the Meilisearch client: the parsed answer, or its MeilisearchApiError. Idle
 * connections do not keep the process alive (the agent unrefs them).
 */
export function createHttpClient(): HttpClient {
  const agents = {
    http: new http.Agent({ keepAlive: true, timeout: idleSocketMs }),
    https: new https.Agent({ keepAlive: true, timeout: idleSocketMs }),
  };
  const httpClient: HttpClient = async (input, init = {}) => {
    const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
    const { status, statusText, text } = await send(agents, url, init);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    if (status < 200 || status >= 300)
      throw new MeilisearchApiError(
        new Response(text, { status, statusText }),
        body as ConstructorParameters<typeof MeilisearchApiError>[1],
      );
    return body;
  };
  return httpClient;
}

/**
 * The client wraps whatever an `httpClient` throws in a MeilisearchRequestError: Meilisearch's
 * own refusal (a MeilisearchApiError) is found again here, so that it is never taken for
 * Meilisearch being unreachable.
 */
export function apiErrorOf(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return undefined;
}
