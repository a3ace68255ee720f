import { startEmbeddedMeilisearch } from '../server/embedded/meilisearch';
import { createLogger } from '../server/logger';
import { Meilisearch } from 'meilisearch';
const meili = await startEmbeddedMeilisearch({ dir: '/tmp/scratch-meili3', masterKey: 'scratch-master-key-0123456789', logger: createLogger('warn') });
const c = new Meilisearch({ host: meili.url, apiKey: meili.masterKey, requestInit: { headers: { 'Accept-Encoding': 'identity' } } });
await c.createIndex('t', { primaryKey: 'id' }).waitTask();
const idx = c.index('t');
await idx.updateSettings({ searchableAttributes: ['content'], filterableAttributes: ['doc'], localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }] }).waitTask();
const docs = Array.from({ length: 300 }, (_, i) => ({ id: i, doc: `d${i % 60}`, content: `page ${i} camping économie eau vélo chaque élève formation reconversion texte numéro ${i}` }));
await idx.addDocuments(docs).waitTask();
for (const n of [1, 5, 10, 20, 40]) {
  const queries = Array.from({ length: n }, (_, i) => ({ indexUid: 't', q: 'camping eau', filter: `doc = "d${i}"`, distinct: 'doc', limit: 1, attributesToCrop: ['content'], attributesToHighlight: ['content'] }));
  const t = performance.now();
  for (let k = 0; k < 5; k++) await c.multiSearch({ queries });
  console.log(n, 'queries', ((performance.now() - t) / 5).toFixed(1), 'ms');
}
await meili.stop();
