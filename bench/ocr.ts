import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { PDFDocument } from 'pdf-lib';
import { defaultExtractionLimits, extractText } from '../server/extraction';
import { demoCatalogue } from '../server/seed/demo/catalogue';
import { scanPage } from '../server/seed/demo/scans';
import { makePdf } from '../tests/fixtures/files';
import { machineLine, markdownTable, median, spread, verdict, writeBenchmarkSection } from './report';

/**
 * `npm run bench:ocr [-- --pages N (12)] [--text-pages N (1000)]`: French OCR as the app runs it
 * (server/extraction: the OCR child process, tesseract.js and the French model of
 * @tesseract.js-data/fra), on scanned A4 pages at 300 dpi whose text is known: the pages of the
 * demo catalogue's documents, drawn by server/seed/demo/scans.ts. Measures pages per second (one
 * OCR child, one engine: one core) and per CPU-second of that child, character accuracy (1 −
 * Levenshtein distance / length of the text drawn, whitespace collapsed), the child's peak RSS, and
 * the extraction of a text PDF with OCR on (its pages must never go through OCR). Writes the
 * section `ocr` of docs/benchmarks.md. A missed target is reported, not an error.
 */

const targets = { accuracy: 0.95, textPagesPerSecond: 200 };
const { values } = parseArgs({ options: { pages: { type: 'string', default: '12' }, 'text-pages': { type: 'string', default: '1000' } } });
const scannedPageCount = Number(values.pages);
const textPageCount = Number(values['text-pages']);
const clockTicks = 100;

/** The extraction children of this process (server/extraction/extractorEntry.mjs), by pid. */
function extractorPids(): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('extractorEntry')) pids.add(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** CPU seconds (user + system, all threads) a process has used. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** VmHWM of a process: its peak resident memory, in MB (1024² bytes). */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) / 1024;
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

const limits = { ...defaultExtractionLimits, timeoutMs: 600000 };

/** A text PDF with OCR on, 3 runs after a warm-up: every page has a text layer, none may reach OCR. Pages/s of each run, and the extraction children it used. */
async function measureTextPdfWithOcrOn(): Promise<{ textRuns: number[]; textChildren: Set<number> }> {
  const textPdf = await makePdf(
    Array.from(
      { length: textPageCount },
      (_, i) => `Page ${i + 1} du règlement d’intervention : conditions d’éligibilité, dépenses éligibles et pièces à fournir.`,
    ),
  );
  await extractText('pdf', await makePdf(['Mise en route.']), limits);
  const textRuns: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const t0 = performance.now();
    const result = await extractText('pdf', textPdf, limits);
    const seconds = (performance.now() - t0) / 1000;
    if (!result.ok || result.pages.length !== textPageCount) throw new Error('the text PDF was not read');
    if (result.ocr) throw new Error('a text page went through OCR');
    textRuns.push(textPageCount / seconds);
  }
  return { textRuns, textChildren: extractorPids() };
}

