import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FileType } from '../documents/fileTypes';
import type { TitleHints } from '../documents/titles';
import type { OcrOutcome } from './scans';
import { defaultOcrSettings, type OcrSettings } from './settings';

export { defaultOcrSettings, type OcrSettings } from './settings';

export interface ExtractionLimits {
  timeoutMs: number;
  maxHeapMb: number;
  /** French OCR of scans (images, PDF pages without text): its bounds, or null when off. Default: on. */
  ocr?: OcrSettings | null;
}

export const defaultExtractionLimits: ExtractionLimits = { timeoutMs: 60000, maxHeapMb: 512, ocr: defaultOcrSettings };

/** What OCR did to a file: the pages it read (or tried to), and why some or all are unread. */
export interface OcrSummary {
  pages: { page: number; confidence: number | null; isRead: boolean }[];
  /** In French, for the document page ("texte non reconnu : …"); null when every page was read. */
  note: string | null;
}

/** `hints`: what may name the document (its metadata title, its first heading), when it has any. */
export type ExtractionResult = { ok: true; pages: string[]; hints?: TitleHints; ocr?: OcrSummary } | { ok: false; reason: string };

type Failure = { ok: false; reason: string; kind: 'timeout' | 'memory' | 'stopped' | 'unreadable' };
type ChildResult = { ok: true; pages?: string[]; hints?: TitleHints; ocr?: OcrOutcome } | Failure;
type Request = { fileType: FileType; data: Buffer; ocr?: { settings: OcrSettings; pages: number[] } };
type Reply =
  | { id: number; ok: true; pages?: string[]; hints?: TitleHints; ocr?: OcrOutcome }
  | { id: number; ok: false; isRejected: boolean; message: string };

const extractorPath = fileURLToPath(new URL('./extractorEntry.mjs', import.meta.url));
/** Young generation of the extractor (semi-space size; V8 keeps three of them). */
const semiSpaceMb = 16;
/** The end of the extractor's stderr kept, to tell an out-of-memory death from another. */
const stderrTailBytes = 4096;

/** Extraction processes alive (at most one per lane and limits: text and OCR, per app or worker process in production). */
let extractorsAlive = 0;
export const extractorsAliveCount = () => extractorsAlive;

/**
 * A child process that extracts one file at a time, kept between files (starting one costs more
 * than most extractions). Its heap is bounded by V8's flags; a file that takes too long or too much
 * memory kills that process, never the app (a worker thread's out-of-memory can abort the whole
 * process), and the next file gets a new one once the old one has exited. So extraction never
 * holds more than one heap at a time: 1 process × (maxHeapMb + 3 × 16 MB young generation), plus
 * the file's bytes and pdf.js's buffers (README "Publishing"). OCR has a child of its own (a lane), so
 * a long OCR never holds up the text of other files: at most two heaps, one per lane.
 */
class Extractor {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles when the current child has exited. */
  private exited: Promise<void> = Promise.resolve();
  private stderrTail = '';

  constructor(private readonly limits: ExtractionLimits) {}

