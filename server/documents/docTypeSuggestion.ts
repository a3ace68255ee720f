import type { DocType } from './schema';

/**
 * The document type a file most likely is, from scored cues: words of its file name and title
 * weigh most, then words of its first page. Only a suggestion: the editor sees it pre-selected and
 * changes it at will; a file with no cue gets the usual default (fiche synthèse).
 */

interface Cue {
  type: DocType;
  pattern: RegExp;
  /** Points when the cue is in the file name or the title. */
  name: number;
  /** Points per time it is in the first page (three times at most). */
  text: number;
}

// Patterns run on lower-case text without accents, apostrophes straightened. Words that name a
// type weigh in a name; in a page they may only be mentioned ("voir le règlement"), phrases that
// belong to the type weigh there.
const cues: Cue[] = [
  { type: 'reglement', pattern: /\breglements?\b/g, name: 6, text: 1 },
  {
    type: 'reglement',
    pattern:
      /\b(cahier des charges|criteres? d'eligibilite|depenses eligibles|modalites d'intervention|montant de l'aide|taux d'intervention)\b/g,
    name: 4,
    text: 2,
  },
  { type: 'reglement', pattern: /\b(conventions? (type|de financement|d'objectifs|de partenariat)|conventions?)\b/g, name: 4, text: 1 },
  { type: 'fiche_synthese', pattern: /\b(fiches?|syntheses?)\b/g, name: 5, text: 1 },
  { type: 'fiche_synthese', pattern: /\b(l'essentiel|en bref|en resume|presentation du dispositif)\b/g, name: 4, text: 2 },
  { type: 'faq', pattern: /\bfaq\b/g, name: 7, text: 2 },
  { type: 'faq', pattern: /\b(foire aux questions|questions reponses|questions frequentes)\b/g, name: 6, text: 3 },
  { type: 'formulaire', pattern: /\bformulaires?\b/g, name: 6, text: 1 },
  {
    type: 'formulaire',
    pattern:
      /\b(dossier de (candidature|demande)|demande de (subvention|paiement|versement)|cerfa|bulletin d'inscription|a remplir|a completer|cochez|date et signature|signature du representant)\b/g,
    name: 4,
    text: 2,
  },
  { type: 'deliberation', pattern: /\b(deliberations?|delib)\b/g, name: 7, text: 1 },
  {
    type: 'deliberation',
    pattern: /\b(commission permanente|conseil regional|assemblee pleniere|apres en avoir delibere|vu le code general|decide)\b/g,
    name: 4,
    text: 2,
  },
  { type: 'guide', pattern: /\bguides?\b/g, name: 6, text: 1 },
  {
    type: 'guide',
    pattern: /\b(mode d'emploi|pas a pas|tutoriel|vade mecum|vademecum|comment (faire|deposer|remplir)|etape \d)\b/g,
    name: 4,
    text: 2,
  },
  { type: 'note_interne', pattern: /\bnote (interne|de service|aux services)\b/g, name: 7, text: 2 },
  { type: 'note_interne', pattern: /^note\b/g, name: 5, text: 0 },
  { type: 'note_interne', pattern: /\b(diffusion restreinte|usage interne|ne pas diffuser)\b/g, name: 4, text: 2 },
  // What is none of the above: a poster, a leaflet, a photograph.
  { type: 'autre', pattern: /\b(affiches?|flyers?|depliants?|photos?|photographies?)\b/g, name: 6, text: 0 },
];

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[_+.-]+/g, ' ');

/** Points a type needs to be suggested: one clear cue in the name, or several in the text. */
const threshold = 4;
export const defaultDocType: DocType = 'fiche_synthese';

export interface DocTypeEvidence {
  filename: string;
  title?: string;
  /** The first page's text (only its first few thousand characters are read). */
  firstPage?: string;
}

export function suggestDocType(evidence: DocTypeEvidence): DocType {
  const name = normalize(`${evidence.filename.replace(/\.[A-Za-z0-9]{1,8}$/, '')} ${evidence.title ?? ''}`);
  const text = normalize((evidence.firstPage ?? '').slice(0, 5000));
  const scores = new Map<DocType, number>();
  for (const cue of cues) {
    const inText = Math.min(3, text.match(cue.pattern)?.length ?? 0);
    const points = (name.match(cue.pattern) ? cue.name : 0) + inText * cue.text;
    if (points > 0) scores.set(cue.type, (scores.get(cue.type) ?? 0) + points);
  }
  // Many questions on the first page read like a FAQ.
  const questions = text.match(/\?\s*(\n|$)/g)?.length ?? 0;
  if (questions >= 3) scores.set('faq', (scores.get('faq') ?? 0) + questions + 1);
  let best: DocType = defaultDocType;
  let bestScore = threshold - 1;
  for (const [type, score] of scores) {
    if (score > bestScore) [best, bestScore] = [type, score];
  }
  return best;
}
