import { existsSync, mkdirSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { migrateLatest } from '../server/db';
import { createDocument } from '../server/documents/service';
import type { DocType } from '../server/documents/schema';
import { storeInspected } from '../server/documents/inspect';
import type { StoredUpload } from '../server/documents/uploadEngine';
import { createFolder } from '../server/folders/service';
import { aidTypes, audiences } from '../server/folders/schema';
import { createJobHandlers } from '../server/jobs/handlers';
import { startWorker } from '../server/jobs/worker';
import { createLogger } from '../server/logger';
import type { Actor } from '../server/policies';
import { enqueueSettings } from '../server/search/enqueue';
import { seed } from '../server/seed';
import { directorates, themes } from '../server/seed/data';
import { startServices, type Services } from '../server/services';
import { newStorageKey } from '../storage';
import { makePdf } from '../tests/fixtures/files';
import { buildVocabulary, capitalize, createRandom, ProseWriter, type Random } from './corpusText';
import { machineLine } from './report';

/**
 * `npm run corpus [-- --documents N (10000) --pages-per-document M (20) --data-dir DIR
 * --pdf-share P (0.1) --seed S]`: a search corpus on the embedded stack of DATA_DIR (default
 * os.tmpdir()/lpt-corpus), loaded through the real pipeline, kept for `npm run bench:search`.
 *
 * - schemes (up to 500) under the seed's themes, with a full scheme card, made by createFolder;
 * - documents of varied French (bench/corpusText.ts), each file stored the way the upload API
 *   stores it (storeInspected: storage driver, SHA-256, type from the bytes), then recorded by
 *   createDocument (document, version, search job, audit) as a published document. Most files are
 *   plain text with a form feed between pages; a share (`--pdf-share`) are PDFs made by pdf-lib;
 * - then the real job worker (startWorker + createJobHandlers, WORKER_CONCURRENCY) extracts and
 *   indexes everything; the time from its start to an empty queue gives pages per second.
 *
 * Writes DATA_DIR/corpus.json with the figures; bench/search.ts reads it.
 */

export const defaultCorpusDir = path.join(os.tmpdir(), 'lpt-corpus');
export const corpusSeed = 20261126;
export const corpusInfoFile = 'corpus.json';
export const corpusAdminEmail = 'admin@region.example';

export interface CorpusInfo {
  createdAt: string;
  machine: string;
  seed: number;
  documents: number;
  pages: number;
  pdfDocuments: number;
  pdfPages: number;
  schemes: number;
  words: number;
  vocabularyForms: number;
  distinctWordsWritten: number;
  loadSeconds: number;
  indexSeconds: number;
  pagesPerSecond: number;
  workerConcurrency: number;
  dataDir: string;
}

function print(text = '') {
  process.stdout.write(`${text}\n`);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string', default: '10000' },
      'pages-per-document': { type: 'string', default: '20' },
      'data-dir': { type: 'string', default: defaultCorpusDir },
      'pdf-share': { type: 'string', default: '0.1' },
      seed: { type: 'string', default: String(corpusSeed) },
    },
  });
  const documents = Number(values.documents);
  const pagesPerDocument = Number(values['pages-per-document']);
  const pdfShare = Number(values['pdf-share']);
  const seedValue = Number(values.seed);
  if (!Number.isInteger(documents) || documents < 1) throw new Error(`--documents expects a whole number above 0, got ${values.documents}`);
  if (!Number.isInteger(pagesPerDocument) || pagesPerDocument < 1)
    throw new Error(`--pages-per-document expects a whole number above 0, got ${values['pages-per-document']}`);
  if (!(pdfShare >= 0 && pdfShare <= 1)) throw new Error(`--pdf-share expects a number from 0 to 1, got ${values['pdf-share']}`);
  if (!Number.isInteger(seedValue)) throw new Error(`--seed expects a whole number, got ${values.seed}`);
  return { documents, pagesPerDocument, pdfShare, seed: seedValue, dataDir: path.resolve(values['data-dir']) };
}

