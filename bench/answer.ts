import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import { availabilityOf } from '../server/folders/availability';
import { createLogger } from '../server/logger';
import { facetFields } from '../server/search/schema';
import { runSearch } from '../search/query';
import {
  buildRecords,
  createClient,
  createSearch,
  expansionsOf,
  synonymSet,
  understand,
  type DocumentForIndex,
  type SearchRecord,
} from '../search';
import { forgetWords } from '../search/wordCache';
import { corpusDocuments, corpusQueries, corpusSchemes } from '../tests/fixtures/relevanceCorpus';
import { visitorQueries } from '../tests/fixtures/visitorQueries';
import { failed, loadLine, print } from './harness';
import { machineLine, markdownTable, verdict, writeBenchmarkSection } from './report';
import { figuresOf, percentile, runInterleaved, runSet, type Outcome } from './searchLoad';

/**
 * `npm run bench:answer [-- --pages N (50000) --queries N (400)]`: the answer-first search of
 * issue 17 against one plain Meilisearch query.
 * 1. Query understanding's own cost, in this process: `understand(q)` and the thesaurus lookup of
 *    each word, warm, over the visitor sentences and the terse queries of the relevance fixtures.
 * 2. On its own embedded Meilisearch, an index with the app's settings holding the relevance corpus
 *    copied until it has about `--pages` pages (each copy with new document and scheme ids).
 * 3. The same queries through the whole design (`runSearch`, grouped, facets, thesaurus) with
 *    words never asked before (the words kept in memory forgotten before each query), and through
 *    one plain Meilisearch search, taking turns query by query at concurrency 1; then the design
 *    as the desks ask it (the queries in turn, the words kept: search/wordCache.ts); then
 *    `--queries` of each at concurrency 8 for throughput, the words kept.
 * Writes the section `answer` of docs/benchmarks.md. A missed target is reported, not an error.
 */

const targets = { understandP50Ms: 2, designP50Ratio: 1.5 };
const throughputConcurrency = 8;
const indexPrefix = 'bench_answer';

