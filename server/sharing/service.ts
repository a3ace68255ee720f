import { createHash } from 'node:crypto';
import { isbot } from 'isbot';
import { nanoid } from 'nanoid';
import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { NotFoundError, ValidationError } from '../errors';
import { lineageCte, schemeIdOf } from '../folders/tree';
import { shareOpens } from '../metrics';
import { syncSchemePage } from './schemePages';

export const tokenPattern = /^[A-Za-z0-9_-]{21}$/;

export type RevokeReason =
  'scope_change' | 'archived' | 'deleted' | 'regenerated' | 'scheme_archived' | 'manual' | 'expired' | 'unpublished';

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

async function createLink(trx: Transaction | Db, documentId: string, audit: AuditContext, why: string) {
  const [link] = await trx('share_links')
    .insert({ document_id: documentId, token: nanoid(), created_by: audit.actorId })
    .returning<ShareLinkRow[]>('*');
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
  // The scheme's row is locked first, before any link row: a scheme archived at the same moment waits, never deadlocks.
  // FOR NO KEY UPDATE, not FOR UPDATE: the document's own insert already holds the scheme row FOR
  // KEY SHARE (its foreign key), which FOR UPDATE would wait on — two uploads into one scheme deadlocked.
  const schemeId = document?.folder_id ? await schemeIdOf(trx, document.folder_id as string) : null;
  const scheme = schemeId ? await trx('folders').where({ id: schemeId }).forNoKeyUpdate().first('archived_at') : undefined;
  const live = (await trx('share_links').where({ document_id: documentId }).whereNull('revoked_at').first()) as ShareLinkRow | undefined;
  const isSchemeGone = Boolean(scheme?.archived_at);
  const isShareable = document && !document.deleted_at && document.status === 'published' && document.scope === 'external' && !isSchemeGone;
  if (isShareable && !live) await createLink(trx, documentId, audit, 'published as external');
  if (!isShareable && live) {
    const reason: RevokeReason =
      !document || document.deleted_at
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
  // The scheme's public page lives while it has a shared document: same transaction.
  if (schemeId) await syncSchemePage(trx, schemeId, audit);
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
    await recordAudit(trx, audit, {
      action: 'share_link.regenerated',
      objectType: 'document',
      objectId: documentId,
      changes: { reason: 'manual' },
    });
    return link as ShareLinkRow;
  });
}

export async function setShareExpiry(db: Db, documentId: string, expiresAt: Date | null, audit: AuditContext) {
  if (expiresAt && expiresAt.getTime() <= Date.now())
    throw new ValidationError("expiresAt : La date d'expiration doit être dans le futur.");
  return db.transaction(async (trx) => {
    const link = await liveShareLink(trx, documentId);
    const [updated] = await trx('share_links').where({ id: link.id }).update({ expires_at: expiresAt }).returning<ShareLinkRow[]>('*');
    await recordAudit(trx, audit, {
      action: 'share_link.expiry_set',
      objectType: 'document',
      objectId: documentId,
      changes: { expiresAt: { before: link.expires_at, after: expiresAt } },
    });
    return updated as ShareLinkRow;
  });
}

/** A live link with what the citizen's page and file need of its document, in one query. */
export interface SharedDocument extends ShareLinkRow {
  scheme: SchemeForCitizens | null;
  title: string;
  summary: string;
  updated_at: Date;
  folder_id: string;
  version_id: string;
  storage_key: string;
  original_filename: string;
  mime_type: string;
  file_type: string;
}

/** Why a link ended, and the scheme page it can point to instead (while that page lives). */
export interface EndedLink {
  reason: RevokeReason | 'expired' | null;
  schemePage: { name: string; token: string } | null;
}

export type ResolvedLink = { status: 'live'; shared: SharedDocument } | ({ status: 'gone' } & EndedLink) | { status: 'unknown' };

/**
 * What a public token names now: a live link of a published external document, a link that
 * ended (revoked, expired, or its document no longer shared), or nothing.
 */
