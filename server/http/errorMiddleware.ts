import type { ErrorRequestHandler } from 'express';
import createHttpError from 'http-errors';
import { MulterError } from 'multer';
import { ZodError } from 'zod';
import { toSearchError } from '../../search';
import { isConnectionError, isDatabaseUp, type Db } from '../db';
import { AppError, InternalError, NotFoundError, PayloadTooLargeError, ServiceUnavailableError, ValidationError } from '../errors';
import type { Config } from '../config';
import { maxSizeMessage } from '../documents/uploadEngine';
import type { Logger } from '../logger';
import { fromServiceError } from '../serviceErrors';

/** Errors raised by express.json() carry a `type`. */
function bodyParserError(error: unknown): AppError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new PayloadTooLargeError();
  if (type === 'entity.parse.failed') return new ValidationError("Le corps de la demande n'est pas un JSON valide.");
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new ValidationError("L'encodage de la demande n'est pas pris en charge.");
  return undefined;
}

/** An HTTP error raised by Express' own middleware (static files, body parsing). */
function fromHttpStatus(status: number): AppError {
  if (status === 404) return new NotFoundError();
  if (status === 413) return new PayloadTooLargeError();
  return new ValidationError();
}

/** Upload limits hit while multer reads a multipart body. */
function uploadError(error: MulterError, maxBytes: number): AppError {
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new PayloadTooLargeError(maxSizeMessage(maxBytes));
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return new ValidationError('file : Un seul fichier par envoi, dans le champ « file ».');
    default:
      return new ValidationError('La demande contient trop de champs, ou un champ trop long.');
  }
}

/** What the client is told about an error: one of our typed errors, whatever was thrown. */
export async function classifyError(error: unknown, db: Db, maxUploadBytes = 100 * 1024 * 1024): Promise<AppError> {
  if (error instanceof AppError) return error;
  const fromService = fromServiceError(toSearchError(error));
  if (fromService) return fromService;
  if (error instanceof MulterError) return uploadError(error, maxUploadBytes);
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.');
    return new ValidationError(issue ? `${field ? `${field} : ` : ''}${issue.message}` : undefined, { issues: error.issues });
  }
  const fromBody = bodyParserError(error);
  if (fromBody) return fromBody;
  if (createHttpError.isHttpError(error) && error.status < 500) return fromHttpStatus(error.status);
  if (isConnectionError(error)) return new ServiceUnavailableError('database', { cause: error });
  // PostgreSQL dropping a connection mid-query surfaces as an untyped error; ask it directly.
  if (!(await isDatabaseUp(db))) return new ServiceUnavailableError('database', { cause: error });
  return new InternalError();
}

export function errorMiddleware(deps: { db: Db; logger: Logger; config: Config }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.writableEnded) {
      // Answered already (by the request deadline, say): the connection stays good for the next request.
      (req.log ?? deps.logger).warn({ err: error }, 'error after the answer was sent');
      return;
    }
    if (res.headersSent) {
      // A partial answer: only ending the connection tells the client it is cut short.
      next(error);
      return;
    }
    void classifyError(error, deps.db, deps.config.uploads.maxBytes).then((appError) => {
      const log = req.log ?? deps.logger;
      if (appError.status >= 500) log.error({ err: error, code: appError.code }, 'request failed');
      else log.info({ code: appError.code, reason: appError.message }, 'request refused');
      res.status(appError.status).json({ error: { code: appError.code, message: appError.message } });
    });
  };
}
