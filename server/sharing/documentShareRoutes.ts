import { Router, type Request } from 'express';
import { auditContextOf } from '../audit/record';
import type { Db } from '../db';
import { documentSubject } from '../documents/presenter';
import { findDocument } from '../documents/service';
import { schemeIdOf } from '../folders/tree';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { authorize } from '../policies';
import { presentShareLink, type LinkContext } from './presenter';
import { expirySchema, sharedDocumentParams } from './schema';
import { documentReach } from './schemePages';
import { liveShareLink, regenerateShareLink, setShareExpiry } from './service';

interface Deps {
  db: Db;
  baseUrlOf(req: Request): string;
  linkContextOf(req: Request): Promise<LinkContext>;
}

/** A document's public link, for agents (read it) and editors (replace it, set its expiry, see its reach). */
export function documentShareRoutes(deps: Deps) {
  const router = Router();
  const { db, baseUrlOf, linkContextOf } = deps;

  router.get('/api/documents/:id/share', signedIn, validate({ params: sharedDocumentParams }), async (req, res) => {
    const { id } = req.params;
    const document = await findDocument(db, id);
    authorize(currentUser(req), 'share.read', documentSubject(document));
    const link = presentShareLink(await liveShareLink(db, id), await linkContextOf(req));
    // The scheme it belongs to: the share dialog offers its page, which outlives the document's link.
    const schemeId = await schemeIdOf(db, document.folder_id);
    const scheme = schemeId ? await db('folders').where({ id: schemeId }).first('id', 'name') : undefined;
    res.json({ ...link, scheme: scheme ? { id: scheme.id as string, name: scheme.name as string } : null });
  });

  router.post('/api/documents/:id/share/regenerate', signedIn, validate({ params: sharedDocumentParams }), async (req, res) => {
    const { id } = req.params;
    authorize(currentUser(req), 'share.manage', documentSubject(await findDocument(db, id)));
    res.json(presentShareLink(await regenerateShareLink(db, id, auditContextOf(req)), await linkContextOf(req)));
  });

  router.patch('/api/documents/:id/share', signedIn, validate({ params: sharedDocumentParams, body: expirySchema }), async (req, res) => {
    const { id } = req.params;
    authorize(currentUser(req), 'share.manage', documentSubject(await findDocument(db, id)));
    const { expiresAt } = req.body;
    res.json(
      presentShareLink(await setShareExpiry(db, id, expiresAt ? new Date(expiresAt) : null, auditContextOf(req)), await linkContextOf(req)),
    );
  });

  // Before an editor stops sharing a document: how often its links were opened, and where printed codes will lead.
  router.get('/api/documents/:id/share/reach', signedIn, validate({ params: sharedDocumentParams }), async (req, res) => {
    const { id } = req.params;
    authorize(currentUser(req), 'document.update', documentSubject(await findDocument(db, id)));
    const reach = await documentReach(db, id);
    res.json({
      opensLast30Days: reach.opensLast30Days,
      schemePage: reach.schemePage ? { name: reach.schemePage.name, url: `${baseUrlOf(req)}/p/${reach.schemePage.token}` } : null,
    });
  });

  return router;
}
