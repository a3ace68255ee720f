import { recordConsultation } from '../search/home';
import type { Logger } from '../logger';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { auditContextOf } from '../audit/record';
import type { Config } from '../config';
import type { Db } from '../db';
import { ValidationError } from '../errors';
import { loadFolderTree } from '../folders/tree';
import { currentUser, signedIn } from '../http/access';
import { validate } from '../http/validate';
import { authorize } from '../policies';
import type { Storage } from '../../storage';
import { sendStoredFile } from './fileResponse';
import { documentSubject, presentDocument, presentVersion, type DocumentRow } from './presenter';
import {
  createDocumentFieldsSchema,
  documentIdParams,
  fileQuery,
  idempotencyKeySchema,
  listQuery,
  updateDocumentSchema,
  type FileQuery,
} from './schema';
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

/** The stored upload, recorded by `record`; the object is removed if recording fails. */
async function recordUpload<T>(
  { db, storage }: { db: Db; storage: Storage },
  req: Pick<Request, 'file'>,
  record: (upload: StoredUpload) => Promise<T>,
): Promise<T> {
  const upload = req.file as unknown as StoredUpload | undefined;
  if (!upload?.storageKey) throw new ValidationError('file : Joignez un fichier (champ « file »), après les autres champs.');
  try {
    return await record(upload);
  } catch (error) {
    await discardUpload(storage, db, upload);
    throw error;
  }
}

/** Documents and their versions: upload, read, edit, archive, delete, download. */
export function documentRoutes(deps: { db: Db; storage: Storage; config: Config; logger: Logger }) {
  const router = Router();
  const { db, storage } = deps;
  const maxBytes = deps.config.uploads.maxBytes;

  const uploadDocument = singleFileUpload({
    db,
    storage,
    maxBytes,
    fields: createDocumentFieldsSchema,
    beforeStore: async (req) => authorizeUpload(db, currentUser(req), req.body),
  });
  const uploadVersion = singleFileUpload<{ id: string }>({
    db,
    storage,
    maxBytes,
    beforeStore: async (req) => authorizeNewVersion(db, currentUser(req), req.params.id),
  });

  const present = async (req: Pick<Request, 'user'>, document: DocumentRow) =>
    presentDocument(document, await loadFolderTree(db), currentUser(req));

  router.get('/api/documents', signedIn, validate({ query: listQuery }), async (req, res) => {
    const [rows, folders] = await Promise.all([listDocuments(db, currentUser(req), req.query), loadFolderTree(db)]);
    res.json({ documents: rows.map((row) => presentDocument(row, folders, currentUser(req))) });
  });

  router.get('/api/documents/recent', signedIn, async (req, res) => {
    const [rows, folders] = await Promise.all([
      listDocuments(db, currentUser(req), { publishedOnly: true, limit: 30 }),
      loadFolderTree(db),
    ]);
    res.json({ documents: rows.map((row) => presentDocument(row, folders, currentUser(req))) });
  });

  router.post('/api/documents', signedIn, uploadDocument, async (req, res) => {
    const user = currentUser(req);
    // A bad key is refused inside recordUpload, so that the stored file goes.
    const document = await recordUpload(deps, req, (upload) =>
      createDocument(db, user, req.body, upload, auditContextOf(req), idempotencyKeySchema.parse(req.get('idempotency-key'))),
    );
    // A retry of an upload already recorded: the first document, and this copy of the file goes.
    if (document.isReplay) {
      await discardUpload(storage, db, req.file as unknown as StoredUpload);
      res.set('Idempotent-Replayed', 'true');
    }
    res.status(201).json({ document: await present(req, document) });
  });

  router.get('/api/documents/:id', signedIn, validate({ params: documentIdParams }), async (req, res) => {
    const document = await findDocument(db, req.params.id);
    authorize(currentUser(req), 'document.read', documentSubject(document));
    res.json({ document: await present(req, document) });
  });

  router.patch('/api/documents/:id', signedIn, validate({ params: documentIdParams, body: updateDocumentSchema }), async (req, res) => {
    const { after } = await updateDocument(db, currentUser(req), req.params.id, req.body, auditContextOf(req));
    res.json({ document: await present(req, after) });
  });

  router.delete('/api/documents/:id', signedIn, validate({ params: documentIdParams }), async (req, res) => {
    await deleteDocument(db, currentUser(req), req.params.id, auditContextOf(req));
    res.status(204).end();
  });

  router.post('/api/documents/:id/versions', signedIn, validate({ params: documentIdParams }), uploadVersion, async (req, res) => {
    const document = await recordUpload(deps, req, (upload) =>
      addVersion(db, currentUser(req), req.params.id, upload, auditContextOf(req)),
    );
    res.status(201).json({ document: await present(req, document) });
  });

  router.get('/api/documents/:id/versions', signedIn, validate({ params: documentIdParams }), async (req, res) => {
    const { id } = req.params;
    authorize(currentUser(req), 'document.readHistory', documentSubject(await findDocument(db, id)));
    res.json({ versions: (await listVersions(db, id)).map(presentVersion) });
  });

  router.use(documentFileRoutes(deps));

  return router;
}

/** A document's file, current or of an earlier version (GET and HEAD). */
function documentFileRoutes(deps: { db: Db; storage: Storage; logger: Logger }) {
  const router = Router();
  const { db, storage } = deps;
  const serveFile = async (req: Request<{ id: string }, unknown, unknown, FileQuery>, res: Response, next: NextFunction) => {
    const { id } = req.params;
    const { version: number } = req.query;
    const user = currentUser(req);
    const document = await findDocument(db, id);
    authorize(user, 'document.read', documentSubject(document));
    if (number !== undefined && number !== document.version_number) authorize(user, 'document.readHistory', documentSubject(document));
    const version = await findVersion(db, id, number);
    // An agent opening the current file of a published document: the home's "most consulted".
    if (req.method === 'GET' && number === undefined && document.status === 'published') void recordConsultation(deps, id);
    await sendStoredFile(req, res, storage, version).catch(next);
  };
  const fileInput = validate({ params: documentIdParams, query: fileQuery });
  router.get('/api/documents/:id/file', signedIn, fileInput, serveFile);
  router.head('/api/documents/:id/file', signedIn, fileInput, serveFile);

  return router;
}
