import { strToU8, zipSync, type Zippable } from 'fflate';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { makeScannedPdf, scanPage, type MadePage } from './scans';

/**
 * The demo catalogue's files, made in memory: PDFs (pdf-lib, standard fonts), Word (DOCX) and
 * Writer (ODT) packages (fflate, the parts a reader needs). A page of text is a list of lines:
 * `# ` starts the document's title, `## ` a heading, `- ` a list item, anything else a paragraph.
 * Each page of the text is one page of the file, so the extraction finds it at that page number.
 */

export type FileFormat = 'pdf' | 'docx' | 'odt' | 'jpeg';
export type Page = string[];

type Block = { kind: 'title' | 'heading' | 'item' | 'paragraph'; text: string };

function blockOf(line: string): Block {
  if (line.startsWith('# ')) return { kind: 'title', text: line.slice(2) };
  if (line.startsWith('## ')) return { kind: 'heading', text: line.slice(3) };
  if (line.startsWith('- ')) return { kind: 'item', text: line.slice(2) };
  return { kind: 'paragraph', text: line };
}

/** The words a reader sees on a page (markers left out). */
export function pageText(page: Page): string {
  return page.map((line) => blockOf(line).text).join('\n');
}

/** A scanned page as drawn: headings and the title in bold, list items with their dash. */
const scanLines = (page: Page) => page.map((line) => (line.startsWith('## ') ? `# ${line.slice(3)}` : line));
/** Scans of the demo catalogue: an office scanner's 200 dpi (quicker to draw at load than 300). */
const scanDpi = 200;

export async function makeFile(
  format: FileFormat,
  pages: Page[],
  meta: { title: string; header: string },
  scannedPages: number[] = [],
): Promise<Buffer> {
  if (format === 'jpeg') {
    // A photo of a poster: one page, a sans-serif face, taken a little askew.
    return (await scanPage(scanLines(pages[0] ?? []), { dpi: scanDpi, font: 'sans', fontSize: 16, skew: 1.2, height: 600 })).image;
  }
  if (format === 'pdf' && scannedPages.length > 0) {
    const made: MadePage[] = pages.map((page, index) => (scannedPages.includes(index + 1) ? { scan: scanLines(page) } : { text: [] }));
    // Text pages of a mixed document: the usual layout, one page at a time, then put in place.
    const text = await PDFDocument.load(await makePdf(pages, meta));
    const scans = await PDFDocument.load(await makeScannedPdf(made, { dpi: scanDpi, title: meta.title }));
    const pdf = await PDFDocument.create();
    pdf.setTitle(drawable(meta.title));
    pdf.setCreationDate(new Date('2026-01-05T09:00:00Z'));
    pdf.setModificationDate(new Date('2026-01-05T09:00:00Z'));
    for (const [index] of pages.entries()) {
      const [page] = await pdf.copyPages(scannedPages.includes(index + 1) ? scans : text, [index]);
      pdf.addPage(page);
    }
    return Buffer.from(await pdf.save());
  }
  if (format === 'pdf') return makePdf(pages, meta);
  return format === 'docx' ? makeDocx(pages, meta.title) : makeOdt(pages, meta.title);
}

// --- PDF ---------------------------------------------------------------------------------------

const a4 = { width: 595.28, height: 841.89 };
const margin = 56;
const bodySize = 10;
const lineHeight = 13.2;

/** Characters the standard fonts (WinAnsi) cannot draw, replaced by ones they can. */
const winAnsiFallbacks: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': ' ',
  '\u2011': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
};
const drawable = (text: string) => text.replace(/[\u202f\u2009\u2011\u2212\u2192\u2264\u2265]/g, (c) => winAnsiFallbacks[c] ?? ' ');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

