import { stripAccents, words } from '../french';
import { readShipped, type ShippedHeader } from './shipped';

/**
 * Who the visitor is, as the sentence says it (profiles.json, versioned with the code; see
 * README.md beside it): "je suis boulanger", "notre club", "le maire", "mon exploitation" name the
 * schemes' audiences (entreprises, associations, collectivites, agriculteurs…). Terms match in the
 * singular or plural, masculine or feminine, accents ignored, with the linking words of a phrase
 * ("de", "l'", "du", "une"…) set aside, so "président d'association" reads "présidente de
 * l'association". Forms are written out, never stemmed: "commune" would otherwise read
 * "communication", and "gérant" "gérer".
 */
export interface ProfileEntry {
  id: string;
  audiences: string[];
  terms: string[];
  source: string;
}

export interface Profiles extends ShippedHeader {
  method: string;
  entries: ProfileEntry[];
}

let shipped: Profiles | undefined;

export function shippedProfiles(): Profiles {
  shipped ??= readShipped<Profiles>('profiles.json');
  return shipped;
}

/** Words that link the words of a phrase and say nothing of who speaks. */
const linkingWords = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'un', 'une', 'au', 'aux']);

/** A text's words as profiles compare them: lower case, accents removed, elisions and linking words set aside. */
export function profileTokens(text: string): string[] {
  return words(text)
    .map(stripAccents)
    .filter((word) => !linkingWords.has(word));
}

/** Feminine forms of a masculine noun or adjective, from its ending (accents still on). */
function feminines(word: string): string[] {
  if (word.endsWith('teur')) return [`${word.slice(0, -4)}trice`, `${word.slice(0, -1)}se`];
  if (word.endsWith('eur')) return [`${word.slice(0, -1)}se`];
  if (/(?:en|on)$/.test(word)) return [`${word}ne`];
  if (word.endsWith('el')) return [`${word}le`];
  if (word.endsWith('if')) return [`${word.slice(0, -1)}ve`];
  if (word.endsWith('et')) return [`${word}te`];
  if (/(?:ier|er|ant|ent|and|é|u|ais|ois|ain|al|at|eil)$/.test(word)) return [`${word}e`];
  return [];
}

/** Every form a term's word takes: singular and plural, masculine and feminine, accents removed. */
export function inflections(word: string): string[] {
  const lower = word.toLowerCase();
  const forms = new Set<string>();
  for (const form of [lower, ...feminines(lower)]) {
    forms.add(form).add(`${form}s`);
    if (/(?:eau|eu|au)$/.test(form)) forms.add(`${form}x`);
    if (form.endsWith('al')) forms.add(`${form.slice(0, -2)}aux`);
  }
  return [...forms].map(stripAccents);
}

interface CompiledTerm {
  /** Per word of the term, its forms; the first word's forms index the term. */
  positions: Set<string>[];
  audiences: string[];
}

let index: Map<string, CompiledTerm[]> | undefined;

/** Built once: each term's words and their forms, indexed by the forms of its first word. */
function termIndex(): Map<string, CompiledTerm[]> {
  if (index) return index;
  index = new Map();
  for (const entry of shippedProfiles().entries) {
    for (const term of entry.terms) {
      const termWords = words(term).filter((word) => !linkingWords.has(stripAccents(word)));
      if (termWords.length === 0) continue;
      const compiled: CompiledTerm = { positions: termWords.map((word) => new Set(inflections(word))), audiences: entry.audiences };
      for (const form of compiled.positions[0] ?? []) {
        const list = index.get(form) ?? [];
        list.push(compiled);
        index.set(form, list);
      }
    }
  }
  return index;
}

/** The audiences a sentence says the visitor belongs to, in the order the sentence says them. */
export function profilesOf(text: string): string[] {
  const tokens = profileTokens(text);
  const terms = termIndex();
  const found = new Set<string>();
  tokens.forEach((token, start) => {
    for (const term of terms.get(token) ?? []) {
      const isMatch = term.positions.every((forms, offset) => forms.has(tokens[start + offset] ?? ''));
      if (isMatch) for (const audience of term.audiences) found.add(audience);
    }
  });
  return [...found];
}
