import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed URLs of the local storage driver:
 * `/f/<versionId>?l=<shareLinkId>&d=<inline|attachment>&e=<expiry>&s=<signature>`.
 * The HMAC covers the version, the share link it was issued through, the disposition and the
 * expiry: tampering with any of them, or a link past its minutes, is refused (403). The route then
 * serves the bytes only while that very link is live, so a URL issued for a token that was since
 * regenerated or revoked stops at once. S3 uses presigned URLs instead.
 */
export type Disposition = 'inline' | 'attachment';

export interface SignedFile {
  versionId: string;
  shareLinkId: string;
}

const keyFrom = (secret: string) => createHmac('sha256', secret).update('signed file urls').digest();

function signature(secret: string, file: SignedFile, disposition: Disposition, expiresAt: number): string {
  return createHmac('sha256', keyFrom(secret)).update(`${file.versionId}\n${file.shareLinkId}\n${disposition}\n${expiresAt}`).digest('base64url');
}

export function signedFilePath(secret: string, file: SignedFile, disposition: Disposition, ttlSeconds: number, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  return `/f/${file.versionId}?l=${file.shareLinkId}&d=${disposition}&e=${expiresAt}&s=${signature(secret, file, disposition, expiresAt)}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The version and share link a query signs for, or undefined when it is malformed, tampered with or expired. */
export function verifiedSignedFile(
  secret: string,
  versionId: string,
  query: { l?: unknown; d?: unknown; e?: unknown; s?: unknown },
  now = Date.now(),
): (SignedFile & { disposition: Disposition }) | undefined {
  const { l, d, e, s } = query;
  if (!uuidPattern.test(versionId) || typeof l !== 'string' || !uuidPattern.test(l)) return undefined;
  if ((d !== 'inline' && d !== 'attachment') || typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,12}$/.test(e)) return undefined;
  const file = { versionId, shareLinkId: l };
  const expected = Buffer.from(signature(secret, file, d, Number(e)));
  const given = Buffer.from(s);
  const isValid = expected.length === given.length && timingSafeEqual(expected, given) && Number(e) * 1000 > now;
  return isValid ? { ...file, disposition: d } : undefined;
}
