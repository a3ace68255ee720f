import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { closeGracefully, listen } from '../server/http/listen';
import { createJobHandlers } from '../server/jobs/handlers';
import { startWorker } from '../server/jobs/worker';
import { createLogger } from '../server/logger';
import { startServices } from '../server/services';

/**
 * The app of `npm start` in its own process, for `npm run bench:search` (bench/search.ts): HTTP
 * and, unless RUN_WORKER=false, the job worker (WORKER_CONCURRENCY), on services the benchmark
 * started (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY set: nothing embedded, no migration, no
 * seed, no web app). Once listening, prints one line `search-server-ready {"pid":…,"port":…}`.
 */

const readyPrefix = 'search-server-ready ';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const services = await startServices(config, logger);
const app = createApp({ config, logger, ...services });
const server = await listen(app, config.http.host, config.http.port);
const worker = config.worker.enabled
  ? startWorker({ db: services.db, logger, handlers: createJobHandlers({ ...services, logger, config }), concurrency: config.worker.concurrency })
  : undefined;

let isStopping = false;
async function stop() {
  if (isStopping) return;
  isStopping = true;
  await closeGracefully(server, 2000);
  await worker?.stop(10000);
  await services.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

const address = server.address();
if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
process.stdout.write(`${readyPrefix}${JSON.stringify({ pid: process.pid, port: address.port })}\n`);