  private spawn(): ChildProcess {
    const child = fork(extractorPath, [], {
      execArgv: [`--max-old-space-size=${this.limits.maxHeapMb}`, `--max-semi-space-size=${semiSpaceMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    extractorsAlive += 1;
    this.stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-stderrTailBytes);
    });
    child.unref();
    child.channel?.unref();
    // Its stderr pipe (a socket) would keep a command-line process alive once its work is done.
    (child.stderr as (NodeJS.ReadableStream & { unref?: () => void }) | null)?.unref?.();
    this.exited = new Promise((done) =>
      child.once('exit', () => {
        extractorsAlive -= 1;
        if (this.child === child) this.child = undefined;
        done();
      }),
    );
    return child;
  }

  extract(request: Request): Promise<ChildResult> {
    const run = this.queue.then(() => this.run(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private run({ fileType, data, ocr }: Request): Promise<ChildResult> {
    const child = (this.child ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve) => {
      let isSettled = false;
      const settle = (result: ChildResult, isChildLost = false) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('exit', onExit);
        if (!isChildLost) {
          resolve(result);
          return;
        }
        if (this.child === child) this.child = undefined;
        // The next file waits until this process is gone: never two extraction heaps at once.
        const exited = this.exited;
        child.kill('SIGKILL');
        void exited.then(() => resolve(result));
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if (reply.ok) settle({ ok: true, pages: reply.pages, ocr: reply.ocr, ...(reply.hints ? { hints: reply.hints } : {}) });
        else
          settle({
            ok: false,
            kind: 'unreadable',
            reason: reply.isRejected ? `archive refused: ${reply.message}` : `unreadable file: ${reply.message}`,
          });
      };
      const onError = (error: Error) => settle({ ok: false, kind: 'stopped', reason: `extraction failed: ${error.message}` }, true);
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        const isOutOfMemory = /heap out of memory|allocation failed/i.test(this.stderrTail);
        settle(
          isOutOfMemory
            ? { ok: false, kind: 'memory', reason: `extraction needed more than ${this.limits.maxHeapMb} MB` }
            : { ok: false, kind: 'stopped', reason: `extraction stopped (${signal ?? `exit code ${code}`})` },
          true,
        );
      };
      // OCR bounds itself per page and per document; this is the backstop, with room to start and render.
      const timeoutMs = ocr ? ocr.settings.documentTimeoutMs + this.limits.timeoutMs : this.limits.timeoutMs;
      const timer = setTimeout(
        () => settle({ ok: false, kind: 'timeout', reason: `extraction took longer than ${timeoutMs / 1000} s` }, true),
        timeoutMs,
      );
      child.on('message', onMessage);
      child.once('error', onError);
      child.once('exit', onExit);
      child.send({ id, fileType, ocr, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    });
  }
}

const extractors = new Map<string, Extractor>();

function extractorFor(lane: 'text' | 'ocr', limits: ExtractionLimits): Extractor {
  const key = `${lane}:${limits.timeoutMs}:${limits.maxHeapMb}`;
  let extractor = extractors.get(key);
  if (!extractor) extractors.set(key, (extractor = new Extractor(limits)));
  return extractor;
}

/**
 * The pages (1-based) whose text layer holds no letter at all: scans to read. A page with a few
 * words of text ("Annexe", "Rien ici.") is a text page: OCR would only repeat them.
 */
export function pagesWithoutText(pages: string[]): number[] {
  return pages.flatMap((text, index) => (/\p{L}/u.test(text) ? [] : [index + 1]));
}

/** Why the OCR child gave up, in French (the document page shows it). */
function ocrFailureNote(failure: Failure, limits: ExtractionLimits, settings: OcrSettings): string {
  switch (failure.kind) {
    case 'timeout':
      return `texte non reconnu : reconnaissance arrêtée après ${(settings.documentTimeoutMs + limits.timeoutMs) / 1000} s`;
    case 'memory':
      return `texte non reconnu : la reconnaissance demandait plus de ${limits.maxHeapMb} Mo de mémoire`;
    default:
      return `texte non reconnu : fichier illisible pour la reconnaissance (${failure.reason})`;
  }
}

/** Text pages of the file with the OCR's text added where it read something. */
function withOcr(pages: string[], outcome: OcrOutcome): ExtractionResult {
  const merged = [...pages];
  for (const page of outcome.pages) {
    while (merged.length < page.page) merged.push('');
    if (page.text === '') continue;
    const layer = merged[page.page - 1]?.trim() ?? '';
    merged[page.page - 1] = layer ? `${layer}\n${page.text}` : page.text;
  }
  return {
    ok: true,
    pages: merged,
    ocr: {
      pages: outcome.pages.map((page) => ({ page: page.page, confidence: page.confidence, isRead: page.text !== '' })),
      note: outcome.note,
    },
  };
}

/** The pages of a file to read by OCR, from its text pages: an image's one page, a PDF's pages without a text layer. */
export function scannedPages(fileType: FileType, textPages: string[]): number[] {
  if (fileType === 'png' || fileType === 'jpeg') return [1];
  return fileType === 'pdf' ? pagesWithoutText(textPages) : [];
}

/**
 * The OCR phase alone: reads the scans of a file whose text pages are known (server/search/ocr.ts
 * runs it as a job of its own), in the OCR child, within `settings`. Returns the text pages with
 * the OCR's text added, and what OCR did (`ocr`), or the text pages as they were when there is
 * nothing to read. An OCR child that dies or overruns is not a failure: `ocr.note` says why.
 */
export async function readScans(
  fileType: FileType,
  data: Buffer,
  textPages: string[],
  settings: OcrSettings,
  limits: ExtractionLimits = defaultExtractionLimits,
): Promise<ExtractionResult> {
  const scans = scannedPages(fileType, textPages);
  if (scans.length === 0) return { ok: true, pages: textPages };
  const read = await extractorFor('ocr', limits).extract({ fileType, data, ocr: { settings, pages: scans } });
  if (!read.ok) return { ok: true, pages: textPages, ocr: { pages: [], note: ocrFailureNote(read, limits, settings) } };
  return withOcr(textPages, read.ocr ?? { pages: [], note: null });
}

/**
 * Extracts the text of a file in a child process bounded in time and memory. Scans (PNG and JPEG
 * images, PDF pages without a text layer) are then read by French OCR in a second child, page by
 * page, within `limits.ocr` (null: not read); pages with a text layer never go through OCR. OCR
 * that reads nothing is not a failure: the result says why in `ocr.note`, and the file stays
 * findable by its title.
 */
export async function extractText(
  fileType: FileType,
  data: Buffer,
  limits: ExtractionLimits = defaultExtractionLimits,
): Promise<ExtractionResult> {
  const settings = limits.ocr === undefined ? defaultOcrSettings : limits.ocr;
  let pages: string[] = [];
  let hints: TitleHints | undefined;
  if (fileType !== 'png' && fileType !== 'jpeg') {
    const text = await extractorFor('text', limits).extract({ fileType, data });
    if (!text.ok) return { ok: false, reason: text.reason };
    pages = text.pages ?? [];
    hints = text.hints;
  }
  const result: ExtractionResult = settings ? await readScans(fileType, data, pages, settings, limits) : { ok: true, pages };
  return result.ok && hints ? { ...result, hints } : result;
}
