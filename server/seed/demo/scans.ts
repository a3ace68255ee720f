import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Scanned paper, made in memory so that its text is known: French text drawn into an image with
 * @napi-rs/canvas (DejaVu fonts of the Debian package fonts-dejavu-core when the machine has them,
 * else the Liberation Sans that pdfjs-dist ships, so that `npm install` alone is enough), as a scanner would give
 * it (a hair of skew, a grey background, JPEG), then put in a PDF page by page with pdf-lib, with
 * no text layer. Used by the demo catalogue, the tests and `npm run bench:ocr`.
 */

const dejaVu = '/usr/share/fonts/truetype/dejavu';
/** Liberation Sans (SIL OFL), shipped by pdfjs-dist in its standard fonts. */
const liberation = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');

const fontFiles = {
  sans: [`${dejaVu}/DejaVuSans.ttf`, `${liberation}/LiberationSans-Regular.ttf`],
  serif: [`${dejaVu}/DejaVuSerif.ttf`, `${liberation}/LiberationSans-Regular.ttf`],
  bold: [`${dejaVu}/DejaVuSans-Bold.ttf`, `${liberation}/LiberationSans-Bold.ttf`],
} as const;

let areFontsRegistered = false;
function registerFonts() {
  if (areFontsRegistered) return;
  for (const [name, candidates] of Object.entries(fontFiles)) {
    const found = candidates.find((file) => existsSync(file));
    if (!found) throw new Error(`No font to draw scans with: ${candidates.join(' or ')}`);
    GlobalFonts.registerFromPath(found, `Scan ${name}`);
  }
  areFontsRegistered = true;
}

export interface ScanOptions {
  /** Resolution of the scan (300 for a real scanner; less keeps tests quick). */
  dpi?: number;
  /** Page size in points (A4 by default). */
  width?: number;
  height?: number;
  /** Body size in points. */
  fontSize?: number;
  font?: keyof typeof fontFiles;
  /** Skew of the sheet on the glass, in degrees. */
  skew?: number;
  format?: 'png' | 'jpeg';
}

function wrap(context: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One sheet: `# ` starts a title line (bold, larger), an empty string a blank line, anything else
 * a paragraph, wrapped. Returns the image and the text as drawn (for accuracy measures).
 */
export async function scanPage(
  paragraphs: string[],
  options: ScanOptions = {},
): Promise<{ image: Buffer; text: string; width: number; height: number }> {
  registerFonts();
  const dpi = options.dpi ?? 300;
  const px = (points: number) => Math.round((points * dpi) / 72);
  const width = px(options.width ?? 595);
  const height = px(options.height ?? 842);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f4f3ef';
  context.fillRect(0, 0, width, height);
  context.translate(width / 2, height / 2);
  context.rotate(((options.skew ?? 0.3) * Math.PI) / 180);
  context.translate(-width / 2, -height / 2);
  context.fillStyle = '#1a1a1a';
  context.textBaseline = 'top';
  const margin = px(56);
  const size = options.fontSize ?? 11;
  const drawn: string[] = [];
  let y = margin;
  for (const paragraph of paragraphs) {
    const isTitle = paragraph.startsWith('# ');
    const text = isTitle ? paragraph.slice(2) : paragraph;
    context.font = isTitle ? `${px(size * 1.4)}px "Scan bold"` : `${px(size)}px "Scan ${options.font ?? 'serif'}"`;
    const lineHeight = px((isTitle ? size * 1.4 : size) * 1.45);
    if (text === '') {
      y += lineHeight;
      continue;
    }
    for (const line of wrap(context, text, width - 2 * margin)) {
      if (y + lineHeight > height - margin) break;
      context.fillText(line, margin, y);
      drawn.push(line);
      y += lineHeight;
    }
    y += lineHeight / 2;
  }
  const image = options.format === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', 85);
  return { image, text: drawn.join('\n'), width, height };
}

/** A page of a made PDF: scanned paragraphs (an image, no text layer), or text drawn as text. */
export type MadePage = { scan: string[] } | { text: string[] };

/** A PDF of scanned pages (and text pages, for a document mixing both). */
export async function makeScannedPdf(pages: MadePage[], options: ScanOptions & { title?: string } = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  if (options.title) pdf.setTitle(options.title);
  // Fixed dates: the same pages always make the same bytes.
  pdf.setCreationDate(new Date('2026-01-05T09:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-05T09:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const width = options.width ?? 595;
  const height = options.height ?? 842;
  for (const made of pages) {
    const page = pdf.addPage([width, height]);
    if ('text' in made) {
      made.text.forEach((line, i) => page.drawText(line, { x: 56, y: height - 80 - i * 14, size: 11, font }));
      continue;
    }
    const scan = await scanPage(made.scan, options);
    const image = options.format === 'png' ? await pdf.embedPng(scan.image) : await pdf.embedJpg(scan.image);
    page.drawImage(image, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await pdf.save());
}
