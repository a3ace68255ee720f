/**
 * Finding the search's words in a page's text, the way the search finds them: case and accents
 * ignored (é = e, Œ = oe), and close forms of a word met by its root (camping, campings;
 * économie, économies). Pure functions, shared by the viewer's highlighting and its page search.
 */

/** Short words of the language that a query carries but that say nothing of what is sought. */
const stopWords = new Set(
  'les des du une pour par sur dans avec sans aux ces son ses est sont qui que quoi dont leur leurs mon mes ton tes nos vos elle elles ils nous vous pas plus tout tous comme mais donc car'.split(
    ' ',
  ),
);

/** A text folded for matching, with, for each folded character, the index of its source character. */
export function fold(text: string): { folded: string; sources: number[] } {
  let folded = '';
  const sources: number[] = [];
  let index = 0;
  for (const character of text) {
    const plain = character.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    for (const part of plain) {
      folded += part;
      sources.push(index);
    }
    index += character.length;
  }
  return { folded, sources };
}

const foldWord = (word: string) => fold(word).folded;

/**
 * The terms to look for: the words the search marked, and the content words of what was typed;
 * each once, folded (`terms`) and as first written (`shown`, to say them).
 */
export function searchTerms(q: string, marked: string[]): { terms: string[]; shown: string[] } {
  const typed = (q.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 3 && !stopWords.has(foldWord(word)));
  const terms = new Map<string, string>();
  for (const word of [...marked.flatMap((m) => m.match(/[\p{L}\p{N}]+/gu) ?? []), ...typed]) {
    const folded = foldWord(word);
    if (folded.length >= 2 && !terms.has(folded)) terms.set(folded, word.toLowerCase());
  }
  return { terms: [...terms.keys()], shown: [...terms.values()] };
}

/** The root a word's close forms share: a plural or a final e set aside, on words long enough to have one. */
const rootOf = (term: string) => (term.length > 4 ? term.replace(/(es|s|x|e)$/, '') : term);

function matchesTerm(token: string, term: string): boolean {
  if (token === term) return true;
  const root = rootOf(term);
  return root.length >= 4 && token.startsWith(root) && token.length <= root.length + 3;
}

/** Where the terms occur in a text: [start, end) ranges in the text's own characters, in order. */
export function findMatches(text: string, terms: string[]): { start: number; end: number }[] {
  if (terms.length === 0 || !text) return [];
  const { folded, sources } = fold(text);
  const ranges: { start: number; end: number }[] = [];
  for (const token of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!terms.some((term) => matchesTerm(token[0], term))) continue;
    const first = token.index;
    const last = first + token[0].length - 1;
    const start = sources[first] as number;
    const lastSource = sources[last] as number;
    // The end is past the whole source character (a surrogate pair counts two).
    const end = lastSource + (text.codePointAt(lastSource)! > 0xffff ? 2 : 1);
    const previous = ranges.at(-1);
    if (previous && previous.end >= start) previous.end = Math.max(previous.end, end);
    else ranges.push({ start, end });
  }
  return ranges;
}
