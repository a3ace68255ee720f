import express, { type Express } from 'express';
import helmet from 'helmet';
import { auditRoutes } from './audit/routes';
import { devAuthRoutes } from './auth/devRoutes';
import { authRoutes } from './auth/routes';
import { samlPaths } from './auth/samlRoutes';
import { csrfProtection, loadUser, sessionMiddleware } from './auth/session';
import type { Config } from './config';
import type { Db } from './db';
import type { EmbeddedService } from './embedded/service';
import { NotFoundError } from './errors';
import { documentRoutes } from './documents/routes';
import { folderRoutes } from './folders/routes';
import { healthRoutes } from './health/routes';
import { httpMetrics, watchQueue } from './metrics';
import { metricsRoutes } from './metrics/routes';
import { requestDeadline } from './http/deadline';
import { errorMiddleware } from './http/errorMiddleware';
import { requestLogger } from './http/requestLogger';
import { untrustedProxyWarning } from './http/untrustedProxy';
import type { Logger } from './logger';
import { jobRoutes } from './jobs/routes';
import { openApiRoutes } from './openapi/routes';
import { placeRoutes } from './places/routes';
import { previewRoutes } from './previews/routes';
import { digestRoutes } from './digest/routes';
import { reportRoutes } from './reports/routes';
import { earlySearch, searchRoutes } from './search/routes';
import { insightsRoutes } from './insights/routes';
import { newsRoutes } from './news/routes';
import { sharingRoutes } from './sharing/routes';
import { userRoutes } from './users/routes';
import { webRoutes } from './web/routes';
import type { Search } from '../search';
import type { Storage } from '../storage';

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Db;
  search: Search;
  storage: Storage;
  /** The embedded services this process runs, when it runs any (their state shows in /readyz). */
  embedded?: EmbeddedService[];
  /** Directory of the built web app; omitted, the API runs alone. */
  webDir?: string;
  /** The PostgreSQL the sessions are kept in (the same database as `db`). */
  databaseUrl: string;
  /** Signs the session cookie; the same on every instance. */
  sessionSecret: string;
}

/** Ends the connections the app holds of its own (sessions), once it no longer serves requests. */
export async function closeApp(app: Express): Promise<void> {
  await (app.locals.close as () => Promise<void>)();
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // TRUST_PROXY: only these peers may say who the client is and whether it came over HTTPS.
  app.set('trust proxy', deps.config.http.trustProxy);
  // First of all: an agent's search leaves for Meilisearch before anything else is done with the
  // request (it is still logged, measured and answered only once signed in; see earlySearch).
  app.use(earlySearch(deps));
  app.use(requestLogger(deps.logger));
  app.use(
    untrustedProxyWarning({
      logger: deps.logger,
      isProduction: deps.config.isProduction,
      trustsNoProxy: deps.config.http.trustProxy === false,
    }),
  );
  app.use(httpMetrics);
  watchQueue(deps.db);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  // A report's comment is bounded by its schema (2,000 characters): an over-long one, even of accented
  // letters (two bytes each), gets that field's 400 rather than a bare 413.
  app.use('/api/reports', express.json({ limit: '1mb' }));
  app.use(express.json({ limit: '100kb' }));
  const sessions = sessionMiddleware(deps);
  app.locals.close = sessions.close;

  app.use(healthRoutes(deps));
  app.use(metricsRoutes(deps.config));
  // /healthz, /readyz and /metrics above have bounds of their own.
  app.use(requestDeadline({ timeoutMs: deps.config.http.requestTimeoutMs, db: deps.db, logger: deps.logger }));
  app.use(['/api', '/auth'], sessions, loadUser(deps), csrfProtection([samlPaths.acs, samlPaths.logoutCallback], ['/auth/dev-login']));
  app.use(openApiRoutes());
  app.use(authRoutes(deps));
  app.use(folderRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(digestRoutes(deps));
  app.use(placeRoutes(deps));
  app.use(sharingRoutes(deps));
  app.use(searchRoutes(deps));
  app.use(insightsRoutes(deps));
  app.use(newsRoutes(deps));
  app.use(jobRoutes(deps));
  app.use(userRoutes(deps));
  app.use(auditRoutes(deps));
  app.use(documentRoutes(deps));
  app.use(previewRoutes(deps));
  if (deps.config.auth.mode === 'dev')
    app.use(devAuthRoutes({ db: deps.db, signInRateLimitPerMinute: deps.config.signInRateLimitPerMinute }));
  app.use(['/api', '/auth'], () => {
    throw new NotFoundError("Cette adresse de l'API n'existe pas.");
  });
  if (deps.webDir) app.use(webRoutes(deps.webDir));
  app.use(() => {
    throw new NotFoundError('Cette page est introuvable.');
  });
  app.use(errorMiddleware(deps));
  return app;
}
