import { mkdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchService } from '../server/embedded/meilisearch';
import { renderMetrics } from '../server/metrics';
import { capturingLogger, uniqueName } from './context';

/**
 * The supervision of an embedded child at its edges: restarts that keep failing end in one clear
 * give-up line (and the app stays up, /readyz saying `exited`); a stop asked while a restart is
 * scheduled cancels it. This file's own Meilisearch, killed for real; its restarts fail for a
 * real reason (another program took its port).
 */
describe('supervision of an embedded child', () => {
  const { logger, lines } = capturingLogger();
  let meili: EmbeddedMeilisearchService;
  let dir: string;

  beforeAll(async () => {
    dir = path.join(inject('services').tmpDir, uniqueName('supervision'));
    await mkdir(dir, { recursive: true });
    meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meili'), masterKey: 'supervision-master-key-123', logger });
  });

  afterAll(async () => {
    await meili.stop().catch(() => undefined);
  });

  const kill = async () => process.kill(Number((await readFile(path.join(dir, 'meili', 'meilisearch.pid'), 'utf8')).trim()), 'SIGKILL');
  const logged = (msg: string) => lines.filter((line) => line.service === 'meilisearch' && line.msg === msg);

  it('restarts that keep failing: each failure logged, then one give-up line; a later start recovers', async () => {
    meili.supervise({ firstDelayMs: 50, maxDelayMs: 100, maxAttempts: 3 });
    await kill();
    await vi.waitFor(() => expect(meili.state().state).not.toBe('running'), { timeout: 10000, interval: 10 });
    // Another program takes the port while Meilisearch is down: every restart fails.
    const squatter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      squatter.once('error', reject);
      squatter.listen(meili.port, '127.0.0.1', resolve);
    });
    try {
      await vi.waitFor(
        () =>
          expect(logged('embedded meilisearch could not be restarted: giving up (restart the app once the cause is fixed)')).toHaveLength(
            1,
          ),
        {
          timeout: 60000,
          interval: 50,
        },
      );
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    expect(meili.state().state).toBe('exited');
    expect(
      lines.filter((line) => line.service === 'meilisearch' && String(line.msg).startsWith('embedded meilisearch did not restart')),
    ).toHaveLength(3);
    expect(logged('embedded meilisearch restarted')).toHaveLength(0);
    expect((await renderMetrics()).body).toMatch(/lpt_embedded_restarts_total\{service="meilisearch",outcome="gave_up"\} 1/);
    expect((await renderMetrics()).body).toMatch(/lpt_embedded_restarts_total\{service="meilisearch",outcome="failed"\} 3/);

    await meili.start();
    expect(meili.state().state).toBe('running');
  });

  it('a stop asked while a restart is scheduled cancels the restart', async () => {
    meili.supervise({ firstDelayMs: 300, maxDelayMs: 300, maxAttempts: 3 });
    const restartsBefore = logged('embedded meilisearch restarted').length;
    await kill();
    await vi.waitFor(() => expect(meili.state().state).toBe('restarting'), { timeout: 10000, interval: 10 });
    await meili.stop();
    expect(meili.state().state).toBe('stopped');
    // Starting it again by hand takes longer than the restart's delay: a restart still scheduled would have run meanwhile.
    await meili.start();
    expect(meili.state()).toMatchObject({ state: 'running' });
    expect(logged('embedded meilisearch restarted')).toHaveLength(restartsBefore);
    expect(
      lines.filter((line) => line.service === 'meilisearch' && String(line.msg).startsWith('embedded meilisearch did not restart')),
    ).toHaveLength(3);
  });
});
