import type { SchemeSource } from '../types';

/** Invented schemes of the youth, sport and health themes (training: ./training.ts). */
export const peopleSchemes: SchemeSource[] = [
  {
    name: 'Pass Équipement Lycéen',
    slug: 'pass-equipement-lyceen',
    theme: 'Formation-Orientation-Éducation',
    directorate: 'DFOR',
    promise: 'Les manuels, l’ordinateur et l’équipement professionnel des lycéens pris en charge à l’entrée au lycée',
    summary:
      'À l’entrée en seconde ou en première année de CAP, chaque lycéen de la région reçoit un ordinateur portable prêté pour sa scolarité, ses manuels numériques, et, dans la voie professionnelle, une aide pour la tenue et l’outillage de sa formation.',
    amount: 'ordinateur prêté ; jusqu’à 300 € pour l’équipement professionnel',
    audiences: ['jeunes', 'particuliers'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['lycée', 'lycéen', 'seconde', 'ordinateur portable', 'manuels scolaires', 'équipement professionnel', 'rentrée'],
    calendar: { opensIn: -10, closesIn: 200 },
    referent: { name: 'Gaëlle Rouquette', service: 'Service Vie lycéenne', email: 'pass.lyceen@region.example', phone: '04 00 00 00 34' },
    context:
      'Le coût de la rentrée au lycée pèse sur les familles, surtout dans la voie professionnelle où la tenue et l’outillage sont obligatoires. La Région, qui a la charge des lycées, a choisi d’équiper chaque élève de la même façon, quel que soit le revenu de sa famille.',
    beneficiaries: [
      'Les élèves entrant en seconde générale, technologique ou professionnelle dans un lycée public ou privé sous contrat de la région.',
      'Les élèves entrant en première année de CAP, y compris en lycée agricole et en établissement régional d’enseignement adapté.',
    ],
    conditions: [
      'L’élève est inscrit dans un établissement de la région.',
      'Le responsable légal a créé le compte de l’élève sur le portail lycéen.',
      'La charte d’usage de l’ordinateur a été signée par l’élève et son responsable légal.',
    ],
    expenses: [
      'Le prêt d’un ordinateur portable pour toute la scolarité au lycée.',
      'Les manuels numériques des matières enseignées.',
      'La tenue professionnelle et l’outillage exigés par la formation (voie professionnelle).',
    ],
    excluded: [
      'Les fournitures scolaires courantes (cahiers, calculatrice).',
      'Les frais de transport, couverts par l’abonnement scolaire.',
    ],
    funding:
      'L’ordinateur est remis à la rentrée par l’établissement. L’aide à l’équipement professionnel est versée sous forme de bons d’achat utilisables chez les fournisseurs partenaires.',
    pieces: ['Le certificat de scolarité, transmis directement par l’établissement.', 'La charte d’usage signée.'],
    faq: [
      [
        'Mon fils rentre en seconde à la rentrée : que doit-on faire ?',
        'Créez son compte sur le portail lycéen dès l’inscription au lycée, puis signez la charte d’usage. L’ordinateur lui sera remis au lycée dans les premières semaines.',
      ],
      [
        'Que se passe-t-il si l’ordinateur est cassé ou volé ?',
        'Une déclaration est faite au lycée, qui organise la réparation. En cas de vol, un dépôt de plainte est demandé ; un ordinateur de remplacement est prêté.',
      ],
      [
        'L’ordinateur doit-il être rendu ?',
        'Il devient la propriété de l’élève à la fin de sa scolarité au lycée, s’il obtient son diplôme ou quitte le lycée après la terminale.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'odt', scope: 'external' },
    ],
  },
  {
    name: 'Carte Jeune Région',
    slug: 'carte-jeune-region',
    theme: 'Jeunesse',
    directorate: 'DFOR',
    promise: 'Des réductions sur la culture, le sport et les loisirs pour les 15-25 ans',
    summary:
      'Gratuite, la carte donne droit à des avantages chez des centaines de partenaires : places de cinéma et de spectacle, licence sportive, livres, musées, et à un crédit de 50 € par an pour une activité culturelle ou sportive.',
    amount: 'crédit de 50 € par an et réductions chez les partenaires',
    audiences: ['jeunes', 'etudiants', 'particuliers'],
    aidTypes: ['subvention'],
    keywords: ['carte jeune', '15-25 ans', 'réduction', 'cinéma', 'licence sportive', 'loisirs', 'culture'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Yanis Fabregat',
      service: 'Service Jeunesse et citoyenneté',
      email: 'carte.jeune@region.example',
      phone: '04 00 00 00 35',
    },
    context:
      'L’accès à la culture, au sport et aux loisirs reste inégal selon les revenus et le lieu de vie. La carte jeune est un outil simple pour encourager la pratique d’une activité et la découverte de lieux culturels, en lien avec les établissements scolaires, les missions locales et les universités.',
    beneficiaries: [
      'Les jeunes de 15 à 25 ans résidant ou étudiant dans la région.',
      'Les apprentis et les jeunes en service civique dans la région.',
    ],
    conditions: [
      'Le jeune a entre 15 et 25 ans au moment de la demande.',
      'Il réside, étudie ou travaille dans la région.',
      'La carte est demandée en ligne avec une photographie d’identité.',
    ],
    expenses: [
      'Une licence dans un club sportif.',
      'Des places de spectacle, de concert et de cinéma.',
      'Des livres, des abonnements à une médiathèque ou à un conservatoire.',
    ],
    excluded: ['Les achats de matériel électronique.', 'Les consommations dans les bars et restaurants.'],
    funding:
      'Le crédit de 50 € est rechargé chaque année à la date anniversaire de la carte. Il se dépense chez les partenaires affichant le logo de la carte.',
    pieces: ['Une photographie d’identité.', 'Un justificatif de domicile, de scolarité ou de contrat.'],
    faq: [
      [
        'Ma fille a 14 ans, peut-elle avoir la carte ?',
        'Pas encore : la carte est délivrée à partir de 15 ans. Elle pourra la demander dès son anniversaire.',
      ],
      ['La carte est-elle payante ?', 'Non, elle est gratuite. En cas de perte, un duplicata est délivré gratuitement une fois par an.'],
      [
        'Peut-on payer sa licence de foot avec la carte ?',
        'Oui, si le club est partenaire. La liste des partenaires est consultable sur l’application de la carte.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'docx', scope: 'external' },
    ],
  },
  {
    name: 'Bourse Permis Jeunes',
    slug: 'bourse-permis-jeunes',
    theme: 'Jeunesse',
    directorate: 'DFOR',
    promise: 'Aider les jeunes à financer le permis de conduire pour accéder à l’emploi ou à une formation',
    summary:
      'Une aide au financement du permis B pour les jeunes de 18 à 25 ans engagés dans un parcours d’insertion, de formation ou d’apprentissage, versée directement à l’auto-école partenaire, en contrepartie d’un engagement citoyen de 35 heures.',
    amount: 'jusqu’à 800 € par jeune, versés à l’auto-école',
    audiences: ['jeunes', 'demandeurs_emploi'],
    aidTypes: ['subvention'],
    keywords: ['permis de conduire', 'auto-école', 'mobilité', 'jeunes', 'insertion', 'code de la route'],
    calendar: { opensIn: -120, closesIn: 8 },
    referent: {
      name: 'Inès Garrigues',
      service: 'Service Jeunesse et citoyenneté',
      email: 'permis.jeunes@region.example',
      phone: '04 00 00 00 36',
    },
    context:
      'Dans les territoires ruraux, le permis de conduire conditionne souvent l’accès à un emploi ou à une formation. Son coût, plus de 1 500 € en moyenne, décourage les jeunes aux revenus modestes. La Région finance une partie de la formation et valorise en échange un engagement bénévole.',
    beneficiaries: [
      'Les jeunes de 18 à 25 ans accompagnés par une mission locale, un centre de formation d’apprentis ou une structure d’insertion.',
    ],
    conditions: [
      'Le jeune a obtenu le code de la route ou est inscrit à l’examen du code.',
      'Les ressources du foyer sont inférieures au plafond fixé par la Région.',
      'Le jeune réalise 35 heures d’engagement auprès d’une association ou d’une collectivité.',
    ],
    expenses: ['Les heures de conduite.', 'Les frais de présentation à l’examen pratique.'],
    excluded: ['Les permis moto et poids lourd.', 'Les heures de conduite réalisées avant la décision.'],
    funding:
      'L’aide est versée à l’auto-école partenaire en deux fois : la moitié au début de la formation pratique, le solde après l’engagement citoyen.',
    pieces: [
      'L’attestation de la structure qui accompagne le jeune.',
      'Le devis de l’auto-école partenaire.',
      'L’attestation de réussite ou d’inscription au code.',
    ],
    faq: [
      [
        'Peut-on déposer la demande en ce moment ?',
        'La campagne de l’année se termine très prochainement : déposez votre demande sans attendre, avec votre conseiller de mission locale.',
      ],
      [
        'Que compte-t-on comme engagement citoyen ?',
        'Toute action bénévole encadrée : aide aux devoirs, collecte alimentaire, encadrement d’une manifestation sportive, chantier nature.',
      ],
      [
        'Le permis en conduite accompagnée est-il accepté ?',
        'Oui, si le jeune a 18 ans au moment de la demande et suit sa formation dans une auto-école partenaire.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'note', format: 'docx', scope: 'internal' },
    ],
  },
  {
    name: 'Équipements sportifs de proximité',
    slug: 'equipements-sportifs-proximite',
    theme: 'Sport',
    directorate: 'DFOR',
    promise: 'Construire ou rénover les gymnases, terrains et piscines des communes',
    summary:
      'La Région cofinance les équipements sportifs utilisés par les lycées, les clubs et les habitants : gymnases, terrains multisports, pistes d’athlétisme, bassins d’apprentissage de la natation, avec une attention particulière aux territoires ruraux et aux quartiers prioritaires.',
    amount: '20 % du coût HT, plafonné à 500 000 € (30 % pour les bassins d’apprentissage)',
    audiences: ['collectivites', 'associations'],
    aidTypes: ['subvention', 'appel_a_projets'],
    keywords: ['gymnase', 'piscine', 'terrain de sport', 'équipement sportif', 'city stade', 'savoir nager'],
    calendar: { opensIn: 40, closesIn: 130 },
    referent: { name: 'Damien Laffont', service: 'Service Sport', email: 'equipements.sportifs@region.example', phone: '04 00 00 00 37' },
    context:
      'Beaucoup d’équipements sportifs construits dans les années 1970 sont vétustes et énergivores, et de nombreux enfants quittent l’école primaire sans savoir nager faute de bassin à proximité. La Région cible les projets qui servent à la fois aux lycéens, aux clubs et au grand public.',
    beneficiaries: [
      'Les communes et leurs groupements.',
      'Les associations sportives propriétaires de leurs installations, affiliées à une fédération agréée.',
    ],
    conditions: [
      'L’équipement est mis à disposition des lycées voisins pour l’éducation physique et sportive.',
      'Le projet comprend un volet de performance énergétique pour les rénovations.',
      'Les travaux ne sont pas commencés à la date du dépôt.',
    ],
    expenses: [
      'La construction, l’extension ou la rénovation lourde d’équipements sportifs.',
      'Les bassins d’apprentissage de la natation, fixes ou mobiles.',
      'Les équipements sportifs en accès libre (terrains multisports, parcours de santé).',
      'Les études de maîtrise d’œuvre.',
    ],
    excluded: ['Les équipements destinés au sport professionnel.', 'Le petit matériel sportif et l’entretien courant.'],
    funding:
      'Les projets sont retenus à l’issue d’un appel à projets annuel. Le taux de 20 % est porté à 30 % pour les bassins d’apprentissage et dans les communes de moins de 2 000 habitants.',
    pieces: [
      'La délibération approuvant le projet et son plan de financement.',
      'L’avant-projet détaillé et l’estimation des travaux.',
      'La convention d’utilisation par les lycées.',
    ],
    faq: [
      [
        'Notre commune peut-elle financer un city stade ?',
        'Oui, les terrains multisports en accès libre sont éligibles, avec un taux majoré dans les communes de moins de 2 000 habitants.',
      ],
      [
        'Quand ouvre l’appel à projets ?',
        'L’appel à projets de cette année ouvre dans un peu plus d’un mois ; préparez dès maintenant la délibération et l’estimation des travaux.',
      ],
      [
        'Un club peut-il demander l’aide ?',
        'Oui s’il est propriétaire de ses installations. Sinon, c’est la commune propriétaire qui porte le projet.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'guide', format: 'pdf', scope: 'external' },
    ],
  },
  {
    name: 'Pass Licence Sport',
    slug: 'pass-licence-sport',
    theme: 'Sport',
    directorate: 'DFOR',
    promise: 'Aider les clubs à accueillir de nouveaux licenciés et réduire le prix de la licence',
    summary:
      'La Région verse aux clubs amateurs une aide pour chaque nouveau licencié de moins de 18 ans, de plus de 60 ans ou en situation de handicap, à déduire du prix de la licence, et finance l’encadrement de séances découverte.',
    amount: '30 € par nouveau licencié, jusqu’à 3 000 € par club et par saison',
    audiences: ['associations', 'jeunes', 'particuliers'],
    aidTypes: ['subvention'],
    keywords: ['club sportif', 'licence', 'association sportive', 'sport pour tous', 'handisport', 'cotisation'],
    calendar: { isPermanent: true },
    referent: { name: 'Émilie Costes', service: 'Service Sport', email: 'pass.licence@region.example', phone: '04 00 00 00 38' },
    context:
      'Le prix de la licence et de la cotisation freine l’inscription des enfants des familles modestes, des seniors et des personnes en situation de handicap. En aidant directement les clubs, la Région fait baisser le prix payé par les familles et soutient le bénévolat sportif.',
    beneficiaries: [
      'Les associations sportives affiliées à une fédération agréée, dont le siège est dans la région.',
      'Les comités départementaux pour les actions de découverte qu’ils organisent.',
    ],
    conditions: [
      'Le club applique une réduction au moins égale à l’aide sur le prix de la licence.',
      'Le club compte au moins un encadrant diplômé.',
      'Les licenciés concernés n’étaient pas licenciés dans la même discipline la saison précédente.',
    ],
    expenses: ['La réduction accordée sur le prix de la licence.', 'L’encadrement de séances de découverte ouvertes à tous.'],
    excluded: ['Les clubs professionnels et leurs sections professionnelles.', 'Les licences événementielles d’un jour.'],
    funding:
      'L’aide est calculée sur le nombre de nouveaux licenciés déclarés au 31 décembre, dans la limite de 100 licenciés par club et par saison.',
    pieces: [
      'La liste des nouveaux licenciés extraite du logiciel de la fédération.',
      'L’attestation de réduction appliquée.',
      'Le relevé d’identité bancaire de l’association.',
    ],
    faq: [
      [
        'Je paie la licence de mon enfant : où est la réduction ?',
        'Elle est déduite directement par le club au moment de l’inscription, si le club participe au dispositif. Demandez-lui s’il est partenaire.',
      ],
      [
        'Les clubs de sport adapté sont-ils concernés ?',
        'Oui, et les licenciés en situation de handicap ouvrent droit à l’aide quel que soit leur âge.',
      ],
      [
        'Une association multisport peut-elle en bénéficier ?',
        'Oui, chaque section affiliée compte ses propres nouveaux licenciés dans la limite commune de 3 000 €.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'formulaire', format: 'odt', scope: 'external' },
    ],
  },
  {
    name: 'Installation des soignants en zone rurale',
    slug: 'installation-soignants-zone-rurale',
    theme: 'Solidarités-Santé',
    directorate: 'DFOR',
    promise: 'Attirer médecins et soignants dans les territoires qui en manquent',
    summary:
      'La Région finance les maisons et centres de santé pluriprofessionnels portés par les communes ou les professionnels, les logements pour les internes en stage, et une aide à l’installation des jeunes médecins, kinésithérapeutes et infirmiers dans les zones sous-dotées.',
    amount: '30 % de l’investissement, plafonné à 300 000 € ; 10 000 € par professionnel qui s’installe',
    audiences: ['collectivites', 'entreprises', 'etudiants'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['désert médical', 'maison de santé', 'médecin', 'installation', 'soins', 'centre de santé', 'internes'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Véronique Auriol',
      service: 'Mission Santé et territoires',
      email: 'sante.territoires@region.example',
      phone: '04 00 00 00 39',
    },
    context:
      'Dans de nombreux cantons ruraux, des habitants n’ont plus de médecin traitant. Les jeunes professionnels veulent exercer en équipe et trouver un logement pendant leurs stages. La Région agit sur ces deux leviers, en lien avec l’agence régionale de santé qui définit les zones prioritaires.',
    beneficiaries: [
      'Les communes et intercommunalités qui construisent ou rénovent une maison ou un centre de santé.',
      'Les sociétés de professionnels de santé portant leur propre projet immobilier.',
      'Les professionnels de santé qui s’installent dans une zone prioritaire (aide individuelle).',
    ],
    conditions: [
      'Le projet est situé dans une zone classée prioritaire par l’agence régionale de santé.',
      'Le projet de santé, rédigé par les professionnels, a été validé par l’agence régionale de santé.',
      'Le professionnel qui s’installe s’engage à exercer au moins cinq ans dans la zone.',
    ],
    expenses: [
      'La construction ou la rénovation des locaux de soins.',
      'Les logements pour les internes et les étudiants en stage.',
      'L’équipement de télémédecine.',
      'Les frais d’installation du professionnel (aide forfaitaire).',
    ],
    excluded: ['Le matériel médical courant.', 'Les projets situés hors des zones prioritaires.'],
    funding:
      'L’investissement immobilier est aidé à 30 %. L’aide individuelle de 10 000 € est versée en deux fois, à l’installation puis après trois ans d’exercice.',
    pieces: [
      'Le projet de santé validé.',
      'Le plan de financement et l’avant-projet des travaux.',
      'Pour l’aide individuelle : l’inscription à l’ordre et le bail ou le contrat d’exercice.',
    ],
    faq: [
      [
        'Il n’y a plus de médecin dans notre village : que peut faire la mairie ?',
        'La commune peut porter une maison de santé avec les professionnels du secteur. Le service instructeur l’accompagne dès l’idée, avec l’agence régionale de santé, pour bâtir le projet de santé.',
      ],
      [
        'Un infirmier libéral peut-il toucher l’aide à l’installation ?',
        'Oui, l’aide concerne les médecins, les infirmiers, les kinésithérapeutes, les sages-femmes et les orthophonistes qui s’installent en zone prioritaire.',
      ],
      [
        'L’aide doit-elle être remboursée si je déménage ?',
        'Si vous quittez la zone avant cinq ans, le second versement n’est pas dû et une partie du premier peut être réclamée.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'note', format: 'odt', scope: 'internal' },
      { kind: 'fiche', format: 'docx', scope: 'external' },
    ],
  },
];
