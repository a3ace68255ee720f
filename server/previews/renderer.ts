import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { imageSize } from './imageSize';

/**
 * The thumbnail child process: draws the first page of a PDF, or a PNG/JPEG, scaled down to a
 * fixed width on a white background, and answers WebP bytes. Its heap is bounded by the parent's
 * flags; an image's pixels are counted from its header before anything decodes it.
 */

export interface RenderRequest {
  fileType: string;
  data: Uint8Array;
  width: number;
  maxImagePixels: number;
}
export type RenderReply = { ok: true; image: Uint8Array; width: number; height: number } | { ok: false; reason: string };

/** Pages taller than this many widths (a banner, a roll) are cut: a thumbnail shows the top. */
const maxAspect = 2;

function whiteCanvas(width: number, height: number): Canvas {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  return canvas;
}

async function renderPdf(request: RenderRequest): Promise<Canvas> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({
    data: request.data,
    isEvalSupported: false,
    useSystemFonts: false,
    // Larger pictures inside the page are left out rather than decoded.
    maxImageSize: request.maxImagePixels,
    verbosity: 0,
  }).promise;
  try {
    const page = await document.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: request.width / natural.width });
    const canvas = whiteCanvas(request.width, Math.min(Math.ceil(viewport.height), request.width * maxAspect));
    // pdf.js draws on any 2D context; @napi-rs/canvas's is a faithful one (pdf.js's own choice in Node).
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: canvas.getContext('2d') as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    return canvas;
  } finally {
    await document.destroy();
  }
}

async function renderImage(request: RenderRequest): Promise<Canvas> {
  const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  const size = imageSize(data);
  if (!size || size.width === 0 || size.height === 0) throw new Error('image header unreadable');
  if (size.width * size.height > request.maxImagePixels) throw new Error(`image too large (${size.width} × ${size.height} pixels)`);
  const image = await loadImage(data);
  const width = Math.min(request.width, image.width);
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  const canvas = whiteCanvas(width, Math.min(height, width * maxAspect));
  canvas.getContext('2d').drawImage(image, 0, 0, width, height);
  return canvas;
}

export async function render(request: RenderRequest): Promise<RenderReply> {
  try {
    const canvas = request.fileType === 'pdf' ? await renderPdf(request) : await renderImage(request);
    const image = await canvas.encode('webp', 80);
    return {
      ok: true,
      image: new Uint8Array(image.buffer, image.byteOffset, image.byteLength),
      width: canvas.width,
      height: canvas.height,
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

if (process.send) {
  process.once('message', (request: RenderRequest) => {
    void render(request).then((reply) => process.send?.(reply, () => process.exit(0)));
  });
}
