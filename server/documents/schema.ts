import { z } from 'zod';
import { idParams } from '../http/params';
import { sanitizeTitle } from './titles';

export const docTypes = ['fiche_synthese', 'reglement', 'formulaire', 'faq', 'note_interne', 'deliberation', 'guide', 'autre'] as const;
export type DocType = (typeof docTypes)[number];

/** A title as typed, without control characters nor bidirectional overrides (server/documents/titles.ts). */
const title = z
  .string()
  .trim()
  .max(300, { error: 'Le titre : 300 caractères au plus.' })
  .transform((text) => sanitizeTitle(text, 300))
  .pipe(z.string().min(1, { error: 'Le titre ne peut pas être vide.' }));
const summary = z.string().trim().max(5000, { error: 'Le résumé : 5000 caractères au plus.' });
const docType = z.enum(docTypes, { error: `Type de document inconnu (attendu : ${docTypes.join(', ')}).` });
const scope = z.enum(['internal', 'external'], { error: 'Diffusion inconnue (attendu : internal ou external).' });

/**
 * The fields of an upload (multipart); they must come before the file. Without a title, the
 * document names itself; without a type, the type is suggested from its file name and first page.
 */
export const createDocumentFieldsSchema = z
  .object({
    folderId: z.uuid({ error: 'Dossier introuvable.' }),
    title: title.optional(),
    summary: summary.default(''),
    docType: docType.optional(),
    scope: scope.default('internal'),
    status: z.enum(['draft', 'published'], { error: 'Statut inconnu (attendu : draft ou published).' }).default('draft'),
  })
  .strict();
export type CreateDocumentFields = z.infer<typeof createDocumentFieldsSchema>;

export const updateDocumentSchema = z
  .object({
    title: title.optional(),
    summary: summary.optional(),
    docType: docType.optional(),
    scope: scope.optional(),
    status: z.enum(['draft', 'published', 'archived'], { error: 'Statut inconnu (attendu : draft, published ou archived).' }).optional(),
    folderId: z.uuid({ error: 'Dossier introuvable.' }).optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { error: 'Rien à modifier.' });
export type UpdateDocumentInput = z.infer<typeof updateDocumentSchema>;

/** A malformed id names no document: 404, like an unknown one. */
export const documentIdParams = idParams('Ce document est introuvable.');

export const fileQuery = z.object({
  version: z.coerce
    .number({ error: 'Numéro de version invalide.' })
    .int({ error: 'Numéro de version invalide.' })
    .min(1, { error: 'Numéro de version invalide.' })
    .optional(),
});

export type FileQuery = z.infer<typeof fileQuery>;

export const listQuery = z
  .object({
    folderId: z.uuid({ error: 'Dossier introuvable.' }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** `Idempotency-Key` of an upload: what the client chose to recognise its retries (a UUID, say). */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, { error: 'Idempotency-Key : de 1 à 200 caractères visibles (lettres, chiffres, tirets…).' })
  .optional();
