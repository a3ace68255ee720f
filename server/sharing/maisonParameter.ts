import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db';

/**
 * "Votre Maison de Région : Alès, 04 …" on a citizen's page: the agent's link carries
 * `?maison=<code>.<signature>`, an HMAC of the Maison's code with a key derived from the session
 * secret. The page shows only what the database says of that Maison, never text from the URL; a
 * parameter whose signature does not match is ignored (and logged by the route).
 */
const keyFrom = (secret: string) => createHmac('sha256', secret).update('maison parameter').digest();
const shape = /^([A-Z0-9_-]{2,20})\.([A-Za-z0-9_-]{22})$/;

const signatureOf = (secret: string, code: string) => createHmac('sha256', keyFrom(secret)).update(code).digest('base64url').slice(0, 22);

export function signMaison(secret: string, code: string): string {
  return `${code}.${signatureOf(secret, code)}`;
}

/** The Maison code of a well-signed parameter; `forged` when one was given but does not verify. */
export function verifyMaison(secret: string, value: unknown): { code: string } | 'absent' | 'forged' {
  if (value === undefined) return 'absent';
  const match = typeof value === 'string' ? shape.exec(value) : null;
  if (!match) return 'forged';
  const [, code = '', given = ''] = match;
  const expected = Buffer.from(signatureOf(secret, code));
  return timingSafeEqual(expected, Buffer.from(given)) ? { code } : 'forged';
}

export interface MaisonForCitizens {
  name: string;
  city: string;
  phone: string | null;
}

export async function findMaisonForCitizens(db: Db, code: string): Promise<MaisonForCitizens | null> {
  const row = await db('maisons').where({ code, is_active: true }).first('name', 'city', 'phone');
  return row ? { name: row.name as string, city: row.city as string, phone: (row.phone as string | null) ?? null } : null;
}

/** The Maison of the signed-in agent, for their share links. */
export async function maisonOfUser(db: Db, maisonId: string | null | undefined): Promise<(MaisonForCitizens & { code: string }) | null> {
  if (!maisonId) return null;
  const row = await db('maisons').where({ id: maisonId, is_active: true }).first('code', 'name', 'city', 'phone');
  return row
    ? { code: row.code as string, name: row.name as string, city: row.city as string, phone: (row.phone as string | null) ?? null }
    : null;
}