export async function resolveToken(db: Db, token: string): Promise<ResolvedLink> {
  // One round trip: the link, its document, the current version and the nearest scheme card. A
  // named statement: each pooled connection plans it once (planning cost more than running it).
  const result = await db
    .raw<{ rows: Record<string, unknown>[] }>(
      `select l.id, l.document_id, l.token, l.created_at, l.expires_at, l.revoked_at, l.revoked_reason, l.opens, l.last_opened_at,
              d.title, d.summary, d.updated_at, d.folder_id, d.status, d.scope, d.deleted_at,
              v.id as version_id, v.storage_key, v.original_filename, v.mime_type, v.file_type,
              to_jsonb(s) as scheme
         from share_links l
         join documents d on d.id = l.document_id
         left join versions v on v.id = d.current_version_id
         left join lateral (
           with recursive ${lineageCte('d.folder_id')}
           select f.id, f.name, f.scheme_promise, f.scheme_amount, f.info_url, f.apply_url,
                  f.referent_name, f.referent_public_fields,
                  (select p.token from scheme_share_links p where p.folder_id = f.id and p.revoked_at is null) as page_token, to_char(f.scheme_opens_on, 'YYYY-MM-DD') as scheme_opens_on,
                  to_char(f.scheme_closes_on, 'YYYY-MM-DD') as scheme_closes_on, f.scheme_is_permanent,
                  f.referent_service, f.referent_email, f.referent_phone
             from lineage join folders f on f.id = lineage.id where lineage.is_scheme order by lineage.depth limit 1) s on true
        where l.token = ?`,
      [token],
    )
    .options({ name: 'sharing.resolveToken' });
  const row = result.rows[0];
  if (!row) return { status: 'unknown' };
  const isLive = !row.revoked_at && !(row.expires_at && new Date(row.expires_at as string).getTime() <= Date.now());
  const isShared = !row.deleted_at && row.status === 'published' && row.scope === 'external' && row.version_id;
  if (isLive && isShared) return { status: 'live', shared: row as unknown as SharedDocument };
  const scheme = row.scheme as SchemeForCitizens | null;
  return {
    status: 'gone',
    reason: (row.revoked_reason as RevokeReason | null) ?? (row.expires_at ? 'expired' : null),
    schemePage: scheme?.page_token ? { name: scheme.name, token: scheme.page_token } : null,
  };
}

export interface SchemeForCitizens {
  id: string;
  name: string;
  scheme_promise: string | null;
  scheme_amount: string | null;
  info_url: string | null;
  apply_url: string | null;
  referent_name: string | null;
  referent_public_fields: string[];
  /** The scheme's live public page, if any. */
  page_token: string | null;
  scheme_opens_on: string | null;
  scheme_closes_on: string | null;
  scheme_is_permanent: boolean;
  referent_service: string | null;
  referent_email: string | null;
  referent_phone: string | null;
}

const countedToday = new Set<string>();

/** The two kinds of public links and where their daily visitors are kept (names from this list only, never from input). */
const visitTables = {
  document: { links: 'share_links', visits: 'share_link_visits', linkColumn: 'share_link_id' },
  scheme: { links: 'scheme_share_links', visits: 'scheme_share_link_visits', linkColumn: 'scheme_share_link_id' },
} as const;

// isbot's list is one large pattern, costly to test on every visit; visitors send few distinct agents: each verdict is kept.
const botVerdicts = new Map<string, boolean>();
function isBotAgent(userAgent: string): boolean {
  let verdict = botVerdicts.get(userAgent);
  if (verdict === undefined) {
    if (botVerdicts.size > 10000) botVerdicts.clear();
    verdict = isbot(userAgent);
    botVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

/**
 * Counts an open once per visitor and day (IP and user agent, hashed with a secret); bots, crawlers
 * and link previews do not count (isbot's maintained list), nor a request without a user agent.
 */
export async function countOpen(
  db: Db,
  link: { kind: keyof typeof visitTables; id: string },
  visitor: { ip: string; userAgent: string },
  secret: string,
): Promise<void> {
  if (!visitor.userAgent || isBotAgent(visitor.userAgent)) return;
  const day = new Date().toISOString().slice(0, 10);
  const visitorHash = createHash('sha256').update(`${secret}\0${visitor.ip}\0${visitor.userAgent}\0${day}`).digest('hex');
  // A visitor this process already counted today costs no write.
  const key = `${link.kind}:${link.id}:${visitorHash}:${day}`;
  if (countedToday.has(key)) return;
  if (countedToday.size > 50000) countedToday.clear();
  countedToday.add(key);
  const { links, visits, linkColumn } = visitTables[link.kind];
  // One statement: the visit is recorded, and counted only when it is the first of the day.
  const result = await db.raw<{ rowCount: number }>(
    `with visit as (insert into ${visits} (${linkColumn}, visitor_hash, day) values (?, ?, ?) on conflict do nothing returning 1)
     update ${links} set opens = opens + 1, last_opened_at = now() where id = ? and exists (select 1 from visit)`,
    [link.id, visitorHash, day, link.id],
  );
  if (result.rowCount > 0) shareOpens.inc({ kind: link.kind });
}
