import type { DocType } from '../../documents/schema';
import type { DemoCard, DemoDocument, DocumentKind, DocumentPlan, SchemeSource } from './types';
import type { Page } from './files';
import { audienceLabels } from '../../sharing/labels';
import { calendarSentence, contactLines, frenchDate, inline, isBusinessAid, isForPersons, lowerFirst, pick } from './phrasing';

/**
 * The text of a scheme's documents, written from what the scheme says of itself (its card, its
 * beneficiaries, expenses, pieces, questions) and from the clauses every règlement of the Region
 * shares. `variant` (the scheme's rank) picks among wordings, so that neighbouring documents do not
 * read the same.
 */

// --- Règlement d'intervention (6 pages) ---------------------------------------------------------

const preambles = [
  'Le présent règlement fixe les conditions dans lesquelles la Région accorde son aide. Il a été adopté par délibération de la commission permanente du conseil régional et s’applique aux demandes déposées à compter de sa publication. Il ne crée aucun droit automatique à l’aide : chaque demande est examinée au regard de la qualité du projet, de sa cohérence avec les priorités régionales et des crédits disponibles.',
  'La Région intervient dans le cadre de ses compétences et des orientations votées par l’assemblée régionale. Le présent règlement précise qui peut demander l’aide, pour quelles dépenses, selon quel calcul et selon quelle procédure. L’aide conserve un caractère facultatif : elle est attribuée dans la limite des crédits inscrits au budget de l’exercice.',
];

const personalConditions =
  'Le demandeur réside dans la région à la date de la demande et fournit des informations exactes et complètes. Toute fausse déclaration entraîne le rejet de la demande ou le remboursement de l’aide perçue. L’aide est personnelle : elle ne peut être ni cédée ni versée à un tiers, sauf lorsque le présent règlement prévoit un versement direct au prestataire.';

const generalConditions = [
  'Le demandeur doit en outre être à jour de ses obligations fiscales et sociales, ne pas faire l’objet d’une procédure collective ouverte à la date du dépôt (sauf plan de continuation adopté) et disposer d’un établissement ou d’un domicile sur le territoire régional. Le projet ne doit pas avoir commencé avant la date de l’accusé de réception du dossier : un devis signé ou une commande passée avant cette date rend les dépenses correspondantes inéligibles.',
  'Seules sont recevables les demandes présentées par un porteur établi dans la région, en règle avec ses obligations déclaratives et de paiement auprès de l’administration fiscale et des organismes sociaux. Le commencement d’exécution avant l’accusé de réception délivré par la Région entraîne le rejet de la demande, sauf dérogation écrite et motivée.',
];

const expenseRules = [
  'Les dépenses sont retenues hors taxes lorsque le bénéficiaire récupère la TVA, toutes taxes comprises dans le cas contraire. Elles doivent être justifiées par des factures acquittées ou des pièces de valeur probante équivalente, libellées au nom du bénéficiaire.',
  'Le montant éligible est apprécié sur la base des devis joints au dossier ; il est ensuite ajusté aux dépenses réellement engagées et justifiées. La TVA n’est prise en compte que si elle reste définitivement à la charge du bénéficiaire.',
];

const excludedRules = [
  'Sont également exclus, quel que soit le projet, les frais de fonctionnement courant de la structure, le remboursement d’emprunts, les pénalités et amendes, ainsi que les dépenses déjà financées par une autre aide de la Région.',
  'De manière générale, la Région ne finance ni les charges habituelles de fonctionnement, ni le rachat de parts sociales, ni les dépenses réalisées entre entités liées, ni les frais financiers.',
];

function stateAidClause(source: SchemeSource): string {
  if (isForPersons(source)) {
    return 'L’aide régionale se cumule avec les aides de l’État, des départements, des communes et des organismes sociaux, dans la limite de la dépense réellement supportée par le bénéficiaire. Elle n’est pas prise en compte dans le calcul des autres aides régionales attribuées sous condition de ressources.';
  }
  if (isBusinessAid(source)) {
    return 'Pour les entreprises, l’aide est accordée sur le fondement du règlement (UE) 2023/2831 de la Commission relatif aux aides de minimis, ou du régime d’aides d’État exempté applicable au projet. Le demandeur déclare les aides de minimis reçues au cours des trois dernières années. L’aide régionale est cumulable avec d’autres financements publics dans la limite des taux maximaux autorisés.';
  }
  return 'L’aide régionale peut être cumulée avec d’autres financements publics (État, département, intercommunalité, fonds européens), dans la limite de 80 % du coût total du projet pour les collectivités et de la totalité des dépenses pour les autres bénéficiaires. Le plan de financement joint au dossier fait apparaître l’ensemble des cofinancements sollicités ou obtenus.';
}

