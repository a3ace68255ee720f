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
