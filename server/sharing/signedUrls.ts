import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed URLs of the local storage driver: `/f/<versionId>?d=<inline|attachment>&e=<expiry>&s=<signature>`.
 * The HMAC covers the version, the disposition and the expiry: tampering with any of them, or a
 * link past its minutes, is refused (403). S3 uses presigned URLs instead.
 */
export type Disposition = 'inline' | 'attachment';

const keyFrom = (secret: string) => createHmac('sha256', secret).update('signed file urls').digest();

function signature(secret: string, versionId: string, disposition: Disposition, expiresAt: number): string {
  return createHmac('sha256', keyFrom(secret)).update(`${versionId}\n${disposition}\n${expiresAt}`).digest('base64url');
}

export function signedFilePath(secret: string, versionId: string, disposition: Disposition, ttlSeconds: number, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  return `/f/${versionId}?d=${disposition}&e=${expiresAt}&s=${signature(secret, versionId, disposition, expiresAt)}`;
}

export function isValidSignature(secret: string, versionId: string, query: { d?: unknown; e?: unknown; s?: unknown }, now = Date.now()): query is { d: Disposition; e: string; s: string } {
  const { d, e, s } = query;
  if ((d !== 'inline' && d !== 'attachment') || typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,12}$/.test(e)) return false;
  const expected = Buffer.from(signature(secret, versionId, d, Number(e)));
  const given = Buffer.from(s);
  return expected.length === given.length && timingSafeEqual(expected, given) && Number(e) * 1000 > now;
}
