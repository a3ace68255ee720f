import { frenchStopWords, stem, stripAccents, words } from './french';
import { withAccents } from './accents';
import { formsOf } from './lexicon';
import { profilesOf } from './thesaurus/profiles';

/**
 * What a visitor's sentence asks for: the content words, whatever their position and however long
 * the sentence, with conversational filler set aside ("je voudrais", "il paraît que", "on n'a pas
 * les moyens de", "bonjour"). Verbs of filler are listed by lemma; every conjugated form comes
 * from the Lefff (search/lexicon.ts), so "voudrions" or "pourriez" are filler as "vouloir" is.
 */

/** Verbs that carry no need of their own in what visitors say: auxiliaries, modals, politeness, saying and seeking. */
const fillerVerbs = [
  'être',
  'avoir',
  'aller',
  'venir',
  'faire',
  'vouloir',
  'pouvoir',
  'devoir',
  'falloir',
  'savoir',
  'souhaiter',
  'désirer',
  'aimer',
  'paraître',
  'sembler',
  'penser',
  'croire',
  'dire',
  'chercher',
  'rechercher',
  'trouver',
  'voir',
  'regarder',
  'connaître',
  'essayer',
  'exister',
  'passer',
  'arriver',
  'obtenir',
  'bénéficier',
  'renseigner',
  'expliquer',
  'entendre',
  'parler',
  'appeler',
  'espérer',
  'imaginer',
  'concerner',
  'recevoir',
  'toucher',
];
// Not filler, although visitors use them as such: their forms are nouns of the documents
// (permettre → permis, prendre → prise, mettre → mise, demander → demande, compter → compte,
// rester → reste, donner → données, sortir → sortie).

/** Words of conversation, not of need: pronouns, determiners, adverbs, question words, politeness, hesitation. */
const fillerWords = `
  je j tu il elle on nous vous ils elles me m te t se s moi toi lui leur leurs eux y en mon ma mes ton ta tes son sa ses notre nos votre vos
  ce cet cette ces ceci cela ça ca celui celle ceux celles quelqu quelque quelques quelqu'un chose choses truc trucs machin
  qui que quoi qu dont où ou comment pourquoi quand combien quel quelle quels quelles lequel laquelle est-ce
  un une des du de d le la les l au aux à a et mais donc or ni car si sinon alors puis ensuite enfin voilà voila ben bah euh hum hein bon bien
  très trop plus moins assez peu beaucoup aussi encore déjà toujours jamais souvent parfois vraiment actuellement maintenant aujourd hui
  hier demain bientôt peut-être peut être possible possibles éventuellement notamment surtout justement même mêmes tout tous toute toutes
  bonjour bonsoir merci svp stp madame monsieur mademoiselle excusez excuse pardon désolé désolée
  besoin envie moyen moyens fois façon manière genre sorte type
  an ans année années mois semaine semaines jour jours heure heures
  zéro deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante cinquante soixante cent cents mille moitié
  premier première dernier dernière seul seule seuls seules autre autres aucun aucune chaque certain certains plusieurs
  petit petite petits petites grand grande grands grandes gros grosse vrai vraie bon bonne mauvais mauvaise nouveau nouvelle nouveaux
  vieux vieille long longue beau belle même parce comme ainsi tant lorsque quand pendant
  pas ne n non oui ok okay d'accord
  depuis pendant avant après chez avec sans sous sur pour par vers entre contre dans
  cas part idée question renseignement renseignements information informations
`;

const phrases = [
  /\bil\s+para[iî]t\s+qu/giu,
  /\bn['’]?\s*(?:a|ont|avons|avez|ai)\s+pas\s+les\s+moyens\b/giu,
  /\bs['’]il\s+(?:vous|te)\s+pla[iî]t\b/giu,
  /\best-ce\s+qu/giu,
  /\bc['’]est-à-dire\b/giu,
  /\bpar\s+exemple\b/giu,
  /\ben\s+ce\s+moment\b/giu,
  /\bil\s+y\s+a\b/giu,
];

let filler: Set<string> | undefined;

function fillerSet(): Set<string> {
  if (!filler) {
    filler = new Set([...frenchStopWords, ...fillerWords.split(/\s+/).filter(Boolean)]);
    for (const verb of fillerVerbs) for (const form of formsOf(verb)) filler.add(form);
    for (const word of [...filler]) filler.add(stripAccents(word));
  }
  return filler;
}

export interface QueryWord {
  /** As the agent typed it, lower case ("reconvertir"). */
  text: string;
  /** Its stem (search/french.ts): the family's, accents removed. */
  stem: string;
  /** Not typed but read from the sentence: "20 ans" says "jeune". */
  isInferred?: boolean;
}

export interface UnderstoodQuery {
  /** The query as used: bounded in length. */
  text: string;
  /** Content words, in the order typed, each stem once. */
  words: QueryWord[];
  /**
   * Who the visitor is, as the sentence says it (search/thesaurus/profiles.ts): audience codes of
   * the schemes ("entreprises" for "je suis boulanger", "jeunes" for "20 ans"); empty when it says nothing.
   */
  profiles: string[];
}

/** Nobody types more at a front desk; a pasted page is read up to here. */
export const maxQueryCharacters = 2000;

/** A visitor's age said in the sentence ("mon fils a 20 ans") names an audience the documents name. */
function inferredWords(text: string): string[] {
  const inferred: string[] = [];
  for (const match of text.matchAll(/\b(\d{1,3})\s*ans\b/giu)) {
    const age = Number(match[1]);
    if (age >= 15 && age <= 29) inferred.push('jeune');
  }
  return inferred;
}

const isNumber = (word: string) => /^\p{N}+$/u.test(word);

export function understand(q: string): UnderstoodQuery {
  const text = q.slice(0, maxQueryCharacters).trim();
  let cleaned = text;
  for (const phrase of phrases) cleaned = cleaned.replace(phrase, ' ');
  const isFiller = fillerSet();
  const seen = new Set<string>();
  const found: QueryWord[] = [];
  const add = (word: string, isInferred = false) => {
    // A word typed without its accents ("reduction") gets the stem of the word with them.
    const wordStem = stem(withAccents(word));
    if (!wordStem || seen.has(wordStem)) return;
    seen.add(wordStem);
    found.push(isInferred ? { text: word, stem: wordStem, isInferred } : { text: word, stem: wordStem });
  };
  for (const word of words(cleaned)) {
    // Single letters and bare numbers say nothing on their own ("20" of "20 ans" is read as an age below).
    if (word.length < 2 || isNumber(word) || isFiller.has(word)) continue;
    add(word);
  }
  const inferred = inferredWords(cleaned);
  for (const word of inferred) add(word, true);
  const profiles = profilesOf(text);
  // An age of 15 to 29 says a young visitor, as "jeune" does.
  if (inferred.includes('jeune') && !profiles.includes('jeunes')) profiles.push('jeunes');
  return { text, words: found, profiles };
}

/**
 * Reads what understanding needs once per process (the Lefff's verbs, the accent index, the
 * families: about 0.7 s), so that the first visitor's query after a start does not wait for it.
 */
export function prepareUnderstanding(): void {
  understand('aide');
}
