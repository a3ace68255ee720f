import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { recognize } from './ocr';
import { OcrTimeoutError } from '../errors';
import { defaultOcrSettings, type OcrSettings } from './settings';

export { defaultOcrSettings, type OcrSettings } from './settings';

/**
 * Scans read by OCR: PNG/JPEG images, and the pages of a PDF that have no text layer, rendered to
 * an image first. Runs in the OCR child process (server/extraction/index.ts), page by page, within
 * the bounds of OcrSettings. What could not be read is said in French in the outcome's note, which
 * the document page shows ("texte non reconnu" and why).
 */

export interface OcrPage {
  /** 1-based page number (1 for an image). */
  page: number;
  /** The text recognized, or '' when the page could not be read well enough. */
  text: string;
  /** 0 to 1, null when the engine gave none (page not read: timeout). */
  confidence: number | null;
}

export interface OcrOutcome {
  pages: OcrPage[];
  /** Why some or all pages were not read, in French; null when every page was read. */
  note: string | null;
}

const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;
/** Letters in a text: a page whose reading holds fewer is noise, not text. */
const letterCount = (text: string) => (text.match(/\p{L}/gu) ?? []).length;
const minLetters = 10;

/** A canvas no bigger than `maxPixels`, with the image drawn on a white background (transparent PNGs). */
function drawBounded(width: number, height: number, maxPixels: number, draw: (canvas: Canvas, scale: number) => void | Promise<void>) {
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  const canvas = createCanvas(Math.max(1, Math.floor(width * scale)), Math.max(1, Math.floor(height * scale)));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return Promise.resolve(draw(canvas, scale)).then(() => canvas);
}

/** An 8-bit grey image: what the engine is given. */
interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The canvas in grey. */
function greyOfCanvas(canvas: Canvas): Grey {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < pixels.length; i += 4, j += 1) pixels[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  return { width, height, pixels };
}

/**
 * RGBA pixels in grey, scaled down (box average) to at most `maxPixels`: a big photo never needs a
 * canvas of its full size.
 */
function greyScaledDown(rgba: Uint8Array, width: number, height: number, maxPixels: number): Grey {
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  const w = Math.max(1, Math.floor(width * scale));
  const h = Math.max(1, Math.floor(height * scale));
  const pixels = new Uint8Array(w * h);
  for (let y = 0; y < h; y += 1) {
    const y0 = Math.floor((y * height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / h));
    for (let x = 0; x < w; x += 1) {
      const x0 = Math.floor((x * width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / w));
      let sum = 0;
      for (let sy = y0; sy < y1; sy += 1) {
        for (let sx = x0, i = (sy * width + x0) * 4; sx < x1; sx += 1, i += 4)
          sum += (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
      }
      pixels[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { width: w, height: h, pixels };
}

/**
 * PGM (binary grey PNM), which the engine's Leptonica decodes itself: no compression to spend time
 * on (a PNG of a 300 dpi page takes seconds to encode).
 */
function pgm({ width, height, pixels }: Grey): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), pixels]);
}

type PageReading = { ok: true; page: OcrPage; reason?: string } | { ok: false; page: OcrPage; reason: string };

async function readGrey(grey: Grey, page: number, settings: OcrSettings, timeoutMs: number): Promise<PageReading> {
  try {
    const { text, confidence } = await recognize(pgm(grey), timeoutMs);
    if (letterCount(text) < minLetters) return { ok: false, page: { page, text: '', confidence }, reason: 'aucun texte trouvé' };
    if (confidence < settings.minConfidence) {
      return {
        ok: false,
        page: { page, text: '', confidence },
        reason: `confiance trop faible (${percent(confidence)} pour un seuil de ${percent(settings.minConfidence)})`,
      };
    }
    return { ok: true, page: { page, text, confidence } };
  } catch (error) {
    if (error instanceof OcrTimeoutError)
      return { ok: false, page: { page, text: '', confidence: null }, reason: `lecture trop longue (plus de ${fr(timeoutMs / 1000)} s)` };
    throw error;
  }
}

/**
 * The image in grey within `maxPixels`. JPEG is decoded by jpeg-js (JavaScript: a damaged file
 * throws, where Skia's decoder was seen to crash the process), PNG by Skia (@napi-rs/canvas).
 */
async function greyOfImage(data: Buffer, settings: OcrSettings): Promise<Grey> {
  if (data[0] === 0xff && data[1] === 0xd8) {
    const decoded = jpeg.decode(data, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: settings.maxSourcePixels / 1e6,
      maxMemoryUsageInMB: Math.ceil((settings.maxSourcePixels * 4.5) / 1e6),
    });
    return greyScaledDown(decoded.data, decoded.width, decoded.height, settings.maxPixels);
  }
  const image = await loadImage(data);
  if (!image.width || !image.height) throw new Error('empty image');
  const canvas = await drawBounded(image.width, image.height, settings.maxPixels, (target, scale) => {
    target.getContext('2d').drawImage(image, 0, 0, image.width * scale, image.height * scale);
  });
  return greyOfCanvas(canvas);
}

