import { adjectives, adverbs, firstNames, functionWords, nameSyllables, nouns, rivers, towns, verbsEr, verbsIr } from './corpusWords';

/**
 * Deterministic French prose for the search corpus (bench/corpus.ts): a vocabulary of tens of
 * thousands of word forms derived from the lemmas of bench/corpusWords.ts (plurals, feminine
 * forms, conjugations, re-/dé- prefixes, -ment, -eur, -euse, -able, -ité, -ement derivations,
 * invented names), drawn with a Zipf-like frequency inside sentence templates.
 */

// --- seeded randomness ---------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for text. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    chance: (p) => next() < p,
  };
}

export interface Random {
  /** [0, 1) */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Draws ranks 0…n-1 with probability ∝ 1 / (rank + 1)^exponent. */
class Zipf<T> {
  private readonly cumulative: Float64Array;
  constructor(
    readonly items: readonly T[],
    exponent = 1,
  ) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i += 1) {
      total += 1 / (i + 1) ** exponent;
      this.cumulative[i] = total;
    }
    for (let i = 0; i < items.length; i += 1) this.cumulative[i] = (this.cumulative[i] as number) / total;
  }
  draw(random: Random): T {
    const target = random.next();
    let low = 0;
    let high = this.items.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return this.items[low] as T;
  }
}

// --- morphology ----------------------------------------------------------------------------------

const vowels = /^[aeiouyéèêâîôûh]/i;

export function plural(word: string): string {
  if (/[sxz]$/.test(word) || word.includes('-')) return word;
  if (/al$/.test(word) && !/(festival|carnaval|bal|récital|chacal)$/.test(word)) return `${word.slice(0, -2)}aux`;
  if (/(eau|au|eu)$/.test(word)) return `${word}x`;
  if (/ail$/.test(word) && /(travail|vitrail|bail)$/.test(word)) return `${word.slice(0, -3)}aux`;
  return `${word}s`;
}

const feminineExceptions: Record<string, string> = {
  beau: 'belle',
  nouveau: 'nouvelle',
  public: 'publique',
  gros: 'grosse',
  bas: 'basse',
  bref: 'brève',
  doux: 'douce',
  net: 'nette',
  complet: 'complète',
  meilleur: 'meilleure',
  frontalier: 'frontalière',
  premier: 'première',
  dernier: 'dernière',
  cher: 'chère',
  neuf: 'neuve',
  long: 'longue',
  grec: 'grecque',
};

export function feminine(adjective: string): string {
  const known = feminineExceptions[adjective];
  if (known) return known;
  if (adjective.endsWith('e')) return adjective;
  if (adjective.endsWith('eux')) return `${adjective.slice(0, -3)}euse`;
  if (adjective.endsWith('if')) return `${adjective.slice(0, -2)}ive`;
  if (/(el|ien|on)$/.test(adjective)) return `${adjective}${adjective.slice(-1)}e`;
  if (adjective.endsWith('er')) return `${adjective.slice(0, -2)}ère`;
  return `${adjective}e`;
}

export function adjectiveForms(adjective: string): { ms: string; fs: string; mp: string; fp: string } {
  const fs = feminine(adjective);
  const mp = /[sx]$/.test(adjective)
    ? adjective
    : adjective.endsWith('al')
      ? `${adjective.slice(0, -2)}aux`
      : adjective.endsWith('eau')
        ? `${adjective}x`
        : `${adjective}s`;
  return { ms: adjective, fs, mp, fp: `${fs}s` };
}

function adverbOf(adjective: string): string {
  if (adjective.endsWith('ant')) return `${adjective.slice(0, -3)}amment`;
  if (adjective.endsWith('ent')) return `${adjective.slice(0, -3)}emment`;
  if (/[éiu]$/.test(adjective)) return `${adjective}ment`;
  return `${feminine(adjective)}ment`;
}

function qualityOf(adjective: string): string | undefined {
  if (adjective.endsWith('ible')) return `${adjective.slice(0, -4)}ibilité`;
  if (adjective.endsWith('able')) return `${adjective.slice(0, -4)}abilité`;
  if (adjective.endsWith('ique')) return `${adjective.slice(0, -4)}icité`;
  if (/(al|el|il)$/.test(adjective)) return `${adjective}ité`;
  if (adjective.endsWith('if')) return `${adjective.slice(0, -2)}ivité`;
  if (adjective.endsWith('aire')) return `${adjective.slice(0, -4)}arité`;
  return undefined;
}

