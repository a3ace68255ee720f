import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeApp, createApp } from './app';
import { loadConfig, type Config } from './config';
import { ConfigError } from './errors';
import { migrateLatest } from './db';
import { assertPortFree, closeGracefully, listen } from './http/listen';
import { startWorker } from './jobs/worker';
import { createJobHandlers, recurringJobs } from './jobs/handlers';
import { createLogger } from './logger';
import { enqueueSettings } from './search/enqueue';
import { seed, seedsDemoUsers } from './seed';
import { loadDemoCatalogue } from './seed/demo/load';
import { startServices, type Services } from './services';
import { ensureWebBuild } from './web/build';
import { prepareUnderstanding } from '../search';

/**
 * `npm start`: the whole app (HTTP + job worker) on the configured services, or on the embedded
 * default for each one left unconfigured. `npm run worker`: the job worker alone.
 */
const isWorkerOnly = process.argv.includes('--worker');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);

/** One line on stderr for a person at the terminal, the details in the structured log. */
function fail(error: unknown): never {
  logger.fatal({ err: error }, 'could not start');
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

/**
 * The demo catalogue of a new embedded install. Its documents are extracted and indexed by the
 * worker, like uploads, within the first minute. A failure leaves the app starting without it
 * (`npm run seed` completes it: loading adds only what is missing).
 */
async function loadDemoCatalogueOnFirstStart(services: Services) {
  const startedAt = Date.now();
  try {
    const loaded = await loadDemoCatalogue(services);
    logger.info(
      { ...loaded, ms: Date.now() - startedAt },
      `demo catalogue loaded: ${loaded.schemes} schemes, ${loaded.documents} documents (DEMO_CATALOGUE=off skips it)`,
    );
  } catch (error) {
    logger.error({ err: error }, 'demo catalogue not loaded (npm run seed loads what is missing)');
  }
}

async function main() {
  const startedAt = Date.now();
  if (!isWorkerOnly) await assertPortFree(config.http.host, config.http.port);
  const services = await startServices(config, logger, { attachToRunningApp: isWorkerOnly });
  let isStopping = false;
  const stop = async (reason: string, code: number) => {
    if (isStopping) {
      // A second signal during the shutdown (a supervisor insisting) must not kill the process mid-way.
      logger.info({ reason }, 'already stopping');
      return;
    }
    isStopping = true;
    logger.info({ reason }, 'stopping');
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(code || 1);
    }, config.shutdownTimeoutMs + 15000);
    deadline.unref();
    if (server) await closeGracefully(server, config.shutdownTimeoutMs);
    await worker?.stop(config.shutdownTimeoutMs);
    // Every connection ended before PostgreSQL stops: a clean stop logs no warning.
    if (app) await closeApp(app);
    await services.stop();
    logger.info('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void stop('uncaught exception', 1);
  });

  let server: Awaited<ReturnType<typeof listen>> | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  let worker: ReturnType<typeof startWorker> | undefined;
  try {
    const applied = await migrateLatest(services.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    if (services.isFreshEmbeddedDatabase) {
      logger.info({ added: await seed(services.db, { demoUsers: seedsDemoUsers(config) }) }, 'demo data seeded on first start');
      if (config.loadsDemoCatalogue) await loadDemoCatalogueOnFirstStart(services);
    }
    // Index settings are applied by the worker (and again whenever Meilisearch was unreachable).
    await enqueueSettings(services.db);
    if (!isWorkerOnly) {
      const webDir = config.isProduction ? path.join(root, 'dist', 'web') : await ensureWebBuild(root, logger);
      app = createApp({ config, logger, ...services, webDir });
      server = await listen(app, config.http.host, config.http.port);
    }
    if (isWorkerOnly || config.worker.enabled) {
      worker = startWorker({
        db: services.db,
        logger,
        handlers: createJobHandlers({ ...services, logger, config }),
        recurring: recurringJobs(config),
        concurrency: config.worker.concurrency,
        leaseSeconds: config.worker.leaseSeconds,
        outageRetryMaxSeconds: config.worker.outageRetryMaxSeconds,
      });
    }
  } catch (error) {
    await services.stop();
    throw error;
  }
  const address = server?.address();
  const url = address && typeof address === 'object' ? `http://${config.http.host}:${address.port}` : undefined;
  logger.info({ url, ms: Date.now() - startedAt, worker: Boolean(worker) }, isWorkerOnly ? 'worker ready' : 'ready');
  // Once ready: the first visitor's query then finds the lexicons read.
  if (server) setImmediate(prepareUnderstanding);
  // Plain lines for the person who ran `npm start`, whatever LOG_LEVEL says.
  if (url) {
    const publicUrlLine = config.http.publicUrl
      ? ''
      : `PUBLIC_URL n'est pas défini : les liens de partage et les QR codes pointeront vers ${url}, qu'aucun téléphone ne peut ouvrir.\n`;
    process.stdout.write(`\nL'info pour tous est prêt : ${url}\n${publicUrlLine}\n`);
  }
}

main().catch(fail);