/** Scanned pages of known text, 300 dpi, one PDF page each (JPEG, as scanners make them). */
async function scannedPages(): Promise<{ pdf: Buffer; text: string }[]> {
  const sources = demoCatalogue('2026-06-01')
    .documents.flatMap((document) => document.pages)
    .filter((page) => page.join(' ').length > 600);
  const pages: { pdf: Buffer; text: string }[] = [];
  for (let i = 0; i < scannedPageCount; i += 1) {
    const source = sources[(i * 7) % sources.length] as string[];
    const paragraphs = source.map((line) => (line.startsWith('# ') ? line : line.replace(/^(## |- )/, '')));
    const scan = await scanPage(paragraphs, { dpi: 300, skew: i % 2 === 0 ? 0.3 : -0.4 });
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawImage(await pdf.embedJpg(scan.image), { x: 0, y: 0, width: 595, height: 842 });
    pages.push({ pdf: Buffer.from(await pdf.save()), text: scan.text });
  }
  return pages;
}

/** OCR of each scanned page, one after the other, in the OCR child (started and warmed up first): time, accuracy, confidence, CPU and memory. */
async function measureScannedPages(pages: { pdf: Buffer; text: string }[], textChildren: Set<number>) {
  // Warm-up: the OCR child starts and loads the model once, as it does in the app.
  const warmUp = await scanPage(['# Mise en route', 'Le moteur se charge une fois par processus.'], { dpi: 300, height: 200 });
  await extractText('jpeg', warmUp.image, limits);
  const ocrChild = [...extractorPids()].find((pid) => !textChildren.has(pid));
  if (!ocrChild) throw new Error('no OCR child process found');

  const rows: { seconds: number; accuracy: number; confidence: number }[] = [];
  const cpuBefore = cpuSeconds(ocrChild);
  const t0 = performance.now();
  for (const page of pages) {
    const t = performance.now();
    const result = await extractText('pdf', page.pdf, limits);
    const seconds = (performance.now() - t) / 1000;
    if (!result.ok) throw new Error(`a scanned page was not read: ${result.reason}`);
    const expected = normalized(page.text);
    const read = normalized(result.pages[0] ?? '');
    rows.push({
      seconds,
      accuracy: Math.max(0, 1 - distance(expected, read) / expected.length),
      confidence: result.ocr?.pages[0]?.confidence ?? 0,
    });
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(ocrChild) - cpuBefore;
  const characters = pages.reduce((sum, page) => sum + normalized(page.text).length, 0);
  const accuracy = rows.reduce((sum, row, i) => sum + row.accuracy * normalized(pages[i]?.text ?? '').length, 0) / characters;
  return { rows, wallSeconds, cpu, peak: peakRssMb(ocrChild), characters, accuracy };
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const { textRuns, textChildren } = await measureTextPdfWithOcrOn();
  const pages = await scannedPages();
  const { rows, wallSeconds, cpu, peak, characters, accuracy } = await measureScannedPages(pages, textChildren);
  const textPeak = Math.max(...[...textChildren].map(peakRssMb));
  const loadAfter = os.loadavg();

  const table = markdownTable(
    ['', 'value', 'spread (min–max)', 'target', 'result'],
    [
      [
        'scanned pages read, one OCR child (pages/s)',
        (pages.length / wallSeconds).toFixed(2),
        `${spread(rows.map((r) => 1 / r.seconds))} per page`,
        '—',
        '—',
      ],
      ['pages per CPU-second of the OCR child (pages/s per core)', (pages.length / cpu).toFixed(2), '—', '—', '—'],
      ['seconds per page (median)', median(rows.map((r) => r.seconds)).toFixed(2), spread(rows.map((r) => r.seconds)), '—', '—'],
      [
        'character accuracy, all pages',
        `${(accuracy * 100).toFixed(2)} %`,
        `${spread(rows.map((r) => r.accuracy * 100))} %`,
        '≥ 95 %',
        verdict(accuracy >= targets.accuracy),
      ],
      [
        'engine confidence (median)',
        `${(median(rows.map((r) => r.confidence)) * 100).toFixed(1)} %`,
        `${spread(
          rows.map((r) => r.confidence * 100),
          1,
        )} %`,
        '—',
        '—',
      ],
      ['OCR child peak RSS, VmHWM (MB)', peak.toFixed(1), '—', '—', '—'],
      [
        'text PDF with OCR on (pages/s, median of 3)',
        median(textRuns).toFixed(0),
        spread(textRuns, 0),
        '≥ 200',
        verdict(median(textRuns) >= targets.textPagesPerSecond),
      ],
      ['text child peak RSS, VmHWM (MB)', textPeak.toFixed(1), '—', '—', '—'],
    ],
  );
  const markdown = `## OCR — \`npm run bench:ocr\`

Machine: ${machineLine(startedAt)}. Load average (1, 5, 15 min) when the bench began: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; when it ended: ${loadAfter.map((l) => l.toFixed(2)).join(', ')} — the machine is shared: other processes count in it.

Scanned pages: ${pages.length} A4 pages at 300 dpi (2480 × 3508 pixels), each the text of a page of the demo catalogue (French, accents, figures; title in DejaVu Sans Bold, body in DejaVu Serif 11 pt) drawn by server/seed/demo/scans.ts on a grey sheet with a skew of 0.3° or −0.4°, JPEG quality 85, put alone in a PDF page with no text layer (${characters} characters in all). Each PDF goes through \`extractText\` as an upload does: the text child finds no text layer, the OCR child renders the page (pdf.js on @napi-rs/canvas, at most 10 million pixels) and reads it (tesseract.js 7, French model \`4.0.0_best_int\` of @tesseract.js-data/fra, LSTM only), one page after the other. The OCR child and its engine are started (and the model loaded) by a warm-up image first, as the first scan of an app would. Pages/s counts the wall-clock time of the pages; per CPU-second divides them by the user + system time of the OCR child over them (all its threads, /proc/PID/stat): one engine uses one core. Accuracy = 1 − Levenshtein distance (fastest-levenshtein) / length of the text drawn, whitespace collapsed to one space on both sides, weighted by length over all pages; the spread is per page. Peak RSS is the VmHWM of each child since it started (its JavaScript heap is bounded by \`--max-old-space-size\`; the engine's WebAssembly memory and the rendered page are not, and are bounded by the pixel limits).

Text PDF: ${textPageCount} pages of text (pdf-lib, Helvetica), extracted with OCR on, after a warm-up, 3 runs: no page may go through OCR (the run fails if one does).

${table}
`;
  await writeBenchmarkSection('ocr', markdown);
  process.stdout.write(`${markdown}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
