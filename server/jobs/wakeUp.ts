import type pg from 'pg';
import type { Db } from '../db';
import type { Logger } from '../logger';

export const jobsChannel = 'lpt_jobs';
const reconnectMs = 1000;

/**
 * Calls `onJob` as soon as a job is enqueued by any instance: the jobs table notifies `lpt_jobs`
 * on insert (migration 07), heard on a connection of its own. The worker's polling stays: a lost
 * connection only brings back the poll's delay until it is made again.
 */
export function listenForJobs(db: Db, logger: Logger, onJob: () => void): { close(): Promise<void> } {
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let isClosed = false;

  const connectLater = () => {
    if (isClosed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, reconnectMs);
    retry.unref();
  };

  const lose = (client: pg.Client, error?: unknown) => {
    if (listener !== client) return;
    listener = undefined;
    if (error) logger.warn({ err: error }, 'job notifications lost, polling until they are back');
    client.end().catch(() => undefined);
    connectLater();
  };

  async function connect() {
    let client: pg.Client;
    try {
      // A connection outside knex's pool: LISTEN holds it for as long as the worker runs.
      client = await (db.client as { acquireRawConnection(): Promise<pg.Client> }).acquireRawConnection();
    } catch (error) {
      logger.warn({ err: error }, 'cannot listen for jobs, polling');
      connectLater();
      return;
    }
    if (isClosed) {
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
    client.on('notification', () => onJob());
    client.on('error', (error) => lose(client, error));
    client.on('end', () => lose(client));
    try {
      await client.query(`listen ${jobsChannel}`);
    } catch (error) {
      lose(client, error);
      return;
    }
    // Jobs enqueued while nobody listened: the next poll would find them, this finds them now.
    onJob();
  }
  void connect();

  return {
    async close() {
      isClosed = true;
      clearTimeout(retry);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
