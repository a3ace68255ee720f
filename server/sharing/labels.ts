/** The French words of the citizen's pages. */
export const availabilityLabels: Record<string, string> = {
  a_venir: 'Ouverture à venir',
  ouvert: 'Ouvert',
  cloture_proche: 'Clôture proche',
  clos: 'Clos',
  permanent: 'Permanent',
};

export const fileLabels: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Document Word',
  odt: 'Document OpenDocument',
  xlsx: 'Tableur Excel',
  ods: 'Tableur OpenDocument',
  pptx: 'Présentation PowerPoint',
  odp: 'Présentation OpenDocument',
  txt: 'Texte',
  png: 'Image PNG',
  jpeg: 'Image JPEG',
};

/** Who can apply and what kind of aid, in the citizen's words (codes of server/folders/schema.ts). */
export const audienceLabels: Record<string, string> = {
  entreprises: 'entreprises',
  associations: 'associations',
  collectivites: 'collectivités',
  particuliers: 'particuliers',
  jeunes: 'jeunes',
  agriculteurs: 'agriculteurs',
  etudiants: 'étudiants',
  demandeurs_emploi: "demandeurs d'emploi",
};

export const aidTypeLabels: Record<string, string> = {
  subvention: 'subvention',
  pret: 'prêt',
  avance_remboursable: 'avance remboursable',
  garantie: 'garantie',
  accompagnement: 'accompagnement',
  appel_a_projets: 'appel à projets',
  prix: 'prix',
};

/** Why a document's link ended, in plain French. */
export const endedLinkReasons: Record<string, string> = {
  scope_change: "Ce document n'est plus public : il sert désormais aux agents de la Région.",
  archived: "Ce document a été archivé : il n'est plus à jour.",
  deleted: 'Ce document a été retiré.',
  regenerated: 'Ce lien a été remplacé par un nouveau lien.',
  scheme_archived: 'Le dispositif auquel il appartient est terminé ou suspendu.',
  unpublished: 'Ce document est en cours de révision.',
  manual: 'Ce lien a été retiré.',
  expired: 'Ce lien a expiré.',
};

/** Why a scheme's page ended, in plain French. */
export const endedPageReasons: Record<string, string> = {
  no_external_document: "Ce dispositif n'a plus de document consultable en ligne.",
  scheme_archived: 'Ce dispositif est terminé ou suspendu.',
  regenerated: 'Ce lien a été remplacé par un nouveau lien.',
  not_a_scheme: "Cette page n'existe plus.",
};
