import { describe, expect, it } from 'vitest';
import { stem, stripAccents, tokenStems, words } from './french';
import { markEnd, markStart } from './query';
import { snippetRenderer } from './snippets';

describe('snippetRenderer', () => {
  it('marks every form sharing a stem with the query, whatever its case, accents or elision', () => {
    const render = snippetRenderer('economie eaux campings');
    expect(render("Les Économies d'eau, l'ÉCONOMIE du camping ; écologie et campagne.")).toBe(
      'Les <mark>Économies</mark> <mark>d&#39;eau</mark>, <mark>l&#39;ÉCONOMIE</mark> du <mark>camping</mark> ; écologie et campagne.',
    );
  });

  it('marks a word in any case or accent, escapes the apostrophe of the words it leaves alone', () => {
    const render = snippetRenderer('Écoles région');
    expect(render("L'ÉCOLE d'aujourd'hui, une Ecole de la RÉGION : Œuvres, écologie.")).toBe(
      '<mark>L&#39;ÉCOLE</mark> d&#39;aujourd&#39;hui, une <mark>Ecole</mark> de la <mark>RÉGION</mark> : Œuvres, écologie.',
    );
  });

  it('keeps what Meilisearch marked, escapes everything else and folds runs of spaces', () => {
    const render = snippetRenderer('zèbre');
    expect(render(`${markStart}a<b${markEnd}   <script>\n"x" & 'y'`)).toBe(
      '<mark>a&lt;b</mark> &lt;script&gt; &quot;x&quot; &amp; &#39;y&#39;',
    );
  });

  it('a stem starts with the first two letters of its word (the rule that spares stemming most words)', () => {
    const text =
      "Chevaux, yeux, aïeux, œuvres, naïveté, ouïe, ambiguïté, Île, été, ès, à, y, ça, qu'il, lorsqu'elles, jusqu'aux, s'étaient, l'Yonne, 2025, Co2, Ærodrome, îlots, eaux, châteaux, yaourts";
    for (const word of words(text)) {
      const stemmed = stem(word);
      if (stemmed.length > 1) expect(stemmed.slice(0, 2), word).toBe(stripAccents(word).slice(0, 2));
    }
  });

  it('renders what the plain definition renders, on generated text of every kind of character', () => {
    // The definition: Meilisearch's marks, then words (marked when a stem is the query's), then
    // characters to escape; runs of spaces folded, ends trimmed. The renderer makes one pass instead.
    const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    const escape = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] as string);
    const piece = new RegExp(`${markStart}([^${markEnd}]*)${markEnd}|([\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*)|([&<>"'])`, 'gu');
    const definition = (query: string, text: string) => {
      const queryStems = new Set(
        words(query)
          .map(stem)
          .filter((s) => s.length > 1),
      );
      return text
        .replace(piece, (_piece, marked?: string, word?: string, special?: string) => {
          if (marked !== undefined) return `<mark>${escape(marked)}</mark>`;
          if (word !== undefined) return tokenStems(word).some((s) => queryStems.has(s)) ? `<mark>${escape(word)}</mark>` : escape(word);
          return escapes[special as string] as string;
        })
        .replace(/\s+/g, ' ')
        .trim();
    };
    const parts = [
      'a',
      'é',
      'É',
      'c',
      'o',
      'n',
      'x',
      '1',
      "'",
      '’',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u202f',
      '\u2028',
      '\ufeff',
      '&',
      '<',
      '>',
      '"',
      '.',
      '-',
      markStart,
      markEnd,
      'œ',
      'Œ',
      'ï',
      '𝒜',
      '😀',
      '\ud800',
      "l'",
      "qu'",
      'eau',
      'eaux',
      'économie',
      'ÉCONOMIES',
      'camping',
      'campings',
    ];
    const queries = ['economie eaux campings', "l'eau", 'Écoles région', 'le la', '𝒜bc', ''];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let n = 0; n < 20000; n += 1) {
      const query = queries[n % queries.length] as string;
      const text = Array.from({ length: next(30) }, () => parts[next(parts.length)]).join('');
      expect(snippetRenderer(query)(text), JSON.stringify({ query, text })).toBe(definition(query, text));
    }
  });
});
