import { Router } from 'express';
import { auditContextOf } from '../audit/record';
import type { Db } from '../db';
import { ForbiddenError } from '../errors';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { authorize } from '../policies';
import { presentFolder } from './presenter';
import { createFolderSchema, folderIdParams, updateFolderSchema, verificationQueueQuery } from './schema';
import { schemesToVerify, verifyScheme } from './verification';
import { createFolder, deleteFolder, folderSubject, updateFolder } from './service';
import { findFolder, listFolders } from './rows';
import { loadFolderTree } from './tree';

/** The thematic tree: themes, schemes (folders with a scheme card) and their sub-folders. */
export function folderRoutes(deps: { db: Db }) {
  const router = Router();
  const { db } = deps;

  router.get('/api/folders', signedIn, async (req, res) => {
    const user = currentUser(req);
    const folders = await listFolders(db);
    res.json({ folders: folders.map((row) => presentFolder(row, user)) });
  });

  router.get('/api/folders/:id', signedIn, validate({ params: folderIdParams }), async (req, res) => {
    const user = currentUser(req);
    const { id } = req.params;
    const folder = await findFolder(db, id);
    authorize(user, 'folder.read', folderSubject(folder));
    const tree = await loadFolderTree(db);
    res.json({
      folder: presentFolder(folder, user),
      path: tree.pathTo(id).map((parent) => ({ id: parent.id, name: parent.name })),
      children: tree.childrenOf(id).map((row) => presentFolder(row, user)),
    });
  });

  router.post('/api/folders/:id/verification', signedIn, validate({ params: folderIdParams }), async (req, res) => {
    const user = currentUser(req);
    const { id } = req.params;
    const folder = await verifyScheme(db, user, id, auditContextOf(req));
    res.json({ folder: presentFolder(folder, user) });
  });

  // The editor's queue: their directorate's schemes overdue or soon due (an admin: any directorate, or all).
  router.get('/api/verifications/due', signedIn, validate({ query: verificationQueueQuery }), async (req, res) => {
    const user = currentUser(req);
    const { directorateId } = req.query;
    if (user.role === 'agent') throw new ForbiddenError();
    const scope = user.role === 'admin' ? (directorateId ?? null) : user.directorateId;
    if (user.role === 'editor' && directorateId && directorateId !== user.directorateId) throw new ForbiddenError();
    res.json({ schemes: await schemesToVerify(db, scope) });
  });

  router.post('/api/folders', signedIn, validate({ body: createFolderSchema }), async (req, res) => {
    const user = currentUser(req);
    const folder = await createFolder(db, user, req.body, auditContextOf(req));
    res.status(201).json({ folder: presentFolder(folder, user) });
  });

  router.patch('/api/folders/:id', signedIn, validate({ params: folderIdParams, body: updateFolderSchema }), async (req, res) => {
    const user = currentUser(req);
    const { after } = await updateFolder(db, user, req.params.id, req.body, auditContextOf(req));
    res.json({ folder: presentFolder(after, user) });
  });

  router.delete('/api/folders/:id', signedIn, validate({ params: folderIdParams }), async (req, res) => {
    await deleteFolder(db, currentUser(req), req.params.id, auditContextOf(req));
    res.status(204).end();
  });

  return router;
}
