import { ApiError } from '../api';

/** Fallback messages when a refusal comes without the server's JSON (a proxy, a cut connection). */
const text = {
  network: "L'envoi a été interrompu. Vérifiez la connexion et réessayez.",
  byStatus: {
    400: 'Le fichier a été refusé.',
    403: "Vous n'avez pas les droits pour déposer ici.",
    409: 'Ce fichier a déjà été déposé.',
    413: 'Le fichier est trop volumineux.',
    415: "Ce type de fichier n'est pas accepté.",
    507: "L'espace de stockage est plein : prévenez l'administrateur.",
  } as Record<number, string>,
  unexpected: 'Le serveur ne répond pas comme prévu.',
};

export interface UploadRequest {
  url: string;
  /** Sent in this order, before the file: the server reads the fields first. */
  fields: Record<string, string>;
  file: File;
  csrfToken: string;
  /** Bytes sent so far, out of the total (the whole multipart body). */
  onProgress(sent: number, total: number): void;
  /** Sent as `Idempotency-Key`: a retry of this file with the same key gets the first answer, never a second document. */
  idempotencyKey?: string;
}

/**
 * A multipart POST with upload progress. fetch() cannot report upload progress, so this one uses
 * XMLHttpRequest. Resolves with the JSON answer; rejects with ApiError and the server's French
 * message (413, 415, 400, 409…).
 */
export function uploadFile<T>(request: UploadRequest): { done: Promise<T>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(request.fields)) form.append(name, value);
    form.append('file', request.file, request.file.name);

    xhr.open('POST', request.url);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', request.csrfToken);
    if (request.idempotencyKey) xhr.setRequestHeader('Idempotency-Key', request.idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress(event.loaded, event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', text.network));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', text.network));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? 'internal_error', error?.message ?? text.byStatus[xhr.status] ?? text.unexpected));
    };
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
