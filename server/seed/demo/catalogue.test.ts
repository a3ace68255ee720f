import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDocumentFieldsSchema } from '../../documents/schema';
import { availabilityOf } from '../../folders/availability';
import { createFolderSchema, schemeCardSchema } from '../../folders/schema';
import { directorates, themes } from '../data';
import { demoCatalogue, schemeSources } from './catalogue';
import { pageText } from './files';

const today = '2026-12-06';
const catalogue = demoCatalogue(today);
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('the demo catalogue', () => {
  it('has at least 25 schemes over most of the themes, each with a full card the folders API accepts', () => {
    expect(catalogue.schemes.length).toBeGreaterThanOrEqual(25);
    expect(new Set(catalogue.schemes.map((s) => s.name.toLowerCase())).size).toBe(catalogue.schemes.length);
    const coveredThemes = new Set(catalogue.schemes.map((s) => s.theme));
    expect(coveredThemes.size).toBeGreaterThanOrEqual(14);
    for (const scheme of catalogue.schemes) {
      expect(themes).toContain(scheme.theme);
      expect(directorates.map((d) => d.code)).toContain(scheme.directorate);
      const card = schemeCardSchema.parse({ ...scheme.card, directorateId: randomUUID() });
      createFolderSchema.parse({ name: scheme.name, parentId: randomUUID(), scheme: card });
      // Full: every field of the card is filled.
      expect(card.promise.length, scheme.name).toBeGreaterThan(20);
      expect(card.summary.length, scheme.name).toBeGreaterThan(100);
      expect(card.amount, scheme.name).toMatch(/\d/);
      expect(card.audiences.length && card.aidTypes.length && card.keywords.length, scheme.name).toBeGreaterThan(0);
      expect(card.isPermanent || (card.opensOn !== null && card.closesOn !== null), scheme.name).toBe(true);
      expect(card.referent, scheme.name).toEqual({
        name: expect.any(String),
        service: expect.any(String),
        email: expect.stringMatching(/@region\.example$/),
        phone: expect.stringMatching(/^04 00 00 00 \d\d$/),
        publicFields: ['service', 'email'],
      });
      expect(card.links.infoUrl, scheme.name).toMatch(/^https:\/\/www\.region\.example\//);
      expect(card.links.applyUrl, scheme.name).toMatch(/^https:\/\/www\.region\.example\//);
    }
  });

  it('dates its schemes from the day it is loaded: some closed, some closing within 3 weeks, some upcoming, several permanent, the others open', () => {
    const availability = catalogue.schemes.map((s) => availabilityOf(s.card, today));
    const count = (kind: string) => availability.filter((a) => a === kind).length;
    expect(count('clos')).toBeGreaterThanOrEqual(2);
    expect(count('a_venir')).toBeGreaterThanOrEqual(2);
    expect(count('permanent')).toBeGreaterThanOrEqual(5);
    expect(count('ouvert')).toBeGreaterThanOrEqual(3);
    const closingSoon = catalogue.schemes.filter((s) => availabilityOf(s.card, today) === 'cloture_proche');
    expect(closingSoon.length).toBeGreaterThanOrEqual(3);
    for (const scheme of closingSoon) expect((scheme.card.closesOn as string) <= '2026-12-27').toBe(true);

    // Loaded another day, the same schemes keep the same standing.
    const later = demoCatalogue('2027-09-15');
    expect(later.schemes.map((s) => availabilityOf(s.card, '2027-09-15'))).toEqual(availability);
  });

  it('has 60+ published documents in PDF, DOCX, ODT and a photo (JPEG), internal and external, that the upload API accepts', () => {
    expect(catalogue.documents.length).toBeGreaterThanOrEqual(60);
    const formats = new Set(catalogue.documents.map((d) => d.format));
    expect([...formats].sort()).toEqual(['docx', 'jpeg', 'odt', 'pdf']);
    expect(new Set(catalogue.documents.map((d) => d.scope))).toEqual(new Set(['internal', 'external']));
    expect(new Set(catalogue.documents.map((d) => d.docType)).size).toBeGreaterThanOrEqual(6);
    const schemeNames = new Set(catalogue.schemes.map((s) => s.name));
    for (const document of catalogue.documents) {
      expect(document.status).toBe('published');
      createDocumentFieldsSchema.parse({
        folderId: randomUUID(),
        title: document.title,
        summary: document.summary,
        docType: document.docType,
        scope: document.scope,
        status: document.status,
      });
      if ('scheme' in document.place) expect(schemeNames).toContain(document.place.scheme);
      else expect(themes).toContain(document.place.theme);
    }
    // Every scheme has documents; a few documents sit outside any scheme.
    for (const name of schemeNames)
      expect(catalogue.documents.filter((d) => 'scheme' in d.place && d.place.scheme === name).length, name).toBeGreaterThanOrEqual(2);
    expect(catalogue.documents.filter((d) => !('scheme' in d.place)).length).toBeGreaterThanOrEqual(2);
    // One title per folder: the loader recognises a document already loaded by it.
    const places = catalogue.documents.map((d) => `${JSON.stringify(d.place)} ${d.title}`);
    expect(new Set(places).size).toBe(places.length);
  });

  it('holds a few scans for OCR: a signed deliberation, a photographed poster, a règlement with a scanned signed annex', () => {
    const scans = catalogue.documents.filter((d) => d.scannedPages);
    expect(scans.map((d) => [d.docType, d.format, d.scannedPages, d.pages.length])).toEqual([
      ['deliberation', 'pdf', [1, 2], 2],
      ['autre', 'jpeg', [1], 1],
      ['reglement', 'pdf', [2], 2],
    ]);
    // Short pages: OCR reads them in seconds once the catalogue is loaded.
    for (const document of scans) for (const page of document.pages) expect(wordsOf(pageText(page))).toBeLessThanOrEqual(120);
  });

  it('writes real pages: PDFs of 3 to 8 pages, every page 150 to 400 words of French (scans aside)', () => {
    for (const document of catalogue.documents.filter((d) => !d.scannedPages)) {
      if (document.format === 'pdf') {
        expect(document.pages.length, document.title).toBeGreaterThanOrEqual(3);
        expect(document.pages.length, document.title).toBeLessThanOrEqual(8);
      } else expect(document.pages.length, document.title).toBeGreaterThanOrEqual(2);
      for (const [index, page] of document.pages.entries()) {
        const words = wordsOf(pageText(page));
        expect(words, `${document.title}, page ${index + 1}`).toBeGreaterThanOrEqual(150);
        expect(words, `${document.title}, page ${index + 1}`).toBeLessThanOrEqual(400);
      }
    }
    const text = catalogue.documents.map((d) => d.pages.map(pageText).join(' ')).join(' ');
    for (const word of ['éligibles', 'dépôt', 'à', 'être', 'où', '€', 'l’aide']) expect(text).toContain(word);
  });

  it('reads the same each time it is built: the sources and the catalogue agree', () => {
    expect(catalogue.schemes.map((s) => s.name)).toEqual(schemeSources.map((s) => s.name));
    expect(demoCatalogue(today)).toEqual(catalogue);
  });
});
