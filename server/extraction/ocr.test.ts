import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeHugePng, makeText } from '../../tests/fixtures/files';
import { makeScannedPdf, scanPage } from '../seed/demo/scans';
import { defaultExtractionLimits, defaultOcrSettings, extractText, type ExtractionLimits } from './index';

/** Scans at 150 dpi keep the tests quick; the benchmark reads 300 dpi pages (npm run bench:ocr). */
const dpi = 150;
const deliberation = [
  '# Délibération n° 2026-117 du conseil régional',
  'Le conseil régional, réuni en séance plénière, décide d’attribuer une subvention de 15 000 euros à l’association des campings écologiques pour des économies d’eau.',
  'Fait à Orléans, le 12 mars 2026. Le président du conseil régional.',
];
const limits: ExtractionLimits = { ...defaultExtractionLimits, ocr: { ...defaultOcrSettings } };

/** A photo-like image: random colours, seeded so that every run sees the same noise. */
async function noiseImage(): Promise<Buffer> {
  const canvas = createCanvas(900, 700);
  const context = canvas.getContext('2d');
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 6000; i += 1) {
    context.fillStyle = `rgb(${Math.floor(random() * 255)},${Math.floor(random() * 255)},${Math.floor(random() * 255)})`;
    context.fillRect(random() * 900, random() * 700, 4 + random() * 30, 4 + random() * 30);
  }
  return canvas.encode('jpeg', 80);
}

/** The app is still ready: the next file of each lane is read as usual. */
async function expectStillReady() {
  expect(await extractText('txt', makeText('Toujours là.'), limits)).toEqual({ ok: true, pages: ['Toujours là.'] });
  const { image } = await scanPage(['Toujours prêt à lire les affiches de la Région.'], { dpi, height: 200 });
  const read = await extractText('jpeg', image, limits);
  expect(read.ok && read.pages[0]).toContain('affiches de la Région');
}

