import { z } from 'zod';
import { recordAudit, type AuditContext } from '../audit/record';
import type { Db } from '../db';
import { enqueueSettings } from './jobs';

/** The synonym groups administrators keep in PostgreSQL (the index gets them from here). */
export async function synonymGroups(db: Db): Promise<string[][]> {
  const rows = await db('synonyms').orderBy('created_at').select<{ terms: string[] }[]>('terms');
  return rows.map((row) => row.terms);
}

export const synonymsSchema = z
  .object({
    groups: z
      .array(
        z
          .array(z.string().trim().min(1, { error: 'Un terme ne peut pas être vide.' }).max(100, { error: 'Un terme : 100 caractères au plus.' }))
          .min(2, { error: 'Un groupe de synonymes a au moins deux termes.' })
          .max(20, { error: 'Un groupe : 20 termes au plus.' }),
      )
      .max(1000, { error: '1000 groupes au plus.' }),
  })
  .strict();

/** Replaces every synonym group; the index gets them through the settings job (same transaction). */
export async function replaceSynonyms(db: Db, actor: { id: string }, groups: string[][], audit: AuditContext) {
  await db.transaction(async (trx) => {
    const before = await trx('synonyms').orderBy('created_at').pluck('terms');
    await trx('synonyms').delete();
    if (groups.length > 0) await trx('synonyms').insert(groups.map((terms) => ({ terms, created_by: actor.id })));
    await enqueueSettings(trx);
    await recordAudit(trx, audit, { action: 'synonyms.replaced', objectType: 'synonyms', changes: { groups: { before, after: groups } } });
  });
}
