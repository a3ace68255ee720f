import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { ValidationError } from '../errors';
import { folderSubject } from '../folders/service';
import { findFolder } from '../folders/rows';
import { app, authorize, type Actor } from '../policies';
import { enqueueFolderSync } from '../search/enqueue';
import { addSynonymGroup, forgetQueryExpander } from '../search/synonyms';
import type { GapAction } from './schema';
import { gapsOf } from './service';

/** Keywords a scheme card holds at most (server/folders/schema.ts). */
const maxKeywords = 50;

async function recordGap(
  trx: Transaction,
  actor: Actor,
  input: GapAction,
  fields: { directorateId?: string | null; folderId?: string | null; terms?: string[] | null; note?: string | null },
) {
  await trx.raw(
    `insert into search_gaps (query, action, directorate_id, folder_id, terms, note, acted_by) values (?, ?, ?, ?, ?, ?, ?)
     on conflict ((lower(query))) do update set query = excluded.query, action = excluded.action, directorate_id = excluded.directorate_id,
       folder_id = excluded.folder_id, terms = excluded.terms, note = excluded.note, acted_by = excluded.acted_by, acted_at = now()`,
    [
      input.query,
      input.action,
      fields.directorateId ?? null,
      fields.folderId ?? null,
      fields.terms ? JSON.stringify(fields.terms) : null,
      fields.note || null,
      actor.id,
    ],
  );
}

/**
 * Acts on a query agents searched without finding, in one click: an editor adds it to the keywords
 * of one of their schemes (reindexed by the jobs queue), an administrator makes it a synonym, either
 * hands it to a directorate with a note. The action is kept per query (the latest replaces the one
 * before) and audited.
 */
export async function actOnGap(db: Db, actor: Actor, input: GapAction, audit: AuditContext) {
  await db.transaction(async (trx) => {
    if (input.action === 'keyword') {
      const folder = await findFolder(trx, input.folderId);
      authorize(actor, 'folder.update', folderSubject(folder));
      if (!folder.is_scheme) throw new ValidationError("folderId : Ce dossier n'est pas un dispositif.");
      const keywords = folder.scheme_keywords ?? [];
      if (!keywords.some((keyword) => keyword.toLowerCase() === input.query.toLowerCase())) {
        if (keywords.length >= maxKeywords)
          throw new ValidationError(`Ce dispositif a déjà ${maxKeywords} mots-clés : retirez-en un depuis sa fiche.`);
        const after = [...keywords, input.query];
        await trx('folders').where({ id: folder.id }).update({ scheme_keywords: after, updated_at: trx.fn.now() });
        await enqueueFolderSync(trx, folder.id);
        await recordAudit(trx, audit, {
          action: 'scheme.keyword_added',
          objectType: 'folder',
          objectId: folder.id,
          changes: { keyword: input.query, name: folder.name },
        });
      }
      await recordGap(trx, actor, input, { folderId: folder.id, directorateId: folder.directorate_id });
    } else if (input.action === 'synonym') {
      authorize(actor, 'admin.manage', app);
      const group = [input.query, ...input.terms];
      await addSynonymGroup(trx, actor, group, audit);
      await recordGap(trx, actor, input, { terms: input.terms });
    } else {
      authorize(actor, 'insights.read', app);
      const directorate = await trx('directorates').where({ id: input.directorateId, is_active: true }).first('id', 'name');
      if (!directorate) throw new ValidationError('directorateId : Direction inconnue.');
      await recordGap(trx, actor, input, { directorateId: directorate.id, note: input.note });
      await recordAudit(trx, audit, {
        action: 'insights.query_assigned',
        objectType: 'directorate',
        objectId: directorate.id,
        changes: { query: input.query, note: input.note || null, name: directorate.name },
      });
    }
  });
  if (input.action === 'synonym') forgetQueryExpander(db);
  return (await gapsOf(db, [input.query.toLowerCase()])).get(input.query.toLowerCase()) ?? null;
}