const instructionClauses = [
  'Le service instructeur accuse réception du dossier et, le cas échéant, demande les pièces manquantes. Le dossier complet est examiné au regard des critères du présent règlement ; l’aide est attribuée par la commission permanente du conseil régional, qui en fixe le montant. La décision est notifiée par écrit au bénéficiaire. Le délai moyen entre un dossier complet et la décision est de deux à trois mois.',
  'Chaque demande fait l’objet d’une instruction technique et financière par la direction compétente, qui peut solliciter l’avis de partenaires ou organiser une visite. Les dossiers instruits sont présentés à la commission permanente, seule compétente pour attribuer l’aide. Le bénéficiaire reçoit une notification précisant le montant accordé, l’assiette retenue et les conditions de versement.',
];

const paymentClauses = [
  'L’aide est versée sur demande du bénéficiaire, au vu des justificatifs de dépenses. Une avance de 30 % peut être versée au démarrage du projet sur demande motivée. Le solde est versé à l’achèvement de l’opération, sur présentation d’un état récapitulatif des dépenses certifié et, pour les investissements, de photographies ou d’un procès-verbal de réception. Si les dépenses réalisées sont inférieures au prévisionnel, l’aide est réduite au prorata.',
  'Le versement intervient en une ou deux fois : un acompte, dans la limite de 50 % de l’aide, sur justification d’un commencement d’exécution, puis le solde sur présentation des factures acquittées et d’un court bilan de l’opération. Le bénéficiaire dispose de deux ans à compter de la notification pour demander le solde ; passé ce délai, l’aide est caduque pour la part non versée.',
];

const commitmentClauses = [
  'Le bénéficiaire s’engage à réaliser le projet tel qu’il a été présenté, à informer la Région de toute modification de son plan de financement ou de son calendrier, et à conserver les pièces justificatives pendant dix ans. Il mentionne le soutien de la Région sur ses supports de communication, en utilisant le logo régional, et sur un panneau visible pour les investissements de plus de 50 000 €.',
  'En acceptant l’aide, le bénéficiaire s’engage à affecter les biens financés à l’activité prévue pendant au moins trois ans, à faciliter tout contrôle sur pièces ou sur place, et à faire connaître la participation de la Région (logo, mention « avec le soutien de la Région » sur les documents, le site internet et lors des événements publics).',
];