// OCR is seconds per page, more on a busy machine (the engine starts once per child process).
describe('French OCR of scans, in the extraction child process', { timeout: 120000 }, () => {
  it('reads a scanned PDF page by page, each page marked as read by OCR with its confidence', async () => {
    const pdf = await makeScannedPdf(
      [{ scan: deliberation }, { scan: ['# Annexe', 'Liste des hébergements touristiques aidés en Centre-Val de Loire.'] }],
      { dpi },
    );
    const result = await extractText('pdf', pdf, limits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages).toHaveLength(2);
    const first = result.pages[0]?.replace(/\s+/g, ' ');
    expect(first).toContain('subvention de 15 000 euros');
    expect(first).toContain('économies d’eau');
    expect(result.pages[1]).toContain('hébergements touristiques');
    expect(result.ocr?.note).toBeNull();
    expect(result.ocr?.pages.map((page) => page.page)).toEqual([1, 2]);
    for (const page of result.ocr?.pages ?? []) {
      expect(page.isRead).toBe(true);
      expect(page.confidence).toBeGreaterThan(0.8);
    }
  });

  it('a document mixing text and scanned pages gets both, and its text pages never go through OCR', async () => {
    const pdf = await makeScannedPdf([{ text: ['Règlement d’intervention : page de texte.'] }, { scan: deliberation }], { dpi });
    const result = await extractText('pdf', pdf, limits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages[0]).toBe('Règlement d’intervention : page de texte.');
    expect(result.pages[1]).toContain('conseil régional');
    expect(result.ocr?.pages.map((page) => page.page)).toEqual([2]);
  });

  it('reads a PNG or JPEG image, a photographed poster', async () => {
    const poster = ['# Fête de la Région', 'Samedi 14 juin, place du Martroi : concerts, ateliers et stands des Maisons de Région.'];
    for (const format of ['png', 'jpeg'] as const) {
      const { image } = await scanPage(poster, { dpi, format, font: 'sans', skew: 1 });
      const result = await extractText(format, image, limits);
      expect(result.ok && result.pages[0]).toContain('ateliers et stands des Maisons de Région');
      expect(result.ok && result.ocr?.pages[0]?.isRead).toBe(true);
    }
  });

  it('works offline: engine, worker and French model come from node_modules, nothing is fetched or cached (no network at all)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ocr-offline-'));
    try {
      const { image } = await scanPage(['Lu sans réseau : la reconnaissance du texte en français.'], { dpi, height: 200 });
      await writeFile(join(folder, 'scan.jpg'), image);
      const script = join(folder, 'read.mts');
      await writeFile(
        script,
        `import { readFileSync } from 'node:fs';
         import { extractText } from ${JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url)))};
         const result = await extractText('jpeg', readFileSync('scan.jpg'));
         console.log(JSON.stringify(result));
         process.exit(0);`,
      );
      // A network namespace of its own: no interface but a loopback that is down.
      const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
      const { stdout } = await promisify(execFile)('unshare', ['--net', tsx, script], { cwd: folder, timeout: 120000 });
      expect(stdout).toContain('reconnaissance du texte en français');
      // cacheMethod none: no copy of the model left behind.
      expect(await readdir(folder)).toEqual(['read.mts', 'scan.jpg']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('bad scans: bounded, a clear state, the app stays ready', { timeout: 120000 }, () => {
  it('an image of 20,000 × 20,000 pixels is not decoded: "texte non reconnu" with its size', async () => {
    const huge = makeHugePng(20000, 20000);
    expect(huge.length).toBeLessThan(200 * 1024);
    const result = await extractText('png', huge, limits);
    expect(result).toEqual({
      ok: true,
      pages: [],
      ocr: {
        pages: [],
        note: expect.stringMatching(
          /^texte non reconnu : image trop grande \(20\s000 × 20\s000 pixels ; au plus 50 millions de pixels sont lus\)$/,
        ),
      },
    });
    await expectStillReady();
  });

  it('a big image under the limit is scaled down before it is read', async () => {
    // 8,000 × 6,000 pixels of one colour (a 48 MP photo): decoded, drawn at most 10 million pixels, nothing to read.
    const result = await extractText('png', makeHugePng(8000, 6000), limits);
    expect(result.ok && result.ocr?.note).toBe('texte non reconnu : aucun texte trouvé');
  });

  it('a scanned PDF of 300 pages: OCR stops at the page limit and says so', async () => {
    // One scanned sheet drawn on 300 pages (one image object): a small file.
    const one = await PDFDocument.load(await makeScannedPdf([{ scan: deliberation }], { dpi: 100 }));
    const pdf = await PDFDocument.create();
    const [page] = await pdf.copyPages(one, [0]);
    const embedded = await pdf.embedPage(page!);
    for (let i = 0; i < 300; i += 1) pdf.addPage([595, 842]).drawPage(embedded);
    const bytes = Buffer.from(await pdf.save());
    const result = await extractText('pdf', bytes, { ...limits, ocr: { ...defaultOcrSettings, maxPages: 2 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages).toHaveLength(300);
    expect(result.pages[0]).toContain('conseil régional');
    expect(result.pages[2]).toBe('');
    expect(result.ocr?.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(result.ocr?.note).toBe(
      'texte reconnu en partie : reconnaissance arrêtée après 2 pages (limite par document) : 298 pages scannées non lues',
    );
    await expectStillReady();
  });

  it('a document over its time budget stops between pages and says so', async () => {
    const pdf = await makeScannedPdf([{ scan: deliberation }, { scan: deliberation }, { scan: deliberation }], { dpi });
    const result = await extractText('pdf', pdf, { ...limits, ocr: { ...defaultOcrSettings, documentTimeoutMs: 1 } });
    expect(result.ok && result.ocr?.note).toMatch(
      /^texte non reconnu : (page 1 : lecture trop longue \(plus de 0,001 s\) ; )?reconnaissance arrêtée après 0,001 s \(limite par document\) : [23] pages scannées non lues$/,
    );
    await expectStillReady();
  });

  it('an image that is not text at all (a photo) is not indexed: "texte non reconnu" and why', async () => {
    const result = await extractText('jpeg', await noiseImage(), limits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages).toEqual(['']);
    expect(result.ocr?.pages[0]?.isRead).toBe(false);
    expect(result.ocr?.note).toMatch(/^texte non reconnu : (aucun texte trouvé|confiance trop faible \(\d+ % pour un seuil de 60 %\))$/);
    await expectStillReady();
  });

  it('a corrupt JPEG: "texte non reconnu", the file unreadable', async () => {
    const { image } = await scanPage(deliberation, { dpi });
    // The headers kept (the size reads), the picture cut short and overwritten.
    const corrupt = Buffer.concat([image.subarray(0, 700), Buffer.alloc(3000, 0xff)]);
    const result = await extractText('jpeg', corrupt, limits);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages.join('')).toBe('');
    expect(result.ocr?.note).toBe('texte non reconnu : image illisible (fichier endommagé ou incomplet)');
    await expectStillReady();
  });

  it('with OCR off, scans are left as they were: no text, found by title', async () => {
    const pdf = await makeScannedPdf([{ scan: deliberation }], { dpi });
    expect(await extractText('pdf', pdf, { ...limits, ocr: null })).toEqual({ ok: true, pages: [''] });
    expect(await extractText('png', makeHugePng(10, 10), { ...limits, ocr: null })).toEqual({ ok: true, pages: [] });
  });
});
