import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { capturingLogger, uniqueName } from '../../tests/context';
import { defaultMeiliIndexingMemory } from '../environment';
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
    const meili = await startEmbeddedMeilisearch({
      dir,
      masterKey: 'memory-master-key-0123',
      logger: capturingLogger().logger,
      maxIndexingMemory: asked,
    });
    try {
      const args = await argumentsOf(dir);
      expect(args[args.indexOf('--max-indexing-memory') + 1]).toBe(expected);
      expect((await fetch(`${meili.url}/health`)).status).toBe(200);
    } finally {
      await meili.stop();
    }
  });

  it('reads no CA certificates (it talks to no remote) and still answers a federated search', async () => {
    const dir = path.join(inject('services').tmpDir, uniqueName('meili-certs'));
    await mkdir(dir, { recursive: true });
    const masterKey = 'certs-master-key-0123456';
    const meili = await startEmbeddedMeilisearch({ dir, masterKey, logger: capturingLogger().logger });
    const call = async (route: string, body: unknown) => {
      const response = await fetch(`${meili.url}${route}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${masterKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Record<string, unknown>;
    };
    try {
      const pid = (await readFile(path.join(dir, 'meilisearch.pid'), 'utf8')).trim();
      expect((await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0')).toContain('SSL_CERT_FILE=/dev/null');
      const task = await call('/indexes/pages/documents', [{ id: 1, text: 'camping économies eau' }]);
      for (;;) {
        const status = (
          (await (
            await fetch(`${meili.url}/tasks/${String(task.taskUid)}`, { headers: { Authorization: `Bearer ${masterKey}` } })
          ).json()) as { status: string }
        ).status;
        if (status === 'succeeded') break;
        expect(status).not.toBe('failed');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const federated = await call('/multi-search', {
        federation: {},
        queries: [
          { indexUid: 'pages', q: 'camping' },
          { indexUid: 'pages', q: 'eau' },
        ],
      });
      expect(federated.hits).toEqual([expect.objectContaining({ id: 1 })]);
    } finally {
      await meili.stop();
    }
  });
});
