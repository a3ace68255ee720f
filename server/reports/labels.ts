/** The French words of a report's reason and status, as the screens, the digest and the audit trail say them. */
export const reportReasonLabels: Record<string, string> = {
  inexact: 'Information inexacte',
  incomplete: 'Incomplète',
  closed: 'Dispositif clos',
  broken_link: 'Lien cassé',
  other: 'Autre',
};

export const reportStatusLabels: Record<string, string> = { new: 'Nouveau', in_progress: 'En cours', resolved: 'Résolu' };
