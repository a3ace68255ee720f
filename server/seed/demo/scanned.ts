import type { DemoDocument } from './types';

/**
 * Scanned paper, as Regions' document sets hold so much of it: a signed deliberation, a
 * photographed poster, a règlement whose signed annex was scanned. Their pages are drawn into
 * images when the catalogue is loaded (server/seed/demo/scans.ts: no text layer), so only French
 * OCR makes their words searchable; the text here is what the images show.
 */
export const scannedDocuments: DemoDocument[] = [
  {
    place: { scheme: 'Modernisation des hébergements touristiques' },
    title: 'Délibération de la commission permanente — hébergements touristiques (scan signé)',
    summary: 'La délibération signée qui attribue les premières subventions aux campings et gîtes, numérisée.',
    docType: 'deliberation',
    scope: 'internal',
    status: 'published',
    format: 'pdf',
    filename: 'deliberation-cp-hebergements-signee.pdf',
    scannedPages: [1, 2],
    pages: [
      [
        '# Délibération n° CP 2026-117',
        'Commission permanente du conseil régional, séance du 12 mars 2026.',
        'Vu le règlement d’intervention de la modernisation des hébergements touristiques, la commission permanente, après en avoir délibéré, décide d’attribuer une subvention aux exploitants de campings et de gîtes ruraux dont la liste figure en annexe, pour la rénovation des sanitaires, la récupération des eaux de pluie et l’accessibilité des hébergements.',
        'Le montant total des subventions attribuées s’élève à 412 000 euros, imputés sur le budget du tourisme.',
      ],
      [
        '# Annexe et signature',
        'Camping des Peupliers à Anduze : 38 000 euros. Gîtes du Moulin à Lourdes : 21 500 euros. Camping municipal de Narbonne-Plage : 44 000 euros.',
        'La présente délibération sera transmise au représentant de l’État et publiée au recueil des actes administratifs de la Région.',
        'Fait à l’hôtel de Région, le 12 mars 2026. Pour le président du conseil régional et par délégation, la vice-présidente chargée du tourisme. Signé.',
      ],
    ],
  },
  {
    place: { theme: 'Aménagement du territoire', folder: 'Affiches des Maisons de Région', directorate: 'DFOR' },
    title: 'Affiche — Journée portes ouvertes des Maisons de Région (photo)',
    summary: 'La photo de l’affiche de la journée portes ouvertes, prise dans le hall d’une Maison de Région.',
    docType: 'autre',
    scope: 'external',
    status: 'published',
    format: 'jpeg',
    filename: 'affiche-portes-ouvertes.jpg',
    scannedPages: [1],
    pages: [
      [
        '# Journée portes ouvertes',
        'Samedi 10 octobre, de 9 heures à 17 heures, les Maisons de Région vous accueillent : bourses, apprentissage, transport scolaire, aides aux associations.',
        'Ateliers pour remplir votre dossier, rencontres avec les conseillers et café offert.',
      ],
    ],
  },
  {
    place: { scheme: 'Plan Haies et agroforesterie' },
    title: 'Convention type de plantation avec son annexe signée',
    summary: 'La convention entre la Région et l’exploitant qui plante des haies, et l’engagement d’entretien signé à la main, numérisé.',
    docType: 'reglement',
    scope: 'external',
    status: 'published',
    format: 'pdf',
    filename: 'convention-plantation-haies.pdf',
    scannedPages: [2],
    pages: [
      [
        '# Convention type de plantation',
        'Entre la Région, représentée par le président du conseil régional, et l’exploitant agricole bénéficiaire de l’aide du Plan Haies et agroforesterie.',
        'Article 1 : objet. La présente convention fixe les engagements des parties pour la plantation de haies champêtres et d’arbres intraparcellaires sur les parcelles désignées en annexe.',
        'Article 2 : montant. La Région prend en charge les plants, les protections et le paillage biodégradable, dans la limite du plafond fixé par le règlement d’intervention.',
        'Article 3 : durée. La convention est conclue pour dix ans à compter de la plantation.',
      ],
      [
        '# Annexe : engagement d’entretien',
        'L’exploitant s’engage à entretenir la haie plantée pendant dix ans : regarnissage des plants morts, taille douce en dehors de la période de nidification, du 15 mars au 31 juillet, et absence de traitement phytosanitaire au pied des arbres.',
        'Lu et approuvé, le 4 février 2026. Signature de l’exploitant.',
      ],
    ],
  },
];
