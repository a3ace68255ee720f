import { describe, expect, it } from 'vitest';
import { meilisearchBinary } from './meilisearch';
import { MissingMeilisearchBinaryError, MissingPostgresBinaryError } from '../errors';
import { assertPostgresBinaries } from './postgres';

describe('the embedded Meilisearch binary', () => {
  it('is found, executable, on linux/x64', async () => {
    expect(await meilisearchBinary('/tmp')).toMatch(/meilisearch$/);
  });

  it.each([
    ['darwin', 'arm64'],
    ['linux', 'arm64'],
    ['win32', 'x64'],
  ])('on %s/%s, a clear message says to set MEILI_URL', async (platform, arch) => {
    const failure = meilisearchBinary('/tmp', platform as NodeJS.Platform, arch as NodeJS.Architecture);
    await expect(failure).rejects.toBeInstanceOf(MissingMeilisearchBinaryError);
    await expect(failure).rejects.toThrow(`No Meilisearch binary for this platform (${platform}/${arch})`);
    await expect(failure).rejects.toThrow(/Set MEILI_URL/);
  });
});

describe('the embedded PostgreSQL binaries', () => {
  it('are installed on linux/x64', () => {
    expect(() => assertPostgresBinaries('linux', 'x64')).not.toThrow();
  });

  it('missing (another platform, or an image built without them), a clear message says to set DATABASE_URL', () => {
    expect(() => assertPostgresBinaries('linux', 's390x')).toThrow(MissingPostgresBinaryError);
    expect(() => assertPostgresBinaries('linux', 's390x')).toThrow(/Set DATABASE_URL to a running PostgreSQL/);
  });
});
