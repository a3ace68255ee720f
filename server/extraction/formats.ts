import type { FileType } from '../documents/fileTypes';
import { openZip, type ZipPackage } from './zip';

/**
 * Text per page (or per section, slide or sheet for formats without pages). Runs inside the
 * extraction child process (server/extraction/extractor.ts), never on the request path.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return entities[entity.toLowerCase()] ?? ' ';
  });
}

/**
 * What is markup but not a tag: the XML declaration and processing instructions, comments, CDATA
 * markers, and a DOCTYPE with its internal subset (`<!DOCTYPE w:document [<!ENTITY …>]>`), which
 * the tag pattern alone would cut at its first `>`, leaving a stray `]>` in the text. Entities a
 * DOCTYPE declares are never expanded.
 */
const nonTagMarkup = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<!\[CDATA\[|\]\]>/gi;

/** Markup to text: paragraph and line breaks kept as new lines, tags removed, entities decoded. */
export function xmlText(xml: string, breaks: RegExp): string {
  return decodeEntities(
    xml
      .replace(nonTagMarkup, '')
      .replace(breaks, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/[ \t]+/g, ' '),
  )
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

const clean = (pages: string[]) => pages.map((page) => page.trim());

function docx(zip: ZipPackage): string[] {
  const xml = zip.text('word/document.xml');
  if (xml === undefined) throw new Error('word/document.xml is missing');
  const pages = xml.split(/<w:br [^>]*w:type="page"[^>]*\/>|<w:lastRenderedPageBreak\/>/);
  return clean(pages.map((part) => xmlText(part, /<\/w:p>|<w:br\/>|<w:tab\/>/g)));
}

function odt(zip: ZipPackage): string[] {
  const xml = zip.text('content.xml');
  if (xml === undefined) throw new Error('content.xml is missing');
  const body = xml.split(/<office:text[^>]*>/)[1] ?? xml;
  return clean(
    body.split(/<text:soft-page-break\/>/).map((part) => xmlText(part, /<\/text:p>|<\/text:h>|<text:line-break\/>|<text:tab\/>/g)),
  );
}

function odfParts(zip: ZipPackage, element: 'table:table' | 'draw:page'): string[] {
  const xml = zip.text('content.xml');
  if (xml === undefined) throw new Error('content.xml is missing');
  const parts = xml.split(new RegExp(`<${element}[ >]`)).slice(1);
  // Each part starts with the rest of the element's start tag: its attributes, up to '>'.
  const inner = (part: string) => (part.split(`</${element}>`)[0] ?? '').slice(part.indexOf('>') + 1);
  return clean(parts.map((part) => xmlText(inner(part), /<\/text:p>|<\/table:table-cell>|<\/table:table-row>/g)));
}

const numbered = (names: string[], pattern: RegExp) =>
  names
    .map((name) => ({ name, n: Number(pattern.exec(name)?.[1]) }))
    .filter((entry) => Number.isInteger(entry.n))
    .sort((a, b) => a.n - b.n)
    .map((entry) => entry.name);

function pptx(zip: ZipPackage): string[] {
  return clean(numbered(zip.names(), /^ppt\/slides\/slide(\d+)\.xml$/).map((name) => xmlText(zip.text(name) ?? '', /<\/a:p>|<a:br\/>/g)));
}

function xlsx(zip: ZipPackage): string[] {
  const shared = [...(zip.text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    xmlText(m[1] ?? '', /<\/t>/g).replace(/\n/g, ''),
  );
  return clean(
    numbered(zip.names(), /^xl\/worksheets\/sheet(\d+)\.xml$/).map((name) => {
      const rows = [...(zip.text(name) ?? '').matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)];
      return rows
        .map((row) =>
          [...(row[1] ?? '').matchAll(/<c([^>]*)>([\s\S]*?)<\/c>/g)]
            .map(([, attributes, inner]) => {
              const value = /<v>([\s\S]*?)<\/v>/.exec(inner ?? '')?.[1] ?? xmlText(inner ?? '', /<\/t>/g);
              return /t="s"/.test(attributes ?? '') ? (shared[Number(value)] ?? '') : decodeEntities(value);
            })
            .filter(Boolean)
            .join(' ; '),
        )
        .filter(Boolean)
        .join('\n');
    }),
  );
}

function plainText(data: Buffer): string[] {
  return clean(
    data
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\f'),
  );
}

async function pdf(data: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .replace(/[ \t]+/g, ' ')
          .trim(),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

export async function extractPages(fileType: FileType, data: Buffer): Promise<string[]> {
  switch (fileType) {
    case 'pdf':
      return pdf(data);
    case 'txt':
      return plainText(data);
    case 'docx':
      return docx(openZip(data));
    case 'odt':
      return odt(openZip(data));
    case 'ods':
      return odfParts(openZip(data), 'table:table');
    case 'odp':
      return odfParts(openZip(data), 'draw:page');
    case 'pptx':
      return pptx(openZip(data));
    case 'xlsx':
      return xlsx(openZip(data));
    case 'png':
    case 'jpeg':
      // Images carry no text we read (no OCR): found by their title and metadata.
      return [];
  }
}
