import { recordAudit, type AuditContext } from '../audit/record';
import type { Db, Transaction } from '../db';
import { documentSubject } from '../documents/presenter';
import { findDocument } from '../documents/service';
import { NotFoundError, ValidationError } from '../errors';
import { findFolder } from '../folders/rows';
import { authorize, type Actor } from '../policies';
import type { ReportRow } from './presenter';
import type { CreateReportInput, ListReportsQuery, UpdateReportInput } from './schema';

function reportsQuery(db: Db | Transaction) {
  return db('reports as r')
    .join('directorates as d', 'd.id', 'r.directorate_id')
    .leftJoin('folders as f', 'f.id', 'r.folder_id')
    .leftJoin('documents as doc', 'doc.id', 'r.document_id')
    .leftJoin('users as reporter', 'reporter.id', 'r.reporter_id')
    .leftJoin('maisons as m', 'm.id', 'r.reporter_maison_id')
    .leftJoin('users as handler', 'handler.id', 'r.handled_by')
    .select(
      'r.id',
      'r.folder_id',
      'r.document_id',
      db.raw('coalesce(f.name, doc.title) as subject_name'),
      db.raw('coalesce(r.folder_id, doc.folder_id) as subject_folder_id'),
      'r.directorate_id',
      'd.name as directorate_name',
      'r.reason',
      'r.comment',
      'r.status',
      'r.answer',
      'r.reporter_id',
      'reporter.display_name as reporter_name',
      'm.name as maison_name',
      'handler.display_name as handled_by_name',
      'r.handled_at',
      'r.created_at',
      'r.updated_at',
    );
}

async function findReport(db: Db | Transaction, id: string): Promise<ReportRow> {
  const row = (await reportsQuery(db).where('r.id', id).first()) as ReportRow | undefined;
  if (!row) throw new NotFoundError('Ce signalement est introuvable.');
  return row;
}

/** The directorate a report goes to: the one that owns the document, or the scheme. */
async function owningDirectorate(trx: Transaction, actor: Actor, input: CreateReportInput): Promise<string> {
  if (input.documentId) {
    const document = await findDocument(trx, input.documentId);
    authorize(actor, 'document.read', documentSubject(document));
    return document.directorate_id;
  }
  const folder = await findFolder(trx, input.folderId as string);
  if (!folder.directorate_id)
    throw new ValidationError("Un thème n'appartient à aucune direction : signalez le dispositif ou le document concerné.");
  return folder.directorate_id;
}

/** An agent's report, routed to the owning directorate's queue. */
export async function createReport(db: Db, actor: Actor, input: CreateReportInput, audit: AuditContext) {
  return db.transaction(async (trx) => {
    const directorateId = await owningDirectorate(trx, actor, input);
    const [created] = await trx('reports')
      .insert({
        folder_id: input.folderId ?? null,
        document_id: input.documentId ?? null,
        directorate_id: directorateId,
        reason: input.reason,
        comment: input.comment,
        reporter_id: actor.id,
        reporter_maison_id: actor.maisonId,
      })
      .returning<{ id: string }[]>('id');
    const id = (created as { id: string }).id;
    await recordAudit(trx, audit, {
      action: 'report.created',
      objectType: 'report',
      objectId: id,
      changes: { reason: input.reason, subject: input.documentId ? { document: input.documentId } : { folder: input.folderId } },
    });
    return findReport(trx, id);
  });
}

/**
 * What the actor may see: an agent, the reports they sent (never another Maison's); an editor, their
 * directorate's; an admin, all of them. `mine` narrows anyone to their own.
 */
export async function listReports(db: Db, actor: Actor, query: ListReportsQuery): Promise<ReportRow[]> {
  const rows = reportsQuery(db).orderBy('r.created_at', 'desc').limit(500);
  if (query.mine || actor.role === 'agent') rows.where('r.reporter_id', actor.id);
  else if (actor.role === 'editor') rows.where('r.directorate_id', actor.directorateId);
  if (query.directorateId) rows.where('r.directorate_id', query.directorateId);
  if (query.status === 'open') rows.whereIn('r.status', ['new', 'in_progress']);
  else if (query.status) rows.where('r.status', query.status);
  return (await rows) as ReportRow[];
}

/** The directorate's editor moves a report along (new, in progress, resolved) and answers it. */
export async function updateReport(db: Db, actor: Actor, id: string, input: UpdateReportInput, audit: AuditContext) {
  return db.transaction(async (trx) => {
    const before = await findReport(trx, id);
    // An agent learns nothing of a report that is not theirs: it does not exist for them.
    if (actor.role === 'agent' && before.reporter_id !== actor.id) throw new NotFoundError('Ce signalement est introuvable.');
    authorize(actor, 'report.manage', { kind: 'report', directorateId: before.directorate_id });
    await trx('reports')
      .where({ id })
      .update({
        ...(input.status === undefined ? {} : { status: input.status }),
        ...(input.answer === undefined ? {} : { answer: input.answer === '' ? null : input.answer }),
        handled_by: actor.id,
        handled_at: trx.fn.now(),
        updated_at: trx.fn.now(),
      });
    const after = await findReport(trx, id);
    await recordAudit(trx, audit, {
      action: 'report.updated',
      objectType: 'report',
      objectId: id,
      changes: {
        ...(before.status === after.status ? {} : { status: { before: before.status, after: after.status } }),
        ...(before.answer === after.answer ? {} : { answer: { before: before.answer, after: after.answer } }),
      },
    });
    return after;
  });
}
