import { stem, tokenStems, words } from '../../search/french';
import { markEnd, markStart } from '../../search/query';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEscapes[c] as string);

/** One pass over a snippet: a part Meilisearch marked, a word, a character to escape, or a run of spaces. */
const snippetPiece = new RegExp(`${markStart}([^${markEnd}]*)${markEnd}|([\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*)|([&<>"'])|(\\s+)`, 'gu');

/**
 * Snippets as HTML for one query: the text escaped, then the matches wrapped in <mark>. Matches
 * are the ones Meilisearch marked (with our control-character markers, never HTML), and any word
 * sharing a stem with the query (the stemmed search matches those). The query's stems are
 * computed once per answer; each word's stems come from a cache shared by every answer.
 */
export function snippetRenderer(query: string): (marked: string) => string {
  const queryStems = new Set(words(query).map(stem).filter((s) => s.length > 1));
  const isMatch = (word: string) => queryStems.size > 0 && tokenStems(word).some((s) => queryStems.has(s));
  return (marked) =>
    marked
      .replace(snippetPiece, (_piece, highlighted: string | undefined, word: string | undefined, special: string | undefined) => {
        if (highlighted !== undefined) return `<mark>${escapeHtml(highlighted)}</mark>`;
        if (word !== undefined) return isMatch(word) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word);
        if (special !== undefined) return htmlEscapes[special] as string;
        return ' ';
      })
      .trim();
}