/** Page counts around `mean` (from mean/2 to 3·mean/2), summing to exactly documents × mean. */
export function pageCounts(documents: number, mean: number, random: Random): number[] {
  const counts = new Array<number>(documents).fill(mean);
  const swing = Math.floor(mean / 2);
  for (let i = 0; i + 1 < documents; i += 2) {
    const delta = random.int(-swing, swing);
    counts[i] = mean + delta;
    counts[i + 1] = mean - delta;
  }
  return counts;
}

// --- schemes --------------------------------------------------------------------------------------

const docTypeLabels: Record<DocType, string> = {
  fiche_synthese: 'Fiche synthèse',
  reglement: 'Règlement d’intervention',
  formulaire: 'Formulaire de demande',
  faq: 'Questions fréquentes',
  note_interne: 'Note interne',
  deliberation: 'Délibération',
  guide: 'Guide du porteur de projet',
  autre: 'Document',
};
const docTypeList = Object.keys(docTypeLabels) as DocType[];
const schemePrefixes = [
  'Pass',
  'Contrat',
  'Fonds',
  'Prêt',
  'Aide',
  'Appel à projets',
  'Prime',
  'Chèque',
  'Programme',
  'Plan',
  'Bourse',
  'Label',
  'Parcours',
  'Trophées',
];

interface SchemePlan {
  name: string;
  themeName: string;
  directorateCode: string;
  keywords: string[];
  promise: string;
  summary: string;
  audiences: (typeof audiences)[number][];
  aidTypes: (typeof aidTypes)[number][];
  isPermanent: boolean;
  opensOn: string | null;
  closesOn: string | null;
  referent: { name: string; service: string; email: string; phone: string };
}

const isoDay = (day: number) => new Date(day * 86400000).toISOString().slice(0, 10);

function pickSome<T>(items: readonly T[], count: number, random: Random): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(random.pick(items));
  return [...chosen];
}

