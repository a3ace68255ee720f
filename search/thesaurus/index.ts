import { readShipped, type ShippedHeader } from './shipped';

/**
 * The shipped thesaurus (fr-region.json, versioned with the code; see README.md beside it): the
 * everyday words visitors say and the administrative words of the documents. Equivalent entries
 * are searched both ways; a broader entry sends its specific words ("japon") to the broader ones
 * ("étranger", "export") and not back.
 */
export interface ThesaurusEntry {
  id: string;
  theme: string;
  kind: 'equivalent' | 'broader';
  terms?: string[];
  from?: string[];
  to?: string[];
  source: string;
}

export interface Thesaurus extends ShippedHeader {
  entries: ThesaurusEntry[];
}

let shipped: Thesaurus | undefined;

export function shippedThesaurus(): Thesaurus {
  shipped ??= readShipped<Thesaurus>('fr-region.json');
  return shipped;
}

/** Synonyms as the index takes them: groups searched both ways, and one-way links. */
export interface SynonymSet {
  groups: string[][];
  oneWay: { from: string[]; to: string[] }[];
}

/** The shipped entries still switched on, with the administrators' groups on top. */
export function synonymSet(adminGroups: string[][], disabledIds: ReadonlySet<string> = new Set()): SynonymSet {
  const entries = shippedThesaurus().entries.filter((entry) => !disabledIds.has(entry.id));
  return {
    groups: [...entries.filter((entry) => entry.kind === 'equivalent').map((entry) => entry.terms ?? []), ...adminGroups],
    oneWay: entries.filter((entry) => entry.kind === 'broader').map((entry) => ({ from: entry.from ?? [], to: entry.to ?? [] })),
  };
}