/** "mang" + "ons" → "mangeons"; "financ" + "ons" → "finançons". */
function join(stem: string, ending: string): string {
  if (/^[aoâ]/.test(ending)) {
    if (stem.endsWith('g')) return `${stem}e${ending}`;
    if (stem.endsWith('c')) return `${stem.slice(0, -1)}ç${ending}`;
  }
  return stem + ending;
}

const erEndings = {
  present: ['e', 'es', 'e', 'ons', 'ez', 'ent'],
  imperfect: ['ais', 'ais', 'ait', 'ions', 'iez', 'aient'],
  future: ['erai', 'eras', 'era', 'erons', 'erez', 'eront'],
  conditional: ['erais', 'erais', 'erait', 'erions', 'eriez', 'eraient'],
  participle: ['é', 'ée', 'és', 'ées'],
};
const irEndings = {
  present: ['is', 'is', 'it', 'issons', 'issez', 'issent'],
  imperfect: ['issais', 'issais', 'issait', 'issions', 'issiez', 'issaient'],
  future: ['irai', 'iras', 'ira', 'irons', 'irez', 'iront'],
  conditional: ['irais', 'irais', 'irait', 'irions', 'iriez', 'iraient'],
  participle: ['i', 'ie', 'is', 'ies'],
};

export interface Verb {
  infinitive: string;
  /** Third person singular / plural, per tense. */
  third: { present: [string, string]; imperfect: [string, string]; future: [string, string]; conditional: [string, string] };
  participles: string[];
  gerund: string;
  /** Every form, for the vocabulary count. */
  forms: string[];
}

function conjugate(infinitive: string): Verb {
  const isEr = infinitive.endsWith('er');
  const stem = infinitive.slice(0, -2);
  // Stems with é before the last consonant (préférer) keep it: close enough for an index.
  const endings = isEr ? erEndings : irEndings;
  const of = (list: string[]) => list.map((ending) => join(stem, ending));
  const tense = (list: string[]): [string, string] => [join(stem, list[2] as string), join(stem, list[5] as string)];
  const forms = [
    infinitive,
    ...of(endings.present),
    ...of(endings.imperfect),
    ...of(endings.future),
    ...of(endings.conditional),
    ...of(endings.participle),
  ];
  const gerund = isEr ? join(stem, 'ant') : `${stem}issant`;
  forms.push(gerund);
  return {
    infinitive,
    third: {
      present: tense(endings.present),
      imperfect: tense(endings.imperfect),
      future: tense(endings.future),
      conditional: tense(endings.conditional),
    },
    participles: of(endings.participle),
    gerund,
    forms: [...new Set(forms)],
  };
}

function prefixed(prefix: 're' | 'dé', verb: string): string {
  if (verb.startsWith(prefix) || verb.startsWith('r') || verb.startsWith('dé')) return verb;
  if (vowels.test(verb)) return prefix === 're' ? `ré${verb.replace(/^é/, '')}` : `dés${verb}`;
  return `${prefix}${verb}`;
}

// --- vocabulary ----------------------------------------------------------------------------------

