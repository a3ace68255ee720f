import { z } from 'zod';

const code = z.string().trim().regex(/^[A-Z0-9_-]{2,20}$/, { error: 'Code attendu : 2 à 20 majuscules, chiffres, - ou _.' });
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

/** A form sends empty fields: an empty filter is no filter. */
const blankAsUnset = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess((value) => (value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '')) : value), z.object(shape).strict());

export const usersQueryShape = {
  q: z.string().trim().max(200).optional(),
    role: z.enum(['agent', 'editor', 'admin'], { error: 'Rôle inconnu.' }).optional(),
    directorate: z.uuid({ error: 'Direction inconnue.' }).optional(),
    maison: z.uuid({ error: 'Maison inconnue.' }).optional(),
    active: z.enum(['true', 'false'], { error: 'active : true ou false.' }).optional(),
};
export const usersQuery = blankAsUnset(usersQueryShape);
export const updateUserSchema = z.object({ isActive: z.boolean({ error: 'isActive : true ou false.' }) }).strict();

export const auditQueryShape = {
    actor: z.uuid({ error: 'Utilisateur inconnu.' }).optional(),
    action: z.string().trim().max(100).optional(),
    objectType: z.string().trim().max(50).optional(),
    objectId: z.string().trim().max(100).optional(),
    from: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }).optional(),
    to: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }).optional(),
    page: z.coerce.number({ error: 'Numéro de page invalide.' }).int({ error: 'Numéro de page invalide.' }).min(1, { error: 'Numéro de page invalide.' }).max(10000, { error: 'Numéro de page invalide.' }).default(1),
};
export const auditQuery = blankAsUnset(auditQueryShape);
export type AuditQuery = z.infer<typeof auditQuery>;
