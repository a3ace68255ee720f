import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFolders } from '../server/folders/service';
import { seed } from '../server/seed';
import { ancestry, schemeForIndex } from '../server/search/indexing';
import { buildRecords, type SearchRecord } from '../search';
import { signInAs, type SignedIn } from './auth';
import { createTestContext, type TestContext } from './context';
import { corpusDocuments, corpusQueries, corpusSchemes, corpusSynonyms } from './fixtures/relevanceCorpus';

/**
 * Relevance, measured: a corpus of realistic French scheme documents, queries typed as agents type
 * them (by need, with typos, plurals, acronyms, missing accents, synonyms), each with the documents
 * that must come in the top 3. Asserts recall@3 ≥ 0.9 and prints MRR.
 */
describe('relevance on the French scheme corpus', () => {
  let ctx: TestContext;
  let agent: SignedIn;
  const documentIds = new Map<string, string>();

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seed(ctx.db);
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    const themes = new Map((await ctx.db('folders').whereNull('parent_id').select('id', 'name')).map((t) => [t.name as string, t.id as string]));
    const directorates = new Map((await ctx.db('directorates').select('id', 'code')).map((d) => [d.code as string, d.id as string]));
    const schemeIds = new Map<string, string>();
    for (const scheme of corpusSchemes) {
      const [row] = await ctx.db('folders')
        .insert({
          name: scheme.name,
          parent_id: themes.get(scheme.theme),
          directorate_id: directorates.get(scheme.directorateCode),
          is_scheme: true,
          scheme_promise: scheme.promise,
          scheme_summary: scheme.summary,
          scheme_keywords: scheme.keywords,
          scheme_audiences: scheme.audiences,
          scheme_aid_types: scheme.aidTypes,
          scheme_is_permanent: scheme.isPermanent,
          scheme_opens_on: scheme.opensOn,
          scheme_closes_on: scheme.closesOn,
        })
        .returning('id');
      schemeIds.set(scheme.key, row.id as string);
    }
    const folders = new Map((await listFolders(ctx.db)).map((row) => [row.id, row]));
    const records: SearchRecord[] = [];
    for (const document of corpusDocuments) {
      const scheme = corpusSchemes.find((s) => s.key === document.schemeKey);
      if (!scheme) throw new Error(`unknown scheme ${document.schemeKey}`);
      const folderId = schemeIds.get(scheme.key) as string;
      const [row] = await ctx.db('documents')
        .insert({ folder_id: folderId, title: document.title, summary: document.summary, doc_type: document.docType, scope: document.scope, status: 'published', directorate_id: directorates.get(scheme.directorateCode) })
        .returning(['id', 'updated_at']);
      documentIds.set(document.key, row.id as string);
      records.push(
        ...buildRecords({
          id: row.id as string,
          title: document.title,
          summary: document.summary,
          docType: document.docType,
          scope: document.scope,
          status: 'published',
          fileType: 'pdf',
          updatedAt: new Date(row.updated_at as string),
          directorate: { code: scheme.directorateCode, name: scheme.directorateCode },
          ...ancestry(folderId, folders),
          scheme: schemeForIndex(folders.get(folderId)),
          pages: document.pages,
        }),
      );
    }
    await ctx.search.setSynonyms(corpusSynonyms);
    await ctx.search.queueRecords(ctx.search.pagesIndex, records);
    await ctx.search.waitForQueued();
  });
  afterAll(() => ctx.close());

  it('finds the expected documents in the top 3 for at least 90 % of them (recall@3), and prints MRR', async () => {
    const keyOf = new Map([...documentIds].map(([key, id]) => [id, key]));
    let found = 0;
    let expected = 0;
    let reciprocalRanks = 0;
    const misses: string[] = [];
    for (const query of corpusQueries) {
      const response = await agent.agent.get('/api/search').query({ q: query.query, hitsPerPage: '10' }).expect(200);
      const ranked = (response.body.hits as { document: { id: string } }[]).map((hit) => keyOf.get(hit.document.id));
      const top3 = ranked.slice(0, 3);
      const hits = query.expected.filter((key) => top3.includes(key)).length;
      found += hits;
      expected += query.expected.length;
      const firstRank = ranked.findIndex((key) => key !== undefined && query.expected.includes(key));
      reciprocalRanks += firstRank === -1 ? 0 : 1 / (firstRank + 1);
      if (hits < query.expected.length) misses.push(`  [${query.kind}] "${query.query}" expected ${query.expected.join(', ')}; got ${top3.join(', ')}`);
    }
    const recall = found / expected;
    const mrr = reciprocalRanks / corpusQueries.length;
    process.stdout.write(
      `\nRelevance: ${corpusQueries.length} queries, ${corpusDocuments.length} documents — recall@3 ${recall.toFixed(3)}, MRR ${mrr.toFixed(3)}\n` +
        (misses.length ? `Not in the top 3:\n${misses.join('\n')}\n` : ''),
    );
    expect(corpusQueries.length).toBeGreaterThanOrEqual(40);
    expect(corpusDocuments.length).toBeGreaterThanOrEqual(40);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
