import { describe, expect, it } from 'vitest';
import { familyRoot } from './families';
import { stem, stemText } from './french';

describe('word families', () => {
  it.each([
    ['chauffer', 'chauffage', 'chaufferie', 'chauffe'],
    ['reconvertir', 'reconversion'],
    ['isoler', 'isolation', 'isolant', 'isolé'],
    ['rénover', 'rénovation', 'rénové'],
    ['installer', 'installation'],
    ['embaucher', 'embauche'],
    ['exporter', 'exportation', 'exportateur'],
    ['former', 'formation', 'formateur'],
    ['investir', 'investissement'],
    ['construire', 'construction'],
    ['transmettre', 'transmission'],
    ['chômer', 'chômage', 'chômeur', 'chômeuse'],
    ['élever', 'élevage', 'éleveur'],
    ['agriculture', 'agriculteur', 'agricultrice'],
  ])('meet in one stem: %s', (...family) => {
    expect(new Set(family.map(stem)).size).toBe(1);
  });

  it('keep words apart when the lexicon knows no verb for them', () => {
    for (const word of ['station', 'nation', 'village', 'fromage', 'page', 'message', 'voyage']) expect(familyRoot(word)).toBe(word);
    expect(stem('station')).not.toBe(stem('ster'));
    expect(stem('chèque')).not.toBe(stem('chaque'));
    expect(stem('voyage')).toBe(stem('voyager'));
  });

  it('stem a whole text the same way, stop words left out', () => {
    expect(stemText('Le chauffage de la mairie')).toBe(stemText('chauffer les mairies'));
  });
});
