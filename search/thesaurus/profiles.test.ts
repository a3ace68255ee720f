import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { audiences } from '../../server/folders/schema';
import { profileTokens, profilesOf } from './profiles';

/**
 * The shipped profiles (search/thesaurus/profiles.json) lift schemes in every ranking: these checks
 * keep the file well formed, its codes the schemes' audiences, and each term in one entry only.
 */
const profilesSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  licence: z.string().min(1),
  sources: z.record(z.string(), z.string().min(1)),
  method: z.string().min(1),
  entries: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
      audiences: z.array(z.enum(audiences)).min(1),
      terms: z.array(z.string().min(2).max(60)).min(1),
      source: z.string(),
    }),
  ),
});

const profiles = profilesSchema.parse(JSON.parse(readFileSync(new URL('./profiles.json', import.meta.url), 'utf8')));

describe('the shipped profiles (search/thesaurus/profiles.json)', () => {
  it('parses, names its licence and how it was written, and cites its sources', () => {
    expect(profiles.name).toMatch(/L'info pour tous/);
    expect(profiles.method).toMatch(/avant/);
    for (const entry of profiles.entries) expect(Object.keys(profiles.sources)).toContain(entry.source);
  });

  it('gives each entry its own id and each term, as compared, one entry', () => {
    const ids = profiles.entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const entry of profiles.entries) {
      for (const term of entry.terms) {
        expect(term).toBe(term.toLowerCase());
        const key = profileTokens(term).join(' ');
        expect(key, term).not.toBe('');
        if (seen.has(key)) twice.push(`${term} (${seen.get(key)}, ${entry.id})`);
        seen.set(key, entry.id);
      }
    }
    expect(twice).toEqual([]);
  });

  it('reads every term back as its entry’s audiences', () => {
    for (const entry of profiles.entries) {
      for (const term of entry.terms) expect(profilesOf(term), term).toEqual(expect.arrayContaining(entry.audiences));
    }
  });
});
