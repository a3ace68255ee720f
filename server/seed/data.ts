/** What `npm run seed` puts in a new database: the Region's themes, its directorates and Maisons, demo accounts. */

export const themes = [
  'Économie et entreprises',
  'Tourisme',
  'Formation-Orientation-Éducation',
  'Transport et mobilité',
  'Agriculture et alimentation',
  'Environnement-Climat',
  'Culture',
  'Sport',
  'Solidarités-Santé',
  'Aménagement du territoire',
  'Enseignement supérieur-Recherche',
  'Europe et international',
  'Mer',
  'Montagne',
  'Numérique',
  'Jeunesse',
] as const;

export const directorates = [
  { code: 'DEI', name: "Direction de l'Économie et de l'Innovation" },
  { code: 'DTOUR', name: 'Direction du Tourisme et du Thermalisme' },
  { code: 'DFOR', name: "Direction de la Formation, de l'Orientation et de l'Emploi" },
  { code: 'DAGRI', name: "Direction de l'Agriculture, de l'Agroalimentaire et de la Mer" },
  { code: 'DTEE', name: 'Direction de la Transition écologique et énergétique' },
  { code: 'DMOB', name: 'Direction des Mobilités et des Infrastructures de transport' },
] as const;

export const maisons = [
  { code: 'MR-ALES', name: "Maison de Région d'Alès", city: 'Alès' },
  { code: 'MR-TARBES', name: 'Maison de Région de Tarbes', city: 'Tarbes' },
  { code: 'MR-MONTAUBAN', name: 'Maison de Région de Montauban', city: 'Montauban' },
  { code: 'MR-NARBONNE', name: 'Maison de Région de Narbonne', city: 'Narbonne' },
] as const;

const slug = (code: string) => code.toLowerCase().replace(/^mr-/, '');

export const demoUsers = [
  { email: 'admin@region.example', displayName: 'Administrateur Région', role: 'admin' as const },
  ...directorates.map((d) => ({
    email: `editeur.${slug(d.code)}@region.example`,
    displayName: `Éditeur ${d.code}`,
    role: 'editor' as const,
    directorateCode: d.code,
  })),
  ...maisons.map((m) => ({
    email: `agent.${slug(m.code)}@region.example`,
    displayName: `Agent d'accueil ${m.city}`,
    role: 'agent' as const,
    maisonCode: m.code,
  })),
];
