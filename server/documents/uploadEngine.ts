import type { Request, RequestHandler } from 'express';
import type { ParamsDictionary } from 'express-serve-static-core';
import multer, { type StorageEngine } from 'multer';
import { ZodError } from 'zod';
import type { Db } from '../db';
import { isConnectionError } from '../db';
import { AppError, PayloadTooLargeError, ValidationError } from '../errors';
import { fromServiceError } from '../serviceErrors';
import { newStorageKey, type Storage } from '../../storage';
import { sanitizeFilename } from './filenames';
import { storeInspected, type InspectedFile } from './inspect';

/** Checks the form's fields (a zod schema): what it returns becomes `req.body`. */
interface FieldsParser<B> {
  parse(input: unknown): B;
}

interface UploadDeps<P, B> {
  db: Db;
  storage: Storage;
  maxBytes: number;
  /** The form's fields, parsed once (before the file is stored, or after the form when it has no file). */
  fields?: FieldsParser<B>;
  /** Authorizes the upload, with the parsed fields on `req.body`, before any byte is stored. */
  beforeStore: (req: Request<P, unknown, B>) => Promise<void>;
}

/** What multer puts on req.file once the upload is stored. */
export interface StoredUpload extends InspectedFile {
  storageKey: string;
  originalFilename: string;
}

export const maxSizeMessage = (maxBytes: number) => `Le fichier dépasse la taille maximale de ${Math.round(maxBytes / 1024 / 1024)} Mo.`;

/**
 * A multer storage engine that streams each file straight to our storage driver (never to memory
 * or a temporary disk copy), after `beforeStore` has validated the fields and authorized the
 * upload. An upload intent is committed first, so that an object whose version never gets
 * recorded (crash, database failure) is found and removed by the cleanup job.
 */
class StreamingEngine<P, B> implements StorageEngine {
  constructor(private readonly deps: UploadDeps<P, B>) {}

  _handleFile(req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    const { db, storage } = this.deps;
    const storageKey = newStorageKey();
    let isIntentWritten = false;
    // Past the size limit busboy truncates the stream (possibly before we start storing): never keep it.
    let isTooLarge = false;
    let isStoring = false;
    const tooLarge = () => new PayloadTooLargeError(maxSizeMessage(this.deps.maxBytes));
    file.stream.once('limit', () => {
      isTooLarge = true;
      if (isStoring) file.stream.destroy(tooLarge());
    });
    void (async () => {
      if (this.deps.fields) req.body = this.deps.fields.parse(req.body);
      await this.deps.beforeStore(req as unknown as Request<P, unknown, B>);
      await db('upload_intents').insert({ storage_key: storageKey });
      isIntentWritten = true;
      if (isTooLarge) throw tooLarge();
      isStoring = true;
      const inspected = await storeInspected(storage, storageKey, file.stream);
      if (isTooLarge || (file.stream as { truncated?: boolean }).truncated) {
        await storage.delete(storageKey);
        throw tooLarge();
      }
      const upload: StoredUpload = { ...inspected, storageKey, originalFilename: sanitizeFilename(file.originalname) };
      return upload;
    })().then(
      (upload) => callback(null, upload as unknown as Partial<Express.Multer.File>),
      async (error: unknown) => {
        file.stream.resume();
        if (isIntentWritten)
          await db('upload_intents')
            .where({ storage_key: storageKey })
            .delete()
            .catch(() => undefined);
        callback(error);
      },
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    const upload = file as unknown as Partial<StoredUpload>;
    if (!upload.storageKey) {
      callback(null);
      return;
    }
    const key = upload.storageKey;
    void this.deps.storage
      .delete(key)
      .then(() => this.deps.db('upload_intents').where({ storage_key: key }).delete())
      .then(
        () => callback(null),
        // The intent stays: the cleanup job removes the object later.
        () => callback(null),
      );
  }
}

/**
 * One file per request, in the field `file`, with bounded fields and parts. A body busboy cannot
 * parse (malformed part headers, cut short) is the client's error: 400.
 */
export function singleFileUpload<P = ParamsDictionary, B = unknown>(deps: UploadDeps<P, B>): RequestHandler<P, unknown, B> {
  const upload = multer({
    storage: new StreamingEngine(deps),
    defParamCharset: 'utf8',
    limits: { fileSize: deps.maxBytes, files: 1, fields: 10, parts: 12, fieldSize: 20 * 1024, fieldNameSize: 50, headerPairs: 100 },
  }).single('file');
  return (req, res, next) =>
    upload(req as unknown as Request, res, (error?: unknown) => {
      const isOurs =
        error instanceof AppError ||
        fromServiceError(error) !== undefined ||
        error instanceof ZodError ||
        error instanceof multer.MulterError ||
        isConnectionError(error);
      if (error !== undefined)
        return next(isOurs ? error : new ValidationError("Le formulaire d'envoi est mal formé : renvoyez le fichier."));
      // A form without a file: its fields are still checked (a field's error comes before the missing file's).
      try {
        if (deps.fields && !req.file) req.body = deps.fields.parse(req.body);
      } catch (fieldsError) {
        return next(fieldsError);
      }
      next();
    });
}