function reglement(source: SchemeSource, card: DemoCard, variant: number): Page[] {
  return [
    [
      `# Règlement d'intervention — ${source.name}`,
      '## Préambule',
      source.context,
      pick(preambles, variant),
      '## Article 1 – Objet',
      `${source.promise}. ${source.summary}`,
      '## Article 2 – Bénéficiaires',
      'Peuvent bénéficier de l’aide :',
      ...source.beneficiaries.map((b) => `- ${b}`),
    ],
    [
      '## Article 3 – Conditions d’éligibilité',
      'Pour être recevable, la demande doit remplir les conditions suivantes :',
      ...source.conditions.map((c) => `- ${c}`),
      isForPersons(source) ? personalConditions : pick(generalConditions, variant),
      '## Article 4 – Dépenses éligibles',
      'Sont éligibles les dépenses directement liées au projet, et notamment :',
      ...source.expenses.map((e) => `- ${e}`),
      pick(expenseRules, variant),
    ],
    [
      '## Article 5 – Dépenses exclues',
      'Ne sont pas prises en compte :',
      ...source.excluded.map((e) => `- ${e}`),
      pick(excludedRules, variant),
      '## Article 6 – Nature et montant de l’aide',
      `L’aide prend la forme suivante : ${source.aidTypes.map((t) => aidTypeLabels[t]).join(', ')}. Montant : ${source.amount}.`,
      source.funding,
      stateAidClause(source),
    ],
    [
      '## Article 7 – Calendrier et dépôt des demandes',
      calendarSentence(card),
      `La demande est déposée sur le portail des aides de la Région (https://www.region.example/aides/${source.slug}/deposer-une-demande). Un compte personnel permet de suivre l’avancement du dossier, de compléter les pièces et d’échanger avec le service instructeur. Les Maisons de Région accompagnent les personnes qui ne peuvent pas faire la démarche en ligne : un agent d’accueil peut aider à constituer le dossier sur place.`,
      '## Article 8 – Instruction et décision',
      pick(instructionClauses, variant),
    ],
    [
      '## Article 9 – Versement de l’aide',
      pick(paymentClauses, variant),
      '## Article 10 – Engagements du bénéficiaire',
      pick(commitmentClauses, variant),
      '## Article 11 – Contrôle et reversement',
      'La Région peut contrôler, sur pièces et sur place, l’exécution du projet et l’emploi des fonds. En cas de non-respect des engagements, de modification substantielle du projet non autorisée ou de fausse déclaration, elle peut exiger le reversement de tout ou partie de l’aide versée, après avoir invité le bénéficiaire à présenter ses observations.',
    ],
    [
      '## Article 12 – Contacts',
      ...contactLines(source),
      'Les agents d’accueil des Maisons de Région renseignent le public sur le dispositif, vérifient avec lui la liste des pièces et l’orientent vers le service instructeur.',
      '## Article 13 – Données personnelles',
      'Les données recueillies sont traitées par la Région pour instruire la demande, verser l’aide et en évaluer les effets. Elles sont conservées pendant la durée nécessaire à ces fins, puis archivées. Le demandeur peut exercer ses droits d’accès, de rectification et d’opposition auprès du délégué à la protection des données : dpo@region.example.',
      '## Annexe – Pièces à joindre à la demande',
      ...source.pieces.map((p) => `- ${p}`),
      '- Relevé d’identité bancaire au nom du demandeur.',
      '## Article 14 – Entrée en vigueur',
      'Le présent règlement entre en vigueur à la date de sa publication au recueil des actes administratifs de la Région. Il peut être modifié par la commission permanente ; la version applicable est celle en vigueur à la date du dépôt de la demande.',
    ],
  ];
}

const aidTypeLabels: Record<string, string> = {
  subvention: 'subvention',
  pret: 'prêt à taux zéro',
  avance_remboursable: 'avance remboursable',
  garantie: 'garantie bancaire',
  accompagnement: 'accompagnement personnalisé',
  appel_a_projets: 'appel à projets',
  prix: 'prix',
};

// --- Fiche synthèse (2 pages) -------------------------------------------------------------------

function fiche(source: SchemeSource, card: DemoCard, variant: number): Page[] {
  return [
    [
      `# ${source.name} — fiche synthèse`,
      '## En bref',
      `${source.promise}.`,
      source.summary,
      '## Pour qui ?',
      ...source.beneficiaries.map((b) => `- ${b}`),
      '## Pour financer quoi ?',
      ...source.expenses.map((e) => `- ${e}`),
      isForPersons(source)
        ? 'La demande se fait en quelques minutes sur le portail des aides, avec les justificatifs listés au verso. Gardez une copie de chaque pièce envoyée.'
        : pick(
            [
              'Les dépenses engagées avant le dépôt du dossier ne sont pas prises en charge : il faut déposer la demande avant de signer un devis.',
              'Attention : la demande doit être déposée avant tout commencement du projet. Un devis signé trop tôt rend la dépense inéligible.',
            ],
            variant,
          ),
      'Les Maisons de Région renseignent sur ce dispositif et sur les aides qui peuvent le compléter (État, département, intercommunalité) : n’hésitez pas à les consulter avant de déposer.',
    ],
    [
      '## Combien ?',
      `${source.amount}.`,
      source.funding,
      '## Quand ?',
      calendarSentence(card),
      '## Comment faire ?',
      'La demande se fait en ligne sur le portail des aides de la Région. Préparer avant de commencer :',
      ...source.pieces.map((p) => `- ${p}`),
      'Les Maisons de Région aident à constituer le dossier pour les personnes qui le souhaitent. Le montant définitif est fixé par la commission permanente après instruction du dossier complet.',
      '## Contact',
      ...contactLines(source),
    ],
  ];
}

