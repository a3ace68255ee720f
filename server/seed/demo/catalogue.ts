import type { DocType } from '../../documents/schema';
import { todayInParis } from '../../folders/availability';
import type { aidTypes, audiences, SchemeCardInput } from '../../folders/schema';
import type { directorates, themes } from '../data';
import type { FileFormat, Page } from './files';
import { looseDocuments } from './loose';
import { scannedDocuments } from './scanned';
import { economySchemes } from './schemes/economy';
import { landSchemes } from './schemes/land';
import { peopleSchemes } from './schemes/people';
import { tourismSchemes } from './schemes/tourism';
import { writeDocument } from './writing';

/**
 * The demo catalogue the embedded default loads on its first start: invented schemes of the
 * Region with full cards and their documents (règlements, fiches, FAQ, formulaires, notes), in
 * French. Nothing here is real: names, people, amounts, addresses (`region.example`) and phone
 * numbers (04 00 …) are made up. Dates are set relative to the day it is loaded.
 */

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

export const schemeSources: readonly SchemeSource[] = [...economySchemes, ...tourismSchemes, ...peopleSchemes, ...landSchemes];

const dayMs = 86400000;
export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function cardOf(source: SchemeSource, today: string): DemoCard {
  const dates =
    'isPermanent' in source.calendar
      ? { opensOn: null, closesOn: null, isPermanent: true }
      : { opensOn: addDays(today, source.calendar.opensIn), closesOn: addDays(today, source.calendar.closesIn), isPermanent: false };
  return {
    promise: source.promise,
    summary: source.summary,
    amount: source.amount,
    audiences: source.audiences,
    aidTypes: source.aidTypes,
    keywords: source.keywords,
    ...dates,
    referent: { ...source.referent, publicFields: ['service', 'email'] },
    links: { infoUrl: `https://www.region.example/aides/${source.slug}`, applyUrl: `https://www.region.example/aides/${source.slug}/deposer-une-demande` },
  };
}

/** The whole catalogue, with its dates counted from `today` (YYYY-MM-DD, the Region's day). */
export function demoCatalogue(today = todayInParis()): DemoCatalogue {
  const schemes = schemeSources.map((source) => ({ name: source.name, theme: source.theme, directorate: source.directorate, card: cardOf(source, today) }));
  const documents = schemeSources.flatMap((source, index) =>
    source.documents.map((plan) => ({ ...writeDocument(source, cardOf(source, today), plan, index), place: { scheme: source.name } })),
  );
  return { schemes, documents: [...documents, ...looseDocuments, ...scannedDocuments] };
}
