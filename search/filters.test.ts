import { describe, expect, it } from 'vitest';
import { buildRecords, type DocumentForIndex } from './records';
import { meiliFilter, recordMatches, type SearchFilter } from './filters';

const document: DocumentForIndex = {
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Règlement',
  summary: '',
  docType: 'reglement',
  scope: 'external',
  status: 'published',
  fileType: 'pdf',
  updatedAt: new Date('2026-03-01T10:00:00Z'),
  directorate: { code: 'DTOUR', name: 'Tourisme' },
  folderIds: ['f1'],
  theme: { id: 'theme-1', name: 'Tourisme' },
  scheme: {
    id: 'scheme-1',
    name: "Ec'Eau Tourisme",
    keywords: [],
    promise: '',
    summary: '',
    audiences: ['entreprises', 'associations'],
    aidTypes: ['subvention'],
    availability: 'clos',
    closesOn: '2026-06-30',
    isPermanent: false,
    isArchived: false,
    referent: { name: null, service: null, email: null, phone: null },
  },
  pages: [],
};
const [record] = buildRecords(document);
const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86400000);

/** One description, two readings: the Meilisearch filter and the PostgreSQL fallback's test of a record. */
describe('a search filter', () => {
  const cases: [string, SearchFilter, boolean][] = [
    ['nothing asked', { anyOf: {} }, true],
    ['one of the audiences', { anyOf: { audiences: ['associations', 'jeunes'] } }, true],
    ['none of the audiences', { anyOf: { audiences: ['jeunes'] } }, false],
    ['its directorate and scope', { anyOf: { directorateCode: ['DTOUR'], scope: ['external'] } }, true],
    ['another file type', { anyOf: { fileType: ['docx'] } }, false],
    ['updated since before', { anyOf: {}, updatedSince: Date.parse('2026-02-01T00:00:00Z') / 1000 }, true],
    ['updated since after', { anyOf: {}, updatedSince: Date.parse('2026-04-01T00:00:00Z') / 1000 }, false],
    ['open on a day before it closes', { anyOf: {}, openOnDay: day('2026-06-30') }, true],
    ['open on a day after it closed', { anyOf: {}, openOnDay: day('2026-07-01') }, false],
  ];
  for (const [name, filter, isKept] of cases) {
    it(`${name}: ${isKept ? 'keeps' : 'leaves out'} the record`, () => {
      expect(recordMatches(filter, record as NonNullable<typeof record>)).toBe(isKept);
    });
  }

  it('leaves out archived schemes, in both readings', () => {
    const archived = buildRecords({
      ...document,
      scheme: { ...(document.scheme as NonNullable<DocumentForIndex['scheme']>), isArchived: true },
    })[0];
    expect(recordMatches({ anyOf: {} }, archived as NonNullable<typeof archived>)).toBe(false);
    expect(meiliFilter({ anyOf: {} })).toBe('(schemeArchived = false)');
  });

  it('reads as a Meilisearch filter with every value quoted', () => {
    expect(meiliFilter({ anyOf: { audiences: ['a"b'] }, updatedSince: 10, openOnDay: 20 })).toBe(
      '(schemeArchived = false) AND (audiences IN ["a\\"b"]) AND (updatedAt >= 10) AND (isPermanent = true OR schemeClosesOnDay IS NULL OR schemeClosesOnDay >= 20)',
    );
  });
});
