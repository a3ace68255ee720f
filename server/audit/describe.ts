/**
 * The audit trail in French, with names: one sentence per event ("Claire Martin a rendu externe
 * « Règlement Ec'Eau Tourisme »"), the label of its action, and one line per change
 * ("Diffusion : interne → externe"). The screen and the CSV export read the same words from here.
 */
import { reportReasonLabels, reportStatusLabels } from '../reports/labels';

export interface DescribedRow {
  action: string;
  object_type: string;
  object_id: string | null;
  changes: Record<string, unknown> | null;
  actor_label: string;
  /** The actor's current display name, when the account still exists. */
  actor_name: string | null;
  /** The object's current name (folder, document title, user, directorate, Maison), when it still exists. */
  object_name: string | null;
}

export const actionLabels: Record<string, string> = {
  'user.sign_in': 'Connexion',
  'user.sign_out': 'Déconnexion',
  'user.created_at_sign_in': 'Compte créé à la première connexion',
  'user.deactivated': 'Compte désactivé',
  'user.reactivated': 'Compte réactivé',
  'directorate.created': 'Direction ajoutée',
  'directorate.updated': 'Direction modifiée',
  'directorate.deactivated': 'Direction désactivée',
  'directorate.reactivated': 'Direction réactivée',
  'directorate.deleted': 'Direction supprimée',
  'maison.created': 'Maison ajoutée',
  'maison.updated': 'Maison modifiée',
  'maison.deactivated': 'Maison désactivée',
  'maison.reactivated': 'Maison réactivée',
  'maison.deleted': 'Maison supprimée',
  'folder.created': 'Dossier créé',
  'folder.updated': 'Dossier modifié',
  'folder.deleted': 'Dossier supprimé',
  'scheme.created': 'Dispositif créé',
  'scheme.archived': 'Dispositif archivé',
  'scheme.keyword_added': 'Mot-clé ajouté depuis les recherches',
  'scheme.verified': 'Dispositif vérifié',
  'report.created': 'Signalement envoyé',
  'report.updated': 'Signalement traité',
  'document.created': 'Document ajouté',
  'document.version_added': 'Nouvelle version d’un document',
  'document.updated': 'Document modifié',
  'document.archived': 'Document archivé',
  'document.deleted': 'Document supprimé',
  'share_link.created': 'Lien public créé',
  'share_link.regenerated': 'Lien public remplacé',
  'share_link.expiry_set': 'Expiration d’un lien public',
  'share_link.revoked': 'Lien public révoqué',
  'scheme_page.created': 'Page publique d’un dispositif créée',
  'scheme_page.regenerated': 'Page publique d’un dispositif remplacée',
  'scheme_page.restored': 'Page publique d’un dispositif rétablie',
  'scheme_page.revoked': 'Page publique d’un dispositif retirée',
  'synonyms.replaced': 'Synonymes enregistrés',
  'synonyms.group_added': 'Synonymes ajoutés depuis les recherches',
  'thesaurus.enabled': 'Entrée du thésaurus activée',
  'thesaurus.disabled': 'Entrée du thésaurus désactivée',
  'insights.query_assigned': 'Recherche confiée à une direction',
  'job.retried': 'Tâche relancée',
};

export const objectTypeLabels: Record<string, string> = {
  user: 'Utilisateur',
  directorate: 'Direction',
  maison: 'Maison de Région',
  folder: 'Dossier',
  document: 'Document',
  synonyms: 'Synonymes',
  thesaurus: 'Thésaurus',
  job: 'Tâche',
  report: 'Signalement',
};

/** One name per setting across the app: "Diffusion" (interne / externe), never "portée" nor "périmètre". */
const fieldLabels: Record<string, string> = {
  name: 'Nom',
  code: 'Code',
  city: 'Ville',
  phone: 'Téléphone',
  is_active: 'Active',
  isActive: 'Actif',
  title: 'Titre',
  summary: 'Résumé',
  doc_type: 'Type de document',
  scope: 'Diffusion',
  status: 'Statut',
  version: 'Version',
  file: 'Fichier',
  folder_id: 'Dossier',
  parentId: 'Dossier parent',
  parent_id: 'Dossier parent',
  directorate_id: 'Direction',
  archived_at: 'Archivé le',
  expiresAt: 'Expiration',
  groups: 'Groupes',
  group: 'Groupe',
  role: 'Rôle',
  method: 'Méthode',
  reason: 'Motif',
  keyword: 'Mot-clé',
  query: 'Recherche',
  note: 'Note',
  entry: 'Entrée',
  scheme_promise: 'Promesse',
  scheme_summary: 'Résumé du dispositif',
  scheme_amount: 'Montant',
  scheme_audiences: 'Publics',
  scheme_aid_types: 'Types d’aide',
  scheme_keywords: 'Mots-clés',
  scheme_opens_on: 'Ouverture',
  scheme_closes_on: 'Clôture',
  scheme_is_permanent: 'Permanent',
  referent_name: 'Référent',
  referent_service: 'Service du référent',
  referent_email: 'Courriel du référent',
  referent_phone: 'Téléphone du référent',
  referent_public_fields: 'Contact public',
  info_url: 'Lien d’information',
  apply_url: 'Lien de candidature',
  answer: 'Réponse',
  subject: 'Objet',
  scheme_review_interval_days: 'Intervalle de vérification (jours)',
  scheme_verifier_id: 'Vérificateur',
};