export interface Vocabulary {
  nounsSingular: Zipf<string>;
  nounsPlural: Zipf<string>;
  adjectives: Zipf<{ ms: string; fs: string; mp: string; fp: string }>;
  verbs: Zipf<Verb>;
  adverbs: Zipf<string>;
  towns: Zipf<string>;
  rivers: readonly string[];
  people: Zipf<string>;
  companies: Zipf<string>;
  /** Every distinct word form the generator may write (lower case), for the report. */
  distinctForms: number;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function inventedName(random: Random, syllables: number): string {
  let name = '';
  for (let i = 0; i < syllables; i += 1) name += random.pick(nameSyllables);
  return capitalize(name);
}

/** The same vocabulary for the same seed. */
export function buildVocabulary(seed: number): Vocabulary {
  const random = createRandom(seed);
  const baseVerbs = [...new Set([...verbsEr, ...verbsIr])];
  // Base lemmas are the frequent words; prefixed and derived forms come after them in rank.
  const derivedVerbs = baseVerbs
    .flatMap((verb) => [prefixed('re', verb), prefixed('dé', verb)])
    .filter((verb) => !baseVerbs.includes(verb));
  const verbList = [...shuffle(baseVerbs.map(conjugate), random), ...shuffle([...new Set(derivedVerbs)].map(conjugate), random)];

  const erStems = verbsEr.map((verb) => verb.slice(0, -2));
  const derivedNouns = [
    ...erStems.map((stem) => `${stem}ement`),
    ...erStems.map((stem) => `${stem}eur`),
    ...erStems.map((stem) => `${stem}euse`),
    ...erStems.map((stem) => `${stem}age`),
    ...adjectives.map(qualityOf).filter((word): word is string => word !== undefined),
  ].filter((word) => !nouns.includes(word));
  const nounList = [...shuffle([...nouns], random), ...shuffle([...new Set(derivedNouns)], random)];

  const derivedAdjectives = [
    ...erStems.map((stem) => `${join(stem, 'able')}`),
    ...verbsIr.map((verb) => `${verb.slice(0, -2)}issable`),
  ].filter((word) => !adjectives.includes(word));
  const adjectiveList = [...shuffle([...adjectives], random), ...shuffle([...new Set(derivedAdjectives)], random)].map(adjectiveForms);
  const adverbList = [...adverbs, ...shuffle(adjectives.map(adverbOf), random)];

  const townList = [...towns];
  for (let i = 0; i < 3000; i += 1) {
    const name = inventedName(random, random.int(2, 3));
    townList.push(random.chance(0.3) ? `${name}-sur-${random.pick(rivers)}` : random.chance(0.2) ? `Saint-${name}` : name);
  }
  const people: string[] = [];
  for (let i = 0; i < 4000; i += 1) people.push(`${random.pick(firstNames)} ${inventedName(random, random.int(2, 4))}`);
  const companies: string[] = [];
  for (let i = 0; i < 3000; i += 1)
    companies.push(
      `${random.pick(['SARL', 'SAS', 'SCOP', 'EURL', 'GAEC', 'Association', 'Coopérative', 'Atelier', 'Domaine'])} ${inventedName(random, random.int(2, 4))}`,
    );

  const forms = new Set<string>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().split(/[\s'’-]+/)) if (word) forms.add(word);
  };
  nounList.forEach((noun) => {
    add(noun);
    add(plural(noun));
  });
  adjectiveList.forEach((forms4) => Object.values(forms4).forEach(add));
  verbList.forEach((verb) => verb.forms.forEach(add));
  adverbList.forEach(add);
  [...townList, ...rivers, ...people, ...companies, ...functionWords].forEach(add);

  return {
    nounsSingular: new Zipf(nounList),
    nounsPlural: new Zipf(nounList.map(plural)),
    adjectives: new Zipf(adjectiveList),
    verbs: new Zipf(verbList),
    adverbs: new Zipf(adverbList, 1.1),
    towns: new Zipf(townList, 0.9),
    rivers,
    people: new Zipf(people, 0.8),
    companies: new Zipf(companies, 0.8),
    distinctForms: forms.size,
  };
}

// --- prose ---------------------------------------------------------------------------------------

const feminineEnding = /(tion|sion|té|ure|ance|ence|ie|ette|ise|ade|ée|euse|ière|elle|ine|ique|ève|ale|ote|onne)$/;
const feminineNouns = new Set(
  'montagne femme page place zone chambre carte ligne liste lettre forme fiche note règle somme salle source taille vente ville voie mesure mer aide annexe banque base branche cause charge charte classe clause commande commune compagnie date demande dépense dette direction durée eau école enfance entrée entreprise équipe étape étude exigence façade facture famille ferme feuille filière fin fonction forêt frais franchise frontière gamme gare gestion grille guide heure histoire idée image langue législation lettre licence loi main maison marque matière méthode mission mode musique nature norme notice offre page part partie pêche peine période personne phase pièce piscine piste plateforme politique population porte poste pratique prestation prime prise procédure production promotion province publication qualité question raison recette réforme région règle relation remise rencontre réserve résidence revue rivière route rubrique saison salle santé semaine séance signature situation société solde solution somme structure subvention surface taxe technique technologie tranche usine valeur vie vigne voiture vue'.split(
    ' ',
  ),
);
const masculineNouns = new Set('comité musée lycée trimestre foyer groupe modèle volume tiers'.split(' '));
const isFeminine = (noun: string) => !masculineNouns.has(noun) && (feminineNouns.has(noun) || feminineEnding.test(noun));
const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function article(noun: string, random: Random, kind: 'definite' | 'indefinite' | 'any' = 'any'): string {
  const useDefinite = kind === 'definite' || (kind === 'any' && random.chance(0.65));
  if (useDefinite) return vowels.test(noun) ? `l’${noun}` : `${isFeminine(noun) ? 'la' : 'le'} ${noun}`;
  return `${isFeminine(noun) ? 'une' : 'un'} ${noun}`;
}

function de(noun: string): string {
  return vowels.test(noun) ? `de l’${noun}` : isFeminine(noun) ? `de la ${noun}` : `du ${noun}`;
}

/** Sentences and pages of administrative French over one vocabulary. */
export class ProseWriter {
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly random: Random,
  ) {}

  noun(): string {
    return this.vocabulary.nounsSingular.draw(this.random);
  }
  nounPlural(): string {
    return this.vocabulary.nounsPlural.draw(this.random);
  }
  adjective(noun: string, isPlural = false): string {
    const forms = this.vocabulary.adjectives.draw(this.random);
    const fem = isFeminine(noun);
    return isPlural ? (fem ? forms.fp : forms.mp) : fem ? forms.fs : forms.ms;
  }
  town(): string {
    return this.vocabulary.towns.draw(this.random);
  }
  person(): string {
    return this.vocabulary.people.draw(this.random);
  }
  company(): string {
    return this.vocabulary.companies.draw(this.random);
  }

  private nounPhrase(kind: 'definite' | 'indefinite' | 'any' = 'any'): string {
    const r = this.random;
    if (r.chance(0.3)) {
      const noun = this.noun();
      return `${r.chance(0.5) ? 'les' : 'des'} ${plural(noun)}${r.chance(0.5) ? ` ${this.adjective(noun, true)}` : ''}`;
    }
    const noun = this.noun();
    const phrase = article(noun, r, kind);
    return r.chance(0.55) ? `${phrase} ${this.adjective(noun)}` : phrase;
  }

  private complement(): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.3) return `${de(this.noun())}`;
    if (roll < 0.45) return `à ${this.town()}`;
    if (roll < 0.55) return `pour ${this.nounPhrase('definite')}`;
    if (roll < 0.62) return `d’un montant de ${r.int(1, 300) * 500} euros`;
    if (roll < 0.7) return `avant le ${r.int(1, 28)} ${r.pick(months)} ${r.int(2024, 2029)}`;
    if (roll < 0.76) return `à hauteur de ${r.int(5, 80)} %`;
    if (roll < 0.82) return `selon l’article ${r.int(1, 60)}`;
    if (roll < 0.87) return `avec ${this.company()}`;
    if (roll < 0.9) return `le long de la ${r.pick(this.vocabulary.rivers)}`;
    return `dans ${this.nounPhrase('definite')}`;
  }

  sentence(): string {
    const r = this.random;
    const verb = this.vocabulary.verbs.draw(r);
    const tense = r.pick(['present', 'present', 'present', 'future', 'conditional', 'imperfect'] as const);
    const isPluralSubject = r.chance(0.3);
    const finite = verb.third[tense][isPluralSubject ? 1 : 0];
    let subject: string;
    if (isPluralSubject) {
      const noun = this.noun();
      subject = `les ${plural(noun)}${r.chance(0.4) ? ` ${this.adjective(noun, true)}` : ''}`;
    } else subject = this.nounPhrase('definite');
    const roll = r.next();
    let text: string;
    if (roll < 0.45) text = `${subject} ${finite} ${this.nounPhrase()} ${this.complement()}`;
    else if (roll < 0.6)
      text = `pour ${this.vocabulary.verbs.draw(r).infinitive} ${this.nounPhrase('definite')}, ${subject} ${finite} ${this.nounPhrase()}`;
    else if (roll < 0.7)
      text = `${subject} ${isPluralSubject ? 'sont' : 'est'} ${r.pick(verb.participles)} ${this.complement()} ${this.complement()}`;
    else if (roll < 0.78) text = `${this.person()}, ${this.noun()} ${de(this.noun())}, ${finite} ${this.nounPhrase()} ${this.complement()}`;
    else if (roll < 0.86)
      text = `en ${verb.gerund} ${this.nounPhrase('definite')}, ${subject} ${this.vocabulary.verbs.draw(r).third.present[isPluralSubject ? 1 : 0]} ${this.nounPhrase()}`;
    else text = `${subject} ${finite} ${this.vocabulary.adverbs.draw(r)} ${this.nounPhrase()} ${this.complement()} ${this.complement()}`;
    return `${capitalize(text)}.`;
  }

  /** About `wordCount` words in paragraphs. */
  page(wordCount: number): string {
    const paragraphs: string[] = [];
    let words = 0;
    while (words < wordCount) {
      const sentences: string[] = [];
      const length = this.random.int(2, 6);
      for (let i = 0; i < length && words < wordCount; i += 1) {
        const sentence = this.sentence();
        words += sentence.split(' ').length;
        sentences.push(sentence);
      }
      paragraphs.push(sentences.join(' '));
    }
    return paragraphs.join('\n');
  }
}

export { capitalize };
