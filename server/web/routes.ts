import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isPagePath } from '../../web/src/routes';
import { publicRoute } from '../http/access';

/**
 * Serves the built web app: fingerprinted assets cached for a year, index.html never cached.
 * Any other GET that asks for HTML gets index.html (404 status when no page has that path).
 */
export function webRoutes(webDir: string) {
  const router = Router();
  const indexFile = path.join(webDir, 'index.html');
  router.use('/assets', express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false, index: false }));
  router.use(express.static(webDir, { index: false, maxAge: '1h' }));
  router.get(/.*/, publicRoute('the web app (it asks the API for data)'), (req, res, next) => {
    if (!req.accepts('html') || !existsSync(indexFile)) {
      next();
      return;
    }
    res
      .status(isPagePath(req.path) ? 200 : 404)
      .set('Cache-Control', 'no-cache')
      .sendFile(indexFile);
  });
  return router;
}
