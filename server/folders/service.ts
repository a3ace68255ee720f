import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { ConflictError, ValidationError } from '../errors';
import { authorize, type Actor, type FolderSubject } from '../policies';
import { enqueueFolderSync } from '../search/enqueue';
import { syncSchemePageOf } from '../sharing/schemePages';
import { syncShareLink } from '../sharing/service';
import { availabilityOf } from './availability';
import type { FolderRow } from './presenter';
import { findFolder } from './rows';
import { documentsUnder, isWithin } from './tree';
import type { CreateFolderInput, SchemeCardInput, UpdateFolderInput } from './schema';

export const folderSubject = (row: Pick<FolderRow, 'directorate_id'>): FolderSubject => ({
  kind: 'folder',
  directorateId: row.directorate_id,
});

function schemeColumns(card: SchemeCardInput) {
  return {
    is_scheme: true,
    directorate_id: card.directorateId,
    scheme_promise: card.promise,
    scheme_summary: card.summary,
    scheme_amount: card.amount,
    scheme_audiences: card.audiences,
    scheme_aid_types: card.aidTypes,
    scheme_keywords: card.keywords,
    scheme_opens_on: card.opensOn,
    scheme_closes_on: card.closesOn,
    scheme_is_permanent: card.isPermanent,
    referent_name: card.referent.name ?? null,
    referent_service: card.referent.service ?? null,
    referent_email: card.referent.email ?? null,
    referent_phone: card.referent.phone ?? null,
    referent_public_fields: card.referent.publicFields,
    info_url: card.links.infoUrl ?? null,
    apply_url: card.links.applyUrl ?? null,
    ...(card.reviewIntervalDays === undefined ? {} : { review_interval_days: card.reviewIntervalDays }),
    ...(card.verifierId === undefined ? {} : { verifier_id: card.verifierId }),
  };
}

/** Saving the card is a verification: whoever saves it vouches for what it says today. */
const verifiedBy = (trx: Transaction, actor: Actor) => ({ verified_at: trx.fn.now(), verified_by: actor.id });

/** A named verifier must be an active editor of the scheme's directorate. */
async function assertVerifier(trx: Transaction, card: SchemeCardInput) {
  if (!card.verifierId) return;
  const found = await trx('users')
    .where({ id: card.verifierId, role: 'editor', directorate_id: card.directorateId, is_active: true })
    .first('id');
  if (!found) throw new ValidationError('scheme.verifierId : Le vérificateur doit être un éditeur de la direction du dispositif.');
}

/** What a write changed, field by field, for the audit trail. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(value ?? null))
      changes[key] = { before: before[key] ?? null, after: value ?? null };
  }
  return changes;
}

async function assertDirectorateExists(trx: Transaction, id: string) {
  const found = await trx('directorates').where({ id, is_active: true }).first('id');
  if (!found) throw new ValidationError('scheme.directorateId : Direction inconnue.');
}

function uniqueNameConflict(error: unknown): boolean {
  return (error as { constraint?: string }).constraint === 'folders_sibling_name_unique';
}

async function withNameCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueNameConflict(error)) throw new ConflictError('Un dossier de ce nom existe déjà à cet endroit.');
    throw error;
  }
}

/**
 * A new folder: a theme at the top (admins), a scheme under a theme, or a sub-folder of a scheme
 * (which belongs to the scheme's directorate).
 */
export async function createFolder(db: Db, actor: Actor, input: CreateFolderInput, audit: AuditContext) {
  return db.transaction(async (trx) => {
    const parent = input.parentId ? await findFolder(trx, input.parentId) : null;
    const directorateId = input.scheme?.directorateId ?? parent?.directorate_id ?? null;
    authorize(actor, 'folder.create', { kind: 'folderPlacement', parent: parent ? folderSubject(parent) : null, directorateId });
    if (input.scheme) {
      await assertDirectorateExists(trx, input.scheme.directorateId);
      await assertVerifier(trx, input.scheme);
    }
    if (!input.scheme && parent && parent.parent_id === null && parent.directorate_id === null && actor.role !== 'admin') {
      throw new ValidationError('Sous un thème, créez un dispositif (avec sa fiche).');
    }
    const [created] = await withNameCheck(() =>
      trx('folders')
        .insert({
          name: input.name,
          parent_id: input.parentId,
          directorate_id: directorateId,
          created_by: actor.id,
          // A new scheme has no document yet: each one is indexed with the availability of its day,
          // so the hourly refresh (search.refreshAvailability) has nothing to redo until the calendar moves.
          ...(input.scheme
            ? { ...schemeColumns(input.scheme), ...verifiedBy(trx, actor), indexed_availability: availabilityOf(input.scheme) }
            : {}),
        })
        .returning<{ id: string }[]>('id'),
    );
    const row = await findFolder(trx, (created as { id: string }).id);
    await recordAudit(trx, audit, {
      action: input.scheme ? 'scheme.created' : 'folder.created',
      objectType: 'folder',
      objectId: row.id,
      changes: { name: { before: null, after: row.name }, parentId: { before: null, after: row.parent_id } },
    });
    return row;
  });
}

