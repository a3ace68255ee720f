import { formatDateTime, scopeLabels, statusLabels, docTypeLabels } from '../../labels';
import { roleLabels } from '../../session';

/**
 * The audit trail in words: the French names of its actions, object types and fields, and
 * "champ : avant → après" for what changed. Codes the UI does not know yet show as they are.
 */

export const actionLabels: Record<string, string> = {
  'user.sign_in': 'Connexion',
  'user.sign_out': 'Déconnexion',
  'user.created_at_sign_in': 'Compte créé à la première connexion',
  'user.deactivated': 'Compte désactivé',
  'user.reactivated': 'Compte réactivé',
  'directorate.created': 'Direction ajoutée',
  'directorate.updated': 'Direction modifiée',
  'directorate.deactivated': 'Direction désactivée',
  'directorate.deleted': 'Direction supprimée',
  'maison.created': 'Maison ajoutée',
  'maison.updated': 'Maison modifiée',
  'maison.deactivated': 'Maison désactivée',
  'maison.deleted': 'Maison supprimée',
  'folder.created': 'Dossier créé',
  'folder.updated': 'Dossier modifié',
  'folder.deleted': 'Dossier supprimé',
  'scheme.created': 'Dispositif créé',
  'scheme.archived': 'Dispositif archivé',
  'document.created': 'Document ajouté',
  'document.version_added': 'Nouvelle version d’un document',
  'document.updated': 'Document modifié',
  'document.archived': 'Document archivé',
  'document.deleted': 'Document supprimé',
  'share_link.created': 'Lien public créé',
  'share_link.regenerated': 'Lien public remplacé',
  'share_link.expiry_set': 'Expiration d’un lien public',
  'share_link.revoked': 'Lien public révoqué',
  'synonyms.replaced': 'Synonymes enregistrés',
  'job.retried': 'Tâche relancée',
};

export const objectTypeLabels: Record<string, string> = {
  user: 'Utilisateur',
  directorate: 'Direction',
  maison: 'Maison de Région',
  folder: 'Dossier',
  document: 'Document',
  synonyms: 'Synonymes',
  job: 'Tâche',
};

const fieldLabels: Record<string, string> = {
  name: 'nom',
  code: 'code',
  city: 'ville',
  is_active: 'active',
  isActive: 'actif',
  title: 'titre',
  summary: 'résumé',
  doc_type: 'type',
  scope: 'portée',
  status: 'statut',
  version: 'version',
  file: 'fichier',
  folder_id: 'dossier',
  parentId: 'dossier parent',
  parent_id: 'dossier parent',
  directorate_id: 'direction',
  archived_at: 'archivé le',
  expiresAt: 'expiration',
  groups: 'groupes',
  role: 'rôle',
  method: 'méthode',
  reason: 'motif',
};

const valueLabels: Record<string, Record<string, string>> = { scope: scopeLabels, status: statusLabels, doc_type: docTypeLabels, role: roleLabels };

const text = { empty: '—', yes: 'oui', no: 'non', arrow: '→', more: '…' };
const longest = 120;

function valueOf(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return text.empty;
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (typeof value === 'string') {
    const known = valueLabels[field]?.[value];
    if (known) return known;
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    return value.length > longest ? `${value.slice(0, longest)}${text.more}` : value;
  }
  if (Array.isArray(value)) return value.map((item) => (Array.isArray(item) ? item.join(', ') : valueOf(field, item))).join(' ; ') || text.empty;
  return valueOf(field, JSON.stringify(value));
}

const isChange = (value: unknown): value is { before: unknown; after: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'before' in value && 'after' in value;

/** One line per field: "nom : Direction des Sports → Direction des Sports et de la Jeunesse", or "motif : manual". */
export function changeLines(changes: Record<string, unknown> | null): string[] {
  return Object.entries(changes ?? {}).map(([field, value]) => {
    const label = fieldLabels[field] ?? field;
    return isChange(value) ? `${label} : ${valueOf(field, value.before)} ${text.arrow} ${valueOf(field, value.after)}` : `${label} : ${valueOf(field, value)}`;
  });
}