// --- Questions fréquentes (2 pages) -------------------------------------------------------------

function faq(source: SchemeSource, card: DemoCard, variant: number): Page[] {
  const [first, ...others] = source.faq;
  const publics = source.audiences.map((a) => audienceLabels[a]).join(', ');
  return [
    [
      `# ${source.name} : questions fréquentes`,
      'Cette foire aux questions reprend les demandes les plus courantes reçues par le service instructeur et par les Maisons de Région. Elle ne remplace pas le règlement d’intervention, qui seul fait foi.',
      '## Qui peut en bénéficier ?',
      `Le dispositif s’adresse aux publics suivants : ${publics}. Plus précisément : ${source.beneficiaries.map(inline).join(' ; ')}.`,
      '## Quelles dépenses sont prises en charge ?',
      `Principalement : ${source.expenses.map(inline).join(' ; ')}. En revanche, ne sont pas financés : ${source.excluded.map(inline).join(' ; ')}.`,
      ...(first ? [`## ${first[0]}`, first[1]] : []),
    ],
    [
      ...others.flatMap(([question, answer]) => [`## ${question}`, answer]),
      '## Jusqu’à quand peut-on déposer ?',
      calendarSentence(card),
      '## Combien de temps faut-il pour obtenir une réponse ?',
      pick(
        [
          'Comptez deux à trois mois entre le dépôt d’un dossier complet et la décision de la commission permanente. Un dossier incomplet n’est pas instruit : répondez vite aux demandes de pièces.',
          'Le délai dépend du calendrier des commissions permanentes, qui se réunissent environ une fois par mois. En moyenne, la décision intervient dans les dix semaines qui suivent la complétude du dossier.',
        ],
        variant,
      ),
      '## Qui contacter ?',
      ...contactLines(source),
    ],
  ];
}

// --- Formulaire de demande (2 pages) ------------------------------------------------------------

function formulaire(source: SchemeSource, _card: DemoCard, variant: number): Page[] {
  const forCompanies = isBusinessAid(source);
  return [
    [
      `# Formulaire de demande — ${source.name}`,
      'Ce formulaire est à compléter, signer et joindre à votre demande en ligne. Écrivez lisiblement ; les champs marqués d’un astérisque sont obligatoires. Un formulaire incomplet retarde l’instruction de votre dossier.',
      '## 1. Identification du demandeur',
      forCompanies ? '- Raison sociale* : ……………………………… Numéro SIRET* : ………………………' : '- Nom et prénom ou dénomination* : ……………………………………………',
      '- Adresse complète* : ……………………………………………………………………',
      '- Commune* : ……………………… Code postal* : …………',
      '- Téléphone* : ……………………… Courriel* : ……………………………',
      forCompanies
        ? '- Effectif salarié à la date de la demande : ………… Date de création : …………'
        : '- Situation (étudiant, salarié, demandeur d’emploi, retraité, autre) : ……………………',
      '- Représentant légal ou personne à contacter : ……………………………………',
      '## 2. Description du projet',
      '- Intitulé du projet* : ……………………………………………………………………',
      '- Lieu de réalisation* : ……………………………………………………………',
      '- Date prévisionnelle de début : ………… Date prévisionnelle de fin : …………',
      `- Objectifs du projet et lien avec le dispositif (« ${source.promise} ») : ……………………………………………`,
      pick(
        [
          'Décrivez en quelques lignes ce que vous souhaitez réaliser, pour qui, et ce que le projet changera concrètement. Joignez tout document utile (plans, photographies, lettres de soutien).',
          'Présentez le projet simplement : la situation de départ, ce que vous allez faire, les résultats attendus. Les dossiers clairs sont instruits plus vite.',
        ],
        variant,
      ),
    ],
    [
      '## 3. Plan de financement prévisionnel',
      '- Coût total du projet (HT ou TTC, préciser) : ……………… €',
      `- Aide demandée à la Région (${source.amount}) : ……………… €`,
      '- Autres financements publics sollicités ou obtenus : ……………… €',
      '- Apport personnel ou autofinancement : ……………… € — Emprunt bancaire : ……………… €',
      'Le total des ressources doit être égal au coût total du projet.',
      '## 4. Pièces à joindre',
      ...source.pieces.map((p) => `- ${p}`),
      '## 5. Attestation sur l’honneur',
      `Je soussigné(e) certifie exacts les renseignements portés sur ce formulaire, atteste être à jour de mes obligations fiscales et sociales, et m’engage à ne pas commencer le projet avant l’accusé de réception de la Région. ${forCompanies ? 'Je déclare le montant des aides de minimis reçues au cours des trois dernières années : ……………… €.' : 'Je m’engage à signaler à la Région tout changement de situation pendant l’instruction.'}`,
      'Fait à ……………………, le …………………… Signature :',
      `Contact pour remplir ce formulaire : ${source.referent.email} — ${source.referent.phone}.`,
    ],
  ];
}

