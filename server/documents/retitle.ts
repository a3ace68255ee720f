import { buffer } from 'node:stream/consumers';
import { recordAudit, type AuditContext } from '../audit/record';
import type { Db } from '../db';
import { extractText, type ExtractionLimits } from '../extraction';
import { enqueueDocumentSync } from '../search/enqueue';
import type { Storage } from '../../storage';
import type { FileType } from './fileTypes';
import { isPlaceholderTitle, titleOf, type TitleSource } from './titles';

/**
 * `npm run titles`: documents made before they named themselves (server/documents/naming.ts) are
 * still titled after their file ("Ec-Eau-Tourisme-reglement"). Their files are read again (in the
 * bounded extraction process) for the title they carry, proposed as old → new, and applied only on
 * confirmation: audited as the system's, reindexed through the job queue.
 */

export interface TitleProposal {
  documentId: string;
  filename: string;
  before: string;
  after: string;
  source: Exclude<TitleSource, 'user'>;
}

/** Who renames documents in bulk, in the audit trail. */
export const titlesCommandAudit: AuditContext = { actorId: null, actorLabel: 'Système (npm run titles)', userAgent: 'npm run titles' };

interface Candidate {
  id: string;
  title: string;
  original_filename: string;
  storage_key: string;
  file_type: FileType;
}

/** Live documents whose title is still their file name, or its stem (case, accents and separators aside). */
async function namedAfterTheirFile(db: Db): Promise<Candidate[]> {
  const rows = (await db('documents as doc')
    .join('versions as v', 'v.id', 'doc.current_version_id')
    .whereNull('doc.deleted_at')
    .whereNull('v.storage_deleted_at')
    .orderBy('doc.created_at')
    .select('doc.id', 'doc.title', 'v.original_filename', 'v.storage_key', 'v.file_type')) as Candidate[];
  return rows.filter((row) => isPlaceholderTitle(row.title, row.original_filename) && row.title !== '');
}

/** What each document still named after its file would be titled, reading its file again; unchanged ones left out. */
export async function proposeTitles(
  deps: { db: Db; storage: Storage; extractionLimits?: ExtractionLimits },
  onProgress?: (done: number, total: number) => void,
): Promise<TitleProposal[]> {
  const candidates = await namedAfterTheirFile(deps.db);
  const proposals: TitleProposal[] = [];
  for (const [i, candidate] of candidates.entries()) {
    const data = await buffer((await deps.storage.get(candidate.storage_key)).body);
    const result = await extractText(candidate.file_type, data, deps.extractionLimits);
    const named = titleOf(result.ok ? result.hints : undefined, candidate.original_filename);
    if (named.title !== candidate.title)
      proposals.push({
        documentId: candidate.id,
        filename: candidate.original_filename,
        before: candidate.title,
        after: named.title,
        source: named.source,
      });
    onProgress?.(i + 1, candidates.length);
  }
  return proposals;
}

/**
 * Applies proposals, each in its own transaction with its audit event and its reindex job. A
 * document renamed or deleted since the proposal was made is left as it is. Returns how many changed.
 */
export async function applyTitles(db: Db, proposals: TitleProposal[], audit: AuditContext = titlesCommandAudit): Promise<number> {
  let applied = 0;
  for (const proposal of proposals) {
    await db.transaction(async (trx) => {
      const updated = await trx('documents')
        .where({ id: proposal.documentId, title: proposal.before })
        .whereNull('deleted_at')
        .update({ title: proposal.after, title_source: proposal.source, updated_at: trx.fn.now() });
      if (updated === 0) return;
      applied += 1;
      await enqueueDocumentSync(trx, proposal.documentId);
      await recordAudit(trx, audit, {
        action: 'document.updated',
        objectType: 'document',
        objectId: proposal.documentId,
        changes: { title: { before: proposal.before, after: proposal.after } },
      });
    });
  }
  return applied;
}
