import type { SchemeSource } from '../types';

/** Invented schemes of the economy, international and research themes (tourism, mountain, culture and digital: ./tourism.ts). */
export const economySchemes: SchemeSource[] = [
  {
    name: "Prêt d'honneur Création-Reprise",
    slug: 'pret-honneur-creation-reprise',
    theme: 'Économie et entreprises',
    directorate: 'DEI',
    promise: 'Un prêt personnel sans intérêt ni garantie pour lancer ou reprendre une entreprise',
    summary:
      "Le prêt d'honneur renforce l'apport personnel du créateur ou du repreneur, ce qui facilite l'obtention d'un prêt bancaire. Il est accordé à la personne, remboursable sur cinq ans, avec un différé possible de douze mois, et s'accompagne d'un suivi par un réseau d'accompagnement partenaire.",
    amount: 'de 3 000 € à 30 000 € par porteur, à taux zéro',
    audiences: ['entreprises', 'demandeurs_emploi', 'particuliers'],
    aidTypes: ['pret', 'accompagnement'],
    keywords: ['création d’entreprise', 'reprise', 'prêt d’honneur', 'apport personnel', 'auto-entrepreneur', 'TPE'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Hélène Vassal',
      service: 'Service Création et transmission d’entreprises',
      email: 'creation.entreprise@region.example',
      phone: '04 00 00 00 11',
    },
    context:
      "Chaque année, de nombreux projets de création ou de reprise d'entreprise échouent faute d'un apport personnel suffisant pour convaincre une banque. La Région a choisi de soutenir la personne plutôt que l'entreprise, au moment où le risque est le plus grand, et de s'appuyer sur les réseaux d'accompagnement présents dans chaque département.",
    beneficiaries: [
      "Les personnes physiques qui créent ou reprennent une entreprise dont le siège est dans la région, quel que soit leur statut (salarié, demandeur d'emploi, étudiant).",
      'Les repreneurs d’un fonds de commerce ou de parts sociales majoritaires d’une société existante.',
      "Les créateurs d'entreprise de l'économie sociale et solidaire (SCOP, SCIC).",
    ],
    conditions: [
      "L'entreprise a moins de trois ans à la date de la demande, ou la reprise n'est pas encore réalisée.",
      'Le projet a été présenté et validé par le comité d’agrément d’un réseau partenaire.',
      'Un prêt bancaire d’un montant au moins égal au prêt d’honneur est sollicité pour le même projet.',
    ],
    expenses: [
      'Le renforcement des fonds propres de l’entreprise par l’apport du porteur.',
      'Les investissements de démarrage : matériel, aménagement du local, véhicule utilitaire.',
      'Le besoin en fonds de roulement des premiers mois d’activité.',
      'Le rachat d’un fonds de commerce ou de titres lors d’une reprise.',
    ],
    excluded: [
      'Les sociétés civiles immobilières et les activités de pure gestion de patrimoine.',
      'Le remboursement de dettes personnelles du porteur.',
    ],
    funding:
      'Le montant est fixé par le comité d’agrément selon le besoin de financement et la capacité de remboursement du porteur ; il ne peut excéder le montant du prêt bancaire associé. Le remboursement se fait par mensualités constantes.',
    pieces: [
      'Le plan d’affaires (business plan) avec un prévisionnel sur trois ans.',
      'La copie de la pièce d’identité du porteur.',
      'L’accord de principe ou la demande de prêt bancaire.',
    ],
    faq: [
      [
        'Je suis au chômage : puis-je demander un prêt d’honneur ?',
        "Oui. Le prêt d'honneur est ouvert aux demandeurs d'emploi qui créent ou reprennent une entreprise, et il est cumulable avec l'aide à la création d'entreprise de France Travail. Le réseau d'accompagnement vous aide à préparer le passage devant le comité.",
      ],
      [
        'Le prêt est-il versé à moi ou à mon entreprise ?',
        "Il est versé à vous, personnellement, puis vous l'apportez à votre entreprise en capital ou en compte courant. C'est ce qui permet d'augmenter les fonds propres et de rassurer la banque.",
      ],
      [
        'Que se passe-t-il si mon entreprise ne marche pas ?',
        'Le prêt reste dû, mais le réseau examine avec vous un rééchelonnement des mensualités. Aucune caution personnelle ni garantie n’est demandée.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'docx', scope: 'external' },
      { kind: 'note', format: 'odt', scope: 'internal' },
    ],
  },
  {
    name: 'Fonds régional pour une industrie sobre',
    slug: 'fonds-industrie-sobre',
    theme: 'Économie et entreprises',
    directorate: 'DEI',
    promise: "Financer les investissements des PME industrielles qui réduisent leur consommation d'énergie et de matières",
    summary:
      "Une avance remboursable à taux zéro, complétée d'une subvention pour les études, finance les équipements de production plus économes, la récupération de chaleur, le recyclage des chutes et la réduction des déchets dans les ateliers et les usines.",
    amount: 'avance remboursable de 50 000 € à 800 000 €, et subvention de 50 % des études plafonnée à 30 000 €',
    audiences: ['entreprises'],
    aidTypes: ['avance_remboursable', 'subvention'],
    keywords: ['PME', 'industrie', 'efficacité énergétique', 'décarbonation', 'économie circulaire', 'usine'],
    calendar: { opensIn: -75, closesIn: 120 },
    referent: {
      name: 'Julien Castagnède',
      service: 'Service Industrie et filières',
      email: 'industrie.sobre@region.example',
      phone: '04 00 00 00 12',
    },
    context:
      'La hausse durable du prix de l’énergie pèse sur la compétitivité des ateliers et des usines de la région, souvent équipés de machines anciennes. Moderniser l’outil de production en consommant moins est à la fois une nécessité économique et une contribution aux objectifs climatiques régionaux.',
    beneficiaries: [
      'Les petites et moyennes entreprises industrielles de moins de 250 salariés ayant un site de production dans la région.',
      'Les entreprises de taille intermédiaire, pour des projets conduits en partenariat avec au moins une PME locale.',
      'Les groupements d’entreprises d’une même zone d’activités portant un projet commun (réseau de chaleur, mutualisation des déchets).',
    ],
    conditions: [
      'Un diagnostic énergétique ou un audit matières de moins de deux ans identifie les gains attendus.',
      "Le projet réduit d'au moins 20 % la consommation d'énergie ou de matières du procédé concerné.",
      "L'entreprise présente une situation financière saine (fonds propres positifs au dernier bilan).",
    ],
    expenses: [
      'Les équipements de production plus sobres et leur installation.',
      'Les systèmes de récupération de chaleur fatale, de pompe à chaleur industrielle et de pilotage de l’énergie.',
      'Les équipements de tri, de broyage ou de réemploi des chutes de production.',
      'Les études de faisabilité et l’ingénierie préalables, confiées à un prestataire extérieur.',
    ],
    excluded: [
      'Le simple remplacement à l’identique d’un équipement en fin de vie.',
      'Les véhicules et le matériel roulant.',
      'Les bâtiments de bureaux.',
    ],
    funding:
      "L'avance remboursable couvre jusqu'à 40 % du programme d'investissement, remboursable sur sept ans dont deux ans de différé. Les études sont financées par une subvention à 50 %.",
    pieces: [
      'Le diagnostic énergétique ou l’audit matières.',
      'Les devis détaillés des équipements.',
      'Les trois derniers bilans et comptes de résultat.',
      'Une note présentant les gains attendus, chiffrés.',
    ],
    faq: [
      [
        'Une entreprise de 300 salariés peut-elle candidater ?',
        "Seulement si elle porte le projet avec au moins une PME de la région, qui en retire un bénéfice direct (par exemple en récupérant la chaleur produite). L'avance est alors calculée sur la part du programme réalisée dans la région.",
      ],
      [
        'Le diagnostic énergétique est-il lui-même financé ?',
        "Oui, s'il est réalisé par un bureau d'études extérieur et commandé après le dépôt de la demande : il entre dans les études subventionnées à 50 %.",
      ],
      [
        'Que veut dire « avance remboursable » ?',
        "C'est une somme prêtée sans intérêt, que l'entreprise rembourse selon un échéancier fixé dans la convention. Contrairement à un prêt bancaire, aucune garantie n'est exigée.",
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'odt', scope: 'external' },
      { kind: 'formulaire', format: 'docx', scope: 'external' },
    ],
  },
  {
    name: 'Chèque Export Conquête',
    slug: 'cheque-export-conquete',
    theme: 'Europe et international',
    directorate: 'DEI',
    promise: 'Aider les petites entreprises à prospecter leurs premiers clients à l’étranger',
    summary:
      'Le chèque prend en charge une partie des frais d’une première démarche à l’international : salon professionnel hors de France, mission de prospection, étude de marché, traduction des supports commerciaux, adaptation d’un produit aux normes d’un pays.',
    amount: '50 % des dépenses éligibles, plafonné à 8 000 € par entreprise et par an',
    audiences: ['entreprises'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['export', 'international', 'prospection', 'salon étranger', 'vendre à l’étranger', 'PME'],
    calendar: { opensIn: -160, closesIn: 12 },
    referent: {
      name: 'Sonia Mercadier',
      service: 'Service International et attractivité',
      email: 'export@region.example',
      phone: '04 00 00 00 13',
    },
    context:
      'Moins d’une entreprise régionale sur dix vend hors de France, alors que nombre d’entre elles ont des produits qui s’y prêtent. Le premier pas coûte cher et fait peur : la Région le partage avec l’entreprise, avec l’appui des conseillers de l’agence régionale de développement.',
    beneficiaries: [
      'Les entreprises de moins de 50 salariés dont le siège ou un établissement est dans la région.',
      'Les exploitations et coopératives agricoles qui exportent leurs produits transformés.',
      'Les artisans d’art et les entreprises du patrimoine vivant.',
    ],
    conditions: [
      'Le chiffre d’affaires réalisé à l’export est inférieur à 20 % du chiffre d’affaires total.',
      'La démarche vise un pays où l’entreprise n’a pas encore de client régulier.',
      'L’entreprise a rencontré un conseiller international de l’agence régionale avant le dépôt.',
    ],
    expenses: [
      'La location et l’aménagement d’un stand sur un salon professionnel à l’étranger.',
      'Les frais de transport et d’hébergement d’une mission de prospection (deux personnes au plus).',
      'Les études de marché et les prestations d’organismes d’appui à l’export.',
      'La traduction et l’adaptation des catalogues, du site internet et des emballages.',
    ],
    excluded: [
      'Les salons organisés en France, même internationaux.',
      'Les frais de repas et les dépenses de représentation.',
      'Les commissions versées à des agents commerciaux.',
    ],
    funding:
      'L’aide est calculée sur la base des dépenses réelles, à 50 %, dans la limite de 8 000 € par entreprise sur douze mois. Deux démarches différentes peuvent être financées dans cette limite.',
    pieces: [
      'Une présentation de l’entreprise et du pays visé.',
      'Les devis (stand, étude, traduction) et le budget de la mission.',
      'Le compte rendu de l’entretien avec le conseiller international.',
    ],
    faq: [
      [
        'Je veux vendre au Japon : est-ce possible ?',
        'Oui, tous les pays hors de France sont concernés, dans l’Union européenne comme ailleurs. Pour les pays lointains, le conseiller international vous orientera aussi vers les missions collectives organisées par l’agence régionale, moins coûteuses.',
      ],
      [
        'Les billets d’avion sont-ils pris en charge ?',
        'Oui, en classe économique, pour deux personnes de l’entreprise au plus. L’hébergement est retenu dans la limite d’un forfait de 150 € par nuit.',
      ],
      [
        'Peut-on demander le chèque après le salon ?',
        'Non : la demande doit être déposée avant l’engagement des dépenses. Pensez-y dès l’inscription au salon, qui se fait souvent six mois à l’avance.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'odt', scope: 'external' },
    ],
  },
  {
    name: 'Contrat Commerce et Artisanat de proximité',
    slug: 'commerce-artisanat-proximite',
    theme: 'Économie et entreprises',
    directorate: 'DEI',
    promise: 'Moderniser la boutique ou l’atelier d’un commerçant ou d’un artisan dans une petite commune',
    summary:
      'Pour maintenir des commerces et des services dans les bourgs et les quartiers, la Région finance la rénovation des vitrines et des locaux, l’accessibilité, le matériel professionnel et les outils de vente en ligne des commerçants et artisans indépendants.',
    amount: '30 % des dépenses éligibles, de 2 000 € à 25 000 €, portés à 40 % dans les communes de moins de 3 000 habitants',
    audiences: ['entreprises'],
    aidTypes: ['subvention'],
    keywords: ['commerce', 'artisan', 'boutique', 'vitrine', 'centre-bourg', 'dernier commerce'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Olivier Rieutord',
      service: 'Service Artisanat, commerce et proximité',
      email: 'commerce.proximite@region.example',
      phone: '04 00 00 00 14',
    },
    context:
      "Dans beaucoup de petites communes, la boulangerie, l'épicerie ou le garage sont les derniers lieux de vie ouverts toute l'année. Leur modernisation conditionne leur reprise par une nouvelle génération. La Région intervient en complément des communes et intercommunalités, qui cofinancent souvent ces projets.",
    beneficiaries: [
      'Les commerçants et artisans indépendants inscrits au registre national des entreprises, de moins de 10 salariés.',
      'Les commerces multiservices portés par une commune ou une association, lorsqu’aucun commerce privé n’existe.',
      'Les créateurs et repreneurs d’un commerce existant, dans les douze mois suivant la reprise.',
    ],
    conditions: [
      'Le commerce est situé dans une commune de moins de 10 000 habitants ou dans un quartier prioritaire de la politique de la ville.',
      'Le chiffre d’affaires annuel est inférieur à un million d’euros.',
      'La commune ou l’intercommunalité donne un avis favorable au projet.',
    ],
    expenses: [
      'La rénovation de la façade, de la vitrine et de l’enseigne.',
      'L’aménagement intérieur et la mise en accessibilité aux personnes handicapées.',
      'Le matériel professionnel neuf : four, vitrine réfrigérée, outillage d’atelier.',
      'Le site marchand, le logiciel de caisse et les outils de retrait de commandes.',
    ],
    excluded: [
      'Le stock de marchandises.',
      'Les véhicules, sauf véhicule de tournée aménagé dans les communes de moins de 2 000 habitants.',
      'Les travaux réalisés par le commerçant lui-même.',
    ],
    funding:
      'Le taux de base de 30 % est porté à 40 % dans les communes de moins de 3 000 habitants et pour les reprises. Le montant des dépenses retenues doit atteindre au moins 6 000 € HT.',
    pieces: [
      'L’extrait d’immatriculation de moins de trois mois.',
      'Les devis des travaux et des équipements.',
      'Des photographies du local avant travaux.',
      'L’avis de la commune ou de l’intercommunalité.',
    ],
    faq: [
      [
        'Je reprends la boulangerie du village : suis-je concerné ?',
        'Oui, et le taux est alors de 40 %. Déposez la demande dans les douze mois qui suivent la reprise, avant de commander les travaux ou le matériel.',
      ],
      [
        'Un auto-entrepreneur peut-il en bénéficier ?',
        'Oui, dès lors qu’il exerce dans un local commercial ou un atelier ouvert au public. Les activités exercées uniquement à domicile ou en ligne ne sont pas concernées.',
      ],
      [
        'Le matériel d’occasion est-il accepté ?',
        'Non, seul le matériel neuf est retenu, sauf pour le matériel reconditionné vendu avec une garantie par un professionnel.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'docx', scope: 'external' },
      { kind: 'formulaire', format: 'odt', scope: 'external' },
    ],
  },
  {
    name: 'Appel à projets Recherche et innovation collaborative',
    slug: 'aap-recherche-innovation-collaborative',
    theme: 'Enseignement supérieur-Recherche',
    directorate: 'DEI',
    promise: 'Soutenir les projets de recherche menés ensemble par des laboratoires et des entreprises de la région',
    summary:
      "L'appel à projets finance des programmes de recherche et développement de deux à quatre ans associant au moins un laboratoire public et une entreprise régionale, jusqu'au prototype ou au démonstrateur. Les projets sont sélectionnés par un jury d'experts indépendants.",
    amount: "jusqu'à 70 % des dépenses des laboratoires et 45 % de celles des PME, plafonné à 400 000 € par projet",
    audiences: ['entreprises', 'etudiants'],
    aidTypes: ['appel_a_projets', 'subvention'],
    keywords: ['recherche', 'innovation', 'laboratoire', 'université', 'R&D', 'doctorant', 'prototype'],
    calendar: { opensIn: -200, closesIn: -40 },
    referent: {
      name: 'Marc-Antoine Delpuech',
      service: 'Service Recherche et transfert de technologie',
      email: 'recherche.innovation@region.example',
      phone: '04 00 00 00 15',
    },
    context:
      'La région compte des laboratoires reconnus et un tissu de PME innovantes qui travaillent encore trop rarement ensemble. L’appel à projets encourage ces rapprochements sur les domaines de spécialisation de la stratégie régionale d’innovation : santé, alimentation, matériaux, énergie, numérique.',
    beneficiaries: [
      'Les laboratoires des universités, écoles et organismes de recherche implantés dans la région.',
      'Les entreprises de toute taille ayant un établissement de recherche ou de production dans la région.',
      'Les centres techniques et plateformes de transfert de technologie.',
    ],
    conditions: [
      'Le consortium réunit au moins un laboratoire public et une entreprise régionale.',
      "Le projet s'inscrit dans un domaine de la stratégie régionale d'innovation.",
      'Un accord de consortium fixe le partage de la propriété intellectuelle avant la signature de la convention.',
    ],
    expenses: [
      'Les frais de personnel de recherche, dont les contrats doctoraux et postdoctoraux.',
      'Les équipements scientifiques, au prorata de leur usage pour le projet.',
      'Les consommables, la sous-traitance et les prestations d’essais.',
      'Les frais de dépôt de brevet.',
    ],
    excluded: ['Les frais de structure au-delà d’un forfait de 15 % des dépenses de personnel.', 'Les dépenses de commercialisation.'],
    funding:
      'Le taux dépend de la nature du partenaire : 70 % pour les laboratoires, 45 % pour les PME, 30 % pour les autres entreprises. La part régionale ne dépasse pas 400 000 € par projet.',
    pieces: [
      'Le dossier scientifique et technique, selon le modèle de l’appel à projets.',
      'L’annexe financière par partenaire.',
      'Les lettres d’engagement de chaque membre du consortium.',
    ],
    faq: [
      [
        'Un doctorant peut-il déposer lui-même un projet ?',
        'Non, le projet est déposé par son laboratoire, mais une thèse peut être financée dans le cadre du projet, pour trois ans.',
      ],
      [
        'Combien de projets sont retenus chaque année ?',
        'Une quinzaine, sur une soixantaine de dossiers reçus en moyenne. Le jury tient compte de l’excellence scientifique, des retombées économiques et de la qualité du partenariat.',
      ],
      [
        'L’appel à projets sera-t-il relancé ?',
        'La session de cette année est close. Une nouvelle session est habituellement ouverte au printemps ; l’annonce est publiée sur le site de la Région.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'guide', format: 'pdf', scope: 'external' },
    ],
  },
];
