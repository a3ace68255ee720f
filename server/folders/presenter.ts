import { can, type Actor } from '../policies';
import { availabilityOf, todayInParis } from './availability';

export interface FolderRow {
  id: string;
  parent_id: string | null;
  name: string;
  position: number;
  directorate_id: string | null;
  directorate_code: string | null;
  directorate_name: string | null;
  is_scheme: boolean;
  scheme_promise: string | null;
  scheme_summary: string | null;
  scheme_amount: string | null;
  scheme_audiences: string[];
  scheme_aid_types: string[];
  scheme_keywords: string[];
  scheme_opens_on: string | null;
  scheme_closes_on: string | null;
  scheme_is_permanent: boolean;
  referent_name: string | null;
  referent_service: string | null;
  referent_email: string | null;
  referent_phone: string | null;
  referent_public_fields: ('name' | 'service' | 'email' | 'phone')[];
  info_url: string | null;
  apply_url: string | null;
  archived_at: Date | null;
  updated_at: Date;
  review_interval_days: number;
  verified_at: Date | null;
  verified_by: string | null;
  verified_by_name: string | null;
  verifier_id: string | null;
  verifier_name: string | null;
  /** The verifier the card names (null: the referent by default). */
  named_verifier_id: string | null;
  /** YYYY-MM-DD on the Region's calendar; null when the card was never verified. */
  review_due_on: string | null;
}

/** When the card was last confirmed, by whom, when it is due again, and who is in charge of it. */
export function presentVerification(row: FolderRow, today = todayInParis()) {
  return {
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by ? { id: row.verified_by, name: row.verified_by_name } : null,
    reviewIntervalDays: row.review_interval_days,
    reviewDueOn: row.review_due_on,
    /** Due on or before today (or never verified): agents see "À vérifier". */
    isReviewDue: row.review_due_on === null || row.review_due_on <= today,
    /** `isNamed`: chosen on the card; otherwise the referent, who has an editor's account. */
    verifier: row.verifier_id ? { id: row.verifier_id, name: row.verifier_name, isNamed: row.named_verifier_id !== null } : null,
  };
}

export function presentScheme(row: FolderRow) {
  if (!row.is_scheme) return null;
  const dates = { opensOn: row.scheme_opens_on, closesOn: row.scheme_closes_on, isPermanent: row.scheme_is_permanent };
  return {
    promise: row.scheme_promise ?? '',
    summary: row.scheme_summary ?? '',
    amount: row.scheme_amount ?? '',
    directorate: row.directorate_id ? { id: row.directorate_id, code: row.directorate_code, name: row.directorate_name } : null,
    audiences: row.scheme_audiences,
    aidTypes: row.scheme_aid_types,
    keywords: row.scheme_keywords,
    ...dates,
    availability: availabilityOf(dates),
    referent: {
      name: row.referent_name,
      service: row.referent_service,
      email: row.referent_email,
      phone: row.referent_phone,
      publicFields: row.referent_public_fields,
    },
    links: { infoUrl: row.info_url, applyUrl: row.apply_url },
    isArchived: row.archived_at !== null,
    ...presentVerification(row),
  };
}

/** A folder of the thematic tree, with its scheme card when it is a scheme, and what the user may do. */
export function presentFolder(row: FolderRow, actor: Actor) {
  const subject = { kind: 'folder' as const, directorateId: row.directorate_id };
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    position: row.position,
    directorateId: row.directorate_id,
    scheme: presentScheme(row),
    updatedAt: row.updated_at,
    can: {
      update: can(actor, 'folder.update', subject),
      delete: can(actor, 'folder.delete', subject),
      // The policy decides: a scheme of the user's own directorate under this theme.
      createScheme:
        row.parent_id === null &&
        can(actor, 'folder.create', { kind: 'folderPlacement', parent: subject, directorateId: actor.directorateId }),
      createSubfolder:
        row.directorate_id !== null &&
        can(actor, 'folder.create', { kind: 'folderPlacement', parent: subject, directorateId: row.directorate_id }),
      upload:
        row.directorate_id !== null &&
        can(actor, 'document.create', { kind: 'document', directorateId: row.directorate_id, scope: 'internal', status: 'draft' }),
      verify: row.is_scheme && can(actor, 'folder.update', subject),
      report: row.directorate_id !== null,
    },
  };
}
