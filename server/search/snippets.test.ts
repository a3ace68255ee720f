import { describe, expect, it } from 'vitest';
import { stem, stripAccents, words } from '../../search/french';
import { markEnd, markStart } from '../../search/query';
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
    expect(render(`${markStart}a<b${markEnd}   <script>\n"x" & 'y'`)).toBe('<mark>a&lt;b</mark> &lt;script&gt; &quot;x&quot; &amp; &#39;y&#39;');
  });

  it('a stem starts with the first two letters of its word (the rule that spares stemming most words)', () => {
    const text =
      "Chevaux, yeux, aïeux, œuvres, naïveté, ouïe, ambiguïté, Île, été, ès, à, y, ça, qu'il, lorsqu'elles, jusqu'aux, s'étaient, l'Yonne, 2025, Co2, Ærodrome, îlots, eaux, châteaux, yaourts";
    for (const word of words(text)) {
      const stemmed = stem(word);
      if (stemmed.length > 1) expect(stemmed.slice(0, 2), word).toBe(stripAccents(word).slice(0, 2));
    }
  });
});
