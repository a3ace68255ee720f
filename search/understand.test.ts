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

  it('reads a word typed without its accents as the word with them, when the lexicon knows only one', () => {
    const stemsOf = (q: string) => understand(q).words.map((w) => w.stem);
    // Before: "reduction" → reduct where "réduction" → reduir, "financiere" → financier where "financière" → financi.
    expect(stemsOf('reduction etudiant financiere eleveur creation')).toEqual(stemsOf('réduction étudiant financière éleveur création'));
    // What was typed is what the agent sees.
    expect(wordsOf('reduction etudiant')).toEqual(['reduction', 'etudiant']);
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

describe('reading who the visitor is', () => {
  const profilesOf = (q: string) => understand(q).profiles;

  it('reads the audience a sentence names, in any gender and number, accents or not', () => {
    expect(profilesOf('je suis plombier et je voudrais changer de camionnette')).toEqual(['entreprises']);
    expect(profilesOf('nous sommes une association de randonneurs')).toEqual(['associations']);
    expect(profilesOf('je suis conseillère municipale')).toEqual(['collectivites']);
    expect(profilesOf('je suis viticultrice dans le Var')).toEqual(['agriculteurs']);
    expect(profilesOf('je suis etudiante en master de chimie')).toEqual(['etudiants', 'jeunes']);
    expect(profilesOf('je suis au chomage depuis mars')).toEqual(['demandeurs_emploi']);
    expect(profilesOf('la toiture de ma maison fuit')).toEqual(['particuliers']);
  });

  it('reads a phrase across its linking words and elisions', () => {
    expect(profilesOf("je suis la présidente de l'association")).toEqual(['associations']);
    expect(profilesOf("le chef de l'entreprise voudrait exporter")).toEqual(['entreprises']);
  });

  it('reads every audience a sentence names, and an age as a young visitor', () => {
    expect(profilesOf('notre club voudrait accueillir des lycéens')).toEqual(['associations', 'jeunes']);
    expect(profilesOf('mon neveu a 22 ans et veut partir en Espagne')).toEqual(['jeunes']);
  });

  it('reads no audience from a word that only looks like one', () => {
    // "commune" in "communication", "gérant" in "gérer", "ferme" the verb, "mon employeur" said by an employee.
    expect(profilesOf('la communication de la Région')).toEqual([]);
    expect(profilesOf('comment gérer les déchets verts')).toEqual([]);
    expect(profilesOf('le guichet ferme à midi')).toEqual([]);
    expect(profilesOf('mon employeur refuse mes congés')).not.toContain('entreprises');
  });

  it('reads none from a sentence that says nothing of who asks, or from bad input', () => {
    expect(profilesOf('subvention pour un vélo électrique')).toEqual([]);
    for (const q of ['🚲🙂', '?!…;:', "'''", '', 'plombier '.repeat(700), 'ß'.repeat(5000)]) {
      expect(() => understand(q)).not.toThrow();
    }
    for (const q of ['🚲🙂', '?!…;:', "'''", '', 'ß'.repeat(5000)]) expect(profilesOf(q)).toEqual([]);
    expect(profilesOf('a'.repeat(5000))).toEqual([]);
  });
});
