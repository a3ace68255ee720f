import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../../tests/auth';
import { createTestContext, type TestContext } from '../../../tests/context';
import { drainJobs } from '../../../tests/jobs';
import { availabilityOf } from '../../folders/availability';
import { seed } from '../index';
import { demoCatalogue } from './catalogue';
import type { DemoDocument } from './types';
import { pageText } from './files';
import { loadDemoCatalogue, type DemoLoadReport } from './load';

const catalogue = demoCatalogue();
const openSchemes = new Set(catalogue.schemes.filter((s) => availabilityOf(s.card) !== 'clos').map((s) => s.name));
const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}{7,}/gu) ?? [];

/** A word of the document's last page found on none of its other pages, nor in any other document of the catalogue. */
function lastPageWord(document: DemoDocument): string | undefined {
  const elsewhere = new Set([
    ...wordsOf(`${document.title} ${document.summary}`),
    ...document.pages.slice(0, -1).flatMap((page) => wordsOf(pageText(page))),
    ...catalogue.documents
      .filter((other) => other !== document)
      .flatMap((other) => wordsOf(`${other.title} ${other.summary} ${other.pages.map(pageText).join(' ')}`)),
    ...catalogue.schemes.flatMap((s) => wordsOf(`${s.name} ${s.card.promise} ${s.card.summary} ${s.card.keywords.join(' ')}`)),
  ]);
  return wordsOf(pageText(document.pages.at(-1) ?? [])).find((word) => !elsewhere.has(word));
}