function parseOptions() {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '50000' }, queries: { type: 'string', default: '400' } } });
  const whole = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} expects a whole number from ${min}, got ${value}`);
    return n;
  };
  return { pages: whole('pages', values.pages, 1), queries: whole('queries', values.queries, 1) };
}

const ms = (value: number) => value.toFixed(value < 10 ? 3 : 1);

// --- 1. query understanding ----------------------------------------------------------------------

const expand = expansionsOf(synonymSet([]));

/** What the design does on the CPU before its first request: read the sentence, look up each word's terms. */
function understandWithExpansions(q: string): number {
  let terms = 0;
  for (const word of understand(q).words) terms += expand(word).length;
  return terms;
}

function measureUnderstanding(queries: readonly string[]) {
  // Cold pass: the lexicon and the filler set load on first use; not counted.
  for (const q of queries) understandWithExpansions(q);
  const durations: number[] = [];
  const rounds = 5;
  for (let round = 0; round < rounds; round += 1) {
    for (const q of queries) {
      const startedAt = performance.now();
      understandWithExpansions(q);
      durations.push(performance.now() - startedAt);
    }
  }
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), samples: durations.length };
}

// --- 2. the index --------------------------------------------------------------------------------

/** One copy of the relevance corpus: every document and scheme under new ids, nothing else changed. */
function corpusCopy(): DocumentForIndex[] {
  const schemeIds = new Map(corpusSchemes.map((scheme) => [scheme.key, randomUUID()]));
  return corpusDocuments.map((document) => {
    const scheme = corpusSchemes.find((s) => s.key === document.schemeKey);
    if (!scheme) throw new Error(`unknown scheme ${document.schemeKey}`);
    return {
      id: randomUUID(),
      title: document.title,
      summary: document.summary,
      docType: document.docType,
      scope: document.scope,
      status: 'published',
      fileType: 'pdf',
      updatedAt: new Date('2026-11-26T09:00:00Z'),
      directorate: { code: scheme.directorateCode, name: scheme.directorateCode },
      folderIds: [],
      theme: null,
      scheme: {
        id: schemeIds.get(scheme.key) as string,
        name: scheme.name,
        keywords: scheme.keywords,
        promise: scheme.promise,
        summary: scheme.summary,
        audiences: scheme.audiences,
        aidTypes: scheme.aidTypes,
        availability: availabilityOf({ opensOn: scheme.opensOn, closesOn: scheme.closesOn, isPermanent: scheme.isPermanent }),
        closesOn: scheme.closesOn,
        isPermanent: scheme.isPermanent,
        isArchived: false,
        referent: { name: null, service: null, email: null, phone: null },
      },
      pages: document.pages,
    };
  });
}

async function fillIndex(url: string, apiKey: string, wantedPages: number) {
  const search = createSearch({ url, apiKey, indexPrefix });
  await search.ensureIndex();
  const pagesPerCopy = corpusCopy().flatMap((document) => buildRecords(document)).length;
  const copies = Math.max(1, Math.round(wantedPages / pagesPerCopy));
  const startedAt = performance.now();
  let pages = 0;
  let batch: SearchRecord[] = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const document of corpusCopy()) batch.push(...buildRecords(document));
    if (batch.length >= 5000 || copy === copies - 1) {
      await search.queueRecords(search.pagesIndex, batch);
      pages += batch.length;
      batch = [];
    }
  }
  await search.waitForQueued();
  return {
    indexUid: search.pagesIndex,
    pages,
    documents: copies * corpusDocuments.length,
    copies,
    seconds: (performance.now() - startedAt) / 1000,
  };
}

// --- 3. design against plain ---------------------------------------------------------------------

/** The queries in a fixed order, repeated until there are `count`. */
const repeated = (queries: readonly string[], count: number) =>
  Array.from({ length: count }, (_, i) => queries[i % queries.length] as string);

type Figures = ReturnType<typeof figuresOf>;

interface Comparison {
  /** Concurrency 1, taking turns, the design's words forgotten before each query. */
  singleDesign: Figures;
  singlePlain: Figures;
  firstError?: string;
  /** Concurrency 1, the design with its words kept, as the desks ask. */
  asked: Figures;
  /** `throughputConcurrency` in flight, words kept. */
  loadedDesign: Figures;
  loadedPlain: Figures;
  loadCount: number;
}

/** The design (`runSearch`) against one plain search, at concurrency 1 then under load. */
async function compareDesignWithPlain(
  url: string,
  apiKey: string,
  indexUid: string,
  queries: string[],
  queryCount: number,
): Promise<Comparison> {
  const client = createClient({ url, apiKey }, { isForSearches: true });
  const facets = Object.values(facetFields);
  const design = async (q: string): Promise<Outcome> => {
    forgetWords();
    return kept(q);
  };
  const kept = async (q: string): Promise<Outcome> => {
    const result = await runSearch(client, indexUid, { q, filter: '', facets, page: 1, hitsPerPage: 10, isDistinct: true, expand });
    return { hits: result.hits.length, engineMs: result.engineMs };
  };
  const plain = async (q: string): Promise<Outcome> => {
    const result = await client
      .index(indexUid)
      .search(q, { limit: 10, distinct: 'documentId', attributesToCrop: ['content'], attributesToHighlight: ['content'] });
    return { hits: result.hits.length, engineMs: result.processingTimeMs };
  };

  // Warm-up: a few queries of each, not counted (Meilisearch's caches, the client's connections).
  const warmUp = queries.filter((_, i) => i % 6 === 0);
  await runSet(warmUp, 1, design);
  await runSet(warmUp, 1, plain);
  print(`Warmed up (${warmUp.length} queries each); measuring at concurrency 1…`);
  const single = await runInterleaved(queries, { design, plain });
  const singleDesign = figuresOf(single.design);
  const singlePlain = figuresOf(single.plain);
  const ratio = singleDesign.p50 / singlePlain.p50;
  print(
    `Concurrency 1, ${queries.length} queries each, taking turns: design p50 ${ms(singleDesign.p50)} ms, p95 ${ms(singleDesign.p95)} ms; plain p50 ${ms(singlePlain.p50)} ms, p95 ${ms(singlePlain.p95)} ms; p50 ratio ${ratio.toFixed(2)}×`,
  );
  print(
    `  Meilisearch's own time p50 (processingTimeMs; the design: the slowest query of each of its multi-searches, added): design ${ms(singleDesign.engineP50)} ms, plain ${ms(singlePlain.engineP50)} ms`,
  );
  forgetWords();
  const asked = figuresOf(await runSet(queries, 1, kept));
  print(
    `Concurrency 1, the design as the desks ask it (words kept from one query to the next): p50 ${ms(asked.p50)} ms, p95 ${ms(asked.p95)} ms (${(asked.p50 / singlePlain.p50).toFixed(2)}× the plain p50)`,
  );

  const load = repeated(queries, queryCount);
  print(`Measuring throughput: ${load.length} queries of each, ${throughputConcurrency} in flight…`);
  const loadedDesign = figuresOf(await runSet(load, throughputConcurrency, kept));
  const loadedPlain = figuresOf(await runSet(load, throughputConcurrency, plain));
  print(
    `Concurrency ${throughputConcurrency}, ${load.length} queries each: design ${loadedDesign.rate.toFixed(1)} queries/s (p50 ${ms(loadedDesign.p50)} ms), plain ${loadedPlain.rate.toFixed(1)} queries/s (p50 ${ms(loadedPlain.p50)} ms)`,
  );
  return {
    singleDesign,
    singlePlain,
    firstError: single.design.firstError ?? single.plain.firstError,
    asked,
    loadedDesign,
    loadedPlain,
    loadCount: load.length,
  };
}

