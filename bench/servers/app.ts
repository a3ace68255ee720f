import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { closeGracefully, listen } from '../../server/http/listen';
import { createJobHandlers } from '../../server/jobs/handlers';
import { startWorker } from '../../server/jobs/worker';
import { createLogger } from '../../server/logger';
import { startServices } from '../../server/services';
import { announceReady } from './ready';

/**
 * The app of `npm start` alone in its own process, for the benchmarks that measure it from outside
 * (bench:upload, bench:share, bench:search), so that its memory and CPU are its own and the load
 * generator does not share its event loop. Configured from the environment like `npm start`
 * (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY, DATA_DIR or S3_*…), on services the benchmark
 * started: nothing embedded, no migration, no seed. Serves the built web app from BENCH_WEB_DIR
 * when set; runs the job worker unless RUN_WORKER=false (WORKER_CONCURRENCY). Once listening,
 * prints its ready line (bench/servers/ready.ts).
 */

const webDir = process.env.BENCH_WEB_DIR || undefined;
const config = loadConfig();
const logger = createLogger(config.logLevel);
// DATABASE_URL and MEILI_URL are set: startServices only connects (services.ts `connect`).
const services = await startServices(config, logger);
const app = createApp({ config, logger, ...services, webDir });
const server = await listen(app, config.http.host, config.http.port);
const worker = config.worker.enabled
  ? startWorker({
      db: services.db,
      logger,
      handlers: createJobHandlers({ ...services, logger, config }),
      concurrency: config.worker.concurrency,
    })
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

announceReady(server);
