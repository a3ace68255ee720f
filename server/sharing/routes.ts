import { Router, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import type { Db } from '../db';
import { sendStoredFile } from '../documents/fileResponse';
import { currentUser, publicRoute } from '../http/access';
import type { Logger } from '../logger';
import { signedFileRoutes, type Disposition, type SignedFile, type Storage } from '../../storage';
import { forbiddenFilePage, goneSharePage, pageCsp, sharedDocumentPage, tooManyRequestsPage, unknownSharePage } from './pages';
import { findMaisonForCitizens, maisonOfUser, signMaison, verifyMaison, type MaisonForCitizens } from './maisonParameter';
import { presentSharedDocument, type LinkContext } from './presenter';
import { documentShareRoutes } from './documentShareRoutes';
import { schemeRoutes } from './schemeRoutes';
import { countOpen, resolveToken, tokenPattern, type SharedDocument } from './service';

// Citizens: no session, no cookie; rate-limited per IP; never indexed by search engines.
const publicHeaders = (res: Response) =>
  res.set({
    'X-Robots-Tag': 'noindex, nofollow',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': pageCsp,
    'Cache-Control': 'no-store',
  });

/** The per-IP bound of the public pages and files: past it, a page that says to wait. */
function publicLimiter(limitPerMinute: number, regionName: string) {
  return rateLimit({
    windowMs: 60000,
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Which peers may name the client (X-Forwarded-For) is TRUST_PROXY's decision (server/config.ts).
    validate: { xForwardedForHeader: false },
    handler: (_req, res) => void publicHeaders(res).status(429).type('html').send(tooManyRequestsPage(regionName)),
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The version a signed file URL names, while it is still shared right now through the very link
 * the URL was issued for: a link revoked or regenerated a minute ago does not keep serving through
 * an earlier signed URL.
 */
async function sharedFile(db: Db, file: SignedFile) {
  if (!uuidPattern.test(file.grant)) return undefined;
  return db('versions as v')
    .join('documents as d', 'd.id', 'v.document_id')
    .join('share_links as l', 'l.document_id', 'd.id')
    .where('v.storage_key', file.key)
    .where('l.id', file.grant)
    .whereNull('v.storage_deleted_at')
    .whereNull('d.deleted_at')
    .where({ 'd.status': 'published', 'd.scope': 'external' })
    .whereNull('l.revoked_at')
    .where((w) => w.whereNull('l.expires_at').orWhere('l.expires_at', '>', db.fn.now()))
    .first('v.storage_key', 'v.original_filename', 'v.file_type', 'v.mime_type', 'v.size_bytes', 'v.sha256');
}

/** The local driver's signed file URLs, served while the link they were issued for is live. */
function localSignedFiles(db: Db, storage: Storage, region: Config['region'], limiter: RequestHandler) {
  return signedFileRoutes(storage, {
    before: [publicRoute('a signed file URL of the local storage driver'), limiter],
    refuse: (_req, res) => void publicHeaders(res).status(403).type('html').send(forbiddenFilePage(region.name)),
    serve: async (req, res, file) => {
      const version = await sharedFile(db, file);
      if (!version) {
        publicHeaders(res).status(410).type('html').send(goneSharePage(region.name, region.contact));
        return;
      }
      res.set({ 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' });
      await sendStoredFile(req, res, storage, version, file.disposition);
    },
  });
}

/** Public links of external documents: for agents (the link), and for citizens (the page, the file). */
export function sharingRoutes(deps: { db: Db; storage: Storage; config: Config; sessionSecret: string; logger: Logger }) {
  const router = Router();
  const { db, storage, config } = deps;
  const region = config.region;
  const baseUrlOf = (req: Request) => (config.http.publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/$/, '');
  async function linkContextOf(req: Request): Promise<LinkContext> {
    const maison = await maisonOfUser(db, currentUser(req).maisonId);
    return {
      baseUrl: baseUrlOf(req),
      isPublicUrlMissing: !config.http.publicUrl,
      maison: maison ? { ...maison, parameter: signMaison(deps.sessionSecret, maison.code) } : null,
    };
  }
  /** The Maison of a signed `?maison=` parameter; a forged one is ignored and logged. */
  async function maisonOf(req: Request): Promise<MaisonForCitizens | null> {
    const verified = verifyMaison(deps.sessionSecret, req.query.maison);
    if (verified === 'absent') return null;
    if (verified === 'forged') {
      deps.logger.warn({ path: req.path.replace(/[^/]+$/, ':token'), ip: req.ip }, 'forged maison parameter ignored');
      return null;
    }
    return findMaisonForCitizens(db, verified.code);
  }

  router.use(documentShareRoutes({ db, baseUrlOf, linkContextOf }));

  const limiter = publicLimiter(config.sharing.rateLimitPerMinute, region.name);

  /** The shared document of a well-formed live token, or the page that says why not (a malformed token never reaches the database). */
  async function sharedOr404(req: Request, res: Response): Promise<SharedDocument | undefined> {
    publicHeaders(res);
    const token = String(req.params.token);
    const resolved = tokenPattern.test(token) ? await resolveToken(db, token) : ({ status: 'unknown' } as const);
    if (resolved.status === 'live') return resolved.shared;
    if (resolved.status === 'unknown') res.status(404).type('html').send(unknownSharePage(region.name, region.contact));
    else {
      const schemePage = resolved.schemePage ? { name: resolved.schemePage.name, url: `/p/${resolved.schemePage.token}` } : null;
      res
        .status(410)
        .type('html')
        .send(goneSharePage(region.name, region.contact, { reason: resolved.reason, schemePage }));
    }
    return undefined;
  }

  router.get('/s/:token', publicRoute('the public page of a shared document'), limiter, async (req, res) => {
    const shared = await sharedOr404(req, res);
    if (!shared) return;
    await countOpen(
      db,
      { kind: 'document', id: shared.id },
      { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' },
      deps.sessionSecret,
    );
    const maison = await maisonOf(req);
    res
      .status(200)
      .type('html')
      .send(sharedDocumentPage(region.name, presentSharedDocument(shared, maison, req.query.maison)));
  });

  router.get(
    '/s/:token/file',
    publicRoute('the file of a shared document, through a short-lived signed URL'),
    limiter,
    async (req, res) => {
      const shared = await sharedOr404(req, res);
      if (!shared) return;
      const disposition: Disposition =
        req.query.download === '1' || !['pdf', 'png', 'jpeg'].includes(shared.file_type) ? 'attachment' : 'inline';
      // The share link is the grant: a local URL serves only while that very link is live (sharedFile).
      const url = await storage.presignedGetUrl(shared.storage_key, {
        expiresInSeconds: config.sharing.signedUrlTtlSeconds,
        filename: shared.original_filename,
        contentType: shared.mime_type,
        disposition,
        grant: shared.id,
      });
      res.redirect(302, url);
    },
  );

  // The local driver's signed file URLs (S3 serves its own).
  router.use(localSignedFiles(db, storage, region, limiter));

  router.use(schemeRoutes({ ...deps, limiter, publicHeaders, linkContextOf, maisonOf }));

  return router;
}