/** The section `answer` of docs/benchmarks.md. */
function sectionMarkdown(
  startedOn: Date,
  loadAtStart: number[],
  understanding: ReturnType<typeof measureUnderstanding>,
  index: Awaited<ReturnType<typeof fillIndex>>,
  c: Comparison,
): string {
  const { singleDesign, singlePlain, asked, loadedDesign, loadedPlain } = c;
  const ratio = singleDesign.p50 / singlePlain.p50;
  const errors = singleDesign.errors + singlePlain.errors + loadedDesign.errors + loadedPlain.errors;
  const understandMet = understanding.p50 <= targets.understandP50Ms;
  const ratioMet = ratio <= targets.designP50Ratio;
  const table = markdownTable(
    ['Figure', 'Measured', 'Target', 'Verdict'],
    [
      ['Date', `${startedOn.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '', ''],
      ['Load average at start (1, 5, 15 min)', loadLine(loadAtStart), '', ''],
      ['Corpus', `${index.pages} pages (${index.documents} documents)`, '≈ 50,000 pages', ''],
      [
        'Query understanding p50 (understand + thesaurus lookups, warm)',
        `${ms(understanding.p50)} ms`,
        `≤ ${targets.understandP50Ms} ms`,
        verdict(understandMet),
      ],
      ['Query understanding p95', `${ms(understanding.p95)} ms`, '', ''],
      ['Design p50 / p95, concurrency 1 (words never asked before)', `${ms(singleDesign.p50)} / ${ms(singleDesign.p95)} ms`, '', ''],
      ['Plain query p50 / p95, concurrency 1', `${ms(singlePlain.p50)} / ${ms(singlePlain.p95)} ms`, '', ''],
      [
        "Meilisearch's own time p50, design / plain (processingTimeMs; the design: the slowest query of each of its multi-searches, added)",
        `${ms(singleDesign.engineP50)} / ${ms(singlePlain.engineP50)} ms`,
        '',
        '',
      ],
      ['Design / plain, p50 (words never asked before)', `${ratio.toFixed(2)}×`, `≤ ${targets.designP50Ratio}×`, verdict(ratioMet)],
      [
        'Design as the desks ask it (words kept), p50 / p95, concurrency 1',
        `${ms(asked.p50)} / ${ms(asked.p95)} ms (${(asked.p50 / singlePlain.p50).toFixed(2)}× plain)`,
        'reported',
        '',
      ],
      [
        `Design throughput, concurrency ${throughputConcurrency} (words kept)`,
        `${loadedDesign.rate.toFixed(1)} queries/s (p50 ${ms(loadedDesign.p50)} ms)`,
        'reported',
        '',
      ],
      [
        `Plain throughput, concurrency ${throughputConcurrency}`,
        `${loadedPlain.rate.toFixed(1)} queries/s (p50 ${ms(loadedPlain.p50)} ms)`,
        'reported',
        '',
      ],
      ['Errors', String(errors), '0', verdict(errors === 0)],
    ],
  );
  return [
    '## Answer search (bench:answer)',
    '',
    `Machine: ${machineLine(startedOn)}.`,
    '',
    table,
    '',
    `Query understanding is \`understand(q)\` plus the shipped thesaurus lookup of each word (\`expansionsOf(synonymSet([]))\`), timed in-process over the ${visitorQueries.length} visitor sentences and ${corpusQueries.length} terse queries of the relevance fixtures, five warm passes after an uncounted first one. ` +
      `The design (\`runSearch\`: understanding, the index's version, one multi-search of per-word probes, one multi-search of best pages in bands; grouped, all facets, thesaurus) and one plain Meilisearch search (\`limit 10, distinct documentId\`, content cropped and highlighted) ran through the same app client on an embedded Meilisearch holding ${index.copies} copies of the relevance corpus (new document and scheme ids, nothing else varied), taking turns query by query (order rotating) at concurrency 1 after an uncounted warm-up of a sixth of the queries, the design's kept words forgotten before each query (every word searched); then the design once over the queries in turn with its words kept, as the desks ask (words shared between queries are not searched again while the index is unchanged); then ${c.loadCount} queries of each with ${throughputConcurrency} in flight (the set repeated, words kept). The machine is shared, so read the figures with the load average above.`,
  ].join('\n');
}

async function main() {
  const options = parseOptions();
  const loadAtStart = os.loadavg();
  const startedOn = new Date();
  print(`bench:answer — ${machineLine(startedOn)}. Load average: ${loadLine(loadAtStart)}`);
  const queries = [...visitorQueries.map((query) => query.query), ...corpusQueries.map((query) => query.query)];
  print(`${queries.length} queries (${visitorQueries.length} visitor sentences, ${corpusQueries.length} terse)`);

  const understanding = measureUnderstanding(queries);
  print(
    `Query understanding (understand + thesaurus lookups), warm, ${understanding.samples} samples: p50 ${ms(understanding.p50)} ms, p95 ${ms(understanding.p95)} ms`,
  );

  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-answer-'));
  let meili: EmbeddedMeilisearchService | undefined;
  const stopAll = async () => {
    await meili?.stop().catch(() => undefined);
    meili = undefined;
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  };
  const interrupt = (signal: NodeJS.Signals) => {
    process.stderr.write(`bench:answer interrupted (${signal}): stopping Meilisearch…\n`);
    void stopAll().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    meili = await startEmbeddedMeilisearch({
      dir: path.join(dir, 'meili'),
      masterKey: `bench-answer-${randomUUID()}`,
      logger: createLogger('warn'),
    });
    const index = await fillIndex(meili.url, meili.masterKey, options.pages);
    print(
      `Index: ${index.pages} pages (${index.documents} documents, ${index.copies} copies of the relevance corpus) in ${index.seconds.toFixed(1)} s`,
    );
    const comparison = await compareDesignWithPlain(meili.url, meili.masterKey, index.indexUid, queries, options.queries);
    const errors =
      comparison.singleDesign.errors + comparison.singlePlain.errors + comparison.loadedDesign.errors + comparison.loadedPlain.errors;
    if (errors > 0) print(`Errors: ${errors} (first: ${comparison.firstError ?? 'under load'})`);
    print(`Queries with no hit at concurrency 1: design ${comparison.singleDesign.empty}, plain ${comparison.singlePlain.empty}`);
    await writeBenchmarkSection('answer', sectionMarkdown(startedOn, loadAtStart, understanding, index, comparison));
    print('Written: docs/benchmarks.md, section answer.');
  } finally {
    await stopAll();
  }
}

main().catch(failed('answer'));
