import type { FileType } from '../documents/fileTypes';
import type { TitleHints } from '../documents/titles';
import { decodeEntities, xmlText } from './formats';
import { openZip, type ZipPackage } from './zip';

/**
 * What may name a file, read in the extraction child process next to its pages: the title of its
 * metadata (PDF Info, office core properties) and its first heading (a heading style, a slide's
 * title, or page 1's largest line). Raw: server/documents/titles.ts judges and sanitises them.
 */

/** Enough to judge a candidate; a 5,000-character title is cut long before the IPC. */
const maxHintLength = 1000;

const bounded = (text: string | undefined) => {
  const trimmed = text?.replace(/\s+/g, ' ').trim().slice(0, maxHintLength);
  return trimmed || undefined;
};

const dcTitle = (xml: string | undefined) => {
  const inner = xml && /<dc:title[^>]*>([\s\S]*?)<\/dc:title>/.exec(xml)?.[1];
  return inner ? decodeEntities(inner.replace(/<[^>]+>/g, '')) : undefined;
};

/** DOCX: the first paragraph styled as a title or a first-level heading (English or French style ids). */
function docxHeading(zip: ZipPackage): string | undefined {
  const xml = zip.text('word/document.xml') ?? '';
  for (const [paragraph] of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    if (/<w:pStyle w:val="(Title|Titre|Heading1|Titre1|heading 1)"/i.test(paragraph))
      return xmlText(paragraph, /<w:br\/>/g).replace(/\n/g, ' ');
  }
  return undefined;
}

/** ODT: the first heading (`text:h`) or paragraph in the "Title" style. */
function odtHeading(zip: ZipPackage): string | undefined {
  const xml = (zip.text('content.xml') ?? '').split(/<office:text[^>]*>/)[1] ?? '';
  const heading = /<text:h[ >][\s\S]*?<\/text:h>|<text:p [^>]*text:style-name="Title"[^>]*>[\s\S]*?<\/text:p>/.exec(xml)?.[0];
  return heading ? xmlText(heading, /<text:line-break\/>/g).replace(/\n/g, ' ') : undefined;
}

/** PPTX: the title placeholder of the first slide. */
function pptxHeading(zip: ZipPackage): string | undefined {
  const xml = zip.text('ppt/slides/slide1.xml') ?? '';
  for (const [shape] of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
    if (/<p:ph [^>]*type="(title|ctrTitle)"/.test(shape)) return xmlText(shape, /<\/a:p>/g).replace(/\n/g, ' ');
  }
  return undefined;
}

function officeHints(fileType: FileType, data: Buffer): TitleHints {
  const zip = openZip(data);
  if (fileType === 'docx' || fileType === 'pptx' || fileType === 'xlsx') {
    const heading = fileType === 'docx' ? docxHeading(zip) : fileType === 'pptx' ? pptxHeading(zip) : undefined;
    return { metadataTitle: dcTitle(zip.text('docProps/core.xml')), heading };
  }
  return { metadataTitle: dcTitle(zip.text('meta.xml')), heading: fileType === 'odt' ? odtHeading(zip) : undefined };
}

interface PositionedText {
  text: string;
  size: number;
  y: number;
}

/**
 * The most prominent line in the top half of page 1: the largest text there, when it stands out
 * from the page's body text (at least 1.2 × the size that carries most characters); consecutive
 * pieces of that size are joined (a title over two lines).
 */
export function prominentLine(items: PositionedText[], pageHeight: number): string | undefined {
  const texts = items.filter((item) => /\p{L}/u.test(item.text) && item.size > 0);
  if (texts.length === 0) return undefined;
  // The body's size: the one that carries the most characters.
  const characters = new Map<number, number>();
  for (const item of texts) characters.set(Math.round(item.size), (characters.get(Math.round(item.size)) ?? 0) + item.text.length);
  const body = [...characters].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  const top = texts.filter((item) => item.y >= pageHeight / 2);
  if (top.length === 0) return undefined;
  const largest = Math.max(...top.map((item) => item.size));
  if (largest < body * 1.2) return undefined;
  const start = texts.findIndex((item) => item.y >= pageHeight / 2 && item.size >= largest * 0.9);
  const line: string[] = [];
  for (const item of texts.slice(start)) {
    if (item.size < largest * 0.9) break;
    line.push(item.text);
  }
  return line.join(' ');
}

async function pdfHints(data: Buffer): Promise<TitleHints> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // A copy: pdf.js detaches the buffer it is given, and the pages are read from these bytes next.
  const document = await getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const { info } = (await document.getMetadata()) as { info?: { Title?: unknown } };
    const metadataTitle = typeof info?.Title === 'string' ? info.Title : undefined;
    if (document.numPages === 0) return { metadataTitle };
    const page = await document.getPage(1);
    const content = await page.getTextContent();
    const [, , , height] = page.view as [number, number, number, number];
    const items = content.items.flatMap((item) =>
      'str' in item && item.str.trim()
        ? [{ text: item.str, size: Math.hypot(item.transform[2] as number, item.transform[3] as number), y: item.transform[5] as number }]
        : [],
    );
    page.cleanup();
    return { metadataTitle, heading: prominentLine(items, height) };
  } finally {
    await document.destroy();
  }
}

function textHeading(data: Buffer): TitleHints {
  const start = data
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\ufeff/, '');
  const heading = /^#\s+(.+)$/m.exec(start)?.[1];
  return { heading };
}

/** The hints of a file, or undefined when it has none (or they cannot be read: the pages still count). */
export async function titleHints(fileType: FileType, data: Buffer): Promise<TitleHints | undefined> {
  try {
    const hints =
      fileType === 'pdf'
        ? await pdfHints(data)
        : fileType === 'txt'
          ? textHeading(data)
          : fileType === 'png' || fileType === 'jpeg'
            ? {}
            : officeHints(fileType, data);
    const metadataTitle = bounded(hints.metadataTitle);
    const heading = bounded(hints.heading);
    if (!metadataTitle && !heading) return undefined;
    return { ...(metadataTitle ? { metadataTitle } : {}), ...(heading ? { heading } : {}) };
  } catch {
    return undefined;
  }
}
