import { nanoid } from 'nanoid';
import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { NotFoundError } from '../errors';
import { schemeIdOf, subtreeCte } from '../folders/tree';

/**
 * The citizen's page of a scheme (`/p/:token`). It exists while the scheme (not archived) has at
 * least one published external document, and is revoked in the transaction of the write that
 * takes the last one away. When the scheme has something to show again, its last page comes back
 * with the same token, so that printed QR codes keep working; a token the editor regenerated away
 * never comes back.
 */
export type SchemePageRevokeReason = 'no_external_document' | 'scheme_archived' | 'regenerated' | 'not_a_scheme';

export interface SchemePageRow {
  id: string;
  folder_id: string;
  token: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_reason: SchemePageRevokeReason | null;
  opens: number;
  last_opened_at: Date | null;
}

/** Published external documents of a scheme (its sub-folders included), but `exceptDocumentId`. */
async function countSharedDocuments(db: Db | Transaction, schemeId: string, exceptDocumentId?: string): Promise<number> {
  const result = await db.raw<{ rows: { n: number }[] }>(
    `with recursive ${subtreeCte('?::uuid')}
     select count(*)::int as n from documents d join subtree s on d.folder_id = s.id
      where d.deleted_at is null and d.status = 'published' and d.scope = 'external' and d.current_version_id is not null and d.id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')`,
    [schemeId, exceptDocumentId ?? null],
  );
  return result.rows[0]?.n ?? 0;
}

/** Why a scheme has no page, or null when it should have one. */
async function reasonWithoutPage(trx: Transaction | Db, schemeId: string): Promise<SchemePageRevokeReason | null> {
  const folder = await trx('folders').where({ id: schemeId }).forNoKeyUpdate().first('is_scheme', 'archived_at');
  if (!folder?.is_scheme) return 'not_a_scheme';
  if (folder.archived_at) return 'scheme_archived';
  return (await countSharedDocuments(trx, schemeId)) > 0 ? null : 'no_external_document';
}

const liveQuery = (db: Db | Transaction, schemeId: string) =>
  db('scheme_share_links').where({ folder_id: schemeId }).whereNull('revoked_at');

/** Makes the scheme's page match its state, in the caller's transaction (the folder row is locked). */
export async function syncSchemePage(trx: Transaction | Db, schemeId: string, audit: AuditContext): Promise<void> {
  const reason = await reasonWithoutPage(trx, schemeId);
  const live = (await liveQuery(trx, schemeId).first()) as SchemePageRow | undefined;
  if (reason && live) {
    await trx('scheme_share_links').where({ id: live.id }).update({ revoked_at: trx.fn.now(), revoked_reason: reason });
    await recordAudit(trx, audit, { action: 'scheme_page.revoked', objectType: 'folder', objectId: schemeId, changes: { reason } });
  }
  if (!reason && !live) {
    // The latest page comes back when it ended with the documents or the archiving, not when it was regenerated away.
    const last = (await trx('scheme_share_links').where({ folder_id: schemeId }).orderBy('created_at', 'desc').first()) as
      SchemePageRow | undefined;
    if (
      last &&
      (last.revoked_reason === 'no_external_document' ||
        last.revoked_reason === 'scheme_archived' ||
        last.revoked_reason === 'not_a_scheme')
    ) {
      await trx('scheme_share_links').where({ id: last.id }).update({ revoked_at: null, revoked_reason: null });
      await recordAudit(trx, audit, {
        action: 'scheme_page.restored',
        objectType: 'folder',
        objectId: schemeId,
        changes: { reason: 'an external document is published again' },
      });
    } else {
      await trx('scheme_share_links').insert({ folder_id: schemeId, token: nanoid(), created_by: audit.actorId });
      await recordAudit(trx, audit, {
        action: 'scheme_page.created',
        objectType: 'folder',
        objectId: schemeId,
        changes: { reason: 'an external document is published' },
      });
    }
  }
}

/** Syncs the page of the scheme a folder belongs to, if any. */
export async function syncSchemePageOf(trx: Transaction | Db, folderId: string | null | undefined, audit: AuditContext): Promise<void> {
  const schemeId = folderId ? await schemeIdOf(trx, folderId) : null;
  if (schemeId) await syncSchemePage(trx, schemeId, audit);
}

export async function liveSchemePage(db: Db | Transaction, schemeId: string): Promise<SchemePageRow> {
  const page = (await liveQuery(db, schemeId).first()) as SchemePageRow | undefined;
  if (!page) throw new NotFoundError("Ce dispositif n'a pas de page publique : aucun de ses documents n'est publié en diffusion externe.");
  return page;
}

/** A new token for the scheme's page; the old one stops at once (and never comes back). */
export async function regenerateSchemePage(db: Db, schemeId: string, audit: AuditContext): Promise<SchemePageRow> {
  return db.transaction(async (trx) => {
    await trx('folders').where({ id: schemeId }).forNoKeyUpdate().first('id');
    const current = await liveSchemePage(trx, schemeId);
    await trx('scheme_share_links').where({ id: current.id }).update({ revoked_at: trx.fn.now(), revoked_reason: 'regenerated' });
    const [page] = await trx('scheme_share_links')
      .insert({ folder_id: schemeId, token: nanoid(), created_by: audit.actorId })
      .returning<SchemePageRow[]>('*');
    await recordAudit(trx, audit, {
      action: 'scheme_page.regenerated',
      objectType: 'folder',
      objectId: schemeId,
      changes: { reason: 'manual' },
    });
    return page as SchemePageRow;
  });
}

/** Visitors counted over the last 30 days (today included), one per visitor and day. */
const last30Days = `day > current_date - 30`;

