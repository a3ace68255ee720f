import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stemText } from '../french';

/**
 * The shipped thesaurus is data that expands every search: these checks keep it well formed and
 * precise. Terms are compared as the index sees them (stemmed, accents and stop words removed),
 * so "chômeurs" counts as "chômeur".
 */
const themes = [
  'emploi',
  'formation',
  'entreprise',
  'tourisme',
  'agriculture',
  'mer',
  'montagne',
  'mobilite',
  'logement-energie',
  'sante',
  'jeunesse',
  'culture',
  'sport',
  'international',
  'associations',
  'collectivites',
  'environnement',
  'numerique',
  'general',
] as const;

const terms = z.array(z.string());
const common = { id: z.string(), theme: z.enum(themes), source: z.string() };
const thesaurusSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string(),
  licence: z.string().min(1),
  sources: z.record(z.string(), z.string().min(1)),
  entries: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({ ...common, kind: z.literal('equivalent'), terms }),
      z.strictObject({ ...common, kind: z.literal('broader'), from: terms, to: terms }),
    ]),
  ),
});
type Entry = z.infer<typeof thesaurusSchema>['entries'][number];

const text = readFileSync(new URL('./fr-region.json', import.meta.url), 'utf8');
const thesaurus = thesaurusSchema.parse(JSON.parse(text));
const { entries } = thesaurus;

const termsOf = (entry: Entry) => (entry.kind === 'equivalent' ? entry.terms : [...entry.from, ...entry.to]);
const allTerms = entries.flatMap((entry) => termsOf(entry).map((term) => ({ id: entry.id, term })));

describe('the shipped French thesaurus (search/thesaurus/fr-region.json)', () => {
  it('parses, names its licence and carries a semantic version', () => {
    expect(thesaurus.name).toMatch(/L'info pour tous/);
    expect(thesaurus.version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/);
  });

  it('has at least 400 entries, each with a unique kebab-case id', () => {
    expect(entries.length).toBeGreaterThanOrEqual(400);
    const ids = entries.map((entry) => entry.id);
    expect(ids.filter((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('covers every theme of the Region with at least 10 entries', () => {
    const thin = themes.filter((theme) => entries.filter((entry) => entry.theme === theme).length < 10);
    expect(thin).toEqual([]);
  });

  it('writes every term in lower case, trimmed, in at most 4 words and 60 characters, with ASCII apostrophes', () => {
    const badlyWritten = allTerms.filter(
      ({ term }) =>
        term !== term.toLocaleLowerCase('fr') ||
        term !== term.trim() ||
        term.length === 0 ||
        term.length > 60 ||
        term.split(' ').length > 4 ||
        /\s{2}|[’‘`´]/.test(term) ||
        stemText(term) === '',
    );
    expect(badlyWritten).toEqual([]);
  });

  it('gives equivalent entries 2 to 8 terms and broader entries 1 to 8 terms on each side', () => {
    const misshapen = entries.filter((entry) =>
      entry.kind === 'equivalent'
        ? entry.terms.length < 2 || entry.terms.length > 8
        : entry.from.length < 1 || entry.to.length < 1 || entry.from.length > 8 || entry.to.length > 8,
    );
    expect(misshapen.map((entry) => entry.id)).toEqual([]);
  });

  it('never repeats a term inside an entry, not even as a plural or an inflection (the index stems those already)', () => {
    const repeated = entries.flatMap((entry) => {
      const stems = termsOf(entry).map(stemText);
      return termsOf(entry)
        .filter((_, index) => stems.indexOf(stems[index]!) !== index)
        .map((term) => `${entry.id}: ${term}`);
    });
    expect(repeated).toEqual([]);
  });

  it('puts no term in two equivalent entries (they would have to be merged)', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const entry of entries) {
      if (entry.kind !== 'equivalent') continue;
      for (const term of entry.terms) {
        const stem = stemText(term);
        const first = owner.get(stem);
        if (first === undefined) owner.set(stem, entry.id);
        else if (first !== entry.id) twice.push(`${term}: ${first} and ${entry.id}`);
      }
    }
    expect(twice).toEqual([]);
  });

  it('never lets a broader entry lead from a term back to itself', () => {
    const looping = entries.flatMap((entry) => {
      if (entry.kind !== 'broader') return [];
      const to = new Set(entry.to.map(stemText));
      return entry.from.filter((term) => to.has(stemText(term))).map((term) => `${entry.id}: ${term}`);
    });
    expect(looping).toEqual([]);
  });

  it('declares the source of every entry', () => {
    expect(Object.keys(thesaurus.sources).length).toBeGreaterThan(0);
    const undeclared = entries.filter((entry) => !Object.hasOwn(thesaurus.sources, entry.source));
    expect(undeclared.map((entry) => `${entry.id}: ${entry.source}`)).toEqual([]);
  });
});
