import { recordAudit, type AuditContext } from '../audit/record';
import type { Transaction } from '../db';
import { enqueueDocumentSync } from '../search/enqueue';
import { suggestDocType } from './docTypeSuggestion';
import { titleOf, type TitleHints, type TitleSource } from './titles';

/**
 * A document names itself once its text is read. The upload is recorded at once (the extraction
 * runs later, in the worker), with the title given in the form, or else the file name made
 * readable (`title_source` 'file_name'), and the type chosen, or else suggested from the file name.
 * When the extraction of its current version finishes, what the file says of itself (metadata
 * title, first heading, first page) replaces the title and the type — only those nobody has
 * chosen or edited since (`title_source` still not 'user', `doc_type_is_suggested` still true).
 */

/** Who renames a document from its content: the app itself, in the audit trail. */
export const systemAudit: AuditContext = { actorId: null, actorLabel: 'Système (titre et type lus dans le document)' };

interface NamingRow {
  id: string;
  title: string;
  title_source: TitleSource;
  doc_type: string;
  doc_type_is_suggested: boolean;
  original_filename: string;
}

/** Call in the transaction that stores a version's extracted pages. */
export async function nameFromContent(
  trx: Transaction,
  versionId: string,
  content: { hints?: TitleHints; firstPage?: string },
): Promise<void> {
  const document = (await trx('documents as doc')
    .join('versions as v', 'v.id', 'doc.current_version_id')
    .where('doc.current_version_id', versionId)
    .whereNull('doc.deleted_at')
    .where((w) => w.whereNot('doc.title_source', 'user').orWhere('doc.doc_type_is_suggested', true))
    .forUpdate('doc')
    .first('doc.id', 'doc.title', 'doc.title_source', 'doc.doc_type', 'doc.doc_type_is_suggested', 'v.original_filename')) as
    NamingRow | undefined;
  if (!document) return;
  const changes: Record<string, unknown> = {};
  const audited: Record<string, { before: unknown; after: unknown }> = {};
  let title = document.title;
  if (document.title_source !== 'user') {
    const named = titleOf(content.hints, document.original_filename);
    if (named.source !== document.title_source) changes.title_source = named.source;
    if (named.title !== document.title) {
      changes.title = named.title;
      audited.title = { before: document.title, after: named.title };
      title = named.title;
    }
  }
  if (document.doc_type_is_suggested) {
    const docType = suggestDocType({ filename: document.original_filename, title, firstPage: content.firstPage });
    if (docType !== document.doc_type) {
      changes.doc_type = docType;
      audited.doc_type = { before: document.doc_type, after: docType };
    }
  }
  if (Object.keys(audited).length === 0) {
    if (changes.title_source) await trx('documents').where({ id: document.id }).update({ title_source: changes.title_source });
    return;
  }
  await trx('documents')
    .where({ id: document.id })
    .update({ ...changes, updated_at: trx.fn.now() });
  await enqueueDocumentSync(trx, document.id);
  await recordAudit(trx, systemAudit, { action: 'document.updated', objectType: 'document', objectId: document.id, changes: audited });
}
