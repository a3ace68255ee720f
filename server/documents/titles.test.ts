import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../seed/demo/catalogue';
import { pageText } from '../seed/demo/files';
import { suggestDocType } from './docTypeSuggestion';
import { isPlaceholderTitle, readableFilename, sanitizeTitle, titleOf } from './titles';

describe('titles a document gives itself', () => {
  it.each([
    ['ec-eau-tourisme_reglement_v2.pdf', 'Ec eau tourisme règlement v2'],
    ['deliberation_CP_2024-03-12.pdf', 'Délibération CP 2024 03 12'],
    ['faq-economies-energie.docx', 'Faq économies énergie'],
    ['reglements_interieurs.odt', 'Règlements intérieurs'],
    // Words that are French as written keep their spelling ("aide", "guide", "des" are not "aidé", "guidé", "dés").
    ['guide-des-aides.pdf', 'Guide des aides'],
    ['Reglement_tri.pdf', 'Règlement tri'],
    // Acronyms and mixed case are the author's: left as they are.
    ['Ec-Eau_Tourisme_CP.pdf', 'Ec Eau Tourisme CP'],
    ['EcEau_PEPITE.pdf', 'EcEau PEPITE'],
    ['___.pdf', 'Document sans titre'],
  ])('makes the file name %s readable: %s', (filename, title) => {
    expect(readableFilename(filename)).toBe(title);
  });

  it('strips control characters and bidirectional overrides, collapses whitespace, and cuts a long title at a word', () => {
    expect(sanitizeTitle('Règlement\u0007 du\u202e fonds\u2066\n\n  régional\u0000')).toBe('Règlement du fonds régional');
    const long = sanitizeTitle('Règlement '.repeat(500));
    expect([...long].length).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^(Règlement )+Règlement…$/);
  });

  it.each([
    'Microsoft Word - reglement_v2.docx',
    'untitled',
    'Document1',
    'Sans titre',
    'Présentation PowerPoint',
    'reglement_v2.pdf',
    'C:\\Users\\agent\\Bureau\\x',
    '1234',
    'Layout 1',
  ])('knows the generator default %s', (title) => {
    expect(isPlaceholderTitle(title)).toBe(true);
  });

  it('takes the metadata title, else the heading, else the readable file name', () => {
    expect(titleOf({ metadataTitle: 'Règlement d’intervention Ec’Eau Tourisme', heading: 'Autre' }, 'x.pdf')).toEqual({
      title: 'Règlement d’intervention Ec’Eau Tourisme',
      source: 'document',
    });
    expect(titleOf({ metadataTitle: 'Microsoft Word - x.docx', heading: 'Aide aux campings' }, 'x.pdf')).toEqual({
      title: 'Aide aux campings',
      source: 'document',
    });
    expect(titleOf({ metadataTitle: 'ec-eau_v2', heading: undefined }, 'ec-eau_v2.pdf')).toEqual({
      title: 'Ec eau v2',
      source: 'file_name',
    });
    expect(titleOf(undefined, 'ec-eau_v2.pdf')).toEqual({ title: 'Ec eau v2', source: 'file_name' });
  });
});

describe('document type suggested from the file name and first page', () => {
  it.each([
    ['ec-eau-tourisme_reglement_v2.pdf', '', 'reglement'],
    ['faq-economies-energie.pdf', '', 'faq'],
    ['formulaire_demande.odt', '', 'formulaire'],
    ['DELIB-CP-2024-03.pdf', '', 'deliberation'],
    ['guide_beneficiaire.pdf', '', 'guide'],
    ['fiche-synthese.pdf', '', 'fiche_synthese'],
    ['note-interne-accueil.docx', '', 'note_interne'],
    ['scan0042.pdf', 'La Commission permanente du Conseil régional, après en avoir délibéré, décide : article 1.', 'deliberation'],
    ['doc.pdf', 'Peut-on cumuler les aides ?\nQui peut déposer ?\nQuel délai ?\n', 'faq'],
    ['doc.pdf', 'Dossier de candidature. Nom : … Date et signature du représentant légal.', 'formulaire'],
    ['doc.pdf', 'Un texte sans indice particulier.', 'fiche_synthese'],
  ])('%s with "%s" → %s', (filename, firstPage, type) => {
    expect(suggestDocType({ filename, firstPage })).toBe(type);
  });

  it('finds the type of every document of the demo catalogue from its file name, title and first page', () => {
    const documents = demoCatalogue('2026-12-06').documents;
    const wrong = documents.filter(
      (d) => suggestDocType({ filename: d.filename, title: d.title, firstPage: pageText(d.pages[0] ?? []) }) !== d.docType,
    );
    expect(wrong.map((d) => d.filename)).toEqual([]);
    // Without the title (a file uploaded untitled, before it is read), the name and the first page alone.
    const wrongUntitled = documents.filter(
      (d) => suggestDocType({ filename: d.filename, firstPage: pageText(d.pages[0] ?? []) }) !== d.docType,
    );
    expect(wrongUntitled.length).toBeLessThanOrEqual(documents.length * 0.05);
  });
});
