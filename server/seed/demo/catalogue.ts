import { todayInParis } from '../../folders/availability';
import { looseDocuments } from './loose';
import { scannedDocuments } from './scanned';
import { economySchemes } from './schemes/economy';
import { agricultureSchemes } from './schemes/agriculture';
import { landSchemes } from './schemes/land';
import { peopleSchemes } from './schemes/people';
import { trainingSchemes } from './schemes/training';
import { tourismSchemes } from './schemes/tourism';
import type { DemoCard, DemoCatalogue, SchemeSource } from './types';
import { writeDocument } from './writing';

/**
 * The demo catalogue the embedded default loads on its first start: invented schemes of the
 * Region with full cards and their documents (règlements, fiches, FAQ, formulaires, notes), in
 * French. Nothing here is real: names, people, amounts, addresses (`region.example`) and phone
 * numbers (04 00 …) are made up. Dates are set relative to the day it is loaded.
 */

export const schemeSources: readonly SchemeSource[] = [
  ...economySchemes,
  ...tourismSchemes,
  ...trainingSchemes,
  ...peopleSchemes,
  ...agricultureSchemes,
  ...landSchemes,
];

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
    links: {
      infoUrl: `https://www.region.example/aides/${source.slug}`,
      applyUrl: `https://www.region.example/aides/${source.slug}/deposer-une-demande`,
    },
  };
}

/** The whole catalogue, with its dates counted from `today` (YYYY-MM-DD, the Region's day). */
export function demoCatalogue(today = todayInParis()): DemoCatalogue {
  const schemes = schemeSources.map((source) => ({
    name: source.name,
    theme: source.theme,
    directorate: source.directorate,
    card: cardOf(source, today),
  }));
  const documents = schemeSources.flatMap((source, index) =>
    source.documents.map((plan) => ({ ...writeDocument(source, cardOf(source, today), plan, index), place: { scheme: source.name } })),
  );
  return { schemes, documents: [...documents, ...looseDocuments, ...scannedDocuments] };
}
