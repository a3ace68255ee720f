import { Router, type Request, type RequestHandler, type Response } from 'express';
import { auditContextOf } from '../audit/record';
import type { Config } from '../config';
import type { Db } from '../db';
import { NotFoundError } from '../errors';
import { availabilityOf } from '../folders/availability';
import { folderSubject } from '../folders/service';
import { findFolder } from '../folders/rows';
import { currentUser, publicRoute, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { authorize } from '../policies';
import type { MaisonForCitizens } from './maisonParameter';
import { publicContactOf, unknownSharePage } from './pages';
import { goneSchemePage, schemePublicPage } from './schemePageView';
import { liveSchemePage, regenerateSchemePage, resolveSchemeToken, schemeReach } from './schemePages';
import { presentPublicLink, type LinkContext } from './presenter';
import { schemeFolderParams } from './schema';
import { countOpen, tokenPattern } from './service';

interface Deps {
  db: Db;
  config: Config;
  sessionSecret: string;
  limiter: RequestHandler;
  publicHeaders(res: Response): Response;
  linkContextOf(req: Request): Promise<LinkContext>;
  maisonOf(req: Request): Promise<MaisonForCitizens | null>;
}

type LiveScheme = Extract<Awaited<ReturnType<typeof resolveSchemeToken>>, { status: 'live' }>['scheme'];

/** What the citizen's page of a scheme shows. */
function schemePageOf(scheme: LiveScheme, maison: MaisonForCitizens | null) {
  return {
    name: scheme.name,
    promise: scheme.scheme_promise ?? '',
    summary: scheme.scheme_summary ?? '',
    amount: scheme.scheme_amount ?? '',
    audiences: scheme.scheme_audiences,
    aidTypes: scheme.scheme_aid_types,
    availability: availabilityOf({
      opensOn: scheme.scheme_opens_on,
      closesOn: scheme.scheme_closes_on,
      isPermanent: scheme.scheme_is_permanent,
    }),
    opensOn: scheme.scheme_opens_on,
    closesOn: scheme.scheme_closes_on,
    applyUrl: scheme.apply_url,
    infoUrl: scheme.info_url,
    contact: publicContactOf(
      { name: scheme.referent_name, service: scheme.referent_service, email: scheme.referent_email, phone: scheme.referent_phone },
      scheme.referent_public_fields,
    ),
    maison,
    // The citizen sees the date of a current verification only: past due, the line is left out, never "à vérifier".
    verifiedOn: scheme.is_verification_current ? scheme.verified_at : null,
    documents: scheme.documents.map((document) => ({
      title: document.title,
      summary: document.summary,
      updatedAt: new Date(document.updatedAt),
      fileType: document.fileType,
      readUrl: `/s/${document.token}/file`,
      downloadUrl: `/s/${document.token}/file?download=1`,
    })),
  };
}

/** A scheme's public page: its link for agents and editors, and the page for citizens (`/p/:token`). */
export function schemeRoutes(deps: Deps) {
  const router = Router();
  const { db, config } = deps;
  const region = config.region;

  /** The scheme a folder id names (a folder without a card has no page: 404). */
  async function schemeFolder(req: Request<{ id: string }>) {
    const { id } = req.params;
    const folder = await findFolder(db, id);
    if (!folder.is_scheme) throw new NotFoundError("Ce dossier n'est pas un dispositif : il n'a pas de page publique.");
    return folder;
  }

  router.get('/api/folders/:id/share', signedIn, validate({ params: schemeFolderParams }), async (req, res) => {
    const folder = await schemeFolder(req);
    authorize(currentUser(req), 'folder.read', folderSubject(folder));
    const page = await liveSchemePage(db, folder.id);
    res.json(presentPublicLink(`/p/${page.token}`, page, await deps.linkContextOf(req)));
  });

  router.post('/api/folders/:id/share/regenerate', signedIn, validate({ params: schemeFolderParams }), async (req, res) => {
    const folder = await schemeFolder(req);
    authorize(currentUser(req), 'folder.update', folderSubject(folder));
    const page = await regenerateSchemePage(db, folder.id, auditContextOf(req));
    res.json(presentPublicLink(`/p/${page.token}`, page, await deps.linkContextOf(req)));
  });

  // Before an editor archives a scheme: how often its page and its documents' links were opened.
  router.get('/api/folders/:id/share/reach', signedIn, validate({ params: schemeFolderParams }), async (req, res) => {
    const folder = await schemeFolder(req);
    authorize(currentUser(req), 'folder.update', folderSubject(folder));
    res.json(await schemeReach(db, folder.id));
  });

  router.get('/p/:token', publicRoute('the public page of a scheme'), deps.limiter, async (req, res) => {
    deps.publicHeaders(res);
    const token = String(req.params.token);
    // A malformed token never reaches the database.
    const resolved = tokenPattern.test(token) ? await resolveSchemeToken(db, token) : ({ status: 'unknown' } as const);
    if (resolved.status === 'unknown') {
      res.status(404).type('html').send(unknownSharePage(region.name, region.contact));
      return;
    }
    if (resolved.status === 'gone') {
      res
        .status(410)
        .type('html')
        .send(goneSchemePage(region.name, region.contact, resolved.reason));
      return;
    }
    const scheme = resolved.scheme;
    const [maison] = await Promise.all([
      deps.maisonOf(req),
      countOpen(
        db,
        { kind: 'scheme', id: scheme.link_id },
        { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' },
        deps.sessionSecret,
      ),
    ]);
    res
      .status(200)
      .type('html')
      .send(schemePublicPage(region.name, schemePageOf(scheme, maison)));
  });

  return router;
}