// --- Note interne pour les Maisons de Région (2 pages) ------------------------------------------

function note(source: SchemeSource, card: DemoCard, variant: number): Page[] {
  const [question, answer] = source.faq[source.faq.length - 1] ?? ['', ''];
  return [
    [
      `# Note interne — ${source.name} : repères pour l’accueil`,
      `Destinataires : agents d’accueil des Maisons de Région. Rédaction : ${source.referent.service}. Document interne, à ne pas diffuser au public.`,
      '## Ce qu’il faut retenir',
      `${source.promise}. ${source.summary}`,
      `Montant : ${source.amount}. ${card.isPermanent ? 'Le dispositif est permanent.' : `Fenêtre de dépôt : du ${frenchDate(card.opensOn as string)} au ${frenchDate(card.closesOn as string)}.`}`,
      '## Questions à poser au visiteur',
      ...source.conditions.map((c) => `- Vérifier : ${lowerFirst(c)}`),
      pick(
        [
          'Si une seule de ces conditions n’est pas remplie, inutile d’engager le dossier : orienter vers le référent, qui indiquera s’il existe une autre solution.',
          'En cas de doute sur l’éligibilité, ne pas décourager le visiteur : noter ses coordonnées et transmettre la question au référent du siège par courriel.',
        ],
        variant,
      ),
    ],
    [
      '## Points de vigilance',
      isForPersons(source)
        ? 'Les erreurs les plus fréquentes constatées à l’instruction sont les suivantes : justificatif de domicile de plus de trois mois, pièce d’identité illisible ou expirée, avis d’imposition incomplet, relevé d’identité bancaire au nom d’une autre personne. Proposer au visiteur de vérifier ses pièces avec lui avant l’envoi.'
        : 'Les erreurs les plus fréquentes constatées à l’instruction sont les suivantes : dépenses commencées avant l’accusé de réception, devis absents ou trop anciens, plan de financement déséquilibré, relevé d’identité bancaire au nom d’une autre personne. Rappeler systématiquement qu’aucun devis ne doit être signé avant le dépôt.',
      ...(question ? [`Question souvent posée : « ${question} » Réponse à donner : ${answer}`] : []),
      '## Dépenses à ne pas promettre',
      ...source.excluded.map((e) => `- ${e}`),
      '## Escalade',
      `Pour un cas particulier, écrire à ${source.referent.email} en indiquant le nom du visiteur, sa commune et l’objet de sa demande. Pour une urgence, appeler ${source.referent.name} au ${source.referent.phone}. Les réponses sont données sous cinq jours ouvrés.`,
      'Rappel : cette note est à jour à la date de sa diffusion. En cas de différence, la fiche du dispositif dans L’info pour tous et le règlement d’intervention font foi.',
    ],
  ];
}

// --- Guide du porteur de projet (3 pages) -------------------------------------------------------

