import { stem, words } from '../../search/french';
import { markEnd, markStart } from '../../search/query';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const markedPart = new RegExp(`(${markStart}[^${markEnd}]*${markEnd})`);
const wordToken = /([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)/u;

/**
 * Snippets as HTML for one query: the text escaped, then the matches wrapped in <mark>. Matches
 * are the ones Meilisearch marked (with our control-character markers, never HTML), and any word
 * sharing a stem with the query (the stemmed search matches those). Made once per query: the
 * query's stems, and each word's verdict, serve every snippet of the answer.
 */
export function snippetRenderer(query: string): (marked: string) => string {
  const queryStems = new Set(words(query).map(stem).filter((s) => s.length > 1));
  const verdicts = new Map<string, boolean>();
  const isMatch = (token: string) => {
    let verdict = verdicts.get(token);
    if (verdict === undefined) {
      verdict = queryStems.size > 0 && words(token).some((w) => queryStems.has(stem(w)));
      verdicts.set(token, verdict);
    }
    return verdict;
  };
  return (marked) =>
    marked
      .split(markedPart)
      .map((part) => {
        if (part.startsWith(markStart)) return `<mark>${escapeHtml(part.slice(1, -1))}</mark>`;
        return part
          .split(wordToken)
          .map((token, i) => (i % 2 === 1 && isMatch(token) ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token)))
          .join('');
      })
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
}