async function makePdf(pages: Page[], meta: { title: string; header: string }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(drawable(meta.title));
  pdf.setAuthor(drawable(meta.header));
  pdf.setLanguage('fr-FR');
  // Fixed dates: the same text always makes the same bytes.
  pdf.setCreationDate(new Date('2026-01-05T09:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-05T09:00:00Z'));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = a4.width - 2 * margin;
  const grey = rgb(0.35, 0.35, 0.35);

  const drawFrame = (page: PDFPage, number: number) => {
    page.drawText(drawable(meta.header), { x: margin, y: a4.height - 34, size: 8, font: regular, color: grey });
    page.drawText(`Page ${number} / ${pages.length}`, { x: a4.width - margin - 50, y: 30, size: 8, font: regular, color: grey });
  };

  pages.forEach((lines, index) => {
    let page = pdf.addPage([a4.width, a4.height]);
    drawFrame(page, index + 1);
    let y = a4.height - margin - 10;
    for (const block of lines.map(blockOf)) {
      const font = block.kind === 'title' || block.kind === 'heading' ? bold : regular;
      const size = block.kind === 'title' ? 15 : block.kind === 'heading' ? 11.5 : bodySize;
      const indent = block.kind === 'item' ? 14 : 0;
      const text = drawable(block.text);
      const wrapped = wrap(text, font, size, width - indent);
      y -= block.kind === 'paragraph' || block.kind === 'item' ? 3 : 9;
      wrapped.forEach((line, i) => {
        if (y < margin + 20) {
          // A page of text never overflows in the catalogue (tested); if it did, it would go on.
          page = pdf.addPage([a4.width, a4.height]);
          y = a4.height - margin - 10;
        }
        if (block.kind === 'item' && i === 0) page.drawText('•', { x: margin + 3, y, size, font: regular });
        page.drawText(line, { x: margin + indent, y, size, font });
        y -= size === bodySize ? lineHeight : size * 1.3;
      });
    }
  });
  return Buffer.from(await pdf.save());
}

// --- DOCX and ODT ------------------------------------------------------------------------------

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function zip(entries: Record<string, string>, first?: [string, string]): Buffer {
  const files: Zippable = {};
  // The OpenDocument "mimetype" entry comes first, stored uncompressed.
  if (first) files[first[0]] = [strToU8(first[1]), { level: 0 }];
  for (const [name, content] of Object.entries(entries)) files[name] = strToU8(content);
  // A fixed time: the same text always makes the same bytes.
  return Buffer.from(zipSync(files, { mtime: new Date('2026-01-05T09:00:00Z') }));
}

const wordNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docxParagraph(block: Block): string {
  const run = (properties: string) =>
    `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${xml(block.text)}</w:t></w:r>`;
  switch (block.kind) {
    case 'title':
      return `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${run('<w:b/><w:sz w:val="32"/>')}</w:p>`;
    case 'heading':
      return `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${run('<w:b/><w:sz w:val="24"/>')}</w:p>`;
    case 'item':
      return `<w:p><w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr>${run('').replace('<w:t xml:space="preserve">', '<w:t xml:space="preserve">• ')}</w:p>`;
    case 'paragraph':
      return `<w:p>${run('')}</w:p>`;
  }
}

/** The document's title in its core properties (docProps/core.xml), as a word processor saves it. */
function makeDocx(pages: Page[], title: string): Buffer {
  const pageBreak = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
  const body = pages.map((page) => page.map((line) => docxParagraph(blockOf(line))).join('')).join(pageBreak);
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xml(title)}</dc:title><dc:language>fr-FR</dc:language></cp:coreProperties>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${wordNs}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  });
}

const odtNamespaces =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

function odtParagraph(block: Block, isPageStart: boolean): string {
  // A new page starts with a hard break (style PageStart); LibreOffice marks it with a soft page break too.
  const style = isPageStart ? ' text:style-name="PageStart"' : '';
  const mark = isPageStart ? '<text:soft-page-break/>' : '';
  switch (block.kind) {
    case 'title':
      return `${mark}<text:h text:outline-level="1"${style}>${xml(block.text)}</text:h>`;
    case 'heading':
      return `${mark}<text:h text:outline-level="2"${style}>${xml(block.text)}</text:h>`;
    case 'item':
      return `${mark}<text:p${style}>• ${xml(block.text)}</text:p>`;
    case 'paragraph':
      return `${mark}<text:p${style}>${xml(block.text)}</text:p>`;
  }
}

/** The document's title in meta.xml, as a word processor saves it. */
function makeOdt(pages: Page[], title: string): Buffer {
  const mime = 'application/vnd.oasis.opendocument.text';
  const body = pages.map((page, p) => page.map((line, i) => odtParagraph(blockOf(line), p > 0 && i === 0)).join('')).join('');
  return zip(
    {
      'META-INF/manifest.xml': `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      'meta.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:title>${xml(title)}</dc:title><dc:language>fr-FR</dc:language></office:meta></office:document-meta>`,
      'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNamespaces} office:version="1.3"><office:automatic-styles><style:style style:name="PageStart" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style></office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    },
    ['mimetype', mime],
  );
}
