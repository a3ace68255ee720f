import snowball from 'snowball-stemmers';
import { familyRoot } from './families';

/**
 * French without a French stemmer in Meilisearch: every text is indexed twice, as written and as
 * stems (Snowball French, accents removed), and a query is searched both ways (federated search).
 * "campings" finds "camping", "économie" finds "économies", "eaux" finds "eau".
 */
const stemmer = snowball.newStemmer('french');

const elision = /^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’]/i;

export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Words as people read them: letters and digits, elisions ("l'", "qu'") dropped, lower case. */
export function words(text: string): string[] {
  const found = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return found.flatMap((token) => token.replace(elision, '').split(/['’]/)).filter(Boolean);
}

const stemCache = new Map<string, string>();

/**
 * A word's French stem without accents, taken from its family's verb when it has one
 * (search/families.ts): "Économies" → "econom", "chauffage" and "chauffer" → "chauff".
 */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  let stemmed = stemCache.get(lower);
  if (stemmed === undefined) {
    stemmed = stripAccents(stemmer.stem(familyRoot(lower)));
    if (stemCache.size > 200000) stemCache.clear();
    stemCache.set(lower, stemmed);
  }
  return stemmed;
}

const tokenStemsCache = new Map<string, string[]>();

/** The stems of one token as written ("L'Économie" → ["econom"]), cached: snippets ask for the same words again and again. */
export function tokenStems(token: string): string[] {
  let stems = tokenStemsCache.get(token);
  if (stems === undefined) {
    stems = words(token).map(stem);
    if (tokenStemsCache.size > 200000) tokenStemsCache.clear();
    tokenStemsCache.set(token, stems);
  }
  return stems;
}

export function stemText(text: string): string {
  return words(text)
    .filter((word) => !frenchStopWords.has(word))
    .map(stem)
    .join(' ');
}

/** French stop words (with the leftovers of elisions), ignored by the index and by stemmed queries. */
export const frenchStopWords = new Set(
  `a au aux avec ce ces c d dans de des du elle en et eux il ils je j l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes toi ton tu un une vos votre vous y
  ete etre avoir ai as avons avez ont est sont etait etaient fut sera seront cette cet celle celui ceux celles dont lorsque puisque quoique jusqu lorsqu puisqu quoiqu
  été être à où ça là ès es été`
    .split(/\s+/)
    .filter(Boolean),
);
