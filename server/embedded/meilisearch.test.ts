import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { capturingLogger, uniqueName } from '../../tests/context';
import { defaultMeiliIndexingMemory } from '../config';
import { startEmbeddedMeilisearch } from './meilisearch';

/** The arguments the embedded Meilisearch really runs with, from /proc. */
async function argumentsOf(dir: string): Promise<string[]> {
  const pid = (await readFile(path.join(dir, 'meilisearch.pid'), 'utf8')).trim();
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
}

describe('the embedded Meilisearch', () => {
  it.each([
    [undefined, defaultMeiliIndexingMemory],
    ['256MiB', '256MiB'],
  ])('runs with --max-indexing-memory (asked: %s)', async (asked, expected) => {
    const dir = path.join(inject('services').tmpDir, uniqueName('meili-memory'));
    await mkdir(dir, { recursive: true });
    const meili = await startEmbeddedMeilisearch({ dir, masterKey: 'memory-master-key-0123', logger: capturingLogger().logger, maxIndexingMemory: asked });
    try {
      const args = await argumentsOf(dir);
      expect(args[args.indexOf('--max-indexing-memory') + 1]).toBe(expected);
      expect((await fetch(`${meili.url}/health`)).status).toBe(200);
    } finally {
      await meili.stop();
    }
  });
});
