import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { SearchUnavailableError } from './errors';
import { uniqueName } from '../tests/context';
import { toSearchError } from '.';
import { apiErrorOf, createHttpClient } from './transport';

const guardedSearch = (client: Meilisearch, uid: string, filter: string) =>
  client
    .index(uid)
    .search('fromage', { filter })
    .catch((error: unknown) => {
      throw toSearchError(error);
    });

describe('the searches’ HTTP client', () => {
  const { url, masterKey } = inject('services').meili;
  const uid = uniqueName('transport');
  const viaFetch = new Meilisearch({ host: url, apiKey: masterKey });
  const viaTransport = new Meilisearch({ host: url, apiKey: masterKey, httpClient: createHttpClient() });

  beforeAll(async () => {
    await viaFetch.createIndex(uid, { primaryKey: 'id' }).waitTask();
    await viaFetch.index(uid).updateFilterableAttributes(['region']).waitTask();
    await viaFetch
      .index(uid)
      .addDocuments([
        { id: 'a', title: 'Fromage de chèvre fermier', region: 'sud' },
        { id: 'b', title: 'Fromage à pâte dure', region: 'nord' },
        { id: 'c', title: 'Pain au levain', region: 'sud' },
      ])
      .waitTask();
  });
  afterAll(async () => {
    await viaFetch.deleteIndex(uid).waitTask();
  });

  it('answers a search as the client’s own fetch does, connection after connection', async () => {
    const expected = await viaFetch.index(uid).search('fromage', { filter: 'region = sud' });
    for (let i = 0; i < 3; i += 1) {
      const answer = await viaTransport.index(uid).search('fromage', { filter: 'region = sud' });
      expect(answer.hits).toEqual(expected.hits);
      expect(answer.estimatedTotalHits).toBe(1);
    }
  });

  it('keeps Meilisearch’s refusal of a request as such: never taken for Meilisearch being down', async () => {
    const error = await guardedSearch(viaTransport, uid, 'region = "sud').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MeilisearchApiError);
    expect((error as MeilisearchApiError).cause?.code).toBe('invalid_search_filter');
    expect((error as MeilisearchApiError).response?.status).toBe(400);
    expect(apiErrorOf(error)).toBe(error);
  });

  it('makes an unreachable Meilisearch a SearchUnavailableError', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const nowhere = new Meilisearch({ host: `http://127.0.0.1:${closed}`, apiKey: masterKey, httpClient: createHttpClient() });
    const error = await guardedSearch(nowhere, uid, '').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SearchUnavailableError);
  });

  it('makes Meilisearch failing on its side (408, 5xx) a SearchUnavailableError', async () => {
    for (const status of [408, 503]) {
      const failing = createServer((socket: Socket) => {
        socket.on('data', () => {
          const body = JSON.stringify({ message: 'indisponible', code: 'internal', type: 'internal', link: '' });
          socket.end(
            `HTTP/1.1 ${status} Failing\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
          );
        });
      });
      await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
      const { port: failingPort } = failing.address() as { port: number };
      const client = new Meilisearch({ host: `http://127.0.0.1:${failingPort}`, apiKey: masterKey, httpClient: createHttpClient() });
      const error = await guardedSearch(client, uid, '').catch((caught: unknown) => caught);
      await new Promise((resolve) => failing.close(resolve));
      expect(error).toBeInstanceOf(SearchUnavailableError);
    }
  });

  describe('when the server closes a kept-alive connection as the next request leaves on it', () => {
    let server: Server;
    let port = 0;
    const requestsPerConnection: number[] = [];

    beforeAll(async () => {
      // Answers the first request of each connection and keeps it open; resets the connection
      // on the second, as a server dropping an idle connection at that very moment would.
      server = createServer((socket: Socket) => {
        const connection = requestsPerConnection.push(0) - 1;
        socket.on('data', () => {
          requestsPerConnection[connection] = (requestsPerConnection[connection] ?? 0) + 1;
          if (requestsPerConnection[connection] === 1) {
            const body = JSON.stringify({
              hits: [{ id: String(connection) }],
              query: 'x',
              processingTimeMs: 1,
              limit: 20,
              offset: 0,
              estimatedTotalHits: 1,
            });
            socket.write(
              `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`,
            );
          } else {
            socket.resetAndDestroy();
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('sends the search again on a new connection', async () => {
      const client = new Meilisearch({ host: `http://127.0.0.1:${port}`, apiKey: masterKey, httpClient: createHttpClient() });
      expect((await client.index(uid).search('x')).hits).toEqual([{ id: '0' }]);
      expect((await client.index(uid).search('x')).hits).toEqual([{ id: '1' }]);
      expect(requestsPerConnection).toEqual([2, 1]);
    });
  });
});
