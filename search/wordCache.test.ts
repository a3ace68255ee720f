import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Meilisearch, type MultiSearchParams } from 'meilisearch';
import { uniqueName } from '../tests/context';
import { buildRecords, createSearch, type DocumentForIndex, type Search } from '.';
import { runSearch } from './query';
import { forgetWords } from './wordCache';

/** The app's search client, counting the searches it sends (Meilisearch itself answers them). */
function countingClient(options: { host: string; apiKey: string }) {
  const client = new Meilisearch(options);
  const counted = { client, searches: 0, requests: 0 };
  const multiSearch = client.multiSearch.bind(client);
  client.multiSearch = ((params: MultiSearchParams) => {
    counted.searches += params.queries.length;
    counted.requests += 1;
    return multiSearch(params);
  }) as Meilisearch['multiSearch'];
  return counted;
}

const documentSaying = (title: string, text: string): DocumentForIndex => ({
  id: randomUUID(),
  title,
  summary: '',
  docType: 'reglement',
  scope: 'internal',
  status: 'published',
  fileType: 'pdf',
  updatedAt: new Date('2026-12-01T09:00:00Z'),
  directorate: { code: 'DEV', name: 'Développement' },
  folderIds: [],
  theme: null,
  scheme: null,
  pages: [text],
});

describe('words kept while the index does not change', () => {
  const { url, masterKey } = inject('services').meili;
  let search: Search;
  const counted = countingClient({ host: url, apiKey: masterKey });
  const client = counted.client;
  const ask = (q: string) =>
    runSearch(client, search.pagesIndex, { q, filter: '', facets: [], page: 1, hitsPerPage: 10, isDistinct: true });
  const publish = async (document: DocumentForIndex) => {
    await search.replaceDocuments([document.id], buildRecords(document, 'sync-1'), 'sync-1');
  };

  beforeAll(async () => {
    search = createSearch({ url, apiKey: masterKey, indexPrefix: uniqueName('words') });
    await search.ensureIndex();
    await publish(documentSaying('Remplacer sa chaudière au fioul', 'Le remplacement d’une chaudière au fioul par une pompe à chaleur.'));
  });
  afterAll(async () => {
    await client.deleteIndex(search.pagesIndex).waitTask();
  });

  it('asks Meilisearch again only for the words it has not seen, and finds a document published a moment ago', async () => {
    forgetWords();
    const first = await ask('chaudière fioul');
    expect(first.total).toBe(1);
    const sentFirst = counted.searches;

    // The same words again: only the best pages are searched.
    const again = await ask('chaudière fioul');
    expect(again.hits.map((hit) => hit.documentId)).toEqual(first.hits.map((hit) => hit.documentId));
    expect(counted.searches - sentFirst).toBeLessThan(sentFirst);

    // A new document: the index changed, every word is searched again and it is found at once.
    const published = documentSaying('Aide au changement de chaudière', 'Une prime pour changer une chaudière au fioul.');
    await publish(published);
    const sentBefore = counted.searches;
    const after = await ask('chaudière fioul');
    expect(after.total).toBe(2);
    expect(after.hits.map((hit) => hit.documentId)).toContain(published.id);
    expect(counted.searches - sentBefore).toBe(sentFirst);
  });

  it('sends the searches of a long sentence as two requests side by side, each word given its own results', async () => {
    const sentence = 'je voudrais remplacer ma vieille chaudière au fioul par une pompe à chaleur pour ma maison';
    forgetWords();
    const requestsBefore = counted.requests;
    const split = await ask(sentence);
    // The words' searches in two requests (then the best pages in one), not one.
    expect(counted.requests - requestsBefore).toBe(3);
    // Each word's results came back to it: the words in some document are searched, the one in none is set aside.
    expect(split.reading.words).toEqual(['remplacer', 'chaudière', 'fioul', 'pompe', 'chaleur']);
    expect(split.reading.ignored).toEqual(['maison']);
    expect(split.hits[0]?.title).toBe('Remplacer sa chaudière au fioul');
  });
});
