import { describe, expect, it } from 'vitest';
import { understand } from './understand';

const wordsOf = (q: string) => understand(q).words.map((w) => w.text);

describe('understanding a visitor’s sentence', () => {
  it('keeps the content words wherever they are and sets the conversation aside', () => {
    expect(wordsOf('je suis au chômage depuis un an et je voudrais me reconvertir')).toEqual(['chômage', 'reconvertir']);
    expect(wordsOf('la commune voudrait chauffer l’école et la mairie au bois')).toEqual([
      'commune',
      'chauffer',
      'école',
      'mairie',
      'bois',
    ]);
    expect(wordsOf('Bonjour, euh, il paraît que la Région peut aider pour un vélo électrique ?')).toEqual([
      'région',
      'aider',
      'vélo',
      'électrique',
    ]);
    expect(wordsOf("on n'a pas les moyens de refaire la toiture")).toEqual(['refaire', 'toiture']);
  });

  it('reads filler verbs in every tense from the lexicon', () => {
    expect(wordsOf('nous voudrions, pourriez-vous, il faudrait, ils souhaiteraient : isolation')).toEqual(['isolation']);
  });

  it('reads an age as the audience it names', () => {
    const understood = understand('mon fils a 20 ans, il veut passer son permis');
    expect(understood.words.map((w) => w.text)).toEqual(['fils', 'permis', 'jeune']);
    expect(understood.words.at(-1)?.isInferred).toBe(true);
  });

  it('keeps content words at the end of a long sentence, each family once', () => {
    const long = `${'alors voilà bon euh '.repeat(60)} rénover rénovation logement`;
    expect(wordsOf(long)).toEqual(['rénover', 'logement']);
  });

  it('answers nothing for stop words, punctuation, emoji or apostrophes alone', () => {
    for (const q of ['le la les de', '?!…;:', '🚲🙂', "'''", '   ']) expect(understand(q).words).toEqual([]);
  });

  it('bounds what it reads', () => {
    expect(understand('a'.repeat(5000)).text.length).toBe(2000);
    expect(wordsOf('Вело vélo 自転車')).toEqual(['вело', 'vélo', '自転車']);
  });
});
