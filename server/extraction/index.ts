import { Worker } from 'node:worker_threads';
import type { FileType } from '../documents/fileTypes';

export interface ExtractionLimits {
  timeoutMs: number;
  maxHeapMb: number;
}

export const defaultExtractionLimits: ExtractionLimits = { timeoutMs: 60000, maxHeapMb: 512 };

export type ExtractionResult = { ok: true; pages: string[] } | { ok: false; reason: string };

const threadUrl = new URL('./threadEntry.mjs', import.meta.url);

/**
 * Extracts the text of a file in a worker thread bounded in time and memory: a file that takes too
 * long or too much is abandoned (the thread is killed), never the app.
 */
export function extractText(fileType: FileType, data: Buffer, limits: ExtractionLimits = defaultExtractionLimits): Promise<ExtractionResult> {
  return new Promise((resolve) => {
    // A copy the thread owns (transferred, not cloned a second time).
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    const worker = new Worker(threadUrl, {
      workerData: { fileType, data: bytes },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    let isSettled = false;
    const settle = (result: ExtractionResult) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => settle({ ok: false, reason: `extraction took longer than ${limits.timeoutMs / 1000} s` }), limits.timeoutMs);
    worker.once('message', (message: { ok: true; pages: string[] } | { ok: false; isRejected: boolean; message: string }) => {
      if (message.ok) settle({ ok: true, pages: message.pages });
      else settle({ ok: false, reason: message.isRejected ? `archive refused: ${message.message}` : `unreadable file: ${message.message}` });
    });
    worker.once('error', (error: Error) => {
      const code = (error as NodeJS.ErrnoException).code;
      settle({ ok: false, reason: code === 'ERR_WORKER_OUT_OF_MEMORY' ? `extraction needed more than ${limits.maxHeapMb} MB` : `extraction failed: ${error.message}` });
    });
    worker.once('exit', (code) => settle({ ok: false, reason: `extraction stopped (exit code ${code})` }));
  });
}
