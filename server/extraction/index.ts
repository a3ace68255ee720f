import { Worker } from 'node:worker_threads';
import type { FileType } from '../documents/fileTypes';

export interface ExtractionLimits {
  timeoutMs: number;
  maxHeapMb: number;
}

export const defaultExtractionLimits: ExtractionLimits = { timeoutMs: 60000, maxHeapMb: 512 };

export type ExtractionResult = { ok: true; pages: string[] } | { ok: false; reason: string };

type Reply = { id: number; ok: true; pages: string[] } | { id: number; ok: false; isRejected: boolean; message: string };

const threadUrl = new URL('./threadEntry.mjs', import.meta.url);

/**
 * A worker thread that extracts one file at a time, kept between files (starting one costs more
 * than most extractions). A file that takes too long or too much memory kills the thread, never
 * the app; the next file gets a new thread.
 */
class ExtractionThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limits: ExtractionLimits) {}

  private spawn(): Worker {
    const worker = new Worker(threadUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    return worker;
  }

  extract(fileType: FileType, data: Buffer): Promise<ExtractionResult> {
    const run = this.queue.then(() => this.run(fileType, data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private run(fileType: FileType, data: Buffer): Promise<ExtractionResult> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    // A copy the thread owns (transferred, not cloned a second time).
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    return new Promise((resolve) => {
      let isSettled = false;
      const settle = (result: ExtractionResult, isThreadLost = false) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (isThreadLost) {
          if (this.worker === worker) this.worker = undefined;
          void worker.terminate();
        }
        resolve(result);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if (reply.ok) settle({ ok: true, pages: reply.pages });
        else settle({ ok: false, reason: reply.isRejected ? `archive refused: ${reply.message}` : `unreadable file: ${reply.message}` });
      };
      const onError = (error: Error) => {
        const code = (error as NodeJS.ErrnoException).code;
        settle({ ok: false, reason: code === 'ERR_WORKER_OUT_OF_MEMORY' ? `extraction needed more than ${this.limits.maxHeapMb} MB` : `extraction failed: ${error.message}` }, true);
      };
      const onExit = (code: number) => settle({ ok: false, reason: `extraction stopped (exit code ${code})` }, true);
      const timer = setTimeout(() => settle({ ok: false, reason: `extraction took longer than ${this.limits.timeoutMs / 1000} s` }, true), this.limits.timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, fileType, data: bytes }, [bytes.buffer]);
    });
  }
}

const threads = new Map<string, ExtractionThread>();

/** Extracts the text of a file in a worker thread bounded in time and memory. */
export function extractText(fileType: FileType, data: Buffer, limits: ExtractionLimits = defaultExtractionLimits): Promise<ExtractionResult> {
  const key = `${limits.timeoutMs}:${limits.maxHeapMb}`;
  let thread = threads.get(key);
  if (!thread) threads.set(key, (thread = new ExtractionThread(limits)));
  return thread.extract(fileType, data);
}
