import { randomUUID } from 'node:crypto';
import { stemText } from './french';

/**
 * One record per page, or per chunk of a long page (Meilisearch stops indexing an attribute after
 * 65,535 words), carrying the document's and its scheme's metadata. Searched with distinct on
 * documentId.
 */
export interface SearchRecord {
  id: string;
  /** The text analysis the record was built with (analysisVersion): records of an older one are rebuilt. */
  analysis: number;
  syncId: string;
  documentId: string;
  page: number;
  chunk: number;
  title: string;
  titleStem: string;
  schemeName: string;
  schemeNameStem: string;
  keywords: string[];
  keywordsStem: string;
  summary: string;
  schemeSummary: string;
  summaryStem: string;
  content: string;
  contentStem: string;
  schemeId: string | null;
  schemePromise: string;
  themeId: string | null;
  themeName: string;
  folderIds: string[];
  directorateCode: string;
  directorateName: string;
  scope: 'internal' | 'external';
  audiences: string[];
  aidTypes: string[];
  availability: string;
  schemeClosesOnDay: number | null;
  isPermanent: boolean;
  schemeArchived: boolean;
  referent: { name: string | null; service: string | null; email: string | null; phone: string | null };
  docType: string;
  fileType: string | null;
  status: string;
  hasText: boolean;
  /** The page's text was read by OCR from a scan ("texte reconnu automatiquement"), with this confidence (0 to 1). */
  ocrConfidence?: number;
  /** The document's first record: browsing (no words) counts documents, not pages. */
  isPrimary: boolean;
  updatedAt: number;
}

export interface DocumentForIndex {
  id: string;
  title: string;
  summary: string;
  docType: string;
  scope: 'internal' | 'external';
  status: string;
  fileType: string | null;
  updatedAt: Date;
  directorate: { code: string; name: string };
  folderIds: string[];
  theme: { id: string; name: string } | null;
  scheme: {
    id: string;
    name: string;
    keywords: string[];
    promise: string;
    summary: string;
    audiences: string[];
    aidTypes: string[];
    availability: string;
    closesOn: string | null;
    isPermanent: boolean;
    isArchived: boolean;
    referent: SearchRecord['referent'];
  } | null;
  /** Text per page; empty when nothing could be extracted (still found by title and metadata). */
  pages: string[];
  /** The pages whose text OCR read from a scan, with its confidence (absent when none). */
  ocrPages?: { page: number; confidence: number }[];
}

export const maxWordsPerRecord = 2000;

/**
 * The version of the text analysis of records (search/french.ts, search/families.ts): stems made
 * by an older analysis do not meet the query's, so an index holding any is rebuilt. 2: word families.
 */
export const analysisVersion = 2;

const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86400000);

/** Splits a page into chunks of at most `maxWords` words, on word boundaries. */
export function chunkWords(text: string, maxWords = maxWordsPerRecord): string[] {
  const tokens = text.split(/(\s+)/);
  const chunks: string[] = [];
  let current = '';
  let count = 0;
  for (const token of tokens) {
    if (/\S/.test(token)) {
      if (count === maxWords) {
        chunks.push(current.trim());
        current = '';
        count = 0;
      }
      count += 1;
    }
    current += token;
  }
  if (current.trim() || chunks.length === 0) chunks.push(current.trim());
  return chunks;
}

type StemField = 'titleStem' | 'schemeNameStem' | 'keywordsStem' | 'summaryStem' | 'contentStem';
/** A record without its stems: what filters and hits read. */
export type MetadataRecord = Omit<SearchRecord, StemField>;
type CommonFields = Omit<MetadataRecord, 'id' | 'page' | 'chunk' | 'content' | 'hasText' | 'ocrConfidence' | 'isPrimary'>;

function commonFields(document: DocumentForIndex, syncId: string): CommonFields {
  const scheme = document.scheme;
  return {
    analysis: analysisVersion,
    syncId,
    documentId: document.id,
    title: document.title,
    schemeName: scheme?.name ?? '',
    keywords: scheme?.keywords ?? [],
    summary: document.summary,
    schemeSummary: [scheme?.promise, scheme?.summary].filter(Boolean).join(' — '),
    schemeId: scheme?.id ?? null,
    schemePromise: scheme?.promise ?? '',
    themeId: document.theme?.id ?? null,
    themeName: document.theme?.name ?? '',
    folderIds: document.folderIds,
    directorateCode: document.directorate.code,
    directorateName: document.directorate.name,
    scope: document.scope,
    audiences: scheme?.audiences ?? [],
    aidTypes: scheme?.aidTypes ?? [],
    availability: scheme?.availability ?? 'permanent',
    schemeClosesOnDay: scheme?.closesOn ? dayNumber(scheme.closesOn) : null,
    isPermanent: scheme?.isPermanent ?? true,
    schemeArchived: scheme?.isArchived ?? false,
    referent: scheme?.referent ?? { name: null, service: null, email: null, phone: null },
    docType: document.docType,
    fileType: document.fileType,
    status: document.status,
    updatedAt: Math.floor(document.updatedAt.getTime() / 1000),
  };
}

/**
 * A document's first record as the index holds it, without its text and without the stems
 * (Snowball over the title, summary and scheme: most of the cost of a record): the PostgreSQL
 * fallback builds one for every document it finds, to filter and present them.
 */
export function metadataRecord(document: DocumentForIndex): MetadataRecord {
  return { ...commonFields(document, ''), id: `${document.id}_0_0`, page: 0, chunk: 0, content: '', hasText: false, isPrimary: true };
}

/** `syncId` marks the records of one sync: a document's records without it are stale. */
export function buildRecords(document: DocumentForIndex, syncId: string = randomUUID()): SearchRecord[] {
  const scheme = document.scheme;
  const common = {
    ...commonFields(document, syncId),
    titleStem: stemText(document.title),
    schemeNameStem: stemText(scheme?.name ?? ''),
    keywordsStem: stemText((scheme?.keywords ?? []).join(' ')),
    summaryStem: stemText([document.summary, scheme?.promise, scheme?.summary].filter(Boolean).join(' ')),
  };
  const pages = document.pages.map((text, index) => ({ text, page: index + 1 })).filter((page) => page.text.trim() !== '');
  const ocrConfidence = new Map((document.ocrPages ?? []).map((mark) => [mark.page, mark.confidence]));
  if (pages.length === 0) {
    return [{ ...common, id: `${document.id}_0_0`, page: 0, chunk: 0, content: '', contentStem: '', hasText: false, isPrimary: true }];
  }
  return pages.flatMap(({ text, page }, pageIndex) =>
    chunkWords(text).map((content, chunk) => ({
      ...common,
      id: `${document.id}_${page}_${chunk}`,
      page,
      chunk,
      content,
      contentStem: stemText(content),
      hasText: true,
      ...(ocrConfidence.has(page) ? { ocrConfidence: ocrConfidence.get(page) } : {}),
      isPrimary: pageIndex === 0 && chunk === 0,
    })),
  );
}
