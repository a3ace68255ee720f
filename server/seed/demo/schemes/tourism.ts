import type { SchemeSource } from '../types';

/** Invented schemes of the tourism, mountain, culture and digital themes. */
export const tourismSchemes: SchemeSource[] = [
  {
    name: 'Modernisation des hébergements touristiques',
    slug: 'modernisation-hebergements-touristiques',
    theme: 'Tourisme',
    directorate: 'DTOUR',
    promise: 'Rénover et monter en gamme les campings, hôtels, gîtes et chambres d’hôtes',
    summary:
      'La Région aide les hébergeurs à moderniser leurs établissements pour allonger la saison et accueillir une clientèle plus exigeante : confort des chambres, sanitaires, accessibilité, économies d’eau et d’énergie, labels de qualité.',
    amount: '20 % des travaux, portés à 30 % pour les projets écoresponsables, plafonné à 150 000 €',
    audiences: ['entreprises', 'particuliers', 'collectivites'],
    aidTypes: ['subvention'],
    keywords: ['camping', 'hôtel', 'gîte', 'chambres d’hôtes', 'hébergement', 'montée en gamme', 'classement'],
    calendar: { opensIn: -30, closesIn: 180 },
    referent: {
      name: 'Aurélie Bonnafous',
      service: 'Service Offre touristique',
      email: 'hebergements.touristiques@region.example',
      phone: '04 00 00 00 21',
    },
    context:
      'L’hébergement marchand conditionne les retombées économiques du tourisme : un visiteur qui dort sur place dépense trois fois plus qu’un excursionniste. Or une partie du parc régional vieillit et perd son classement. La Région accompagne sa rénovation en privilégiant la qualité et la sobriété.',
    beneficiaries: [
      'Les exploitants d’hôtels, de campings, de résidences et de villages de vacances, de moins de 250 salariés.',
      'Les propriétaires de gîtes et de chambres d’hôtes, dès lors qu’ils déclarent leur activité en mairie.',
      'Les communes et leurs groupements qui possèdent un camping municipal ou un hébergement collectif.',
    ],
    conditions: [
      'L’hébergement est classé, labellisé ou s’engage à l’être à l’issue des travaux.',
      'L’établissement est ouvert au moins cinq mois par an (trois mois pour les gîtes).',
      'Le projet comprend au moins une action en faveur des économies d’eau ou d’énergie.',
    ],
    expenses: [
      'La rénovation des chambres, des sanitaires et des espaces d’accueil.',
      'Les équipements hydro-économes, la récupération des eaux de pluie et l’isolation des bâtiments.',
      'La mise en accessibilité et les équipements pour les cyclistes (abri, atelier de réparation).',
      'Les hébergements légers de loisirs en camping, hors mobil-homes standards.',
    ],
    excluded: [
      'Les piscines et espaces aquatiques, sauf couverture permettant d’allonger la saison.',
      'Le mobilier courant et le linge.',
      'Les résidences secondaires louées occasionnellement.',
    ],
    funding:
      'Le taux de base de 20 % est porté à 30 % lorsque le projet vise un écolabel reconnu. Le montant des dépenses retenues doit être au moins de 10 000 € HT (5 000 € pour les gîtes et chambres d’hôtes).',
    pieces: [
      'Le descriptif du projet et le plan de financement.',
      'Les devis des entreprises.',
      'L’arrêté ou l’attestation de classement, ou l’engagement de classement.',
      'Le dernier bilan ou la déclaration de revenus locatifs.',
    ],
    faq: [
      [
        'Un camping peut-il financer des sanitaires économes en eau ?',
        'Oui, c’est même une priorité : robinets temporisés, douches à débit limité, chasses d’eau double commande et récupération des eaux de pluie sont retenus, et ouvrent droit au taux de 30 % si le camping vise un écolabel.',
      ],
      [
        'Je loue une chambre chez moi l’été : suis-je éligible ?',
        'Seulement si l’activité est déclarée en mairie comme chambre d’hôtes et ouverte au moins trois mois par an. Les locations occasionnelles de résidences secondaires ne sont pas aidées.',
      ],
      [
        'Les mobil-homes sont-ils financés ?',
        'Les mobil-homes standards non ; les hébergements insolites ou écoconçus (cabanes, roulottes, tentes aménagées) oui, dans la limite de 30 % des dépenses totales du projet.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'docx', scope: 'external' },
      { kind: 'note', format: 'odt', scope: 'internal' },
    ],
  },
  {
    name: 'Pass Premiers Départs en vacances',
    slug: 'pass-premiers-departs',
    theme: 'Tourisme',
    directorate: 'DTOUR',
    promise: 'Permettre aux jeunes adultes qui ne sont jamais partis de vivre un premier séjour autonome',
    summary:
      "Le pass finance une partie d'un premier séjour de vacances en France, organisé par le jeune lui-même avec l'aide d'une structure relais (mission locale, centre social, association de jeunesse) : transport, hébergement, activités.",
    amount: 'jusqu’à 250 € par jeune, 400 € pour un séjour de groupe de quatre à six jeunes',
    audiences: ['jeunes', 'particuliers'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['vacances', 'séjour', 'premier départ', 'loisirs', '18-25 ans', 'mission locale'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Thomas Escande',
      service: 'Service Tourisme social et solidaire',
      email: 'premiers.departs@region.example',
      phone: '04 00 00 00 22',
    },
    context:
      'Un jeune sur quatre ne part pas en vacances, le plus souvent pour des raisons financières. Partir une première fois, en organisant soi-même son séjour, donne confiance et ouvre des horizons. La Région s’appuie sur les structures de proximité qui connaissent les jeunes et les aident à préparer leur projet.',
    beneficiaries: [
      'Les jeunes de 18 à 25 ans résidant dans la région, qui partent pour la première fois sans leur famille.',
      'Les groupes de quatre à six jeunes accompagnés par une même structure relais.',
    ],
    conditions: [
      'Le séjour dure au moins quatre nuits et se déroule en France.',
      'Le jeune est accompagné dans la préparation par une structure relais conventionnée avec la Région.',
      'Le quotient familial ou les ressources du jeune sont inférieurs au plafond fixé chaque année.',
    ],
    expenses: [
      'Les billets de train ou de car, le covoiturage.',
      'L’hébergement : auberge de jeunesse, camping, gîte d’étape.',
      'Les activités sportives ou culturelles sur place.',
    ],
    excluded: ['Les séjours à l’étranger.', 'Les dépenses d’alimentation, qui restent à la charge du jeune.'],
    funding:
      'L’aide est versée à la structure relais, qui règle directement les prestataires. Le jeune contribue au moins à hauteur de 10 % du coût du séjour.',
    pieces: [
      'Le projet de séjour rédigé avec la structure relais.',
      'Le budget prévisionnel.',
      'Une pièce d’identité et un justificatif de domicile.',
    ],
    faq: [
      [
        'Mon fils a 17 ans, peut-il en profiter ?',
        'Non, le pass commence à 18 ans. Pour les mineurs, les centres de vacances et les séjours collectifs restent la bonne porte d’entrée ; la Maison de Région peut indiquer les aides de la caisse d’allocations familiales.',
      ],
      [
        'Faut-il avancer l’argent ?',
        'Non : la structure relais règle les prestataires grâce à l’aide, et le jeune ne paie que sa participation.',
      ],
      [
        'Peut-on partir en camping ?',
        'Oui, tous les hébergements touristiques déclarés sont acceptés, y compris le camping et les gîtes d’étape sur les sentiers de randonnée.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'odt', scope: 'external' },
    ],
  },
  {
    name: 'Plan Stations quatre saisons',
    slug: 'plan-stations-quatre-saisons',
    theme: 'Montagne',
    directorate: 'DTOUR',
    promise: 'Aider les stations de montagne à vivre toute l’année, au-delà du ski',
    summary:
      'Le plan finance les études et les équipements qui permettent aux stations de diversifier leurs activités (VTT, randonnée, bien-être, tourisme d’affaires), de rénover l’immobilier de loisir et d’adapter leur modèle au recul de l’enneigement.',
    amount: '50 % des études, 30 % des investissements, plafonné à 1 million d’euros par station',
    audiences: ['collectivites', 'entreprises'],
    aidTypes: ['subvention', 'appel_a_projets'],
    keywords: ['station de ski', 'montagne', 'diversification', 'quatre saisons', 'enneigement', 'VTT', 'lits froids'],
    calendar: { opensIn: 25, closesIn: 150 },
    referent: {
      name: 'Cécile Arrazat',
      service: 'Service Montagne et thermalisme',
      email: 'stations.montagne@region.example',
      phone: '04 00 00 00 23',
    },
    context:
      'Le changement climatique raccourcit les saisons de ski, surtout en moyenne montagne. Beaucoup de stations ont engagé une réflexion sur leur avenir ; la Région veut les aider à passer de l’étude à l’action, en privilégiant les projets conçus avec les habitants et les socioprofessionnels.',
    beneficiaries: [
      'Les communes supports de station et leurs intercommunalités.',
      'Les sociétés d’économie mixte et les régies qui exploitent les domaines.',
      'Les entreprises privées associées à un projet de station validé par la commune.',
    ],
    conditions: [
      'La station dispose d’une stratégie de diversification votée par la collectivité.',
      'Le projet ne crée pas de nouvelle remontée mécanique dédiée au seul ski alpin.',
      'Les projets de neige de culture sont exclus, sauf sécurisation de l’existant avec une ressource en eau garantie.',
    ],
    expenses: [
      'Les études stratégiques, de marché et de programmation.',
      'Les équipements d’activités estivales : pistes de VTT, sentiers, via ferrata, luge sur rail.',
      'La rénovation énergétique de l’immobilier de loisir pour remettre des lits froids sur le marché.',
      'Les espaces d’accueil et les maisons de la montagne ouvertes à l’année.',
    ],
    excluded: ['L’extension des domaines skiables.', 'Le fonctionnement courant des remontées mécaniques.'],
    funding:
      'Les projets sont sélectionnés en deux sessions par an. Le taux de 30 % des investissements peut atteindre 40 % pour les stations de moins de 1 500 mètres d’altitude.',
    pieces: [
      'La délibération approuvant la stratégie de la station.',
      'Le dossier de présentation du projet.',
      'Le plan de financement et les devis ou estimations.',
    ],
    faq: [
      [
        'Une petite station familiale peut-elle candidater ?',
        'Oui, et le taux est majoré pour les stations de moyenne montagne. Les études peuvent être mutualisées entre plusieurs stations voisines.',
      ],
      [
        'La neige de culture est-elle financée ?',
        'Non, sauf pour sécuriser des installations existantes, et à condition de démontrer que la ressource en eau est disponible sans conflit avec les autres usages.',
      ],
      [
        'Quand ouvre le dépôt ?',
        'La première session ouvre dans quelques semaines ; les dates exactes figurent sur la fiche du dispositif.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'note', format: 'docx', scope: 'internal' },
    ],
  },
  {
    name: 'Aide aux festivals et manifestations culturelles',
    slug: 'festivals-manifestations-culturelles',
    theme: 'Culture',
    directorate: 'DTOUR',
    promise: 'Soutenir les festivals de musique, de théâtre, de cinéma et de livre organisés dans la région',
    summary:
      'La Région contribue au budget artistique des festivals et des manifestations culturelles qui rayonnent au-delà de leur commune, rémunèrent les artistes et mènent des actions en direction des publics éloignés de la culture.',
    amount: 'de 3 000 € à 60 000 €, sans dépasser 25 % du budget de la manifestation',
    audiences: ['associations', 'collectivites'],
    aidTypes: ['subvention'],
    keywords: ['festival', 'spectacle vivant', 'concert', 'théâtre', 'cinéma', 'livre', 'événement culturel'],
    calendar: { opensIn: -180, closesIn: -20 },
    referent: {
      name: 'Bastien Lacombe-Rey',
      service: 'Service Création et diffusion artistiques',
      email: 'festivals@region.example',
      phone: '04 00 00 00 24',
    },
    context:
      'Les festivals font vivre les territoires, y compris ruraux, et offrent aux artistes de la région des occasions de se produire. La Région soutient ceux qui défendent une programmation exigeante, rémunèrent correctement les artistes et travaillent avec les écoles, les établissements médico-sociaux et les habitants.',
    beneficiaries: [
      'Les associations organisatrices de festivals, déclarées depuis au moins un an.',
      'Les communes et intercommunalités organisatrices en régie.',
      'Les établissements publics de coopération culturelle.',
    ],
    conditions: [
      'La manifestation en est au moins à sa deuxième édition.',
      'Les artistes et techniciens sont rémunérés conformément aux conventions collectives.',
      'Le budget prévisionnel comprend au moins 20 % de recettes propres ou de mécénat.',
    ],
    expenses: [
      'Les cachets et droits d’auteur.',
      'Les frais techniques : son, lumière, scène.',
      'Les actions culturelles auprès des publics (ateliers, répétitions ouvertes).',
      'La communication de la manifestation.',
    ],
    excluded: ['Les fêtes locales, foires et marchés.', 'Les manifestations à but commercial.', 'Les frais de réception.'],
    funding:
      'Le montant tient compte du budget artistique, du rayonnement et des actions menées avec les publics. Il ne dépasse pas 25 % du budget total.',
    pieces: [
      'Le bilan de la dernière édition.',
      'Le projet artistique et le budget de l’édition à venir.',
      'Les statuts et la composition du bureau de l’association.',
    ],
    faq: [
      [
        'La fête du village peut-elle être aidée ?',
        'Non, les fêtes locales et les comités des fêtes relèvent des communes. L’aide vise les festivals ayant un projet artistique et un rayonnement au-delà de la commune.',
      ],
      [
        'Une première édition est-elle éligible ?',
        'Non, il faut avoir organisé au moins une édition. Une première édition peut en revanche solliciter l’aide à l’émergence artistique.',
      ],
      [
        'La session est-elle encore ouverte ?',
        'La session annuelle est close. Les festivals de l’an prochain pourront déposer à la réouverture, annoncée sur le site de la Région.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'formulaire', format: 'docx', scope: 'external' },
    ],
  },
  {
    name: 'Patrimoine rural vivant',
    slug: 'patrimoine-rural-vivant',
    theme: 'Culture',
    directorate: 'DTOUR',
    promise: 'Restaurer le petit patrimoine non protégé des villages : lavoirs, fours, chapelles, murets',
    summary:
      'La Région finance la restauration du patrimoine bâti de caractère qui ne bénéficie d’aucune protection au titre des monuments historiques, lorsqu’il est ouvert au public et mis en valeur (visites, chantiers participatifs, circuits de découverte).',
    amount: '40 % des travaux, plafonné à 40 000 € par édifice',
    audiences: ['collectivites', 'associations'],
    aidTypes: ['subvention'],
    keywords: ['patrimoine', 'restauration', 'lavoir', 'chapelle', 'four à pain', 'pierre sèche', 'village'],
    calendar: { opensIn: -45, closesIn: 95 },
    referent: {
      name: 'Nadège Puechberty',
      service: 'Service Patrimoine et inventaire',
      email: 'patrimoine.rural@region.example',
      phone: '04 00 00 00 25',
    },
    context:
      'Lavoirs, fours banaux, croix de chemin, murets de pierre sèche : ce patrimoine modeste fait l’identité des villages mais échappe aux protections classiques. Faute d’entretien, il disparaît. La Région aide les communes et les associations à le restaurer dans les règles de l’art et à le faire connaître.',
    beneficiaries: [
      'Les communes et intercommunalités propriétaires.',
      'Les associations propriétaires ou titulaires d’un bail emphytéotique.',
    ],
    conditions: [
      'L’édifice n’est ni classé ni inscrit au titre des monuments historiques.',
      'L’édifice est accessible au public au moins lors des journées du patrimoine.',
      'Les travaux sont conduits selon les techniques traditionnelles, avec l’avis de l’architecte des bâtiments de France ou du conseil d’architecture.',
    ],
    expenses: [
      'La restauration de la maçonnerie, de la charpente et de la couverture.',
      'La reconstruction de murets en pierre sèche.',
      'La signalétique et les supports de médiation.',
      'L’encadrement de chantiers participatifs par des professionnels.',
    ],
    excluded: ['Les édifices cultuels affectés au culte pour les aménagements liturgiques.', 'L’entretien courant.'],
    funding:
      'Le taux de 40 % est porté à 50 % lorsque le chantier associe des bénévoles ou des jeunes en insertion encadrés par des professionnels.',
    pieces: [
      'Des photographies de l’édifice et un historique sommaire.',
      'Les devis d’entreprises qualifiées.',
      'La délibération ou la décision de l’association.',
      'L’avis de l’architecte conseil.',
    ],
    faq: [
      [
        'Notre association peut-elle restaurer le four à pain du hameau ?',
        'Oui, si elle en est propriétaire ou dispose d’un bail de longue durée. À défaut, c’est la commune propriétaire qui dépose la demande, et l’association peut être associée au chantier.',
      ],
      [
        'Les bénévoles peuvent-ils faire les travaux ?',
        'Oui, dans le cadre d’un chantier participatif encadré par un professionnel ; le taux est alors majoré. Le temps des bénévoles n’est pas valorisé dans le budget.',
      ],
      ['Une chapelle classée est-elle concernée ?', 'Non, les monuments historiques relèvent d’autres financements, notamment de l’État.'],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'docx', scope: 'external' },
    ],
  },
  {
    name: 'Chèque Numérique TPE',
    slug: 'cheque-numerique-tpe',
    theme: 'Numérique',
    directorate: 'DEI',
    promise: 'Financer les premiers outils numériques des très petites entreprises',
    summary:
      'Un coup de pouce pour équiper une petite entreprise : création d’un site internet ou d’une boutique en ligne, logiciel de gestion, prise de rendez-vous en ligne, cybersécurité, formation du dirigeant aux outils, avec un diagnostic gratuit préalable.',
    amount: '50 % des dépenses, de 500 € à 5 000 €',
    audiences: ['entreprises', 'associations'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['numérique', 'site internet', 'informatique', 'logiciel', 'cybersécurité', 'TPE', 'transformation numérique'],
    calendar: { opensIn: -20, closesIn: 19 },
    referent: {
      name: 'Karim Benhamou-Salles',
      service: 'Service Économie numérique',
      email: 'cheque.numerique@region.example',
      phone: '04 00 00 00 16',
    },
    context:
      'Beaucoup de très petites entreprises n’ont ni site internet ni outil de gestion adapté, et se sentent démunies face aux cyberattaques. Le chèque numérique leur permet de franchir un premier pas, guidées par un conseiller qui les aide à choisir des solutions proportionnées à leurs besoins.',
    beneficiaries: [
      'Les entreprises de moins de 11 salariés, tous secteurs, y compris les micro-entrepreneurs.',
      'Les associations employeuses de moins de 11 salariés ayant une activité économique.',
    ],
    conditions: [
      'Un diagnostic numérique gratuit a été réalisé avec un conseiller de la chambre consulaire ou de l’agence régionale.',
      'Les prestations sont réalisées par un prestataire professionnel immatriculé.',
      'L’entreprise n’a pas déjà bénéficié du chèque au cours des trois dernières années.',
    ],
    expenses: [
      'La création ou la refonte d’un site internet ou d’une boutique en ligne.',
      'Les logiciels de gestion, de facturation ou de caisse (abonnement de la première année).',
      'Les prestations de cybersécurité et de sauvegarde.',
      'La formation du dirigeant et des salariés aux outils choisis.',
    ],
    excluded: [
      'L’achat d’ordinateurs, de tablettes et de téléphones.',
      'La publicité en ligne et l’achat de mots-clés.',
      'Les abonnements au-delà de la première année.',
    ],
    funding:
      'Le chèque couvre la moitié des dépenses hors taxes, dans la limite de 5 000 €. Le montant minimal de dépenses est de 1 000 € HT.',
    pieces: ['Le compte rendu du diagnostic numérique.', 'Les devis des prestataires.', 'L’extrait d’immatriculation.'],
    faq: [
      [
        'Puis-je acheter un ordinateur avec le chèque ?',
        'Non, le matériel informatique n’est pas pris en charge : le chèque finance les services, les logiciels et la formation.',
      ],
      [
        'Mon association peut-elle en bénéficier ?',
        'Oui si elle emploie des salariés et vend des biens ou des services, par exemple une ressourcerie ou une école de musique.',
      ],
      [
        'Le diagnostic est-il payant ?',
        'Non, il est gratuit. Il dure environ une heure, dans l’entreprise ou à distance, et aboutit à une liste de priorités.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'docx', scope: 'external' },
      { kind: 'formulaire', format: 'odt', scope: 'external' },
    ],
  },
];
