import { recordAudit, type AuditContext } from '../audit/record';
import type { Db } from '../db';
import { ValidationError } from '../errors';
import { authorize, type Actor } from '../policies';
import { presentVerification } from './presenter';
import { folderSubject } from './service';
import { findFolder, listFolders } from './rows';

/** Schemes due within this many days show in the queue ahead of time ("à vérifier avant le …"). */
export const verificationHorizonDays = 30;

/** An editor confirms a scheme's card is current: its next verification is due one interval from today. */
export async function verifyScheme(db: Db, actor: Actor, id: string, audit: AuditContext) {
  return db.transaction(async (trx) => {
    const before = await findFolder(trx, id);
    authorize(actor, 'folder.update', folderSubject(before));
    if (!before.is_scheme) throw new ValidationError("Ce dossier n'est pas un dispositif : il n'a pas de fiche à vérifier.");
    await trx('folders').where({ id }).update({ verified_at: trx.fn.now(), verified_by: actor.id });
    const after = await findFolder(trx, id);
    await recordAudit(trx, audit, {
      action: 'scheme.verified',
      objectType: 'folder',
      objectId: id,
      changes: {
        verifiedAt: { before: before.verified_at, after: after.verified_at },
        reviewDueOn: { before: before.review_due_on, after: after.review_due_on },
      },
    });
    return after;
  });
}

/**
 * The live schemes of a directorate (all directorates: null) whose card is overdue or due within
 * `horizonDays`, the most overdue first.
 */
export async function schemesToVerify(db: Db, directorateId: string | null, horizonDays = verificationHorizonDays) {
  const folders = await listFolders(db);
  const horizon = new Date(Date.now() + horizonDays * 86400000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
  return folders
    .filter((row) => row.is_scheme && row.archived_at === null && (directorateId === null || row.directorate_id === directorateId))
    .filter((row) => row.review_due_on === null || row.review_due_on <= horizon)
    .sort((a, b) => (a.review_due_on ?? '').localeCompare(b.review_due_on ?? ''))
    .map((row) => ({
      id: row.id,
      name: row.name,
      directorate: { id: row.directorate_id, code: row.directorate_code, name: row.directorate_name },
      ...presentVerification(row),
    }));
}
