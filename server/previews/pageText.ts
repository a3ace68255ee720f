import type { Db } from '../db';

export interface IndexedPage {
  number: number;
  text: string;
  /** Read by French OCR from a scan (version_pages.ocr), with the engine's confidence (0–1). */
  isOcr: boolean;
  ocrConfidence: number | null;
}

/** A slice of the text stored per page for a version (what the index holds of it), and how many pages there are. */
export async function indexedPages(
  db: Db,
  versionId: string,
  slice: { offset: number; limit: number },
): Promise<{ total: number; pages: IndexedPage[] }> {
  const [count, rows] = await Promise.all([
    db('version_pages').where({ version_id: versionId }).count<{ count: number }[]>('* as count').first(),
    db('version_pages as p')
      .where({ 'p.version_id': versionId })
      .orderBy('p.page_number')
      .offset(slice.offset)
      .limit(slice.limit)
      .select<{ page_number: number; text: string; ocr: boolean; ocr_confidence: number | null }[]>(
        'p.page_number',
        'p.text',
        'p.ocr',
        'p.ocr_confidence',
      ),
  ]);
  return {
    total: count?.count ?? 0,
    pages: rows.map((row) => ({
      number: row.page_number,
      text: row.text,
      isOcr: row.ocr,
      ocrConfidence: row.ocr ? row.ocr_confidence : null,
    })),
  };
}
