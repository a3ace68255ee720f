import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { closeGracefully, listen } from '../server/http/listen';
import { createLogger } from '../server/logger';
import { startServices } from '../server/services';

/**
 * The app alone in its own process, for `npm run bench:share` (bench/share.ts), so that the load
 * generator does not share its event loop. Configured from the environment like `npm start`
 * (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY, DATA_DIR, SHARE_RATE_LIMIT_PER_MINUTE…), on services
 * the benchmark started: no embedded service, no migration, no seed, no job worker. Serves the
 * built web app from BENCH_WEB_DIR (the static route the share page is compared with).
 * Once listening, prints one line `share-server-ready {"pid":…,"port":…}` on stdout.
 */

const readyPrefix = 'share-server-ready ';

const webDir = process.env.BENCH_WEB_DIR;
if (!webDir) throw new Error('BENCH_WEB_DIR is not set: the directory of the built web app');
const config = loadConfig();
const logger = createLogger(config.logLevel);
// DATABASE_URL and MEILI_URL are set: startServices only connects (services.ts `connect`).
const services = await startServices(config, logger);
const app = createApp({ config, logger, ...services, webDir });
const server = await listen(app, config.http.host, config.http.port);

let isStopping = false;
async function stop() {
  if (isStopping) return;
  isStopping = true;
  await closeGracefully(server, 2000);
  await services.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

const address = server.address();
if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
process.stdout.write(`${readyPrefix}${JSON.stringify({ pid: process.pid, port: address.port })}\n`);
