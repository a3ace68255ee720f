import { stem, stripAccents, tokenStems, words } from './french';
import { markEnd, markStart } from './query';
import { escapeHtml, htmlEscapes } from './html';

const foldSpaces = (text: string) => text.replace(/\s+/g, ' ');

const apostrophe = 0x27;
const typographicApostrophe = 0x2019;
const markStartCode = markStart.charCodeAt(0);

/** Whether a UTF-16 code unit is one of JavaScript's `\s`. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0xa0 &&
      (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff))
  );
}

/** Letters and digits (`[\p{L}\p{N}]`) among the code points above ASCII, tested once each. */
const letterOrDigit = /^[\p{L}\p{N}]$/u;
const wideCodePoints = new Map<number, boolean>();

/** The length (1 or 2 code units) of the letter or digit at `i`, or 0. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  const point = text.codePointAt(i) as number;
  let isWordChar = wideCodePoints.get(point);
  if (isWordChar === undefined) {
    isWordChar = letterOrDigit.test(String.fromCodePoint(point));
    wideCodePoints.set(point, isWordChar);
  }
  return isWordChar ? (point > 0xffff ? 2 : 1) : 0;
}

/** The end of the word starting at `start` (letters and digits, joined by apostrophes), and whether an apostrophe joins it. */
function wordEnd(text: string, start: number): { end: number; hasApostrophe: boolean } {
  let end = start;
  let hasApostrophe = false;
  for (;;) {
    let width = wordCharAt(text, end);
    while (width > 0) {
      end += width;
      width = wordCharAt(text, end);
    }
    const code = text.charCodeAt(end);
    if ((code !== apostrophe && code !== typographicApostrophe) || wordCharAt(text, end + 1) === 0) return { end, hasApostrophe };
    hasApostrophe = true;
    end += 1;
  }
}

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

/**
 * Snippets as HTML for one query: the text escaped, the matches wrapped in <mark>, runs of spaces
 * folded into one and the ends trimmed. Matches are the ones Meilisearch marked (with our
 * control-character markers, never HTML), and any word sharing a stem with the query (the stemmed
 * search matches those). The query's stems are computed once per answer; each word's stems come
 * from a cache shared by every answer.
 *
 * One pass over the text, which copies the stretches left as they are in one piece. Snowball
 * French changes the end of a word only, so a stem starts with its word's first two letters: a
 * word that starts otherwise than every stem of the query is not stemmed, nor even cut out of the
 * text (most words of a snippet; stemming a word not seen before is what costs).
 */
export function snippetRenderer(query: string): (marked: string) => string {
  const queryStems = new Set(
    words(query)
      .map(stem)
      .filter((s) => s.length > 1),
  );
  const heads = new Set([...queryStems].map((s) => s.slice(0, 2)));
  return (text) => {
    let html = '';
    // text[copied, i) is still to be copied as it is.
    let copied = 0;
    const replace = (i: number, end: number, replacement: string) => {
      html += text.slice(copied, i) + replacement;
      copied = end;
    };
    let i = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      const closing = code === markStartCode ? text.indexOf(markEnd, i + 1) : -1;
      if (wordCharAt(text, i) > 0) {
        const { end, hasApostrophe } = wordEnd(text, i);
        const mayMatch = queryStems.size > 0 && (hasApostrophe || heads.has(fold(text[i]) + fold(end > i + 1 ? text[i + 1] : undefined)));
        const word = mayMatch || hasApostrophe ? text.slice(i, end) : '';
        const isMatch = mayMatch && tokenStems(word).some((s) => queryStems.has(s));
        if (isMatch || word.includes("'")) {
          const escaped = word.replaceAll("'", htmlEscapes["'"] as string);
          replace(i, end, isMatch ? `<mark>${escaped}</mark>` : escaped);
        }
        i = end;
      } else if (isSpace(code)) {
        let end = i + 1;
        while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
        const isEdge = i === 0 || end === text.length;
        if (isEdge || end > i + 1 || code !== 0x20) replace(i, end, isEdge ? '' : ' ');
        i = end;
      } else if (closing > 0) {
        replace(i, closing + 1, `<mark>${foldSpaces(escapeHtml(text.slice(i + 1, closing)))}</mark>`);
        i = closing + 1;
      } else {
        const escape = htmlEscapes[text[i] as string];
        if (escape !== undefined) replace(i, i + 1, escape);
        i += 1;
      }
    }
    return copied === 0 ? text : html + text.slice(copied);
  };
}