async function assertNoCycle(trx: Transaction, folderId: string, newParentId: string) {
  if (await isWithin(trx, newParentId, folderId))
    throw new ConflictError('Un dossier ne peut pas être déplacé dans lui-même ni dans un de ses sous-dossiers.');
}

export async function updateFolder(db: Db, actor: Actor, id: string, input: UpdateFolderInput, audit: AuditContext) {
  return db.transaction(async (trx) => {
    const before = await findFolder(trx, id);
    authorize(actor, 'folder.update', folderSubject(before));
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.parentId !== undefined && input.parentId !== before.parent_id) {
      const parent = input.parentId ? await findFolder(trx, input.parentId) : null;
      authorize(actor, 'folder.create', {
        kind: 'folderPlacement',
        parent: parent ? folderSubject(parent) : null,
        directorateId: before.directorate_id,
      });
      if (input.parentId) await assertNoCycle(trx, id, input.parentId);
      changes.parent_id = input.parentId;
    }
    if (input.scheme) {
      if (!before.is_scheme) throw new ValidationError("Ce dossier n'est pas un dispositif.");
      if (input.scheme.directorateId !== before.directorate_id) {
        authorize(actor, 'folder.create', {
          kind: 'folderPlacement',
          parent: { kind: 'folder', directorateId: null },
          directorateId: input.scheme.directorateId,
        });
        await assertDirectorateExists(trx, input.scheme.directorateId);
      }
      await assertVerifier(trx, input.scheme);
      Object.assign(changes, schemeColumns(input.scheme), verifiedBy(trx, actor));
    }
    if (input.isArchived !== undefined) changes.archived_at = input.isArchived ? (before.archived_at ?? new Date()) : null;
    await withNameCheck(() =>
      trx('folders')
        .where({ id })
        .update({ ...changes, updated_at: trx.fn.now() }),
    );
    await enqueueFolderSync(trx, id);
    if (input.isArchived !== undefined) {
      // Archiving a scheme revokes its documents' public links in this transaction; reopening gives new ones.
      for (const documentId of await documentsUnder(trx, id)) await syncShareLink(trx, documentId, audit);
    }
    // The scheme's public page follows it (archived: revoked at once), and a moved sub-folder takes its documents along.
    await syncSchemePageOf(trx, id, audit);
    if (changes.parent_id !== undefined) await syncSchemePageOf(trx, before.parent_id, audit);
    const after = await findFolder(trx, id);
    await recordAudit(trx, audit, {
      action: input.isArchived === true && !before.archived_at ? 'scheme.archived' : 'folder.updated',
      objectType: 'folder',
      objectId: id,
      changes: changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>),
    });
    return { before, after };
  });
}

/** Deletes an empty folder; one with sub-folders or documents answers 409. */
export async function deleteFolder(db: Db, actor: Actor, id: string, audit: AuditContext) {
  await db.transaction(async (trx) => {
    const folder = await findFolder(trx, id);
    authorize(actor, 'folder.delete', folderSubject(folder));
    const child = await trx('folders').where({ parent_id: id }).first('id');
    const document = await trx('documents').where({ folder_id: id }).whereNull('deleted_at').first('id');
    if (child || document) throw new ConflictError("Ce dossier n'est pas vide : déplacez ou supprimez d'abord son contenu.");
    await trx('folders').where({ id }).delete();
    await recordAudit(trx, audit, {
      action: 'folder.deleted',
      objectType: 'folder',
      objectId: id,
      changes: { name: { before: folder.name, after: null } },
    });
  });
}
