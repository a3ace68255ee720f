import type { Availability } from '../folders/types';
import type { Scope } from '../documents/types';

/** The shapes of GET /api/search (grouped answer) and GET /api/search/home (server/search, contract of issue 17). */

export interface Referent {
  name: string | null;
  service: string | null;
  email: string | null;
  phone: string | null;
}

/** A scheme as the search answers it: its card, enough to answer the visitor at a glance. */
export interface AnswerScheme {
  id: string;
  name: string;
  promise: string;
  summary: string;
  /** What it pays, as the card says it; '' when the card does not say. */
  amount: string;
  audiences: string[];
  aidTypes: string[];
  availability: Availability;
  opensOn: string | null;
  closesOn: string | null;
  isPermanent: boolean;
  referent: Referent;
  links: { infoUrl: string | null; applyUrl: string | null };
  directorate: { code: string; name: string };
  theme: { id: string; name: string } | null;
  /** At least one external published document: a public link exists. */
  isShared: boolean;
  verifiedAt: string | null;
  reviewDueOn: string | null;
  isReviewDue: boolean;
}

export interface AnswerDocument {
  document: {
    id: string;
    title: string;
    summary: string;
    docType: string;
    scope: Scope;
    fileType: string | null;
    hasText: boolean;
    updatedAt: string;
  };
  /** The best matching page (the PDF opens there); null when the title or the card matched. */
  page: number | null;
  /** HTML made by the server: the text escaped, the matches in <mark>. The only server string rendered as HTML. */
  snippet: string;
  /** The page's text was read by OCR from a scan, with this confidence (0 to 1); null otherwise. */
  ocrConfidence: number | null;
}

export interface AnswerGroup {
  /** null: a document outside any scheme, alone in its group. */
  scheme: AnswerScheme | null;
  /** Best first, at most 5. */
  documents: AnswerDocument[];
  score: number;
}

/** Value → number of documents, per facet. */
export type FacetCounts = Record<string, Record<string, number>>;

export interface SearchAnswer {
  query: {
    text: string;
    /** Content words searched, as typed. */
    words: string[];
    /** Words set aside: nothing published contains them. */
    ignored: string[];
    /** Thesaurus and synonym terms also searched. */
    expansions: { word: string; terms: string[] }[];
  };
  /** Confident answers of this page, best first. */
  groups: AnswerGroup[];
  /** Under the relevance floor ("Résultats approchants"); page 1 only. */
  approximate: AnswerGroup[];
  /** Confident groups: schemes and lone documents. */
  total: number;
  /** Documents in the confident groups. */
  totalDocuments: number;
  facets: FacetCounts;
  page: number;
  /** Groups per page. */
  hitsPerPage: number;
  degraded: boolean;
  /** When nothing passes: a French suggestion. */
  suggestion: string | null;
}

export interface SearchHome {
  popular: AnswerScheme[];
  latest: AnswerScheme[];
}

export interface MatchingPage {
  page: number;
  snippet: string;
  /** The page's text was read by OCR from a scan, with this confidence (0 to 1); null otherwise. */
  ocrConfidence: number | null;
}