function planSchemes(count: number, writer: ProseWriter, random: Random): SchemePlan[] {
  const names = new Set<string>();
  const plans: SchemePlan[] = [];
  const today = Math.floor(Date.now() / 86400000);
  while (plans.length < count) {
    const noun = writer.noun();
    const name =
      `${random.pick(schemePrefixes)} ${capitalize(noun)} ${random.chance(0.5) ? writer.adjective(noun) : random.chance(0.5) ? writer.town() : writer.noun()}`.slice(
        0,
        200,
      );
    if (names.has(name.toLowerCase())) continue;
    names.add(name.toLowerCase());
    const isPermanent = random.chance(0.55);
    const opensDay = today - random.int(0, 400);
    // About one in eight schemes is closed: hidden from search unless asked for.
    const closesDay = random.chance(0.22) ? today - random.int(1, 200) : today + random.int(10, 700);
    const person = writer.person();
    plans.push({
      name,
      themeName: random.pick(themes),
      directorateCode: random.pick(directorates).code,
      keywords: Array.from({ length: random.int(3, 7) }, () => writer.noun()),
      promise: writer.sentence().slice(0, 200),
      summary: `${writer.sentence()} ${writer.sentence()}`.slice(0, 600),
      audiences: pickSome(audiences, random.int(1, 3), random),
      aidTypes: pickSome(aidTypes, random.int(1, 2), random),
      isPermanent,
      opensOn: isPermanent ? null : isoDay(opensDay),
      closesOn: isPermanent ? null : isoDay(Math.max(closesDay, opensDay)),
      referent: {
        name: person,
        service: `Service ${writer.noun()}`.slice(0, 200),
        email: `${person
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]+/g, '.')}@region.example`,
        phone: `04 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
      },
    });
  }
  return plans;
}

// --- loading --------------------------------------------------------------------------------------

async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}

interface QueueState {
  waiting: number;
  dead: number;
}

async function queueState(services: Services): Promise<QueueState> {
  const rows = (await services
    .db('jobs')
    .whereIn('type', ['search.syncDocument', 'search.applySettings'])
    .groupBy('status')
    .select('status', services.db.raw('count(*)::int as n'))) as { status: string; n: number }[];
  const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  return { waiting: count('queued') + count('running'), dead: count('dead') };
}

async function main() {
  const options = parseOptions();
  const infoPath = path.join(options.dataDir, corpusInfoFile);
  if (existsSync(infoPath))
    throw new Error(`${options.dataDir} already holds a corpus (${corpusInfoFile}): remove the directory or pass another --data-dir`);
  mkdirSync(options.dataDir, { recursive: true });
  // PostgreSQL runs as the `postgres` system user when started as root: it must reach the directory.
  chmodSync(options.dataDir, 0o755);

  const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' };
  for (const name of ['WORKER_CONCURRENCY', 'DATABASE_POOL_MAX']) if (process.env[name]) env[name] = process.env[name];
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel);
  print(
    `Corpus: ${options.documents} documents × ${options.pagesPerDocument} pages (mean), ${Math.round(options.pdfShare * 100)} % PDF, seed ${options.seed}, in ${options.dataDir}`,
  );

  const services = await startServices(config, logger);
  let worker: ReturnType<typeof startWorker> | undefined;
  const stop = async () => {
    await worker?.stop(30000);
    await services.stop();
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().finally(() => process.exit(143)));
  try {
    await migrateLatest(services.db);
    await seed(services.db);
    await enqueueSettings(services.db);
    const admin = (await services.db('users').where({ email: corpusAdminEmail }).first('id', 'role')) as
      { id: string; role: 'admin' } | undefined;
    if (!admin) throw new Error(`no ${corpusAdminEmail} after seeding`);
    const actor: Actor = { id: admin.id, role: admin.role, directorateId: null, maisonId: null };
    const audit = { actorId: admin.id, actorLabel: 'npm run corpus' };

    const vocabulary = buildVocabulary(options.seed);
    const random = createRandom(options.seed + 1);
    const writer = new ProseWriter(vocabulary, random);
    print(`Vocabulary: ${vocabulary.distinctForms} distinct word forms.`);

    // Schemes.
    const schemeCount = Math.min(500, Math.max(10, Math.ceil(options.documents / 20)));
    const themeIds = new Map(
      ((await services.db('folders').whereNull('parent_id').select('id', 'name')) as { id: string; name: string }[]).map((row) => [
        row.name,
        row.id,
      ]),
    );
    const directorateIds = new Map(
      ((await services.db('directorates').select('id', 'code')) as { id: string; code: string }[]).map((row) => [row.code, row.id]),
    );
    const schemes: { id: string; plan: SchemePlan }[] = [];
    for (const plan of planSchemes(schemeCount, writer, random)) {
      const folder = await createFolder(
        services.db,
        actor,
        {
          name: plan.name,
          parentId: themeIds.get(plan.themeName) ?? null,
          scheme: {
            directorateId: directorateIds.get(plan.directorateCode) as string,
            promise: plan.promise,
            summary: plan.summary,
            amount: '',
            audiences: plan.audiences,
            aidTypes: plan.aidTypes,
            keywords: plan.keywords,
            opensOn: plan.opensOn,
            closesOn: plan.closesOn,
            isPermanent: plan.isPermanent,
            referent: { ...plan.referent, publicFields: ['service'] },
            links: {},
          },
        },
        audit,
      );
      schemes.push({ id: folder.id, plan });
    }
    print(`Schemes: ${schemes.length}.`);

    // Documents, stored and recorded as the upload API does.
    const counts = pageCounts(options.documents, options.pagesPerDocument, random);
    const seen = new Set<string>();
    let words = 0;
    let pdfDocuments = 0;
    let pdfPages = 0;
    let done = 0;
    const loadStartedAt = performance.now();
    let lastReport = loadStartedAt;
    // Generation is synchronous and deterministic (one PRNG, in document order); storage and database run 4 at a time.
    await runPool(counts, 4, async (pageCount, index) => {
      const scheme = random.pick(schemes);
      const docType = random.pick(docTypeList);
      const isPdf = random.next() < options.pdfShare;
      const pages = Array.from({ length: pageCount }, () => writer.page(random.int(150, 400)));
      for (const page of pages) {
        for (const word of page.toLowerCase().match(/\p{L}+/gu) ?? []) {
          words += 1;
          if (seen.size < 2_000_000) seen.add(word);
        }
      }
      const title =
        `${docTypeLabels[docType]} — ${scheme.plan.name}${random.chance(0.5) ? ` — ${writer.town()}` : ''} ${random.int(2021, 2027)}`.slice(
          0,
          300,
        );
      const summary = writer.sentence();
      const scope = random.chance(0.7) ? 'internal' : 'external';
      const body = isPdf ? await makePdf(pages) : Buffer.from(pages.join('\f'), 'utf8');
      const storageKey = newStorageKey();
      await services.db('upload_intents').insert({ storage_key: storageKey });
      const inspected = await storeInspected(services.storage, storageKey, Readable.from([body]));
      const upload: StoredUpload = { ...inspected, storageKey, originalFilename: `document-${index + 1}.${isPdf ? 'pdf' : 'txt'}` };
      await createDocument(services.db, actor, { folderId: scheme.id, title, summary, docType, scope, status: 'published' }, upload, audit);
      if (isPdf) {
        pdfDocuments += 1;
        pdfPages += pageCount;
      }
      done += 1;
      if (performance.now() - lastReport > 10000) {
        lastReport = performance.now();
        print(`  loaded ${done}/${options.documents} documents (${(done / ((lastReport - loadStartedAt) / 1000)).toFixed(1)}/s)`);
      }
    });
    const loadSeconds = (performance.now() - loadStartedAt) / 1000;
    const totalPages = counts.reduce((sum, count) => sum + count, 0);
    print(
      `Loaded ${options.documents} documents, ${totalPages} pages (${pdfDocuments} PDFs, ${pdfPages} pages), ${words} words, ${seen.size} distinct, in ${loadSeconds.toFixed(1)} s.`,
    );

    // Extraction and indexing by the real worker.
    const concurrency = config.worker.concurrency;
    print(`Extracting and indexing with the job worker (concurrency ${concurrency})…`);
    const indexStartedAt = performance.now();
    worker = startWorker({
      db: services.db,
      logger,
      handlers: createJobHandlers({ ...services, logger, config }),
      concurrency,
      idleMs: 100,
    });
    lastReport = indexStartedAt;
    const [{ n: totalJobs }] = (await services.db('jobs').where({ type: 'search.syncDocument' }).count<{ n: string }[]>('* as n')) as [
      { n: string },
    ];
    for (;;) {
      const state = await queueState(services);
      if (state.waiting === 0) break;
      if (performance.now() - lastReport > 15000) {
        lastReport = performance.now();
        const elapsed = (lastReport - indexStartedAt) / 1000;
        const finished = Number(totalJobs) - state.waiting;
        print(
          `  ${finished}/${totalJobs} documents indexed in ${elapsed.toFixed(0)} s (${(((finished / options.documents) * totalPages) / elapsed).toFixed(0)} pages/s)${state.dead ? `, ${state.dead} dead jobs` : ''}`,
        );
      }
      await delay(200);
    }
    const indexSeconds = (performance.now() - indexStartedAt) / 1000;
    await worker.stop(30000);
    worker = undefined;
    const state = await queueState(services);
    if (state.dead > 0) throw new Error(`${state.dead} indexing jobs died: see the jobs table`);
    const indexed = await services.search.indexedDocuments();
    let records = 0;
    for (const count of indexed.values()) records += count;
    const info: CorpusInfo = {
      createdAt: new Date().toISOString(),
      machine: machineLine(),
      seed: options.seed,
      documents: options.documents,
      pages: totalPages,
      pdfDocuments,
      pdfPages,
      schemes: schemes.length,
      words,
      vocabularyForms: vocabulary.distinctForms,
      distinctWordsWritten: seen.size,
      loadSeconds,
      indexSeconds,
      pagesPerSecond: totalPages / indexSeconds,
      workerConcurrency: concurrency,
      dataDir: options.dataDir,
    };
    writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
    print(
      `Indexed ${indexed.size} documents (${records} records) in ${indexSeconds.toFixed(1)} s: ${info.pagesPerSecond.toFixed(0)} pages/s.`,
    );
    print(`Written ${infoPath}.`);
  } finally {
    await stop();
  }
}

export function readCorpusInfo(dataDir: string): CorpusInfo {
  const file = path.join(dataDir, corpusInfoFile);
  if (!existsSync(file)) throw new Error(`no corpus in ${dataDir}: run npm run corpus first (--data-dir ${dataDir})`);
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusInfo;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  main().catch((error: unknown) => {
    process.stderr.write(`corpus failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
