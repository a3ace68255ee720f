import { isVerb } from './lexicon';

/**
 * Word families: a derived noun or adjective leads to the verb it comes from, when the Lefff knows
 * that verb ("chauffage" → "chauffer", "reconversion" → "reconvertir", "formation" → "former").
 * Snowball stems inflections (chauffe, chauffons, chauffés → chauff) but not derivations; stemming
 * the family's verb instead of the word makes the whole family meet, in the index and in queries.
 *
 * Each rule replaces a derivational suffix of French by the verb endings it comes from; a candidate
 * counts only when it is a verb of the lexicon, so "station" (no verb "ster") stays itself. The
 * rules are French morphology, not a list of words: every word of the language goes through them.
 */
const rules: readonly (readonly [suffix: string, verbEndings: readonly string[]])[] = [
  ['issement', ['ir']], // investissement → investir, établissement → établir
  ['ement', ['er']], // financement → financer, hébergement → héberger
  ['issage', ['ir']], // atterrissage → atterrir
  ['age', ['er']], // chauffage → chauffer, recyclage → recycler
  ['erie', ['er']], // chaufferie → chauffer, brasserie → brasser
  ['ateur', ['er']], // formateur → former, exportateur → exporter
  ['atrice', ['er']],
  ['ucteur', ['uire']], // conducteur → conduire, producteur → produire
  ['uctrice', ['uire']],
  ['eur', ['er', 'ir']], // employeur → employer, acheteur → acheter
  ['euse', ['er', 'ir']],
  ['cation', ['quer', 'er']], // communication → communiquer, fabrication → fabriquer
  ['ation', ['er']], // formation → former, création → créer
  ['osition', ['oser']], // exposition → exposer, proposition → proposer
  ['ition', ['ir']], // finition → finir
  ['uction', ['uire']], // construction → construire, production → produire
  ['version', ['vertir']], // reconversion → reconvertir
  ['ission', ['ettre']], // transmission → transmettre
  ['ision', ['ider']], // décision → décider
  ['usion', ['user', 'ure']], // diffusion → diffuser, conclusion → conclure
  ['ession', ['esser']], // progression → progresser
  ['ure', ['er']], // signature → signer
];

/** Closed derivational patterns between nouns, where no verb links them (agriculteur ↔ agriculture). */
const nounPatterns: readonly (readonly [suffix: string, replacement: string])[] = [
  ['culteur', 'culture'],
  ['cultrice', 'culture'],
];

/** Shortest stem a rule may leave: "âge" is no "er" verb, "ure" no verb at all. */
const minimumStem = 3;

/** The word a family is named by: the verb a derived word comes from, or the word itself. */
export function familyRoot(word: string): string {
  for (const [suffix, replacement] of nounPatterns) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minimumStem) return word.slice(0, -suffix.length) + replacement;
  }
  // A noun that is its verb's stem plus "e" ("embauche", "aide") already meets it through Snowball.
  for (const [suffix, endings] of rules) {
    if (!word.endsWith(suffix) || word.length - suffix.length < minimumStem) continue;
    const base = word.slice(0, -suffix.length);
    for (const ending of endings) {
      const verb = base + ending;
      if (isVerb(verb)) return verb;
    }
  }
  return word;
}
