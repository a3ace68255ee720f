import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OcrTimeoutError } from '../errors';

/**
 * French OCR (tesseract.js, WebAssembly) inside the extraction child process. Everything it needs
 * is on disk after `npm install`: the engine (tesseract.js-core), its worker script and the French
 * model of `@tesseract.js-data/fra` (LSTM, integer "best" model). Nothing is fetched or cached at
 * run time: `langPath` is a local folder and `cacheMethod` is `none`.
 */

const require = createRequire(import.meta.url);

/** The folder of the French model (fra.traineddata.gz). */
export const frenchModelPath = join(dirname(require.resolve('@tesseract.js-data/fra/package.json')), '4.0.0_best_int');
/** The worker script tesseract.js runs in a worker thread: the one of the installed package. */
const workerPath = join(dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js');
/** The engine, from node_modules (in Node, tesseract.js loads it with require, never from a URL). */
const corePath = dirname(require.resolve('tesseract.js-core/package.json'));

export interface RecognizedPage {
  text: string;
  /** 0 to 1: the engine's mean confidence over the page's words. */
  confidence: number;
}

let worker: Promise<Worker> | undefined;

function startWorker(): Promise<Worker> {
  const started = createWorker('fra', OEM.LSTM_ONLY, { langPath: frenchModelPath, workerPath, corePath, cacheMethod: 'none', gzip: true });
  // A worker that failed to start is not kept: the next page tries again.
  started.catch(() => {
    if (worker === started) worker = undefined;
  });
  return started;
}

/** Stops the engine (its worker thread and its WebAssembly memory). The next page starts a new one. */
export async function stopOcr(): Promise<void> {
  const current = worker;
  worker = undefined;
  if (current) await current.then((w) => w.terminate()).catch(() => undefined);
}

/**
 * Reads one image (PNG or JPEG bytes) in French. A page that takes longer than `timeoutMs` stops
 * the engine (the only way to interrupt it) and throws OcrTimeoutError.
 */
export async function recognize(image: Buffer, timeoutMs: number): Promise<RecognizedPage> {
  const current = (worker ??= startWorker());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrTimeoutError(`page read for more than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const result = await Promise.race([current.then((w) => w.recognize(image)), timeout]);
    return {
      text: result.data.text
        .replace(/[ \t]+/g, ' ')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
      confidence: Math.max(0, Math.min(1, result.data.confidence / 100)),
    };
  } catch (error) {
    if (error instanceof OcrTimeoutError) await stopOcr();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
