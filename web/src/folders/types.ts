/** The shapes the API sends about folders and schemes (server/folders/presenter.ts). */

export type Availability = 'a_venir' | 'ouvert' | 'cloture_proche' | 'clos' | 'permanent';

export interface Directorate {
  id: string;
  code: string;
  name: string;
}

/** The referent's contact fields a card may make public (server/folders/schema.ts). */
export type ReferentField = 'name' | 'service' | 'email' | 'phone';

export type Scheme = {
  promise: string;
  summary: string;
  /** What it pays, as the card says it ("jusqu'à 500 €"); empty when the card does not say. */
  amount: string;
  directorate: Directorate | null;
  audiences: string[];
  aidTypes: string[];
  keywords: string[];
  opensOn: string | null;
  closesOn: string | null;
  isPermanent: boolean;
  availability: Availability;
  referent: { name: string | null; service: string | null; email: string | null; phone: string | null; publicFields: ReferentField[] };
  links: { infoUrl: string | null; applyUrl: string | null };
  isArchived: boolean;
} & Verification;

/** When the card was last confirmed and when it is due again (server/folders/presenter.ts). */
export interface Verification {
  verifiedAt: string | null;
  verifiedBy: { id: string; name: string | null } | null;
  reviewIntervalDays: number;
  /** AAAA-MM-JJ on the Region's calendar; null when never verified. */
  reviewDueOn: string | null;
  /** Due (or overdue): agents see "À vérifier". */
  isReviewDue: boolean;
  /** `isNamed`: chosen on the card; otherwise the referent, who has an editor's account. */
  verifier: { id: string; name: string | null; isNamed: boolean } | null;
}

export interface Folder {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  directorateId: string | null;
  scheme: Scheme | null;
  updatedAt: string;
  can: {
    update: boolean;
    delete: boolean;
    createScheme: boolean;
    createSubfolder: boolean;
    upload: boolean;
    verify: boolean;
    report: boolean;
  };
}

export interface FolderDetail {
  folder: Folder;
  path: { id: string; name: string }[];
  children: Folder[];
}
