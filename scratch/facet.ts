import { startEmbeddedMeilisearch } from '../server/embedded/meilisearch';
import { createLogger } from '../server/logger';
import { Meilisearch } from 'meilisearch';
const meili = await startEmbeddedMeilisearch({ dir: '/tmp/scratch-meili2', masterKey: 'scratch-master-key-0123456789', logger: createLogger('warn') });
const c = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
const idx = c.index('t');
await c.createIndex('t', { primaryKey: 'id' }).waitTask();
await idx.updateSettings({ searchableAttributes: ['content'], filterableAttributes: ['k', 'doc', 'g'] }).waitTask();
await idx.addDocuments([
  { id: 1, doc: 'a', g: 'x', content: 'vélo électrique page un', k: 'sub' },
  { id: 2, doc: 'a', g: 'x', content: 'vélo électrique page deux', k: 'sub' },
  { id: 3, doc: 'a', g: 'x', content: 'vélo électrique page trois', k: 'sub' },
  { id: 4, doc: 'b', g: 'x', content: 'vélo cargo', k: 'sub' },
  { id: 5, doc: 'c', content: 'vélo seul', k: 'pret' },
  { id: 6, doc: 'd', content: 'vélo seul deux', k: 'pret' },
]).waitTask();
const r = await idx.search('vélo', { distinct: 'doc', facets: ['k'] });
console.log('single distinct', r.estimatedTotalHits, JSON.stringify(r.facetDistribution));
const f = await c.multiSearch({ federation: { facetsByIndex: { t: ['k'] }, mergeFacets: {} }, queries: [{ indexUid: 't', q: 'vélo', distinct: 'doc' }, { indexUid: 't', q: 'velo', distinct: 'doc' }] });
console.log('federated', f.estimatedTotalHits, JSON.stringify(f.facetDistribution));
const g = await idx.search('vélo', { distinct: 'g' });
console.log('distinct g (missing on c,d)', g.hits.map(h=>h.id));
await meili.stop();
