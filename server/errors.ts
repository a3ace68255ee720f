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
    super(
      'service_unavailable',
      503,
      `${serviceLabels[service]} ne répond pas pour le moment. Réessayez dans quelques instants.`,
      { service },
    );
    if (options?.cause !== undefined) this.cause = options.cause;
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
