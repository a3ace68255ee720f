import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { closeGracefully, listen } from '../server/http/listen';
import { createLogger } from '../server/logger';
import { startServices } from '../server/services';

/**
 * The app alone in its own process, for `npm run bench:upload` (bench/upload.ts), so that its
 * memory is measured without the benchmark's own. Configured from the environment like
 * `npm start` (DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY, S3_* or DATA_DIR…), but on services
 * the benchmark started: no embedded service, no migration, no seed, no job worker, no web app.
 * Once listening, prints one line `upload-server-ready {"pid":…,"port":…}` on stdout.
 */

const readyPrefix = 'upload-server-ready ';

const config = loadConfig();
const logger = createLogger(config.logLevel);
// DATABASE_URL and MEILI_URL are set: startServices only connects (services.ts `connect`).
const services = await startServices(config, logger);
const app = createApp({ config, logger, ...services });
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
