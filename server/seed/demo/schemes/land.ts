import type { SchemeSource } from '../types';

/** Invented schemes of the environment, housing and energy, mobility and land themes (agriculture and sea: ./agriculture.ts). */
export const landSchemes: SchemeSource[] = [
  {
    name: 'Éco-Chèque Rénovation Logement',
    slug: 'eco-cheque-renovation-logement',
    theme: 'Environnement-Climat',
    directorate: 'DTEE',
    promise: 'Une aide pour isoler et rénover son logement et réduire ses factures d’énergie',
    summary:
      'Les propriétaires occupants et bailleurs aux revenus modestes ou moyens reçoivent un chèque pour des travaux de rénovation énergétique réalisés par un professionnel reconnu garant de l’environnement : isolation des combles, des murs, de la toiture, remplacement des fenêtres, chauffage performant.',
    amount: '1 500 € pour un propriétaire occupant, 1 000 € pour un bailleur, avec un gain énergétique d’au moins 25 %',
    audiences: ['particuliers'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['rénovation énergétique', 'isolation', 'logement', 'chauffage', 'économies d’énergie', 'RGE', 'passoire thermique'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Anne-Sophie Maurel',
      service: 'Service Énergie et habitat',
      email: 'eco.cheque@region.example',
      phone: '04 00 00 00 51',
    },
    context:
      'Le logement représente près de la moitié de la consommation d’énergie de la région, et de nombreux ménages ont du mal à se chauffer correctement. L’éco-chèque complète les aides nationales et encourage des travaux ambitieux, conseillés par les espaces conseil France Rénov’ du territoire.',
    beneficiaries: [
      'Les propriétaires occupants dont les revenus ne dépassent pas les plafonds fixés par la Région.',
      'Les propriétaires bailleurs qui louent le logement à titre de résidence principale, à un loyer maîtrisé.',
    ],
    conditions: [
      'Le logement est situé dans la région, achevé depuis plus de quinze ans et occupé à titre de résidence principale.',
      'Une évaluation énergétique montre un gain d’au moins 25 % après travaux.',
      'Les travaux sont réalisés par une entreprise titulaire du label reconnu garant de l’environnement.',
    ],
    expenses: [
      'L’isolation des combles, de la toiture, des murs et des planchers bas.',
      'Le remplacement des menuiseries simple vitrage.',
      'L’installation d’une pompe à chaleur, d’une chaudière à granulés ou d’un poêle à bois performant.',
      'La ventilation mécanique contrôlée.',
    ],
    excluded: ['Les travaux réalisés par le propriétaire lui-même.', 'Les résidences secondaires.', 'Les chaudières au fioul ou au gaz.'],
    funding:
      'Le chèque est forfaitaire. Il est versé directement à l’entreprise, qui le déduit de sa facture, ou au propriétaire après travaux.',
    pieces: [
      'L’évaluation énergétique avant et après travaux.',
      'Les devis de l’entreprise labellisée.',
      'Le dernier avis d’imposition.',
      'La taxe foncière ou l’acte de propriété.',
    ],
    faq: [
      [
        'Mon appartement est mal isolé et mes factures explosent : que faire ?',
        'Prenez rendez-vous avec l’espace conseil France Rénov’ le plus proche, gratuit : un conseiller évaluera les travaux prioritaires et toutes les aides cumulables, dont l’éco-chèque.',
      ],
      [
        'Je loue mon logement : suis-je concerné ?',
        'Oui, en tant que bailleur, si vous vous engagez à un loyer maîtrisé pendant cinq ans. Le montant est alors de 1 000 €.',
      ],
      [
        'L’éco-chèque se cumule-t-il avec les aides de l’État ?',
        'Oui, il s’ajoute aux aides nationales à la rénovation et aux certificats d’économies d’énergie.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'faq', format: 'odt', scope: 'external' },
      { kind: 'formulaire', format: 'docx', scope: 'external' },
    ],
  },
  {
    name: 'Chaleur renouvelable : bois énergie et réseaux de chaleur',
    slug: 'chaleur-renouvelable-bois-energie',
    theme: 'Environnement-Climat',
    directorate: 'DTEE',
    promise: 'Financer les chaufferies au bois et les réseaux de chaleur des communes et des entreprises',
    summary:
      'La Région, avec l’agence de la transition écologique, aide les collectivités, les établissements de santé, les entreprises et les bailleurs sociaux à remplacer leurs chaudières au fioul ou au gaz par des chaufferies au bois ou par un raccordement à un réseau de chaleur alimenté en énergie renouvelable.',
    amount: '30 % à 50 % de l’investissement selon la taille, plafonné à 400 000 €',
    audiences: ['collectivites', 'entreprises', 'associations'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['chaufferie bois', 'réseau de chaleur', 'chauffage', 'biomasse', 'énergie renouvelable', 'plaquettes forestières'],
    calendar: { opensIn: -100, closesIn: 140 },
    referent: {
      name: 'Christophe Vidalenc',
      service: 'Service Énergies renouvelables',
      email: 'chaleur.renouvelable@region.example',
      phone: '04 00 00 00 52',
    },
    context:
      'Le chauffage des bâtiments publics et tertiaires repose encore largement sur le fioul et le gaz. La forêt régionale peut fournir du bois énergie local, et la chaleur renouvelable stabilise les factures. La Région accompagne les projets de la note d’opportunité jusqu’à la mise en service.',
    beneficiaries: [
      'Les communes, intercommunalités et syndicats d’énergie.',
      'Les établissements de santé, d’enseignement et médico-sociaux.',
      'Les entreprises, les exploitations agricoles et les bailleurs sociaux.',
    ],
    conditions: [
      'Une étude de faisabilité de moins de trois ans a été réalisée.',
      'Le combustible bois provient d’un approvisionnement durable, à moins de 100 kilomètres.',
      'La chaufferie respecte les valeurs limites d’émission de poussières.',
    ],
    expenses: [
      'La chaufferie, le silo et le système d’alimentation.',
      'Le réseau de distribution de chaleur et les sous-stations.',
      'Les études de faisabilité et la maîtrise d’œuvre.',
      'Les équipements de filtration des fumées.',
    ],
    excluded: [
      'Les chaudières individuelles des particuliers, aidées par l’éco-chèque.',
      'Le bâtiment de la chaufferie au-delà d’un forfait.',
    ],
    funding:
      'Le taux dépend de la puissance installée et de l’intérêt collectif du projet : 50 % pour les petites chaufferies communales, 30 % au-delà d’un mégawatt. Les études sont aidées à 70 %.',
    pieces: [
      'L’étude de faisabilité.',
      'La note de dimensionnement et le plan d’approvisionnement.',
      'Le plan de financement et les devis ou l’estimation.',
    ],
    faq: [
      [
        'La commune voudrait chauffer l’école et la mairie au bois : est-ce possible ?',
        'Oui, c’est typiquement le cas d’un petit réseau de chaleur communal. Commencez par une note d’opportunité gratuite avec le conseiller en énergie de votre territoire, puis une étude de faisabilité aidée à 70 %.',
      ],
      [
        'Une entreprise peut-elle être aidée ?',
        'Oui, pour chauffer ses locaux ou produire de la chaleur pour ses procédés, avec un taux adapté à sa taille.',
      ],
      ['Les granulés sont-ils acceptés ?', 'Oui, comme les plaquettes forestières, si l’approvisionnement est local et certifié.'],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'guide', format: 'pdf', scope: 'external' },
      { kind: 'note', format: 'docx', scope: 'internal' },
    ],
  },
  {
    name: 'Aide à l’achat d’un vélo à assistance électrique',
    slug: 'aide-velo-assistance-electrique',
    theme: 'Transport et mobilité',
    directorate: 'DMOB',
    promise: 'Une aide pour acheter un vélo électrique ou un vélo cargo pour ses trajets du quotidien',
    summary:
      'Les habitants de la région peuvent recevoir une aide pour l’achat d’un vélo à assistance électrique neuf ou d’occasion vendu par un professionnel, d’un vélo cargo ou d’un vélo adapté au handicap, afin de remplacer la voiture pour les trajets domicile-travail ou les courses.',
    amount: 'de 200 € à 500 € selon les revenus, 1 000 € pour un vélo cargo ou adapté',
    audiences: ['particuliers', 'jeunes', 'etudiants'],
    aidTypes: ['subvention'],
    keywords: ['vélo électrique', 'VAE', 'vélo cargo', 'mobilité douce', 'trajet domicile-travail', 'bicyclette'],
    calendar: { isPermanent: true },
    referent: { name: 'Lucie Bourrel', service: 'Service Mobilités actives', email: 'velo@region.example', phone: '04 00 00 00 61' },
    context:
      'La moitié des trajets quotidiens en voiture font moins de cinq kilomètres. Le vélo à assistance électrique rend ces trajets faciles, même avec du relief, mais son prix freine l’achat. L’aide régionale s’ajoute aux aides des collectivités locales et de l’État.',
    beneficiaries: [
      'Les personnes majeures domiciliées dans la région.',
      'Les étudiants et apprentis logés dans la région, dès 16 ans avec l’accord du responsable légal.',
    ],
    conditions: [
      'Par exception, la demande est déposée après l’achat, dans les six mois qui suivent la date de la facture.',
      'Le vélo est acheté chez un professionnel établi en France, neuf ou d’occasion avec garantie.',
      'Le revenu fiscal de référence par part ne dépasse pas le plafond fixé par la Région.',
      'Une seule aide par personne tous les cinq ans.',
    ],
    expenses: [
      'L’achat d’un vélo à assistance électrique.',
      'L’achat d’un vélo cargo, électrique ou non.',
      'L’achat d’un vélo adapté (tricycle, tandem, vélo pour personne handicapée).',
    ],
    excluded: [
      'Les trottinettes et les engins de déplacement personnel motorisés.',
      'Les accessoires vendus séparément.',
      'Les vélos achetés entre particuliers.',
    ],
    funding:
      'Le montant dépend du revenu fiscal de référence par part : 500 € sous le premier seuil, 200 € jusqu’au plafond. Il ne dépasse pas 40 % du prix du vélo.',
    pieces: [
      'La facture acquittée au nom du demandeur.',
      'Le dernier avis d’imposition.',
      'Un justificatif de domicile de moins de trois mois.',
    ],
    faq: [
      [
        'Dois-je faire la demande avant d’acheter le vélo ?',
        'Non : exceptionnellement pour ce dispositif, la demande se fait après l’achat, dans les six mois qui suivent la date de la facture.',
      ],
      ['Un vélo d’occasion est-il accepté ?', 'Oui, s’il est vendu par un professionnel avec une garantie d’au moins six mois.'],
      [
        'Ma commune donne déjà une aide : puis-je cumuler ?',
        'Oui, l’aide de la Région se cumule avec celles des communes et de l’État, dans la limite du prix du vélo.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'fiche', format: 'odt', scope: 'external' },
      { kind: 'faq', format: 'docx', scope: 'external' },
    ],
  },
  {
    name: 'Abonnement scolaire régional',
    slug: 'abonnement-scolaire-regional',
    theme: 'Transport et mobilité',
    directorate: 'DMOB',
    promise: 'Le car et le train gratuits pour aller à l’école, au collège et au lycée',
    summary:
      'La Région organise le transport scolaire hors des villes. L’abonnement est gratuit pour les élèves domiciliés à plus de trois kilomètres de leur établissement de secteur ; l’inscription se fait chaque été en ligne et donne droit à une carte valable sur les cars et les trains régionaux.',
    amount: 'gratuit ; frais de 30 € en cas d’inscription après la date limite',
    audiences: ['jeunes', 'particuliers'],
    aidTypes: ['accompagnement'],
    keywords: ['transport scolaire', 'car scolaire', 'carte de transport', 'élève', 'collège', 'inscription'],
    calendar: { opensIn: -50, closesIn: 20 },
    referent: {
      name: 'Patrick Solignac',
      service: 'Service Transports scolaires',
      email: 'transport.scolaire@region.example',
      phone: '04 00 00 00 62',
    },
    context:
      'Chaque jour, des dizaines de milliers d’élèves prennent le car ou le train pour rejoindre leur établissement. La Région a fait le choix de la gratuité pour les familles, à condition de respecter le calendrier d’inscription qui permet d’organiser les circuits avant la rentrée.',
    beneficiaries: [
      'Les élèves de la maternelle à la terminale domiciliés dans la région.',
      'Les apprentis et les étudiants de BTS en lycée, jusqu’à 21 ans.',
    ],
    conditions: [
      'L’élève est domicilié à plus de trois kilomètres de son établissement.',
      'L’établissement est l’établissement de secteur, ou une dérogation a été accordée pour une option.',
      'L’inscription est faite en ligne avant la date limite.',
    ],
    expenses: [
      'La carte de transport annuelle sur les lignes scolaires et régulières.',
      'Les trajets en train régional entre la gare proche du domicile et celle de l’établissement.',
    ],
    excluded: ['Les trajets de loisirs pendant les vacances scolaires.', 'Les trajets vers un établissement hors secteur sans dérogation.'],
    funding: 'L’abonnement est gratuit ; une inscription après la date limite est majorée de 30 € et la place n’est pas garantie.',
    pieces: [
      'Une photographie d’identité de l’élève.',
      'Un justificatif de domicile.',
      'Le certificat de scolarité pour les élèves hors secteur.',
    ],
    faq: [
      [
        'Jusqu’à quand faut-il inscrire son enfant au car ?',
        'La date limite approche : elle figure sur la fiche du dispositif. Après cette date, l’inscription reste possible mais coûte 30 € et la place n’est pas garantie.',
      ],
      ['Mon enfant a perdu sa carte : que faire ?', 'Demandez un duplicata en ligne ou à la Maison de Région ; il coûte 10 €.'],
      [
        'Le transport est-il assuré pour un élève en garde alternée ?',
        'Oui, deux cartes peuvent être délivrées pour les deux domiciles, sans frais supplémentaires.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'formulaire', format: 'odt', scope: 'external' },
      { kind: 'note', format: 'docx', scope: 'internal' },
    ],
  },
  {
    name: 'Revitalisation des centres-bourgs',
    slug: 'revitalisation-centres-bourgs',
    theme: 'Aménagement du territoire',
    directorate: 'DMOB',
    promise: 'Redonner vie aux cœurs de village et de petite ville : espaces publics, logements, commerces',
    summary:
      'La Région accompagne les communes de moins de 10 000 habitants qui s’engagent dans un projet global de revitalisation : réaménagement des places et des rues, reconversion de bâtiments vacants en logements ou en services, maintien des commerces, avec un contrat de trois ans.',
    amount: '25 % des dépenses, plafonné à 500 000 € par contrat',
    audiences: ['collectivites'],
    aidTypes: ['subvention', 'accompagnement'],
    keywords: ['centre-bourg', 'revitalisation', 'petite ville', 'espace public', 'logement vacant', 'aménagement'],
    calendar: { isPermanent: true },
    referent: {
      name: 'Marion Delteil',
      service: 'Service Aménagement et contrats territoriaux',
      email: 'centres.bourgs@region.example',
      phone: '04 00 00 00 63',
    },
    context:
      'De nombreux bourgs voient leurs commerces fermer et leurs logements se vider au profit des lotissements et des zones commerciales. Inverser la tendance suppose un projet d’ensemble, mené sur plusieurs années. La Région s’engage aux côtés des communes dans un contrat qui rassemble ses différentes aides.',
    beneficiaries: [
      'Les communes de moins de 10 000 habitants exerçant une fonction de centralité.',
      'Leurs intercommunalités et les établissements publics fonciers agissant pour leur compte.',
    ],
    conditions: [
      'La commune a défini un plan guide de revitalisation approuvé par le conseil municipal.',
      'Le projet associe les habitants et les commerçants.',
      'Le contrat est signé avec l’intercommunalité.',
    ],
    expenses: [
      'Le réaménagement des espaces publics du centre.',
      'L’acquisition et la réhabilitation de bâtiments vacants.',
      'Les études de programmation et l’ingénierie de projet.',
      'Les locaux commerciaux publics destinés à l’installation de commerces.',
    ],
    excluded: ['La voirie hors du périmètre de centralité.', 'Les équipements sans lien avec la revitalisation.'],
    funding:
      'Le contrat fixe pour trois ans l’enveloppe régionale et la liste des opérations. Chaque opération fait ensuite l’objet d’une demande d’aide simplifiée.',
    pieces: ['Le plan guide et la délibération.', 'La liste des opérations et leur calendrier.', 'Le plan de financement prévisionnel.'],
    faq: [
      [
        'Notre commune compte 12 000 habitants : est-elle éligible ?',
        'Non, le dispositif vise les communes de moins de 10 000 habitants. Les villes moyennes relèvent d’autres contrats.',
      ],
      [
        'Peut-on financer le rachat d’un commerce vacant ?',
        'Oui, si la commune l’acquiert pour y installer un commerce ou un service, dans le cadre du plan guide.',
      ],
      [
        'Faut-il un bureau d’études ?',
        'Le plan guide peut être élaboré avec l’appui de l’agence d’ingénierie départementale ; l’étude est alors aidée à 50 %.',
      ],
    ],
    documents: [
      { kind: 'reglement', format: 'pdf', scope: 'external' },
      { kind: 'guide', format: 'pdf', scope: 'external' },
    ],
  },
];
