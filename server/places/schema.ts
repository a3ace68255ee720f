import { z } from 'zod';
import { idParams } from '../http/params';

/** A place of the Region: a directorate (it owns folders and documents) or a Maison de Région (its agents meet visitors). */
export type PlaceKind = 'directorates' | 'maisons';
/** The name of one place of each kind, in the audit trail and the API's answers. */
export const placeObjectTypes = { directorates: 'directorate', maisons: 'maison' } as const;

const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_-]{2,20}$/, { error: 'Code attendu : 2 à 20 majuscules, chiffres, - ou _.' });
const name = z.string().trim().min(1, { error: 'Le nom est obligatoire.' }).max(200, { error: 'Le nom : 200 caractères au plus.' });

export const createDirectorateSchema = z.object({ code, name }).strict();
export const updateDirectorateSchema = z
  .object({ name: name.optional(), isActive: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: 'Rien à modifier.' });
/** The Maison's public phone, printed on the pages and handouts its agents share. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{6,25}$/, { error: 'Numéro de téléphone invalide.' })
  .nullable();
export const createMaisonSchema = z.object({ code, name, city: name, phone: phone.optional() }).strict();
export const updateMaisonSchema = z
  .object({ name: name.optional(), city: name.optional(), phone: phone.optional(), isActive: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: 'Rien à modifier.' });

/** What creating a place takes (the Maison's city and phone; a directorate has neither). */
export interface CreatePlaceInput {
  code: string;
  name: string;
  city?: string;
  phone?: string | null;
}
export interface UpdatePlaceInput {
  name?: string;
  city?: string;
  phone?: string | null;
  isActive?: boolean;
}

/** Each kind's schemas, and its `:id` parameter (a malformed id is a 404 that names the kind). */
export const placeSchemas = {
  directorates: { create: createDirectorateSchema, update: updateDirectorateSchema, params: idParams('Cette direction est introuvable.') },
  maisons: { create: createMaisonSchema, update: updateMaisonSchema, params: idParams('Cette Maison est introuvable.') },
} satisfies Record<PlaceKind, unknown>;
