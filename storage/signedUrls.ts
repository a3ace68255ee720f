import { createHmac, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { SignedFile, Storage } from './types';

/**
 * Short-lived signed URLs of the local storage driver (S3 presigns its own):
 * `/f/<key>?g=<grant>&d=<inline|attachment>&e=<expiry>&s=<signature>`.
 * The HMAC covers the object's key, the grant the URL was issued through (a share link's id: the
 * app checks it still holds when the URL is fetched), the disposition and the expiry: tampering
 * with any of them, or a URL past its minutes, is refused.
 */
const keyFrom = (secret: string) => createHmac('sha256', secret).update('signed file urls').digest();

function signature(secret: string, file: SignedFile, expiresAt: number): string {
  return createHmac('sha256', keyFrom(secret)).update(`${file.key}\n${file.grant}\n${file.disposition}\n${expiresAt}`).digest('base64url');
}

export function signedFilePath(secret: string, file: SignedFile, ttlSeconds: number, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  return `/f/${file.key}?g=${encodeURIComponent(file.grant)}&d=${file.disposition}&e=${expiresAt}&s=${signature(secret, file, expiresAt)}`;
}

/** The file a query signs for, or undefined when it is malformed, tampered with or expired. */
export function verifiedSignedFile(
  secret: string,
  key: string,
  query: { g?: unknown; d?: unknown; e?: unknown; s?: unknown },
  now = Date.now(),
): SignedFile | undefined {
  const { g, d, e, s } = query;
  if (
    typeof g !== 'string' ||
    (d !== 'inline' && d !== 'attachment') ||
    typeof e !== 'string' ||
    typeof s !== 'string' ||
    !/^\d{1,12}$/.test(e)
  )
    return undefined;
  const file = { key, grant: g, disposition: d } as const;
  const expected = Buffer.from(signature(secret, file, Number(e)));
  const given = Buffer.from(s);
  const isValid = expected.length === given.length && timingSafeEqual(expected, given) && Number(e) * 1000 > now;
  return isValid ? file : undefined;
}

/** What the app decides about a signed URL: who may call it, what a refusal says, and whether its grant still holds. */
export interface SignedFileHandlers {
  /** Run first (the route's access statement, a rate limit). */
  before: RequestHandler[];
  /** A URL malformed, tampered with or expired (or a driver that signs none). */
  refuse(req: Request, res: Response): void;
  /** Serves the file when its grant still holds, or says why not. */
  serve(req: Request, res: Response, file: SignedFile): Promise<void>;
}

/** The route the app mounts for the local driver's signed URLs, `GET /f/<key>`. */
export function signedFileRoutes(storage: Storage, handlers: SignedFileHandlers): Router {
  const router = Router();
  router.get('/f/*key', ...handlers.before, async (req, res) => {
    const key = ([] as string[]).concat(req.params.key ?? []).join('/');
    const file = storage.verifySignedUrl(key, req.query);
    if (!file) return handlers.refuse(req, res);
    await handlers.serve(req, res, file);
  });
  return router;
}
