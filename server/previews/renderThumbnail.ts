import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RenderReply, RenderRequest } from './renderer';

export interface ThumbnailLimits {
  timeoutMs: number;
  maxHeapMb: number;
  /** Pictures (an image file, or one inside the PDF page) with more pixels are not decoded. */
  maxImagePixels: number;
  /** Width of the thumbnail in pixels (shown at half that in CSS pixels, sharp on dense screens). */
  width: number;
}

export const defaultThumbnailLimits: ThumbnailLimits = { timeoutMs: 20000, maxHeapMb: 256, maxImagePixels: 40_000_000, width: 240 };

/** `isRetryable`: stopped by a bound (time, memory), not refused by the file itself. */
export type RenderResult =
  { ok: true; image: Buffer; width: number; height: number } | { ok: false; reason: string; isRetryable?: boolean };

const rendererPath = fileURLToPath(new URL('./rendererEntry.mjs', import.meta.url));

let queue: Promise<unknown> = Promise.resolve();

/**
 * Draws one thumbnail in a child process of its own, bounded in time (killed past the timeout) and
 * heap; one at a time per app process, so thumbnails never take more than one core and one heap.
 */
export function renderThumbnail(fileType: string, data: Buffer, limits: ThumbnailLimits = defaultThumbnailLimits): Promise<RenderResult> {
  const run = queue.then(() => renderInChild(fileType, data, limits));
  queue = run.catch(() => undefined);
  return run;
}

function renderInChild(fileType: string, data: Buffer, limits: ThumbnailLimits): Promise<RenderResult> {
  const child = fork(rendererPath, [], {
    execArgv: [`--max-old-space-size=${limits.maxHeapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return new Promise((resolve) => {
    let isSettled = false;
    const settle = (result: RenderResult) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, reason: `rendering took longer than ${limits.timeoutMs / 1000} s`, isRetryable: true }),
      limits.timeoutMs,
    );
    child.once('message', (reply: RenderReply) =>
      settle(
        reply.ok
          ? { ok: true, image: Buffer.from(reply.image), width: reply.width, height: reply.height }
          : { ok: false, reason: reply.reason },
      ),
    );
    child.once('error', (error) => settle({ ok: false, reason: `rendering failed: ${error.message}`, isRetryable: true }));
    child.once('exit', (code, signal) =>
      settle({
        ok: false,
        reason: `rendering stopped (${signal ?? `exit code ${code}`}), out of memory or unreadable file`,
        isRetryable: true,
      }),
    );
    const request: RenderRequest = {
      fileType,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: limits.width,
      maxImagePixels: limits.maxImagePixels,
    };
    child.send(request);
  });
}
