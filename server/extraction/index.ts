import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FileType } from '../documents/fileTypes';
import type { TitleHints } from '../documents/titles';

export interface ExtractionLimits {
  timeoutMs: number;
  maxHeapMb: number;
}

export const defaultExtractionLimits: ExtractionLimits = { timeoutMs: 60000, maxHeapMb: 512 };

/** `hints`: what may name the document (its metadata title, its first heading), when it has any. */
export type ExtractionResult = { ok: true; pages: string[]; hints?: TitleHints } | { ok: false; reason: string };

type Reply = { id: number; ok: true; pages: string[]; hints?: TitleHints } | { id: number; ok: false; isRejected: boolean; message: string };

const extractorPath = fileURLToPath(new URL('./extractorEntry.mjs', import.meta.url));
/** Young generation of the extractor (semi-space size; V8 keeps three of them). */
const semiSpaceMb = 16;
/** The end of the extractor's stderr kept, to tell an out-of-memory death from another. */
const stderrTailBytes = 4096;

/** Extraction processes alive (at most one per limits; one per app or worker process in production). */
let extractorsAlive = 0;
export const extractorsAliveCount = () => extractorsAlive;

/**
 * A child process that extracts one file at a time, kept between files (starting one costs more
 * than most extractions). Its heap is bounded by V8's flags; a file that takes too long or too much
 * memory kills that process, never the app (a worker thread's out-of-memory can abort the whole
 * process), and the next file gets a new one once the old one has exited. So extraction never
 * holds more than one heap at a time: 1 process × (maxHeapMb + 3 × 16 MB young generation), plus
 * the file's bytes and pdf.js's buffers (README "Publishing").
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

  extract(fileType: FileType, data: Buffer): Promise<ExtractionResult> {
    const run = this.queue.then(() => this.run(fileType, data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private run(fileType: FileType, data: Buffer): Promise<ExtractionResult> {
    const child = (this.child ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve) => {
      let isSettled = false;
      const settle = (result: ExtractionResult, isChildLost = false) => {
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
        if (reply.ok) settle({ ok: true, pages: reply.pages, ...(reply.hints ? { hints: reply.hints } : {}) });
        else settle({ ok: false, reason: reply.isRejected ? `archive refused: ${reply.message}` : `unreadable file: ${reply.message}` });
      };
      const onError = (error: Error) => settle({ ok: false, reason: `extraction failed: ${error.message}` }, true);
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        const isOutOfMemory = /heap out of memory|allocation failed/i.test(this.stderrTail);
        settle({ ok: false, reason: isOutOfMemory ? `extraction needed more than ${this.limits.maxHeapMb} MB` : `extraction stopped (${signal ?? `exit code ${code}`})` }, true);
      };
      const timer = setTimeout(() => settle({ ok: false, reason: `extraction took longer than ${this.limits.timeoutMs / 1000} s` }, true), this.limits.timeoutMs);
      child.on('message', onMessage);
      child.once('error', onError);
      child.once('exit', onExit);
      child.send({ id, fileType, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    });
  }
}

const extractors = new Map<string, Extractor>();

/** Extracts the text of a file in a child process bounded in time and memory. */
export function extractText(fileType: FileType, data: Buffer, limits: ExtractionLimits = defaultExtractionLimits): Promise<ExtractionResult> {
  const key = `${limits.timeoutMs}:${limits.maxHeapMb}`;
  let extractor = extractors.get(key);
  if (!extractor) extractors.set(key, (extractor = new Extractor(limits)));
  return extractor.extract(fileType, data);
}
