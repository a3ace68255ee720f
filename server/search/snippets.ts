import { stem, words } from '../../search/french';
import { markEnd, markStart } from '../../search/query';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * A snippet as HTML: the text escaped, then the matches wrapped in <mark>. Matches are the ones
 * Meilisearch marked (with our control-character markers, never HTML), and any word sharing a
 * stem with the query (the stemmed search matches those).
 */
export function renderSnippet(marked: string, query: string): string {
  const queryStems = new Set(words(query).map(stem).filter((s) => s.length > 1));
  const parts = marked.split(new RegExp(`(${markStart}[^${markEnd}]*${markEnd})`));
  return parts
    .map((part) => {
      if (part.startsWith(markStart)) return `<mark>${escapeHtml(part.slice(1, -1))}</mark>`;
      return part
        .split(/([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)/u)
        .map((token, i) => {
          if (i % 2 === 0) return escapeHtml(token);
          const isMatch = words(token).some((w) => queryStems.has(stem(w)));
          return isMatch ? `<mark>${escapeHtml(token)}</mark>` : escapeHtml(token);
        })
        .join('');
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