/** A PNG or JPEG image: checked by its header, decoded, scaled down to `maxPixels`, read. */
export async function ocrImage(data: Buffer, settings: OcrSettings = defaultOcrSettings): Promise<OcrOutcome> {
  let size: { width: number; height: number };
  try {
    size = imageSize(data);
  } catch {
    return { pages: [], note: 'texte non reconnu : image illisible (fichier endommagé ou incomplet)' };
  }
  const pixels = size.width * size.height;
  if (pixels > settings.maxSourcePixels) {
    return {
      pages: [],
      note: `texte non reconnu : image trop grande (${fr(size.width)} × ${fr(size.height)} pixels ; au plus ${fr(settings.maxSourcePixels / 1e6)} millions de pixels sont lus)`,
    };
  }
  let grey: Grey;
  try {
    grey = await greyOfImage(data, settings);
  } catch {
    return { pages: [], note: 'texte non reconnu : image illisible (fichier endommagé ou incomplet)' };
  }
  const reading = await readGrey(grey, 1, settings, Math.min(settings.pageTimeoutMs, settings.documentTimeoutMs));
  return { pages: [reading.page], note: reading.ok ? null : `texte non reconnu : ${reading.reason}` };
}

/**
 * The given pages of a PDF (those without a text layer), rendered at `dpi` within `maxPixels` and
 * read in order, until `maxPages` pages or `documentTimeoutMs` are spent.
 */
export async function ocrPdfPages(data: Buffer, pageNumbers: number[], settings: OcrSettings = defaultOcrSettings): Promise<OcrOutcome> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const startedAt = Date.now();
  const document = await getDocument({
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    isEvalSupported: false,
    useSystemFonts: false,
    // Images beyond this are not decoded (a page drawn without them reads as blank).
    maxImageSize: settings.maxSourcePixels,
    verbosity: 0,
  }).promise;
  const pages: OcrPage[] = [];
  const problems: string[] = [];
  const unreadable = new Map<string, number[]>();
  try {
    for (const [index, number] of pageNumbers.entries()) {
      const left = pageNumbers.length - index;
      if (index >= settings.maxPages) {
        problems.push(
          `reconnaissance arrêtée après ${fr(settings.maxPages)} pages (limite par document) : ${fr(left)} page${left > 1 ? 's' : ''} scannée${left > 1 ? 's' : ''} non lue${left > 1 ? 's' : ''}`,
        );
        break;
      }
      const remainingMs = settings.documentTimeoutMs - (Date.now() - startedAt);
      if (remainingMs <= 0) {
        problems.push(
          `reconnaissance arrêtée après ${fr(settings.documentTimeoutMs / 1000)} s (limite par document) : ${fr(left)} page${left > 1 ? 's' : ''} scannée${left > 1 ? 's' : ''} non lue${left > 1 ? 's' : ''}`,
        );
        break;
      }
      const page = await document.getPage(number);
      let reading: PageReading;
      try {
        const base = page.getViewport({ scale: 1 });
        const canvas = await drawBounded(
          base.width * (settings.dpi / 72),
          base.height * (settings.dpi / 72),
          settings.maxPixels,
          async (target) => {
            const viewport = page.getViewport({ scale: target.width / base.width });
            // @napi-rs/canvas implements the 2D context pdf.js draws with.
            await page.render({
              canvas: target as unknown as HTMLCanvasElement,
              canvasContext: target.getContext('2d') as unknown as CanvasRenderingContext2D,
              viewport,
            }).promise;
          },
        );
        reading = await readGrey(greyOfCanvas(canvas), number, settings, Math.min(settings.pageTimeoutMs, remainingMs));
      } finally {
        page.cleanup();
      }
      pages.push(reading.page);
      if (!reading.ok) unreadable.set(reading.reason, [...(unreadable.get(reading.reason) ?? []), number]);
    }
  } finally {
    await document.destroy();
  }
  for (const [reason, numbers] of unreadable) {
    const shown = numbers.slice(0, 10).join(', ') + (numbers.length > 10 ? '…' : '');
    problems.unshift(`${numbers.length > 1 ? 'pages' : 'page'} ${shown} : ${reason}`);
  }
  const isNothingRead = pages.every((page) => page.text === '');
  return {
    pages,
    note: problems.length === 0 ? null : `${isNothingRead ? 'texte non reconnu' : 'texte reconnu en partie'} : ${problems.join(' ; ')}`,
  };
}
