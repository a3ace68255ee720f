import { createRequire } from 'node:module';
import { stripAccents } from './french';
import { conjugations } from './lexicon';

/**
 * Accents put back on a word written without them, from the Lefff: a file name made readable
 * ("reglement" → "règlement", server/documents/titles.ts), and a visitor's word typed without its
 * accents ("reduction" → "réduction", search/understand.ts), whose stem would otherwise differ:
 * the stemmer and the word families read accents.
 */

type Words = Record<string, unknown>;
let accented: Map<string, string | null> | undefined;

/**
 * Unaccented spelling → its accented word, from the Lefff (nouns of `french-words-gender-lefff`,
 * every form of the verbs of `french-verbs-lefff`). A spelling that is a word as it is, or
 * that two accented words share ("peche": pêche, péché), is left alone (null).
 */
function accentIndex(): Map<string, string | null> {
  if (accented) return accented;
  const require = createRequire(import.meta.url);
  const nouns = Object.keys(require('french-words-gender-lefff/dist/words.json') as Words);
  const verbs = conjugations();
  const index = new Map<string, string | null>();
  const add = (word: string | null) => {
    if (!word || word === 'NA') return;
    if (/^[a-z]+$/.test(word)) {
      index.set(word, null);
      return;
    }
    if (!/^[a-zàâäéèêëîïôöùûüÿçœæ]+$/.test(word)) return;
    const plain = stripAccents(word).replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    const known = index.get(plain);
    if (known === undefined) index.set(plain, word);
    else if (known !== word) index.set(plain, null);
  };
  for (const noun of nouns) add(noun);
  for (const [verb, tenses] of Object.entries(verbs)) {
    add(verb);
    for (const forms of Object.values(tenses)) for (const form of forms) add(form);
  }
  accented = index;
  return index;
}

/** The accented spelling of a lower-case word written without accents ("reglement" → "règlement"), plural too. */
export function withAccents(word: string): string {
  if (!/^[a-z]{3,}$/.test(word)) return word;
  const index = accentIndex();
  const found = index.get(word);
  if (found !== undefined) return found ?? word;
  // Plurals of the nouns (the list holds singulars); not "des", "les"…
  const plural = word.length > 4 ? /[sx]$/.exec(word) : null;
  if (plural) {
    const singular = index.get(word.slice(0, -1));
    if (singular) return singular + plural[0];
  }
  return word;
}
