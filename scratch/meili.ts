import { startEmbeddedMeilisearch } from '../server/embedded/meilisearch';
import { createLogger } from '../server/logger';
import { Meilisearch } from 'meilisearch';
const meili = await startEmbeddedMeilisearch({ dir: '/tmp/scratch-meili', masterKey: 'scratch-master-key-0123456789', logger: createLogger('warn') });
const c = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
const idx = c.index('t');
await c.createIndex('t', { primaryKey: 'id' }).waitTask();
await idx.updateSettings({ searchableAttributes: ['content'], synonyms: { 'chomage': ['demandeur emploi'], 'chômage': ['demandeur d\'emploi'] }, typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } }, filterableAttributes: ['k'] }).waitTask();
await idx.addDocuments([
  { id: 1, content: 'chaque élève peut prendre le car scolaire', k: 'a' },
  { id: 2, content: 'prime pour un vélo électrique neuf', k: 'a' },
  { id: 3, content: 'les demandeurs d\'emploi peuvent suivre une formation de reconversion', k: 'b' },
  { id: 4, content: 'bourse pour les étudiants', k: 'b' },
  { id: 5, content: 'course cycliste régionale', k: 'b' },
  { id: 6, content: 'aide au demandeur d\'emploi pour reconvertir', k: 'b' },
]).waitTask();
const show = async (label: string, q: string, extra: object = {}) => {
  const r = await idx.search(q, { showRankingScore: true, showRankingScoreDetails: true, ...extra });
  console.log(label.padEnd(28), JSON.stringify(q).padEnd(40), r.hits.map((h) => `${h.id}:${(h._rankingScore as number).toFixed(2)}`).join(' '));
};
await show('last', 'chèque vélo électrique', { matchingStrategy: 'last' });
await show('last quoted', '"chèque" "vélo" "électrique"', { matchingStrategy: 'last' });
await show('last quoted bourse', '"bourse"', { matchingStrategy: 'last' });
await show('plain bourse', 'bourse', { matchingStrategy: 'last' });
await show('quoted multi last', '"bourse" "cycliste"', { matchingStrategy: 'last' });
await show('quoted multi freq', '"bourse" "cycliste"', { matchingStrategy: 'frequency' });
await show('quoted multi all', '"bourse" "cycliste"', { matchingStrategy: 'all' });
await show('syn plain', 'chômage reconvertir', { matchingStrategy: 'last' });
await show('syn quoted', '"chômage" "reconvertir"', { matchingStrategy: 'last' });
await show('freq', 'chômage voudrais', { matchingStrategy: 'frequency' });
await show('count', '"chaque"', { limit: 0 });
const m = await c.multiSearch({ queries: [{ indexUid: 't', q: '"chèque"', limit: 0 }, { indexUid: 't', q: '"vélo"', limit: 0 }] });
console.log(m.results.map((r) => r.estimatedTotalHits));
const r = await idx.search('vélo chaque', { matchingStrategy: 'last', showRankingScoreDetails: true, showRankingScore: true, limit: 2 });
console.log(JSON.stringify(r.hits.map(h => [h.id, h._rankingScoreDetails])));
await meili.stop();
