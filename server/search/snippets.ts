import { stem, stripAccents, tokenStems, words } from '../../search/french';
import { markEnd, markStart } from '../../search/query';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEscapes[c] as string);

/** One pass over a snippet: a part Meilisearch marked, a word, or a character to escape. */
const snippetPiece = new RegExp(`${markStart}([^${markEnd}]*)${markEnd}|([\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*)|([&<>"'])`, 'gu');

/** Each character in lower case without accents ("É" → "e"), normalized once then looked up (one entry per UTF-16 code unit at most). */
const foldedChars = new Map<string, string>();
function fold(char: string | undefined): string {
  if (char === undefined) return '';
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = stripAccents(char.toLowerCase());
    foldedChars.set(char, folded);
  }
  return folded;
}

/** A word's first two letters as its stem starts: lower case, without accents. */
const headOf = (word: string) => fold(word[0]) + fold(word[1]);

/**
 * Snippets as HTML for one query: the text escaped, then the matches wrapped in <mark>. Matches
 * are the ones Meilisearch marked (with our control-character markers, never HTML), and any word
 * sharing a stem with the query (the stemmed search matches those). The query's stems are
 * computed once per answer; each word's stems come from a cache shared by every answer.
 *
 * Snowball French changes the end of a word only, so a stem starts with its word's first two
 * letters: a word that starts otherwise than every stem of the query is not stemmed at all (most
 * words of a snippet, and stemming a word not seen before is what costs). A word can hold no
 * character to escape but an apostrophe.
 */
export function snippetRenderer(query: string): (marked: string) => string {
  const queryStems = new Set(words(query).map(stem).filter((s) => s.length > 1));
  const heads = new Set([...queryStems].map((s) => s.slice(0, 2)));
  const isMatch = (word: string) =>
    queryStems.size > 0 && (word.includes("'") || word.includes('’') || heads.has(headOf(word))) && tokenStems(word).some((s) => queryStems.has(s));
  return (marked) =>
    marked
      .replace(snippetPiece, (_piece, highlighted: string | undefined, word: string | undefined, special: string | undefined) => {
        if (highlighted !== undefined) return `<mark>${escapeHtml(highlighted)}</mark>`;
        if (word !== undefined) {
          const escaped = word.includes("'") ? word.replaceAll("'", htmlEscapes["'"] as string) : word;
          return isMatch(word) ? `<mark>${escaped}</mark>` : escaped;
        }
        return htmlEscapes[special as string] as string;
      })
      .replace(/\s+/g, ' ')
      .trim();
}