/**
 * What a printed code of a document leads to if the document stops being shared: how often its
 * links were opened in the last 30 days, and the scheme page that would still live.
 */
export async function documentReach(db: Db, documentId: string) {
  const document = await db('documents').where({ id: documentId }).first('folder_id');
  const opens = await db('share_link_visits as v')
    .join('share_links as l', 'l.id', 'v.share_link_id')
    .where('l.document_id', documentId)
    .whereRaw(last30Days)
    .count<{ n: string }[]>({ n: '*' })
    .first();
  const schemeId = document ? await schemeIdOf(db, document.folder_id as string) : null;
  const scheme = schemeId ? await db('folders').where({ id: schemeId }).first('name', 'archived_at') : undefined;
  const isPageLeft = Boolean(schemeId && scheme && !scheme.archived_at && (await countSharedDocuments(db, schemeId, documentId)) > 0);
  const page = isPageLeft && schemeId ? ((await liveQuery(db, schemeId).first()) as SchemePageRow | undefined) : undefined;
  return { opensLast30Days: Number(opens?.n ?? 0), schemePage: page && scheme ? { name: scheme.name as string, token: page.token } : null };
}

/** The opens of a scheme's page and of its documents' links in the last 30 days: archiving ends them all. */
export async function schemeReach(db: Db, schemeId: string) {
  const result = await db.raw<{ rows: { n: number }[] }>(
    `with recursive ${subtreeCte('?::uuid')}
     select (select count(*) from scheme_share_link_visits v join scheme_share_links p on p.id = v.scheme_share_link_id where p.folder_id = ?::uuid and v.${last30Days})::int
          + (select count(*) from share_link_visits v join share_links l on l.id = v.share_link_id join documents d on d.id = l.document_id join subtree s on s.id = d.folder_id where v.${last30Days})::int as n`,
    [schemeId, schemeId],
  );
  return { opensLast30Days: result.rows[0]?.n ?? 0, schemePage: null };
}

/** A document as the scheme's public page lists it: only published external ones with a live link. */
export interface SchemePageDocument {
  title: string;
  summary: string;
  updatedAt: string;
  fileType: string;
  token: string;
}

export interface SchemeForPage {
  id: string;
  /** The page's link (its opens are counted on it). */
  link_id: string;
  token: string;
  name: string;
  scheme_promise: string | null;
  scheme_summary: string | null;
  scheme_amount: string | null;
  scheme_audiences: string[];
  scheme_aid_types: string[];
  scheme_opens_on: string | null;
  scheme_closes_on: string | null;
  scheme_is_permanent: boolean;
  referent_name: string | null;
  referent_service: string | null;
  referent_email: string | null;
  referent_phone: string | null;
  referent_public_fields: string[];
  info_url: string | null;
  apply_url: string | null;
  verified_at: Date | null;
  /** The card's verification is still current (not past its review date, Europe/Paris). */
  is_verification_current: boolean;
  documents: SchemePageDocument[];
}

export type ResolvedSchemePage =
  { status: 'live'; scheme: SchemeForPage } | { status: 'gone'; reason: SchemePageRevokeReason | null } | { status: 'unknown' };

/**
 * What a scheme token names now, in one round trip: the link, the card and its shared documents.
 * The documents are filtered here again (published, external, not deleted, with a live link), so
 * the page never lists another one even if a link was left behind.
 */
export async function resolveSchemeToken(db: Db, token: string): Promise<ResolvedSchemePage> {
  const result = await db
    .raw<{ rows: Record<string, unknown>[] }>(
      `select p.id as link_id, p.token, p.revoked_at, p.revoked_reason, f.id, f.is_scheme, f.archived_at,
              f.name, f.scheme_promise, f.scheme_summary, f.scheme_amount, f.scheme_audiences, f.scheme_aid_types,
              to_char(f.scheme_opens_on, 'YYYY-MM-DD') as scheme_opens_on, to_char(f.scheme_closes_on, 'YYYY-MM-DD') as scheme_closes_on,
              f.scheme_is_permanent, f.referent_name, f.referent_service, f.referent_email, f.referent_phone, f.referent_public_fields,
              f.info_url, f.apply_url, f.verified_at,
              coalesce((f.verified_at at time zone 'Europe/Paris')::date + f.review_interval_days > (now() at time zone 'Europe/Paris')::date, false) as is_verification_current,
              coalesce(docs.list, '[]'::json) as documents
         from scheme_share_links p
         join folders f on f.id = p.folder_id
         left join lateral (
           with recursive ${subtreeCte('f.id')}
           select json_agg(json_build_object('title', d.title, 'summary', d.summary, 'updatedAt', d.updated_at, 'fileType', v.file_type, 'token', l.token)
                           order by d.title) as list
             from subtree s
             join documents d on d.folder_id = s.id
             join versions v on v.id = d.current_version_id
             join share_links l on l.document_id = d.id and l.revoked_at is null and (l.expires_at is null or l.expires_at > now())
            where d.deleted_at is null and d.status = 'published' and d.scope = 'external') docs on p.revoked_at is null
        where p.token = ?`,
      [token],
    )
    .options({ name: 'sharing.resolveSchemeToken' });
  const row = result.rows[0];
  if (!row) return { status: 'unknown' };
  if (row.revoked_at || !row.is_scheme || row.archived_at)
    return { status: 'gone', reason: (row.revoked_reason as SchemePageRevokeReason | null) ?? 'scheme_archived' };
  return { status: 'live', scheme: { ...(row as unknown as SchemeForPage), id: row.id as string } };
}
