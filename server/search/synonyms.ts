import { z } from 'zod';
import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { NotFoundError, ValidationError } from '../errors';
import { expansionsOf, shippedThesaurus, synonymSet, type SearchRequest, type SynonymSet } from '../../search';

/** The synonym groups administrators keep in PostgreSQL. */
export async function adminSynonymGroups(db: Db): Promise<string[][]> {
  const rows = await db('synonyms').orderBy('created_at').select<{ terms: string[] }[]>('terms');
  return rows.map((row) => row.terms);
}

async function disabledThesaurusIds(db: Db): Promise<Set<string>> {
  return new Set(await db('thesaurus_disabled').pluck('entry_id'));
}

/** Everything the index searches as synonyms: the shipped thesaurus less what administrators switched off, and their own groups. */
export async function synonymGroups(db: Db): Promise<SynonymSet> {
  const [admin, disabled] = await Promise.all([adminSynonymGroups(db), disabledThesaurusIds(db)]);
  return synonymSet(admin, disabled);
}

/** How long an instance reads the synonyms before reading them again (another instance may have changed them). */
const expanderTtlMs = 30000;
const expanders = new WeakMap<Db, { expand: SearchRequest['expand']; readAt: number; reading?: Promise<void> }>();

/**
 * What a query word also stands for, from the same synonyms as the index: read from PostgreSQL,
 * kept for 30 s per instance, renewed in the background (a search never waits for it, but the first).
 */
export async function queryExpander(db: Db): Promise<NonNullable<SearchRequest['expand']>> {
  let entry = expanders.get(db);
  const read = async () => {
    const expand = expansionsOf(await synonymGroups(db));
    expanders.set(db, { expand, readAt: Date.now() });
  };
  if (!entry) {
    await read();
    entry = expanders.get(db);
  } else if (Date.now() - entry.readAt > expanderTtlMs && !entry.reading) {
    entry.reading = read().catch(() => {
      if (entry) entry.reading = undefined;
    });
  }
  return entry?.expand ?? (() => []);
}

/** Forgets the synonyms read, after a change made by this instance. */
export function forgetQueryExpander(db: Db) {
  expanders.delete(db);
}

/** The shipped thesaurus as the administration screen shows it: every entry, switched on or off. */
export async function thesaurusEntries(db: Db) {
  const disabled = await disabledThesaurusIds(db);
  const thesaurus = shippedThesaurus();
  return {
    name: thesaurus.name,
    version: thesaurus.version,
    licence: thesaurus.licence,
    sources: thesaurus.sources,
    entries: thesaurus.entries.map((entry) => ({ ...entry, isEnabled: !disabled.has(entry.id) })),
  };
}

export const thesaurusEntryParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, { error: 'Entrée du thésaurus inconnue.' }) });
export const thesaurusEntryUpdateSchema = z.object({ isEnabled: z.boolean({ error: 'isEnabled : vrai ou faux.' }) }).strict();

/** Switches a shipped entry on or off; queries read it within 30 s on every instance (at once on this one). */
export async function setThesaurusEntry(db: Db, actor: { id: string }, id: string, isEnabled: boolean, audit: AuditContext) {
  if (!shippedThesaurus().entries.some((entry) => entry.id === id)) throw new NotFoundError('Cette entrée du thésaurus est introuvable.');
  await db.transaction(async (trx) => {
    if (isEnabled) await trx('thesaurus_disabled').where({ entry_id: id }).delete();
    else await trx('thesaurus_disabled').insert({ entry_id: id, disabled_by: actor.id }).onConflict('entry_id').ignore();
    await recordAudit(trx, audit, {
      action: isEnabled ? 'thesaurus.enabled' : 'thesaurus.disabled',
      objectType: 'thesaurus',
      changes: { entry: { before: id, after: isEnabled } },
    });
  });
  forgetQueryExpander(db);
}

export const synonymsSchema = z
  .object({
    groups: z
      .array(
        z
          .array(
            z
              .string()
              .trim()
              .min(1, { error: 'Un terme ne peut pas être vide.' })
              .max(100, { error: 'Un terme : 100 caractères au plus.' }),
          )
          .min(2, { error: 'Un groupe de synonymes a au moins deux termes.' })
          .max(20, { error: 'Un groupe : 20 termes au plus.' }),
      )
      .max(1000, { error: '1000 groupes au plus.' }),
  })
  .strict();

/** Replaces every synonym group; queries read them within 30 s on every instance (at once on this one). */
export async function replaceSynonyms(db: Db, actor: { id: string }, groups: string[][], audit: AuditContext) {
  await db.transaction(async (trx) => {
    const before = await trx('synonyms').orderBy('created_at').pluck('terms');
    await trx('synonyms').delete();
    if (groups.length > 0) await trx('synonyms').insert(groups.map((terms) => ({ terms, created_by: actor.id })));
    await recordAudit(trx, audit, { action: 'synonyms.replaced', objectType: 'synonyms', changes: { groups: { before, after: groups } } });
  });
  forgetQueryExpander(db);
}

/** Adds one synonym group (from an unanswered query); the caller forgets the expander after commit. */
export async function addSynonymGroup(trx: Transaction, actor: { id: string }, group: string[], audit: AuditContext) {
  const terms = [...new Map(group.map((term) => [term.toLowerCase(), term])).values()];
  if (terms.length < 2) throw new ValidationError('terms : Donnez au moins un terme différent de la recherche.');
  await trx('synonyms').insert({ terms, created_by: actor.id });
  await recordAudit(trx, audit, { action: 'synonyms.group_added', objectType: 'synonyms', changes: { group: terms } });
}
