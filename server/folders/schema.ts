import { z } from 'zod';
import { idParams } from '../http/params';

export const audiences = [
  'entreprises',
  'associations',
  'collectivites',
  'particuliers',
  'jeunes',
  'agriculteurs',
  'etudiants',
  'demandeurs_emploi',
] as const;
export const aidTypes = ['subvention', 'pret', 'avance_remboursable', 'garantie', 'accompagnement', 'appel_a_projets', 'prix'] as const;
/** The referent's contact fields a card may make public (on the citizen's pages and handouts). */
export const referentFields = ['name', 'service', 'email', 'phone'] as const;
/** By default the citizen sees the service (and the agent's Maison), never a person's name, e-mail or mobile. */
export const defaultPublicReferentFields: (typeof referentFields)[number][] = ['service'];

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} doit être un texte.` })
    .trim()
    .max(max, { error: `${label} : ${max} caractères au plus.` });
const isoDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'Adresse web attendue (https://…).' }).max(2000);

export const folderName = z
  .string({ error: 'Le nom est obligatoire.' })
  .trim()
  .min(1, { error: 'Le nom est obligatoire.' })
  .max(200, { error: 'Le nom : 200 caractères au plus.' });

export const schemeCardSchema = z
  .object({
    directorateId: z.uuid({ error: 'Direction inconnue.' }),
    promise: text(200, 'La promesse').default(''),
    summary: text(5000, 'Le résumé').default(''),
    /** What it pays, as the card says it: "jusqu'à 500 €", "50 % des dépenses". */
    amount: text(200, 'Le montant').default(''),
    audiences: z
      .array(z.enum(audiences, { error: 'Public inconnu.' }))
      .max(audiences.length)
      .default([]),
    aidTypes: z
      .array(z.enum(aidTypes, { error: "Type d'aide inconnu." }))
      .max(aidTypes.length)
      .default([]),
    keywords: z.array(text(100, 'Un mot-clé').min(1)).max(50, { error: '50 mots-clés au plus.' }).default([]),
    opensOn: isoDate.nullable().default(null),
    closesOn: isoDate.nullable().default(null),
    isPermanent: z.boolean().default(false),
    referent: z
      .object({
        name: text(200, 'Le nom du référent').optional(),
        service: text(200, 'Le service du référent').optional(),
        email: z.email({ error: 'Adresse e-mail du référent invalide.' }).max(320).optional(),
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9 .()-]{6,25}$/, { error: 'Numéro de téléphone du référent invalide.' })
          .optional(),
        /** Which of these fields the citizen's pages show. */
        publicFields: z
          .array(z.enum(referentFields, { error: 'Champ de contact inconnu.' }))
          .max(referentFields.length)
          .default(defaultPublicReferentFields)
          .transform((fields) => [...new Set(fields)]),
      })
      .strict()
      .default({ publicFields: defaultPublicReferentFields }),
    links: z.object({ infoUrl: httpUrl.optional(), applyUrl: httpUrl.optional() }).strict().default({}),
    /** Days between two verifications of the card (kept as it is when omitted; 180 for a new scheme). */
    reviewIntervalDays: z
      .number({ error: 'Le délai de vérification est un nombre de jours.' })
      .int({ error: 'Le délai de vérification est un nombre entier de jours.' })
      .min(7, { error: 'Le délai de vérification : 7 jours au moins.' })
      .max(1095, { error: 'Le délai de vérification : 1095 jours (3 ans) au plus.' })
      .optional(),
    /** The editor in charge of verifying it (null: the referent, when they have an account). */
    verifierId: z.uuid({ error: 'Vérificateur inconnu.' }).nullable().optional(),
  })
  .strict()
  .refine((card) => !card.opensOn || !card.closesOn || card.closesOn >= card.opensOn, {
    error: "La date de clôture doit suivre la date d'ouverture.",
    path: ['closesOn'],
  })
  .refine((card) => !card.isPermanent || !card.closesOn, {
    error: 'Un dispositif permanent n’a pas de date de clôture.',
    path: ['closesOn'],
  });

export type SchemeCardInput = z.infer<typeof schemeCardSchema>;

export const createFolderSchema = z
  .object({
    name: folderName,
    parentId: z.uuid({ error: 'Dossier parent inconnu.' }).nullable(),
    scheme: schemeCardSchema.optional(),
  })
  .strict();
export type CreateFolderInput = z.infer<typeof createFolderSchema>;

export const updateFolderSchema = z
  .object({
    name: folderName.optional(),
    parentId: z.uuid({ error: 'Dossier parent inconnu.' }).nullable().optional(),
    scheme: schemeCardSchema.optional(),
    isArchived: z.boolean().optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { error: 'Rien à modifier.' });
export type UpdateFolderInput = z.infer<typeof updateFolderSchema>;

export const folderIdParams = idParams('Ce dossier est introuvable.');

export const verificationQueueQuery = z.object({ directorateId: z.uuid({ error: 'Direction inconnue.' }).optional() }).strict();
