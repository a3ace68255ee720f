/**
 * The bounds of French OCR (server/extraction/scans.ts), apart from the OCR code so that the
 * config (server/config.ts) reads them without loading the engine.
 */
export interface OcrSettings {
  /** Scanned pages read per document at most; the others stay unread (said in the note). */
  maxPages: number;
  /** Longest read of one page. */
  pageTimeoutMs: number;
  /** Longest OCR of one document, all its pages together. */
  documentTimeoutMs: number;
  /** 0 to 1: a page read with less confidence is not indexed (noise, photos, handwriting). */
  minConfidence: number;
  /** Resolution scanned pages are rendered at. */
  dpi: number;
  /** Pixels of the image given to the engine at most (a 300 dpi A4 page is 8.7 million). */
  maxPixels: number;
  /** Pixels of a source image decoded at most (an image beyond is not read at all): a 48 MP phone photo is read. */
  maxSourcePixels: number;
}

export const defaultOcrSettings: OcrSettings = {
  maxPages: 50,
  pageTimeoutMs: 60000,
  documentTimeoutMs: 600000,
  minConfidence: 0.6,
  dpi: 300,
  maxPixels: 10_000_000,
  maxSourcePixels: 50_000_000,
};