const valueLabels: Record<string, Record<string, string>> = {
  scope: { internal: 'interne', external: 'externe' },
  status: {
    draft: 'brouillon',
    published: 'publié',
    archived: 'archivé',
    ...Object.fromEntries(Object.entries(reportStatusLabels).map(([key, label]) => [key, label.toLowerCase()])),
  },
  doc_type: {
    fiche_synthese: 'fiche synthèse',
    reglement: 'règlement d’intervention',
    formulaire: 'formulaire',
    faq: 'FAQ',
    note_interne: 'note interne',
    deliberation: 'délibération',
    guide: 'guide',
    autre: 'autre',
  },
  role: { agent: 'agent d’accueil', editor: 'éditeur', admin: 'administrateur' },
  reason: {
    scope_change: 'document rendu interne',
    archived: 'document archivé',
    deleted: 'document supprimé',
    regenerated: 'lien remplacé',
    scheme_archived: 'dispositif archivé',
    manual: 'à la demande',
    expired: 'expiré',
    no_external_document: 'plus aucun document externe publié',
    not_a_scheme: 'n’est plus un dispositif',
    ...Object.fromEntries(Object.entries(reportReasonLabels).map(([key, label]) => [key, label.toLowerCase()])),
  },
  method: { dev: 'connexion de démonstration', saml: 'SSO (SAML)' },
};

/** Facts recorded for the machine, not for a reader. */
const hiddenFields = new Set(['updated_at', 'indexed_availability']);

const parisDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const longest = 120;

function valueOf(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return parisDateTime.format(value);
  if (typeof value === 'string') {
    const known = valueLabels[field]?.[value];
    if (known) return known;
    if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return parisDateTime.format(new Date(value));
    return value.length > longest ? `${value.slice(0, longest)}…` : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => (Array.isArray(item) ? item.join(', ') : valueOf(field, item))).join(' ; ') || '—';
  return valueOf(field, JSON.stringify(value));
}

