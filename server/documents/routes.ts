import { recordConsultation } from '../search/home';
import type { Logger } from '../logger';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { auditContextOf } from '../audit/record';
import type { Config } from '../config';
import type { Db } from '../db';
import { ValidationError } from '../errors';
import { loadFolderTree } from '../folders/tree';
import { currentUser, signedIn } from '../http/access';
import { authorize } from '../policies';
import type { Storage } from '../../storage';
import { sendStoredFile } from './fileResponse';
import { documentSubject, presentDocument, presentVersion } from './presenter';
import { createDocumentFieldsSchema, documentIdParams, fileQuery, idempotencyKeySchema, listQuery, updateDocumentSchema } from './schema';
import {
  addVersion,
  authorizeNewVersion,
  authorizeUpload,
  createDocument,
  deleteDocument,
  discardUpload,
  findDocument,
  findVersion,
  listDocuments,
  listVersions,
  updateDocument,
} from './service';
import { singleFileUpload, type StoredUpload } from './uploadEngine';

/** Documents and their versions: upload, read, edit, archive, delete, download. */
export function documentRoutes(deps: { db: Db; storage: Storage; config: Config; logger: Logger }) {
  const router = Router();
  const { db, storage } = deps;
  const maxBytes = deps.config.uploads.maxBytes;

  const uploadDocument = singleFileUpload({
    db,
    storage,
    maxBytes,
    beforeStore: async (req) => authorizeUpload(db, currentUser(req), createDocumentFieldsSchema.parse(req.body)),
  });
  const uploadVersion = singleFileUpload({
    db,
    storage,
    maxBytes,
    beforeStore: async (req) => authorizeNewVersion(db, currentUser(req), documentIdParams.parse(req.params).id),
  });

  /** The stored upload, recorded by `record`; the object is removed if recording fails. */
  async function recordUpload<T>(req: Request, record: (upload: StoredUpload) => Promise<T>): Promise<T> {
    const upload = req.file as unknown as StoredUpload | undefined;
    if (!upload?.storageKey) throw new ValidationError('file : Joignez un fichier (champ « file »), après les autres champs.');
    try {
      return await record(upload);
    } catch (error) {
      await discardUpload(storage, db, upload);
      throw error;
    }
  }

  const present = async (req: Request, documentId: string) =>
    presentDocument(await findDocument(db, documentId), await loadFolderTree(db), currentUser(req));

  router.get('/api/documents', signedIn, async (req, res) => {
    const filter = listQuery.parse(req.query);
    const [rows, folders] = await Promise.all([listDocuments(db, currentUser(req), filter), loadFolderTree(db)]);
    res.json({ documents: rows.map((row) => presentDocument(row, folders, currentUser(req))) });
  });

  router.get('/api/documents/recent', signedIn, async (req, res) => {
    const [rows, folders] = await Promise.all([listDocuments(db, currentUser(req), { publishedOnly: true, limit: 30 }), loadFolderTree(db)]);
    res.json({ documents: rows.map((row) => presentDocument(row, folders, currentUser(req))) });
  });

  router.post('/api/documents', signedIn, uploadDocument, async (req, res) => {
    const user = currentUser(req);
    const fields = createDocumentFieldsSchema.parse(req.body);
    const document = await recordUpload(req, (upload) => createDocument(db, user, fields, upload, auditContextOf(req), idempotencyKeySchema.parse(req.get('idempotency-key'))));
    // A retry of an upload already recorded: the first document, and this copy of the file goes.
    if (document.isReplay) {
      await discardUpload(storage, db, req.file as unknown as StoredUpload);
      res.set('Idempotent-Replayed', 'true');
    }
    res.status(201).json({ document: await present(req, document.id) });
  });

  router.get('/api/documents/:id', signedIn, async (req, res) => {
    const { id } = documentIdParams.parse(req.params);
    const document = await findDocument(db, id);
    authorize(currentUser(req), 'document.read', documentSubject(document));
    res.json({ document: await present(req, id) });
  });

  router.patch('/api/documents/:id', signedIn, async (req, res) => {
    const { id } = documentIdParams.parse(req.params);
    const input = updateDocumentSchema.parse(req.body);
    await updateDocument(db, currentUser(req), id, input, auditContextOf(req));
    res.json({ document: await present(req, id) });
  });

  router.delete('/api/documents/:id', signedIn, async (req, res) => {
    const { id } = documentIdParams.parse(req.params);
    await deleteDocument(db, currentUser(req), id, auditContextOf(req));
    res.status(204).end();
  });

  router.post('/api/documents/:id/versions', signedIn, uploadVersion, async (req, res) => {
    const { id } = documentIdParams.parse(req.params);
    await recordUpload(req, (upload) => addVersion(db, currentUser(req), id, upload, auditContextOf(req)));
    res.status(201).json({ document: await present(req, id) });
  });

  router.get('/api/documents/:id/versions', signedIn, async (req, res) => {
    const { id } = documentIdParams.parse(req.params);
    authorize(currentUser(req), 'document.readHistory', documentSubject(await findDocument(db, id)));
    res.json({ versions: (await listVersions(db, id)).map(presentVersion) });
  });

  const serveFile = async (req: Request, res: Response, next: NextFunction) => {
    const { id } = documentIdParams.parse(req.params);
    const { version: number } = fileQuery.parse(req.query);
    const user = currentUser(req);
    const document = await findDocument(db, id);
    authorize(user, 'document.read', documentSubject(document));
    if (number !== undefined && number !== document.version_number) authorize(user, 'document.readHistory', documentSubject(document));
    const version = await findVersion(db, id, number);
    // An agent opening the current file of a published document: the home's "most consulted".
    if (req.method === 'GET' && number === undefined && document.status === 'published') void recordConsultation(deps, id);
    await sendStoredFile(req, res, storage, version).catch(next);
  };
  router.get('/api/documents/:id/file', signedIn, serveFile);
  router.head('/api/documents/:id/file', signedIn, serveFile);

  return router;
}
