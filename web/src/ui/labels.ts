import type { Availability } from '../folders/types';
import type { DocumentStatus, Scope, Version } from '../documents/types';
import type { ReportReason, ReportStatus } from '../reports/types';

/**
 * The French words for the API's codes, shared by every screen. The key order of each record is
 * the order shown in forms; the codes are those of server/folders/schema.ts and
 * server/documents/schema.ts.
 */

export const audienceLabels: Record<string, string> = {
  entreprises: 'Entreprises',
  associations: 'Associations',
  collectivites: 'Collectivités',
  particuliers: 'Particuliers',
  jeunes: 'Jeunes',
  agriculteurs: 'Agriculteurs',
  etudiants: 'Étudiants',
  demandeurs_emploi: "Demandeurs d'emploi",
};

export const aidTypeLabels: Record<string, string> = {
  subvention: 'Subvention',
  pret: 'Prêt',
  avance_remboursable: 'Avance remboursable',
  garantie: 'Garantie',
  accompagnement: 'Accompagnement',
  appel_a_projets: 'Appel à projets',
  prix: 'Prix',
};

export const docTypeLabels: Record<string, string> = {
  fiche_synthese: 'Fiche synthèse',
  reglement: "Règlement d'intervention",
  formulaire: 'Formulaire',
  faq: 'FAQ',
  note_interne: 'Note interne',
  deliberation: 'Délibération',
  guide: 'Guide',
  autre: 'Autre',
};

export const availabilityLabels: Record<Availability, string> = {
  a_venir: 'À venir',
  ouvert: 'Ouvert',
  cloture_proche: 'Clôture proche',
  clos: 'Clos',
  permanent: 'Permanent',
};

/** The reasons an agent gives when reporting (server/reports/schema.ts), in the order of the form. */
export const reportReasonLabels: Record<ReportReason, string> = {
  inexact: 'Information inexacte',
  incomplete: 'Incomplète',
  closed: 'Dispositif clos',
  broken_link: 'Lien cassé',
  other: 'Autre',
};

export const reportStatusLabels: Record<ReportStatus, string> = { new: 'Nouveau', in_progress: 'En cours', resolved: 'Résolu' };

export const scopeLabels: Record<Scope, string> = { internal: 'Interne', external: 'Externe' };

export const scopeHelp: Record<Scope, string> = {
  internal: 'Réservé aux agents de la Région, connectés à L’info pour tous.',
  external:
    'Un lien public existera tant que le document est publié : les citoyens qui le reçoivent pourront l’ouvrir et le télécharger, sans compte.',
};

export const statusLabels: Record<DocumentStatus, string> = { draft: 'Brouillon', published: 'Publié', archived: 'Archivé' };

export const extractionLabels: Record<Version['extractionStatus'], string> = {
  pending: 'Indexation en cours',
  done: 'Indexé',
  failed: "Échec de l'indexation (trouvable par son titre)",
  skipped: 'Sans texte (trouvable par son titre)',
  unrecognized: 'Texte non reconnu (trouvable par son titre)',
};

/** A code's label, or the code itself when the UI does not know it yet. */
export const labelOf = (labels: Record<string, string>, code: string): string => labels[code] ?? code;

/** 532 octets, 12 Ko, 3,4 Mo: French units, 1 Ko = 1024 octets. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`;
  const number = (value: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} Ko`;
  if (bytes < 1024 * 1024 * 1024) return `${number(bytes / 1024 / 1024)} Mo`;
  return `${number(bytes / 1024 / 1024 / 1024)} Go`;
}

/** "12 mars 2026" from an ISO date or timestamp; a bare date (AAAA-MM-JJ) stays that day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const isBareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(isBareDate ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(isBareDate ? {} : { timeZone: 'Europe/Paris' }),
  }).format(date);
}

/** "12 mars 2026 à 14:05". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date);
}

/** "PDF", "DOCX"… */
export const fileTypeLabel = (fileType: string) => (fileType === 'jpeg' ? 'JPEG' : fileType.toUpperCase());

export const appName = "L'info pour tous";
