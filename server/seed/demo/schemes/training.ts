import type { SchemeSource } from '../types';

/** Invented schemes of the training theme. */
export const trainingSchemes: SchemeSource[] = [
  {
    name: 'Parcours Reconversion Emploi',
    slug: 'parcours-reconversion-emploi',
    theme: 'Formation-Orientation-Éducation',
    directorate: 'DFOR',
    promise: 'Se former gratuitement à un nouveau métier quand on cherche un emploi',
    summary:
      "La Région achète des formations qualifiantes dans les métiers qui recrutent (bâtiment, soins, transport, industrie, numérique) et les ouvre gratuitement aux demandeurs d'emploi. Pendant la formation, le stagiaire peut être rémunéré s'il ne perçoit pas d'allocation chômage.",
    amount: 'formation gratuite ; rémunération de 500 € à 685 € par mois pour les stagiaires sans allocation',
    audiences: ['demandeurs_emploi', 'jeunes'],
    aidTypes: ['accompagnement', 'subvention'],
    keywords: [
      'formation professionnelle',
      'reconversion',
      'demandeur d’emploi',
      'métier qui recrute',
      'qualification',
      'rémunération des stagiaires',
    ],
    calendar: { isPermanent: true },
    referent: {
      name: 'Sandrine Malaval',
      service: 'Service Formations qualifiantes',
      email: 'reconversion@region.example',
      phone: '04 00 00 00 31',
    },
    context:
      "Changer de métier après un licenciement, une longue période sans travail ou un problème de santé demande du temps et une formation solide. La Région, responsable de la formation des demandeurs d'emploi, finance chaque année plusieurs milliers de places de formation, choisies avec les branches professionnelles selon les besoins de recrutement des territoires.",
    beneficiaries: [
      "Les demandeurs d'emploi inscrits à France Travail, quel que soit leur âge.",
      'Les jeunes de 16 à 25 ans accompagnés par une mission locale.',
      'Les personnes en contrat aidé ou en structure d’insertion, en vue d’une sortie vers l’emploi.',
    ],
    conditions: [
      'Le projet professionnel a été validé par un conseiller (France Travail, mission locale, Cap emploi).',
      'Le candidat a satisfait aux tests ou à l’entretien de sélection de l’organisme de formation.',
      'Le candidat réside dans la région.',
    ],
    expenses: [
      'Le coût pédagogique de la formation, réglé directement à l’organisme.',
      'La rémunération du stagiaire qui ne perçoit pas d’allocation chômage.',
      'Une aide forfaitaire au transport et à l’hébergement lorsque le centre de formation est éloigné.',
    ],
    excluded: [
      'Les formations suivies à titre personnel sans validation du projet.',
      'Les formations de l’enseignement supérieur en formation initiale.',
    ],
    funding:
      "La formation est entièrement gratuite pour le stagiaire. La rémunération dépend de l'âge et de la situation : 500 € par mois de 18 à 25 ans, 685 € au-delà, versés par l'agence de services et de paiement pour le compte de la Région.",
    pieces: [
      'L’attestation d’inscription comme demandeur d’emploi ou d’accompagnement par la mission locale.',
      'La fiche de prescription du conseiller.',
      'Une pièce d’identité et un relevé d’identité bancaire.',
    ],
    faq: [
      [
        'Je suis au chômage depuis un an et je voudrais changer de métier : par où commencer ?',
        "Prenez rendez-vous avec votre conseiller France Travail ou avec la Maison de Région : ils vous aideront à définir le métier visé, à vérifier qu'il recrute près de chez vous et à trouver la formation. Une période d'immersion en entreprise est souvent proposée avant l'entrée en formation.",
      ],
      [
        'Vais-je perdre mon allocation chômage ?',
        "Non. Si vous êtes indemnisé, vous continuez à percevoir votre allocation pendant la formation. Si vous ne l'êtes pas, la Région vous verse une rémunération.",
      ],
      [
        'Peut-on se former en étant salarié ?',
        'Ce parcours est réservé aux demandeurs d’emploi. Un salarié qui veut se reconvertir passe par son compte personnel de formation ou par un projet de transition professionnelle.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'docx', scope: 'external' },
      { kind: 'note', format: 'odt', scope: 'internal' },
    ],
  },
  {
    name: 'Bourses des formations sanitaires et sociales',
    slug: 'bourses-formations-sanitaires-sociales',
    theme: 'Solidarités-Santé',
    directorate: 'DFOR',
    promise: 'Une bourse d’études pour les élèves infirmiers, aides-soignants, éducateurs et travailleurs sociaux',
    summary:
      'La Région verse une bourse aux élèves et étudiants inscrits dans une formation paramédicale ou sociale agréée, selon leurs ressources : infirmier, aide-soignant, auxiliaire de puériculture, ambulancier, éducateur spécialisé, assistant de service social, accompagnant éducatif et social.',
    amount: 'de 1 100 € à 6 000 € par année de formation selon les ressources',
    audiences: ['etudiants', 'jeunes', 'demandeurs_emploi'],
    aidTypes: ['subvention'],
    keywords: ['bourse', 'infirmier', 'aide-soignant', 'IFSI', 'travail social', 'formation paramédicale', 'études'],
    calendar: { opensIn: -90, closesIn: 16 },
    referent: {
      name: 'Pauline Cabanac',
      service: 'Service Formations sanitaires et sociales',
      email: 'bourses.sanitaires@region.example',
      phone: '04 00 00 00 32',
    },
    context:
      'Les établissements de santé et médico-sociaux peinent à recruter. Pour que le coût des études ne ferme pas ces métiers aux candidats modestes, la Région, qui finance les instituts de formation, attribue chaque année des bourses calculées sur les ressources de l’élève ou de sa famille.',
    beneficiaries: [
      'Les élèves et étudiants inscrits dans un institut de formation paramédicale ou un établissement de formation en travail social agréé par la Région.',
      'Les demandeurs d’emploi en reconversion inscrits dans ces formations et non rémunérés.',
    ],
    conditions: [
      'Le demandeur est inscrit en formation initiale ou en poursuite d’études, hors contrat de travail.',
      'Les ressources retenues sont inférieures au barème annuel.',
      'Le demandeur ne perçoit pas d’autre bourse d’études de l’État pour la même année.',
    ],
    expenses: [
      'Les frais de vie pendant la formation (logement, transport, restauration).',
      'Une aide complémentaire pour les stages éloignés du domicile.',
    ],
    excluded: [
      'Les formations suivies dans le cadre d’un contrat de travail ou d’une promotion professionnelle rémunérée.',
      'Les redoublements au-delà d’une année.',
    ],
    funding:
      'Le montant dépend de l’échelon attribué, de 0 à 7, selon les ressources et les points de charge (éloignement, enfants à charge). Il est versé en dix mensualités.',
    pieces: [
      'Le certificat de scolarité.',
      'L’avis d’imposition du foyer fiscal de rattachement.',
      'Un relevé d’identité bancaire au nom de l’élève.',
    ],
    faq: [
      [
        'Jusqu’à quand peut-on déposer sa demande de bourse ?',
        'La campagne se termine bientôt : la date limite figure sur la fiche du dispositif. Une demande déposée en retard n’est pas examinée, sauf changement de situation en cours d’année.',
      ],
      [
        'Ma fille entre en école d’aide-soignante : est-ce concerné ?',
        'Oui, la formation d’aide-soignant est couverte, comme celle d’auxiliaire de puériculture et d’ambulancier.',
      ],
      [
        'La bourse est-elle cumulable avec un emploi étudiant ?',
        'Oui, les revenus d’un emploi étudiant pendant l’année de formation ne sont pas pris en compte dans le calcul.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'odt', scope: 'external' },
    ],
  },
  {
    name: 'Prime régionale à l’apprentissage',
    slug: 'prime-apprentissage',
    theme: 'Formation-Orientation-Éducation',
    directorate: 'DFOR',
    promise: 'Une prime pour les petites entreprises qui recrutent et forment un apprenti',
    summary:
      'La prime s’ajoute aux aides de l’État pour les entreprises de moins de 11 salariés qui embauchent un apprenti préparant un diplôme jusqu’au bac, et pour celles qui embauchent un apprenti en situation de handicap. Elle est versée à la fin de la période d’essai.',
    amount: '1 500 € par contrat, 3 000 € pour un apprenti en situation de handicap',
    audiences: ['entreprises', 'associations'],
    aidTypes: ['subvention'],
    keywords: ['apprentissage', 'apprenti', 'alternance', 'embauche', 'CFA', 'maître d’apprentissage'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Frédéric Sabatier',
      service: 'Service Apprentissage',
      email: 'prime.apprentissage@region.example',
      phone: '04 00 00 00 33',
    },
    context:
      'L’apprentissage est la voie d’accès à l’emploi la plus efficace pour les jeunes peu qualifiés, mais les très petites entreprises hésitent à s’engager, faute de temps pour former. La prime reconnaît l’effort du maître d’apprentissage et aide à pérenniser les contrats au-delà de la période d’essai.',
    beneficiaries: [
      'Les entreprises et associations de moins de 11 salariés employant un apprenti dans un établissement de la région.',
      'Toute entreprise, quelle que soit sa taille, qui embauche un apprenti reconnu travailleur handicapé.',
    ],
    conditions: [
      'Le contrat d’apprentissage prépare un diplôme de niveau CAP à bac (bac professionnel, brevet professionnel).',
      'Le contrat est enregistré par l’opérateur de compétences et dure au moins six mois.',
      'La période d’essai de 45 jours en entreprise est terminée.',
    ],
    expenses: [
      'Le temps consacré par le maître d’apprentissage à la formation de l’apprenti.',
      'L’adaptation du poste de travail pour un apprenti handicapé.',
    ],
    excluded: ['Les contrats de professionnalisation.', 'Les contrats conclus par les employeurs publics.'],
    funding:
      'La prime est forfaitaire. Elle est versée en une fois, après la fin de la période d’essai, et n’est pas reprise si le contrat est rompu ensuite.',
    pieces: [
      'La copie du contrat d’apprentissage enregistré.',
      'L’attestation de l’effectif de l’entreprise.',
      'L’attestation de présence de l’apprenti à la fin de la période d’essai.',
    ],
    faq: [
      [
        'Je veux embaucher un apprenti dans mon garage : combien puis-je toucher ?',
        '1 500 € de la Région, en plus de l’aide de l’État à l’embauche d’alternants, si votre garage compte moins de 11 salariés et que l’apprenti prépare un CAP ou un bac professionnel.',
      ],
      [
        'Un apprenti en BTS ouvre-t-il droit à la prime ?',
        'Non, la prime vise les diplômes jusqu’au bac. Les contrats de l’enseignement supérieur bénéficient des seules aides de l’État.',
      ],
      [
        'Que se passe-t-il si l’apprenti quitte l’entreprise ?',
        'Si le départ a lieu après la période d’essai, la prime reste acquise. Avant, elle n’est pas versée.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'formulaire', format: 'docx', scope: 'external' },
      { kind: 'faq', format: 'odt', scope: 'external' },
    ],
  },
];