function guide(source: SchemeSource, card: DemoCard, variant: number): Page[] {
  const [first, second] = source.faq;
  return [
    [
      `# Guide du porteur de projet — ${source.name}`,
      'Ce guide accompagne pas à pas les porteurs de projet, de l’idée au versement de l’aide. Il complète le règlement d’intervention et la fiche synthèse.',
      '## Pourquoi ce dispositif ?',
      source.context,
      '## Étape 1 : vérifier que votre projet est éligible',
      ...source.conditions.map((c) => `- ${c}`),
      pick(
        [
          'Prenez le temps de relire ces conditions avant de commencer : la plupart des refus tiennent à une condition oubliée plutôt qu’à la qualité du projet.',
          'Un échange avec le service instructeur ou avec votre Maison de Région avant le dépôt permet souvent d’éviter un refus pour une raison de forme.',
        ],
        variant,
      ),
      'Si votre projet ne remplit pas toutes les conditions, d’autres dispositifs de la Région ou de ses partenaires peuvent convenir : demandez conseil avant de renoncer.',
    ],
    [
      '## Étape 2 : construire le budget',
      `Listez les dépenses prévues et demandez des devis. Sont notamment retenus : ${source.expenses.map(inline).join(' ; ')}.`,
      `${source.funding} En pratique : ${source.amount}.`,
      'Équilibrez le plan de financement : le total des ressources (aide régionale, autres aides, apport, emprunt) doit égaler le coût du projet. Gardez une marge pour les imprévus : l’aide n’est jamais augmentée après la décision, même si les travaux coûtent plus cher que prévu.',
      ...(first ? [`## ${first[0]}`, first[1]] : []),
    ],
    [
      '## Étape 3 : déposer la demande',
      calendarSentence(card),
      'Rassemblez les pièces suivantes avant d’ouvrir votre compte sur le portail des aides :',
      ...source.pieces.map((p) => `- ${p}`),
      '## Étape 4 : réaliser le projet et demander le versement',
      'Après la notification, réalisez le projet comme prévu et conservez toutes les factures. Le versement est demandé en ligne, avec les justificatifs. Prévenez la Région de tout changement.',
      ...(second ? [`## ${second[0]}`, second[1]] : []),
      '## Pour aller plus loin',
      ...contactLines(source),
    ],
  ];
}

// --- Assembly -----------------------------------------------------------------------------------

const writers: Record<
  DocumentKind,
  { docType: DocType; title: (name: string) => string; summary: (s: SchemeSource) => string; write: typeof reglement }
> = {
  reglement: {
    docType: 'reglement',
    title: (name) => `Règlement d'intervention — ${name}`,
    summary: (s) => `Le texte de référence : bénéficiaires, conditions, dépenses éligibles, montant (${s.amount}), procédure et contacts.`,
    write: reglement,
  },
  fiche: {
    docType: 'fiche_synthese',
    title: (name) => `Fiche synthèse — ${name}`,
    summary: (s) => `L’essentiel en deux pages : ${lowerFirst(s.promise)}.`,
    write: fiche,
  },
  faq: {
    docType: 'faq',
    title: (name) => `Questions fréquentes — ${name}`,
    summary: () => 'Les réponses aux questions les plus posées par les demandeurs et les Maisons de Région.',
    write: faq,
  },
  formulaire: {
    docType: 'formulaire',
    title: (name) => `Formulaire de demande — ${name}`,
    summary: () => 'Formulaire à compléter et à joindre à la demande en ligne, avec la liste des pièces.',
    write: formulaire,
  },
  note: {
    docType: 'note_interne',
    title: (name) => `Note interne — ${name} : repères pour l’accueil`,
    summary: () => 'Pour les agents d’accueil : questions à poser, points de vigilance, qui contacter au siège.',
    write: note,
  },
  guide: {
    docType: 'guide',
    title: (name) => `Guide du porteur de projet — ${name}`,
    summary: () => 'Pas à pas : vérifier l’éligibilité, construire le budget, déposer, obtenir le versement.',
    write: guide,
  },
};

const fileSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export function writeDocument(source: SchemeSource, card: DemoCard, plan: DocumentPlan, variant: number): Omit<DemoDocument, 'place'> {
  const writer = writers[plan.kind];
  return {
    title: writer.title(source.name),
    summary: writer.summary(source),
    docType: writer.docType,
    scope: plan.scope,
    status: 'published',
    format: plan.format,
    filename: `${fileSlug(`${plan.kind}-${source.slug}`)}.${plan.format}`,
    pages: writer.write(source, card, variant),
  };
}