const isChange = (value: unknown): value is { before: unknown; after: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'before' in value && 'after' in value;

/** One line per field: "Diffusion : interne → externe", or "Motif : à la demande". Ids of other objects are left out. */
export function changeLines(changes: Record<string, unknown> | null): string[] {
  return (
    Object.entries(changes ?? {})
      // The object's name recorded with the event is in the sentence already; a change of name is a line.
      .filter(
        ([field, value]) =>
          !hiddenFields.has(field) && !field.endsWith('_id') && field !== 'parentId' && !(field === 'name' && !isChange(value)),
      )
      .map(([field, value]) => {
        const label = fieldLabels[field] ?? field;
        return isChange(value)
          ? `${label} : ${valueOf(field, value.before)} → ${valueOf(field, value.after)}`
          : `${label} : ${valueOf(field, value)}`;
      })
  );
}

/** "Claire Martin <claire.martin@…>" (the label kept at the time) → "Claire Martin". */
const actorNameOf = (row: DescribedRow) => row.actor_name ?? row.actor_label.replace(/\s*<[^>]*>$/, '');

function recordedName(changes: Record<string, unknown> | null): string | null {
  for (const field of ['name', 'title']) {
    const value = changes?.[field];
    if (typeof value === 'string') return value;
    if (isChange(value))
      return (typeof value.after === 'string' ? value.after : null) ?? (typeof value.before === 'string' ? value.before : null);
  }
  return null;
}

const quoted = (name: string | null) => (name ? `« ${name} »` : 'un élément supprimé');

/** What a sentence is made of: the actor's name, the object's quoted name, the event. */
interface EventWords {
  actor: string;
  object: string;
  row: DescribedRow;
  changes: Record<string, unknown>;
  /** The value a field changed to, when the event records a change of it. */
  after: (field: string) => unknown;
}

/** The sentence of each action; an action not listed reads "<actor> : <its label>". */
const sentences: Record<string, (e: EventWords) => string> = {
  'user.sign_in': (e) => `Connexion de ${e.actor}`,
  'user.sign_out': (e) => `Déconnexion de ${e.actor}`,
  'user.created_at_sign_in': (e) => `Compte de ${e.actor} créé à sa première connexion`,
  'user.deactivated': (e) => `${e.actor} a désactivé le compte de ${e.row.object_name ?? 'un utilisateur supprimé'}`,
  'user.reactivated': (e) => `${e.actor} a réactivé le compte de ${e.row.object_name ?? 'un utilisateur supprimé'}`,
  'directorate.created': (e) => `${e.actor} a ajouté la direction ${e.object}`,
  'directorate.updated': (e) => `${e.actor} a modifié la direction ${e.object}`,
  'directorate.deactivated': (e) => `${e.actor} a désactivé la direction ${e.object}`,
  'directorate.reactivated': (e) => `${e.actor} a réactivé la direction ${e.object}`,
  'directorate.deleted': (e) => `${e.actor} a supprimé la direction ${e.object}`,
  'maison.created': (e) => `${e.actor} a ajouté la Maison ${e.object}`,
  'maison.updated': (e) => `${e.actor} a modifié la Maison ${e.object}`,
  'maison.deactivated': (e) => `${e.actor} a désactivé la Maison ${e.object}`,
  'maison.reactivated': (e) => `${e.actor} a réactivé la Maison ${e.object}`,
  'maison.deleted': (e) => `${e.actor} a supprimé la Maison ${e.object}`,
  'folder.created': (e) => `${e.actor} a créé le dossier ${e.object}`,
  'folder.updated': (e) => `${e.actor} a modifié ${e.object}`,
  'folder.deleted': (e) => `${e.actor} a supprimé le dossier ${e.object}`,
  'scheme.created': (e) => `${e.actor} a créé le dispositif ${e.object}`,
  'scheme.archived': (e) => `${e.actor} a archivé le dispositif ${e.object}`,
  'scheme.verified': (e) => `${e.actor} a vérifié la fiche du dispositif ${e.object}`,
  'report.created': (e) => `${e.actor} a signalé : ${reportReasonLabels[String(e.changes.reason)] ?? 'un problème'}`,
  'scheme.keyword_added': (e) => `${e.actor} a ajouté « ${String(e.changes.keyword ?? '')} » aux mots-clés de ${e.object}`,
  'document.created': (e) => `${e.actor} a ajouté le document ${e.object}`,
  'document.version_added': (e) => `${e.actor} a déposé une nouvelle version de ${e.object}`,
  'document.archived': (e) => `${e.actor} a archivé ${e.object}`,
  'document.deleted': (e) => `${e.actor} a supprimé ${e.object}`,
  'share_link.created': (e) => `${e.actor} a créé le lien public de ${e.object}`,
  'share_link.regenerated': (e) => `${e.actor} a remplacé le lien public de ${e.object}`,
  'share_link.expiry_set': (e) => `${e.actor} a fixé l’expiration du lien public de ${e.object}`,
  'share_link.revoked': (e) => `${e.actor} a révoqué le lien public de ${e.object}`,
  'scheme_page.created': (e) => `${e.actor} a ouvert la page publique de ${e.object}`,
  'scheme_page.regenerated': (e) => `${e.actor} a remplacé le lien de la page publique de ${e.object}`,
  'scheme_page.restored': (e) => `${e.actor} a rétabli la page publique de ${e.object}`,
  'scheme_page.revoked': (e) => `${e.actor} a retiré la page publique de ${e.object}`,
  'synonyms.replaced': (e) => `${e.actor} a enregistré les synonymes`,
  'synonyms.group_added': (e) =>
    `${e.actor} a ajouté les synonymes « ${Array.isArray(e.changes.group) ? e.changes.group.join(', ') : ''} »`,
  'insights.query_assigned': (e) => `${e.actor} a confié la recherche « ${String(e.changes.query ?? '')} » à ${e.object}`,
  'job.retried': (e) => `${e.actor} a relancé une tâche`,
  'report.updated': (e) => {
    const status = e.after('status');
    return status === undefined
      ? `${e.actor} a répondu à un signalement`
      : `${e.actor} a passé un signalement à « ${reportStatusLabels[String(status)] ?? String(status)} »`;
  },
  'document.updated': (e) => {
    const scope = e.after('scope');
    if (scope === 'external') return `${e.actor} a rendu externe ${e.object}`;
    if (scope === 'internal') return `${e.actor} a rendu interne ${e.object}`;
    if (e.after('status') === 'published') return `${e.actor} a publié ${e.object}`;
    return `${e.actor} a modifié ${e.object}`;
  },
  'thesaurus.enabled': (e) => `${e.actor} a activé l’entrée « ${thesaurusEntry(e.changes)} » du thésaurus`,
  'thesaurus.disabled': (e) => `${e.actor} a désactivé l’entrée « ${thesaurusEntry(e.changes)} » du thésaurus`,
};

function thesaurusEntry(changes: Record<string, unknown>): string {
  return isChange(changes.entry) ? String(changes.entry.before) : '';
}

/** The event as a sentence, with names rather than codes or ids. */
export function describeEvent(row: DescribedRow): string {
  const actor = actorNameOf(row);
  const object = quoted(row.object_name ?? recordedName(row.changes));
  const changes = row.changes ?? {};
  const after = (field: string) => (isChange(changes[field]) ? (changes[field] as { after: unknown }).after : undefined);
  const sentence = sentences[row.action];
  if (sentence) return sentence({ actor, object, row, changes, after });
  return `${actor} : ${actionLabels[row.action] ?? row.action}${row.object_name ? ` ${object}` : ''}`;
}

/** What the screen and the export show of one event. */
export function presentEvent(row: DescribedRow) {
  return {
    sentence: describeEvent(row),
    actionLabel: actionLabels[row.action] ?? row.action,
    objectLabel: objectTypeLabels[row.object_type] ?? row.object_type,
    objectName: row.object_name ?? recordedName(row.changes),
    details: changeLines(row.changes),
  };
}
