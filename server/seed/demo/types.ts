import type { DocType } from '../../documents/schema';
import type { aidTypes, audiences, SchemeCardInput } from '../../folders/schema';
import type { directorates, themes } from '../data';
import type { FileFormat, Page } from './files';

/** The shapes of the demo catalogue (server/seed/demo/catalogue.ts), apart so that its parts import them without importing it. */

export type Theme = (typeof themes)[number];
export type DirectorateCode = (typeof directorates)[number]['code'];
export type Audience = (typeof audiences)[number];
export type AidType = (typeof aidTypes)[number];
export type Scope = 'internal' | 'external';

/** When a scheme takes applications, in days from the day the catalogue is loaded (negative: past). */
export type Calendar = { isPermanent: true } | { opensIn: number; closesIn: number };

export type DocumentKind = 'reglement' | 'fiche' | 'faq' | 'formulaire' | 'note' | 'guide';

export interface DocumentPlan {
  kind: DocumentKind;
  format: FileFormat;
  scope: Scope;
}

/** A scheme as written: its card, and what its documents say. */
export interface SchemeSource {
  name: string;
  /** For its links: https://www.region.example/aides/<slug>. */
  slug: string;
  theme: Theme;
  directorate: DirectorateCode;
  promise: string;
  summary: string;
  amount: string;
  audiences: Audience[];
  aidTypes: AidType[];
  keywords: string[];
  calendar: Calendar;
  referent: { name: string; service: string; email: string; phone: string };
  /** Why the Region runs it: the preamble of its règlement. */
  context: string;
  beneficiaries: string[];
  conditions: string[];
  expenses: string[];
  excluded: string[];
  /** How the amount is worked out, in a sentence or two. */
  funding: string;
  /** What to send with the application. */
  pieces: string[];
  faq: [question: string, answer: string][];
  documents: DocumentPlan[];
}

export type DemoCard = Omit<SchemeCardInput, 'directorateId'>;

export interface DemoScheme {
  name: string;
  theme: Theme;
  directorate: DirectorateCode;
  card: DemoCard;
}

/** Where a document goes: its scheme, or a folder of a directorate under a theme (outside any scheme). */
export type DemoPlace = { scheme: string } | { theme: Theme; folder: string; directorate: DirectorateCode };

export interface DemoDocument {
  place: DemoPlace;
  title: string;
  summary: string;
  docType: DocType;
  scope: Scope;
  status: 'published';
  format: FileFormat;
  filename: string;
  pages: Page[];
  /** Pages (1-based) made as scans, images with no text layer (server/seed/demo/scanned.ts): read by OCR. */
  scannedPages?: number[];
}

export interface DemoCatalogue {
  schemes: DemoScheme[];
  documents: DemoDocument[];
}
