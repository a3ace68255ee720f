import type { SchemeSource } from '../types';

/** Invented schemes of the agriculture and sea themes. */
export const agricultureSchemes: SchemeSource[] = [
  {
    name: 'Dotation régionale Jeunes agriculteurs',
    slug: 'dotation-jeunes-agriculteurs',
    theme: 'Agriculture et alimentation',
    directorate: 'DAGRI',
    promise: 'Un capital de départ pour s’installer en agriculture avant 41 ans',
    summary:
      'La dotation complète l’aide nationale à l’installation : elle est versée aux jeunes qui reprennent ou créent une exploitation agricole, avec des majorations pour l’installation hors cadre familial, en agriculture biologique ou en zone de montagne.',
    amount: 'de 15 000 € à 45 000 € selon le projet et le lieu d’installation',
    audiences: ['agriculteurs', 'jeunes'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['installation agricole', 'jeune agriculteur', 'DJA', 'reprise d’exploitation', 'ferme', 'hors cadre familial'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Laurent Bessière',
      service: 'Service Installation et transmission agricoles',
      email: 'installation.agricole@region.example',
      phone: '04 00 00 00 41',
    },
    context:
      'Un agriculteur sur deux partira à la retraite dans les dix prochaines années. Sans installations nouvelles, des fermes disparaîtront et les terres seront agrandies ou abandonnées. La Région, autorité de gestion des aides à l’installation, accompagne les candidats du projet à la réussite des premières années.',
    beneficiaries: [
      'Les personnes de 18 à 40 ans qui s’installent pour la première fois comme chef d’exploitation.',
      'Les associés qui rejoignent une société agricole existante en tant qu’associés exploitants.',
    ],
    conditions: [
      'Le candidat justifie d’un diplôme agricole de niveau bac ou d’une expérience équivalente.',
      'Un plan d’entreprise sur quatre ans montre la viabilité de l’exploitation.',
      'Le parcours d’installation a été suivi auprès du point accueil installation.',
    ],
    expenses: [
      'La reprise du cheptel et du matériel.',
      'Les premiers investissements de production.',
      'Le fonds de roulement du démarrage.',
    ],
    excluded: [
      'L’achat de foncier seul, sans projet de production.',
      'Les installations à titre secondaire sans revenu agricole suffisant.',
    ],
    funding:
      'Un montant de base de 15 000 € est majoré pour l’installation hors cadre familial, en zone de montagne, en agriculture biologique ou pour un projet créateur de valeur ajoutée (transformation, vente directe).',
    pieces: [
      'Le plan d’entreprise.',
      'Le diplôme ou les justificatifs d’expérience.',
      'L’attestation de suivi du parcours d’installation.',
    ],
    faq: [
      [
        'Je ne suis pas fils d’agriculteur : puis-je m’installer ?',
        'Oui, et la dotation est majorée pour les installations hors cadre familial. Le répertoire départ-installation aide à trouver une ferme à reprendre.',
      ],
      [
        'À 42 ans, est-ce trop tard ?',
        'Pour la dotation, oui : elle est réservée aux moins de 41 ans. D’autres aides aux investissements restent accessibles sans condition d’âge.',
      ],
      [
        'Comment est versée la dotation ?',
        'En deux fois : 80 % à l’installation, 20 % à la fin du plan d’entreprise, après vérification de sa bonne réalisation.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'guide', format: 'pdf', scope: 'external' },
      { kind: 'note', format: 'odt', scope: 'internal' },
    ],
  },
  {
    name: 'Circuits courts et agriculture biologique',
    slug: 'circuits-courts-bio',
    theme: 'Agriculture et alimentation',
    directorate: 'DAGRI',
    promise: 'Financer les ateliers de transformation, les magasins de producteurs et la conversion en bio',
    summary:
      'La Région aide les agriculteurs et leurs groupements à transformer et vendre eux-mêmes leurs produits (atelier de découpe, fromagerie, légumerie, point de vente collectif) et à investir pour passer en agriculture biologique.',
    amount: '40 % des investissements, plafonné à 100 000 € (150 000 € pour les projets collectifs)',
    audiences: ['agriculteurs', 'associations'],
    aidTypes: ['subvention'],
    keywords: [
      'vente directe',
      'circuit court',
      'agriculture biologique',
      'magasin de producteurs',
      'transformation à la ferme',
      'cantine',
    ],
    calendar: { opensIn: -60, closesIn: 60 },
    referent: {
      name: 'Mathilde Serieys',
      service: 'Service Filières agricoles et alimentation',
      email: 'circuits.courts@region.example',
      phone: '04 00 00 00 42',
    },
    context:
      'Les consommateurs et les cantines scolaires demandent davantage de produits locaux et biologiques. Transformer et vendre soi-même permet aux agriculteurs de garder une plus grande part de la valeur. Ces projets demandent pourtant des investissements lourds, que la Région partage avec eux.',
    beneficiaries: [
      'Les exploitants agricoles et les sociétés agricoles.',
      'Les groupements de producteurs, coopératives d’utilisation de matériel et associations de producteurs.',
    ],
    conditions: [
      'Les produits transformés proviennent majoritairement de l’exploitation ou du groupement.',
      'Le projet respecte les normes sanitaires, validées par les services vétérinaires le cas échéant.',
      'Pour la conversion, l’exploitation est engagée auprès d’un organisme certificateur.',
    ],
    expenses: [
      'La construction et l’équipement d’ateliers de transformation.',
      'L’aménagement de points de vente collectifs et de casiers de retrait.',
      'Le matériel spécifique à l’agriculture biologique (désherbage mécanique).',
      'Les véhicules frigorifiques de livraison.',
    ],
    excluded: ['Le matériel agricole de production courant (tracteurs).', 'Les investissements de simple remplacement.'],
    funding:
      'Le taux de 40 % est porté à 50 % pour les jeunes agriculteurs et les projets collectifs. Le montant minimal de dépenses est de 5 000 € HT.',
    pieces: [
      'Le descriptif technique et économique du projet.',
      'Les devis.',
      'L’attestation d’engagement en agriculture biologique, le cas échéant.',
    ],
    faq: [
      [
        'Nous voulons ouvrir un magasin de producteurs à plusieurs : comment faire ?',
        'Constituez une structure collective (association, coopérative ou société) qui déposera la demande ; le plafond est alors de 150 000 € et le taux de 50 %.',
      ],
      [
        'La vente aux cantines compte-t-elle comme circuit court ?',
        'Oui, la vente directe ou avec un seul intermédiaire à la restauration collective est un circuit court.',
      ],
      ['Un tracteur peut-il être financé ?', 'Non, sauf matériel spécifique au désherbage mécanique en agriculture biologique.'],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'odt', scope: 'external' },
    ],
  },
  {
    name: 'Plan Haies et agroforesterie',
    slug: 'plan-haies-agroforesterie',
    theme: 'Agriculture et alimentation',
    directorate: 'DAGRI',
    promise: 'Planter des haies et des arbres dans les champs, les prés et les vignes',
    summary:
      'Le plan finance la plantation de haies bocagères, d’alignements d’arbres et de parcelles agroforestières, avec les plants, la protection contre le gibier et l’accompagnement technique par un technicien spécialisé.',
    amount: '80 % des dépenses, jusqu’à 12 € par mètre linéaire de haie',
    audiences: ['agriculteurs', 'collectivites', 'associations'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['haie', 'arbre', 'agroforesterie', 'biodiversité', 'plantation', 'bocage'],
    calendar: { opensIn: 30, closesIn: 210 },
    referent: { name: 'Benoît Carrière', service: 'Service Agroécologie', email: 'haies@region.example', phone: '04 00 00 00 43' },
    context:
      'Les haies protègent les sols de l’érosion, abritent les auxiliaires des cultures, ombragent les troupeaux et stockent du carbone. Des milliers de kilomètres ont été arrachés depuis les années 1960. La Région soutient les agriculteurs et les communes qui veulent en replanter.',
    beneficiaries: [
      'Les exploitants agricoles.',
      'Les communes et leurs groupements.',
      'Les associations foncières et les associations de protection de la nature.',
    ],
    conditions: [
      'La plantation comprend au moins 100 mètres linéaires ou un demi-hectare en agroforesterie.',
      'Les essences sont locales et adaptées au sol.',
      'Le bénéficiaire s’engage à entretenir la plantation pendant au moins dix ans.',
    ],
    expenses: [
      'Les plants et les paillages biodégradables.',
      'Les protections individuelles contre le gibier.',
      'La préparation du sol et la plantation par une entreprise.',
      'L’accompagnement technique et le plan de plantation.',
    ],
    excluded: ['Les essences exotiques ou ornementales.', 'L’entretien des haies existantes.'],
    funding: 'L’aide est calculée sur un barème par mètre linéaire ou par hectare, dans la limite de 80 % des dépenses réelles.',
    pieces: [
      'Le plan de plantation établi avec le technicien.',
      'Le devis de la pépinière ou de l’entreprise.',
      'Le justificatif de maîtrise foncière ou l’accord du propriétaire.',
    ],
    faq: [
      ['Je suis fermier : puis-je planter sur des terres que je loue ?', 'Oui, avec l’accord écrit du propriétaire, joint au dossier.'],
      [
        'Quand planter ?',
        'Entre novembre et mars, hors période de gel. La campagne de dépôt ouvre à l’automne pour permettre la plantation de l’hiver.',
      ],
      [
        'Un particulier peut-il planter une haie dans son jardin ?',
        'Non, le plan vise les espaces agricoles et les terrains des collectivités.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'docx', scope: 'external' },
    ],
  },
  {
    name: 'Modernisation de la pêche et de l’aquaculture',
    slug: 'modernisation-peche-aquaculture',
    theme: 'Mer',
    directorate: 'DAGRI',
    promise: 'Moderniser les navires de pêche, les parcs conchylicoles et les ateliers de marée',
    summary:
      'Avec le fonds européen pour les affaires maritimes, la Région finance l’amélioration de la sécurité et des conditions de travail à bord, la réduction de la consommation de carburant, la sélectivité des engins et la modernisation des entreprises conchylicoles et piscicoles.',
    amount: '50 % des dépenses éligibles, Europe et Région confondues',
    audiences: ['entreprises'],
    aidTypes: ['subvention'],
    keywords: ['pêche', 'navire', 'conchyliculture', 'huîtres', 'aquaculture', 'marin pêcheur', 'port'],
    calendar: { opensIn: -300, closesIn: -60 },
    referent: { name: 'Yannick Le Floc’h', service: 'Service Mer et littoral', email: 'mer.peche@region.example', phone: '04 00 00 00 44' },
    context:
      'La pêche et la conchyliculture font vivre les ports et les étangs du littoral régional. La flotte vieillit, le carburant coûte cher et les exigences de sécurité augmentent. La Région mobilise les crédits européens dont elle a la gestion pour accompagner les entreprises de la filière.',
    beneficiaries: [
      'Les armateurs de navires de pêche immatriculés dans un port de la région.',
      'Les entreprises conchylicoles et piscicoles.',
      'Les mareyeurs et les organisations de producteurs.',
    ],
    conditions: [
      'Le navire a au moins cinq ans et reste immatriculé dans la région cinq ans après l’aide.',
      'Les investissements n’augmentent pas la capacité de pêche du navire.',
      'L’entreprise est à jour de ses obligations déclaratives de pêche.',
    ],
    expenses: [
      'Les équipements de sécurité et d’amélioration des conditions de travail à bord.',
      'Le remplacement ou la modernisation du moteur, sans augmentation de puissance.',
      'Les engins de pêche plus sélectifs.',
      'Les équipements des parcs et des ateliers conchylicoles.',
    ],
    excluded: ['La construction de navires neufs.', 'Les équipements augmentant la capacité de capture.'],
    funding: 'Le taux d’aide publique est de 50 %, dont une part européenne ; il peut atteindre 60 % pour la petite pêche côtière.',
    pieces: ['La fiche d’identification du navire ou de l’entreprise.', 'Les devis.', 'L’attestation de l’organisation de producteurs.'],
    faq: [
      [
        'La session est-elle encore ouverte ?',
        'Non, la dernière session est close. Les nouvelles modalités du programme européen seront présentées aux professionnels avant la prochaine ouverture.',
      ],
      [
        'Un ostréiculteur peut-il financer une nouvelle cabane ?',
        'Oui, l’aménagement des établissements conchylicoles est éligible, y compris les équipements de purification.',
      ],
      ['Peut-on changer de moteur ?', 'Oui, à puissance égale ou inférieure, si le nouveau moteur consomme moins.'],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'note', format: 'docx', scope: 'internal' },
    ],
  },
];
