import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { findMatches } from './match';

/**
 * pdf.js, loaded when the viewer opens (not in the app's first download), its worker served by the
 * app itself (the Content-Security-Policy allows nothing else).
 */
async function pdfjs() {
  const library = await import('pdfjs-dist');
  library.GlobalWorkerOptions.workerSrc = workerUrl;
  return library;
}

export async function openPdf(url: string): Promise<PDFDocumentProxy> {
  const library = await pdfjs();
  return library.getDocument({ url, isEvalSupported: false, withCredentials: true }).promise;
}

export interface PageRendering {
  /** Settles with the highlighted words of the page, in reading order; rejects when cancelled or unreadable. */
  done: Promise<HTMLElement[]>;
  cancel(): void;
}

/**
 * Draws a page into `container`: a canvas for the eyes (hidden from screen readers) and pdf.js's
 * text layer over it, real text that screen readers read and that can be selected, in which the
 * terms are wrapped in <mark>. `cancel` stops it at once (a newer page is wanted).
 */
export function renderPage(page: PDFPageProxy, container: HTMLElement, width: number, terms: string[]): PageRendering {
  let isCancelled = false;
  const cancellers: (() => void)[] = [];
  const done = (async () => {
    const library = await pdfjs();
    if (isCancelled) throw new Error('cancelled');
    const natural = page.getViewport({ scale: 1 });
    const scale = width / natural.width;
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;

    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    canvas.setAttribute('aria-hidden', 'true');
    const textLayer = document.createElement('div');
    textLayer.className = 'textLayer';
    container.replaceChildren(canvas, textLayer);
    container.style.setProperty('--scale-factor', String(scale));
    container.style.width = `${Math.floor(viewport.width)}px`;
    container.style.height = `${Math.floor(viewport.height)}px`;

    const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    const layer = new library.TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport });
    cancellers.push(
      () => task.cancel(),
      () => layer.cancel(),
    );
    await Promise.all([task.promise, layer.render()]);
    if (isCancelled) throw new Error('cancelled');
    return highlight(layer.textDivs, terms);
  })();
  return {
    done,
    cancel() {
      isCancelled = true;
      for (const cancel of cancellers) cancel();
    },
  };
}

/** Wraps each occurrence of the terms in the text layer's spans in a <mark>. */
function highlight(spans: HTMLElement[], terms: string[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const span of spans) {
    const source = span.textContent ?? '';
    const ranges = findMatches(source, terms);
    if (ranges.length === 0) continue;
    const parts: Node[] = [];
    let at = 0;
    for (const { start, end } of ranges) {
      if (start > at) parts.push(document.createTextNode(source.slice(at, start)));
      const mark = document.createElement('mark');
      mark.className = 'viewer__match';
      mark.textContent = source.slice(start, end);
      parts.push(mark);
      marks.push(mark);
      at = end;
    }
    if (at < source.length) parts.push(document.createTextNode(source.slice(at)));
    span.replaceChildren(...parts);
  }
  return marks;
}

/** Whether a page's text holds one of the terms (to find the next or previous page that does). */
export async function pageHasTerms(page: PDFPageProxy, terms: string[]): Promise<boolean> {
  const content = await page.getTextContent();
  return content.items.some((item) => 'str' in item && findMatches(item.str, terms).length > 0);
}
