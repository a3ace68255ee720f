import type { Db } from '../db';

export interface IndexedPage {
  number: number;
  text: string;
  /** Read by OCR (set by the extraction when it marks its pages), with its confidence (0–100) when known. */
  isOcr: boolean;
  ocrConfidence: number | null;
}

/** Columns an OCR step may add to version_pages, read when present (to_jsonb), never required. */
function ocrOf(extra: Record<string, unknown>): Pick<IndexedPage, 'isOcr' | 'ocrConfidence'> {
  const confidence = extra.ocr_confidence ?? extra.confidence;
  const isOcr = extra.ocr === true || extra.is_ocr === true || extra.source === 'ocr' || extra.method === 'ocr' || typeof extra.ocr_confidence === 'number';
  return { isOcr, ocrConfidence: isOcr && typeof confidence === 'number' ? confidence : null };
}

/** A slice of the text stored per page for a version (what the index holds of it), and how many pages there are. */
export async function indexedPages(db: Db, versionId: string, slice: { offset: number; limit: number }): Promise<{ total: number; pages: IndexedPage[] }> {
  const [count, rows] = await Promise.all([
    db('version_pages').where({ version_id: versionId }).count<{ count: number }[]>('* as count').first(),
    db('version_pages as p')
      .where({ 'p.version_id': versionId })
      .orderBy('p.page_number')
      .offset(slice.offset)
      .limit(slice.limit)
      .select<{ page_number: number; text: string; extra: Record<string, unknown> }[]>(
        'p.page_number',
        'p.text',
        db.raw("to_jsonb(p) - 'text' - 'search_vector' - 'version_id' - 'page_number' as extra"),
      ),
  ]);
  return { total: count?.count ?? 0, pages: rows.map((row) => ({ number: row.page_number, text: row.text, ...ocrOf(row.extra) })) };
}
