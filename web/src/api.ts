/** The browser's side of the HTTP API: JSON in, JSON out, errors as ApiError with the server's French message. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0, 'network_error', 'Le serveur est injoignable. Vérifiez la connexion et réessayez.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'internal_error', error?.message ?? 'Le serveur ne répond pas comme prévu.');
  }
  return body as T;
}

/** A GET; `signal` cancels it (a stale search), and the caller then ignores its outcome. */
export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return send<T>(url, { method: 'GET', signal });
}

/** A state-changing call: JSON body, and the session's CSRF token when signed in. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown, csrfToken?: string): Promise<T> {
  return send<T>(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
    body: JSON.stringify(body ?? {}),
  });
}
