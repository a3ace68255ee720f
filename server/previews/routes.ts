import { Router } from 'express';
import type { Db } from '../db';
import { documentSubject } from '../documents/presenter';
import { documentIdParams } from '../documents/schema';
import { findDocument, findVersion } from '../documents/service';
import { NotFoundError } from '../errors';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import type { Logger } from '../logger';
import { authorize } from '../policies';
import type { Storage } from '../../storage';
import { indexedPages } from './pageText';
import type { ThumbnailLimits } from './renderThumbnail';
import { pageTextQuery, thumbnailQuery } from './schema';
import { thumbnailOf } from './thumbnails';

/** A version's bytes never change: its thumbnail may be kept by the browser for a year. */
const immutable = 'private, max-age=31536000, immutable';

/**
 * What search sees of a document: the text stored per page for its current version, and a
 * thumbnail of its first page. Both are read with the same rights as the file itself.
 */
export function previewRoutes(deps: { db: Db; storage: Storage; logger: Logger; thumbnailLimits?: ThumbnailLimits }) {
  const router = Router();
  const { db } = deps;

  router.get('/api/documents/:id/text', signedIn, validate({ params: documentIdParams, query: pageTextQuery }), async (req, res) => {
    const { id } = req.params;
    const slice = req.query;
    const document = await findDocument(db, id);
    authorize(currentUser(req), 'document.read', documentSubject(document));
    const version = document.current_version_id ? await findVersion(db, id) : undefined;
    const { total, pages } = version ? await indexedPages(db, version.id, slice) : { total: 0, pages: [] };
    res.json({
      version: version?.number ?? null,
      extractionStatus: document.version_extraction_status,
      extractionError: document.version_extraction_error,
      total,
      offset: slice.offset,
      limit: slice.limit,
      pages,
    });
  });

  router.get('/api/documents/:id/thumbnail', signedIn, validate({ params: documentIdParams, query: thumbnailQuery }), async (req, res) => {
    const { id } = req.params;
    const { version: number } = req.query;
    const user = currentUser(req);
    const document = await findDocument(db, id);
    authorize(user, 'document.read', documentSubject(document));
    if (number !== undefined && number !== document.version_number) authorize(user, 'document.readHistory', documentSubject(document));
    const version = await findVersion(db, id, number);
    // The current version's picture moves with it: asked again each time (a 304 while it has not
    // changed); a numbered version's picture never changes.
    const cacheControl = number === undefined ? 'private, no-cache' : immutable;
    const etag = `"thumbnail-${version.sha256}"`;
    if (req.get('if-none-match') === etag) {
      res.status(304).set({ 'Cache-Control': cacheControl, ETag: etag }).end();
      return;
    }
    const thumbnail = await thumbnailOf(deps, version);
    if (!thumbnail.image) throw new NotFoundError("Ce document n'a pas d'aperçu.");
    res.set({
      'Content-Type': thumbnail.mimeType,
      'Cache-Control': cacheControl,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
    });
    res.send(thumbnail.image);
  });

  return router;
}