describe('loading the demo catalogue', () => {
  let ctx: TestContext;
  let agent: SignedIn;
  let first: DemoLoadReport;
  let loadMs: number;

  beforeAll(async () => {
    // No search index yet, as on a new install: the loader's documents must not reach the index before its settings.
    ctx = await createTestContext();
    await seed(ctx.db);
    const startedAt = Date.now();
    first = await loadDemoCatalogue({ db: ctx.db, storage: ctx.storage }, catalogue);
    loadMs = Date.now() - startedAt;
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
  });
  afterAll(() => ctx.close());

  it('creates every scheme with its card under its theme, and every document as its directorate’s editor, audited', async () => {
    expect(first).toMatchObject({ schemes: catalogue.schemes.length, documents: catalogue.documents.length });
    expect(first.byFormat).toEqual({
      pdf: catalogue.documents.filter((d) => d.format === 'pdf').length,
      docx: catalogue.documents.filter((d) => d.format === 'docx').length,
      odt: catalogue.documents.filter((d) => d.format === 'odt').length,
      jpeg: catalogue.documents.filter((d) => d.format === 'jpeg').length,
    });
    process.stdout.write(
      `demo catalogue: ${first.schemes} schemes, ${first.documents} documents (${first.pages} pages) stored and recorded in ${loadMs} ms\n`,
    );

    const folders = (await agent.agent.get('/api/folders').expect(200)).body.folders as {
      name: string;
      parentId: string | null;
      scheme: Record<string, unknown> | null;
    }[];
    const byName = new Map(folders.map((f) => [f.name, f]));
    for (const scheme of catalogue.schemes) {
      const folder = byName.get(scheme.name);
      expect(folder?.scheme, scheme.name).toMatchObject({
        promise: scheme.card.promise,
        amount: scheme.card.amount,
        audiences: scheme.card.audiences,
        closesOn: scheme.card.closesOn,
        isPermanent: scheme.card.isPermanent,
      });
      expect(folders.find((f) => f.name === scheme.theme)?.parentId).toBeNull();
    }

    const uploads = (await ctx
      .db('audit_events as a')
      .join('users as u', 'u.id', 'a.actor_id')
      .where('a.action', 'document.created')
      .select('u.email', 'u.role')) as { email: string; role: string }[];
    expect(uploads).toHaveLength(catalogue.documents.length);
    expect(uploads.every((u) => u.role === 'editor' && u.email.startsWith('editeur.'))).toBe(true);
    const schemesCreated = await ctx.db('audit_events').where({ action: 'scheme.created' }).count<{ n: string }[]>('* as n');
    expect(Number(schemesCreated[0]?.n)).toBe(catalogue.schemes.length);
  });

  it('adds nothing when loaded again', async () => {
    const count = async (table: string) => Number((await ctx.db(table).count<{ n: string }[]>('* as n'))[0]?.n);
    const before = { folders: await count('folders'), documents: await count('documents'), versions: await count('versions') };
    expect(await loadDemoCatalogue({ db: ctx.db, storage: ctx.storage }, catalogue)).toEqual({
      schemes: 0,
      folders: 0,
      documents: 0,
      pages: 0,
      byFormat: {},
    });
    expect({ folders: await count('folders'), documents: await count('documents'), versions: await count('versions') }).toEqual(before);
  });

  // Its scans are read by OCR: seconds per page, more on a busy machine.
  it(
    'is extracted page by page and indexed like any upload: a word of a document’s last page finds it, scans read by OCR',
    { timeout: 240000 },
    async () => {
      expect(await drainJobs(ctx, 1000)).toEqual([]);
      const versions = (await ctx
        .db('documents as d')
        .join('versions as v', 'v.id', 'd.current_version_id')
        .select('d.title', 'v.page_count', 'v.extraction_status', 'v.file_type')) as {
        title: string;
        page_count: number;
        extraction_status: string;
        file_type: string;
      }[];
      for (const document of catalogue.documents) {
        const version = versions.find((v) => v.title === document.title);
        expect(version, document.title).toMatchObject({
          extraction_status: 'done',
          page_count: document.pages.length,
          file_type: document.format,
        });
      }

      // The scanned pages are marked as read by OCR, and their words are found.
      const ocrPages = (await ctx
        .db('version_pages as p')
        .join('documents as d', 'd.current_version_id', 'p.version_id')
        .where('p.ocr', true)
        .select('d.title', 'p.page_number', 'p.ocr_confidence')) as { title: string; page_number: number; ocr_confidence: number }[];
      const scans = catalogue.documents.filter((d) => d.scannedPages);
      expect(ocrPages.map((p) => `${p.title} ${p.page_number}`).sort()).toEqual(
        scans.flatMap((d) => (d.scannedPages ?? []).map((n) => `${d.title} ${n}`)).sort(),
      );
      for (const page of ocrPages) expect(page.ocr_confidence, `${page.title} ${page.page_number}`).toBeGreaterThan(0.7);
      for (const [q, title] of [
        ['Narbonne-Plage camping', scans[0]?.title],
        ['portes ouvertes ateliers café', scans[1]?.title],
        ['nidification regarnissage', scans[2]?.title],
      ]) {
        const id = ((await ctx.db('documents').where({ title }).first('id')) as { id: string }).id;
        const answer = await agent.agent.get('/api/search').query({ q }).expect(200);
        expect(JSON.stringify(answer.body), `${q} finds ${title}`).toContain(id);
      }

      for (const format of ['pdf', 'docx', 'odt'] as const) {
        // Closed schemes are searched only when asked for: a document of an open one.
        const candidates = catalogue.documents.filter(
          (d) => d.format === format && !d.scannedPages && 'scheme' in d.place && openSchemes.has(d.place.scheme),
        );
        const document = candidates.find((d) => lastPageWord(d) !== undefined);
        const word = document && lastPageWord(document);
        expect(word, `a ${format} with a word of its own on its last page`).toBeDefined();
        const id = ((await ctx.db('documents').where({ title: document?.title }).first('id')) as { id: string }).id;
        const answer = await agent.agent.get('/api/search').query({ q: word }).expect(200);
        expect(JSON.stringify(answer.body), `${word} finds ${document?.title}`).toContain(id);
      }
    },
  );
});
