import { createHash } from 'node:crypto';
import { nanoid } from 'nanoid';
import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { NotFoundError, ValidationError } from '../errors';
import { shareOpens } from '../metrics';

export const tokenPattern = /^[A-Za-z0-9_-]{21}$/;

export type RevokeReason = 'scope_change' | 'archived' | 'deleted' | 'regenerated' | 'scheme_archived' | 'manual' | 'expired' | 'unpublished';

export interface ShareLinkRow {
  id: string;
  document_id: string;
  token: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_reason: RevokeReason | null;
  opens: number;
  last_opened_at: Date | null;
}

/** Is the document's scheme (its nearest ancestor with a scheme card) archived? */
async function isSchemeArchived(trx: Transaction | Db, folderId: string): Promise<boolean> {
  const result = await trx.raw<{ rows: { archived: boolean }[] }>(
    `with recursive up(id, parent_id, is_scheme, archived_at, depth) as (
       select id, parent_id, is_scheme, archived_at, 0 from folders where id = ?
       union all select f.id, f.parent_id, f.is_scheme, f.archived_at, up.depth + 1 from folders f join up on f.id = up.parent_id)
     select archived_at is not null as archived from up where is_scheme order by depth limit 1`,
    [folderId],
  );
  return result.rows[0]?.archived ?? false;
}

async function createLink(trx: Transaction | Db, documentId: string, audit: AuditContext, why: string) {
  const [link] = await trx('share_links').insert({ document_id: documentId, token: nanoid(), created_by: audit.actorId }).returning<ShareLinkRow[]>('*');
  await recordAudit(trx, audit, { action: 'share_link.created', objectType: 'document', objectId: documentId, changes: { reason: why } });
  return link as ShareLinkRow;
}

async function revokeLink(trx: Transaction | Db, link: ShareLinkRow, reason: RevokeReason, audit: AuditContext) {
  await trx('share_links').where({ id: link.id }).update({ revoked_at: trx.fn.now(), revoked_reason: reason });
  await recordAudit(trx, audit, { action: 'share_link.revoked', objectType: 'document', objectId: link.document_id, changes: { reason } });
}

/**
 * Makes the document's share link match its state, in the transaction of the write that changed
 * it: a published external document (outside an archived scheme) has a live link; any other has
 * none — its link is revoked at once. An old link never comes back: a new token is made.
 */
export async function syncShareLink(trx: Transaction | Db, documentId: string, audit: AuditContext): Promise<void> {
  const document = await trx('documents').where({ id: documentId }).first('id', 'folder_id', 'status', 'scope', 'deleted_at');
  const live = (await trx('share_links').where({ document_id: documentId }).whereNull('revoked_at').first()) as ShareLinkRow | undefined;
  const isSchemeGone = document?.folder_id ? await isSchemeArchived(trx, document.folder_id as string) : false;
  const isShareable = document && !document.deleted_at && document.status === 'published' && document.scope === 'external' && !isSchemeGone;
  if (isShareable && !live) await createLink(trx, documentId, audit, 'published as external');
  if (!isShareable && live) {
    const reason: RevokeReason = !document || document.deleted_at
      ? 'deleted'
      : isSchemeGone
        ? 'scheme_archived'
        : document.status === 'archived'
          ? 'archived'
          : document.status === 'draft'
            ? 'unpublished'
            : 'scope_change';
    await revokeLink(trx, live, reason, audit);
  }
}

export async function liveShareLink(db: Db | Transaction, documentId: string): Promise<ShareLinkRow> {
  const link = (await db('share_links').where({ document_id: documentId }).whereNull('revoked_at').first()) as ShareLinkRow | undefined;
  if (!link) throw new NotFoundError("Ce document n'a pas de lien public : il n'est pas publié en diffusion externe.");
  return link;
}

/** A new token; the old one stops at once. */
export async function regenerateShareLink(db: Db, documentId: string, audit: AuditContext) {
  return db.transaction(async (trx) => {
    const current = await liveShareLink(trx, documentId);
    await revokeLink(trx, current, 'regenerated', audit);
    const [link] = await trx('share_links')
      .insert({ document_id: documentId, token: nanoid(), created_by: audit.actorId, expires_at: current.expires_at })
      .returning<ShareLinkRow[]>('*');
    await recordAudit(trx, audit, { action: 'share_link.regenerated', objectType: 'document', objectId: documentId, changes: { reason: 'manual' } });
    return link as ShareLinkRow;
  });
}

export async function setShareExpiry(db: Db, documentId: string, expiresAt: Date | null, audit: AuditContext) {
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw new ValidationError("expiresAt : La date d'expiration doit être dans le futur.");
  return db.transaction(async (trx) => {
    const link = await liveShareLink(trx, documentId);
    const [updated] = await trx('share_links').where({ id: link.id }).update({ expires_at: expiresAt }).returning<ShareLinkRow[]>('*');
    await recordAudit(trx, audit, { action: 'share_link.expiry_set', objectType: 'document', objectId: documentId, changes: { expiresAt: { before: link.expires_at, after: expiresAt } } });
    return updated as ShareLinkRow;
  });
}

export type ResolvedLink =
  | { status: 'live'; link: ShareLinkRow }
  | { status: 'gone' }
  | { status: 'unknown' };

/** What a public token names now: a live link, a link that ended (revoked or expired), or nothing. */
export async function resolveToken(db: Db, token: string): Promise<ResolvedLink> {
  const link = (await db('share_links').where({ token }).first()) as ShareLinkRow | undefined;
  if (!link) return { status: 'unknown' };
  if (link.revoked_at || (link.expires_at && new Date(link.expires_at).getTime() <= Date.now())) return { status: 'gone' };
  return { status: 'live', link };
}

const botAgents = /bot|crawl|spider|slurp|preview|facebookexternalhit|whatsapp|telegram|headless|curl|wget|python|monitor|scan/i;

/** Counts an open once per visitor and day (IP and user agent, hashed with a secret); bots do not count. */
export async function countOpen(db: Db, link: ShareLinkRow, visitor: { ip: string; userAgent: string }, secret: string): Promise<void> {
  if (!visitor.userAgent || botAgents.test(visitor.userAgent)) return;
  const day = new Date().toISOString().slice(0, 10);
  const visitorHash = createHash('sha256').update(`${secret}\0${visitor.ip}\0${visitor.userAgent}\0${day}`).digest('hex');
  await db.transaction(async (trx) => {
    const inserted = await trx('share_link_visits').insert({ share_link_id: link.id, visitor_hash: visitorHash, day }).onConflict(['share_link_id', 'visitor_hash', 'day']).ignore().returning('day');
    if (inserted.length > 0) {
      await trx('share_links').where({ id: link.id }).update({ opens: trx.raw('opens + 1'), last_opened_at: trx.fn.now() });
      shareOpens.inc();
    }
  });
}
