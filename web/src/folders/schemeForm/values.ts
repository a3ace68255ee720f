import { ApiError } from '../../api';
import { splitFieldMessage } from '../../ui/errors';
import type { Folder, ReferentField } from '../types';

/** What the scheme form edits, as strings and lists the inputs hold. */
export interface SchemeFormValues {
  name: string;
  promise: string;
  summary: string;
  amount: string;
  directorateId: string;
  audiences: string[];
  aidTypes: string[];
  keywords: string;
  opensOn: string;
  closesOn: string;
  isPermanent: boolean;
  referentName: string;
  referentService: string;
  referentEmail: string;
  referentPhone: string;
  /** Which referent fields the citizen's pages and handouts show. */
  referentPublicFields: ReferentField[];
  infoUrl: string;
  applyUrl: string;
  /** Days between two verifications of the card. */
  reviewIntervalDays: string;
  /** '' : the referent, when they have an editor's account. */
  verifierId: string;
}

export type SchemeField = keyof SchemeFormValues;

export function emptyValues(directorateId = ''): SchemeFormValues {
  return {
    name: '',
    promise: '',
    summary: '',
    amount: '',
    directorateId,
    audiences: [],
    aidTypes: [],
    keywords: '',
    opensOn: '',
    closesOn: '',
    isPermanent: false,
    referentName: '',
    referentService: '',
    referentEmail: '',
    referentPhone: '',
    referentPublicFields: ['service'],
    infoUrl: '',
    applyUrl: '',
    reviewIntervalDays: '180',
    verifierId: '',
  };
}

export function valuesOf(folder: Folder): SchemeFormValues {
  const scheme = folder.scheme;
  if (!scheme) return { ...emptyValues(folder.directorateId ?? ''), name: folder.name };
  return {
    name: folder.name,
    promise: scheme.promise,
    summary: scheme.summary,
    amount: scheme.amount,
    directorateId: scheme.directorate?.id ?? '',
    audiences: scheme.audiences,
    aidTypes: scheme.aidTypes,
    keywords: scheme.keywords.join(', '),
    opensOn: scheme.opensOn ?? '',
    closesOn: scheme.closesOn ?? '',
    isPermanent: scheme.isPermanent,
    referentName: scheme.referent.name ?? '',
    referentService: scheme.referent.service ?? '',
    referentEmail: scheme.referent.email ?? '',
    referentPhone: scheme.referent.phone ?? '',
    referentPublicFields: scheme.referent.publicFields,
    infoUrl: scheme.links.infoUrl ?? '',
    applyUrl: scheme.links.applyUrl ?? '',
    reviewIntervalDays: String(scheme.reviewIntervalDays),
    // Only a verifier named on the card; the referent by default stays the default.
    verifierId: scheme.verifier?.isNamed ? scheme.verifier.id : '',
  };
}

/** Only the filled-in fields: an empty e-mail or address is "none", not an invalid value. */
function filled(entries: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([, value]) => value.trim() !== '')
      .map(([key, value]) => [key, value.trim()]),
  );
}

/** The body of POST/PATCH /api/folders: `{ name, scheme }`. */
export function toPayload(values: SchemeFormValues) {
  return {
    name: values.name,
    scheme: {
      directorateId: values.directorateId,
      promise: values.promise,
      summary: values.summary,
      amount: values.amount,
      audiences: values.audiences,
      aidTypes: values.aidTypes,
      keywords: values.keywords
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean),
      opensOn: values.opensOn || null,
      closesOn: values.isPermanent ? null : values.closesOn || null,
      isPermanent: values.isPermanent,
      referent: {
        ...filled({ name: values.referentName, service: values.referentService, email: values.referentEmail, phone: values.referentPhone }),
        publicFields: values.referentPublicFields,
      },
      links: filled({ infoUrl: values.infoUrl, applyUrl: values.applyUrl }),
      ...(values.reviewIntervalDays.trim() === '' ? {} : { reviewIntervalDays: Number(values.reviewIntervalDays) }),
      verifierId: values.verifierId || null,
    },
  };
}

/** The server names the field before " : " (e.g. "scheme.referent.email : …"). */
const fieldOfPath: Record<string, SchemeField> = {
  name: 'name',
  'scheme.promise': 'promise',
  'scheme.summary': 'summary',
  'scheme.amount': 'amount',
  'scheme.directorateId': 'directorateId',
  'scheme.audiences': 'audiences',
  'scheme.aidTypes': 'aidTypes',
  'scheme.keywords': 'keywords',
  'scheme.opensOn': 'opensOn',
  'scheme.closesOn': 'closesOn',
  'scheme.isPermanent': 'isPermanent',
  'scheme.referent.name': 'referentName',
  'scheme.referent.service': 'referentService',
  'scheme.referent.email': 'referentEmail',
  'scheme.referent.phone': 'referentPhone',
  'scheme.referent.publicFields': 'referentPublicFields',
  'scheme.links.infoUrl': 'infoUrl',
  'scheme.links.applyUrl': 'applyUrl',
  'scheme.reviewIntervalDays': 'reviewIntervalDays',
  'scheme.verifierId': 'verifierId',
};

/** A refusal from the server, with the form field it is about when it names one. */
export function fieldError(error: unknown): { field?: SchemeField; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.code === 'conflict') return { field: 'name', message };
  const split = splitFieldMessage(message);
  const field = split.path ? fieldOfPath[split.path] : undefined;
  return field ? { field, message: split.message } : { message };
}
