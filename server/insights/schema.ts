import { z } from 'zod';

export const insightsQuerySchema = z
  .object({
    days: z.coerce
      .number({ error: 'Période invalide.' })
      .int({ error: 'Période invalide.' })
      .min(1, { error: 'Période invalide.' })
      .max(366, { error: 'Une période d’un an au plus.' })
      .default(30),
    theme: z.uuid({ error: 'Thème inconnu.' }).optional(),
    maison: z.uuid({ error: 'Maison inconnue.' }).optional(),
  })
  .strict();
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

const query = z
  .string({ error: 'La recherche est obligatoire.' })
  .trim()
  .min(1, { error: 'La recherche est obligatoire.' })
  .max(1000, { error: 'La recherche : 1000 caractères au plus.' });

/** What an editor or an admin does about a query agents searched without finding. */
export const gapActionSchema = z.discriminatedUnion(
  'action',
  [
    /** Adds the query to the keywords of one of the editor's schemes. */
    z
      .object({
        action: z.literal('keyword'),
        query: query.max(100, { error: 'Un mot-clé : 100 caractères au plus.' }),
        folderId: z.uuid({ error: 'Dispositif inconnu.' }),
      })
      .strict(),
    /** Makes the query a synonym of other terms (administrators). */
    z
      .object({
        action: z.literal('synonym'),
        query: query.max(100, { error: 'Un terme : 100 caractères au plus.' }),
        terms: z
          .array(
            z
              .string()
              .trim()
              .min(1, { error: 'Un terme ne peut pas être vide.' })
              .max(100, { error: 'Un terme : 100 caractères au plus.' }),
          )
          .min(1, { error: 'Donnez au moins un terme équivalent.' })
          .max(19, { error: 'Un groupe : 20 termes au plus.' }),
      })
      .strict(),
    /** Hands the query to a directorate, with a note it reads on its page "Vos manques". */
    z
      .object({
        action: z.literal('assigned'),
        query,
        directorateId: z.uuid({ error: 'Direction inconnue.' }),
        note: z.string().trim().max(2000, { error: 'La note : 2000 caractères au plus.' }).default(''),
      })
      .strict(),
  ],
  { error: 'action : keyword, synonym ou assigned.' },
);
export type GapAction = z.infer<typeof gapActionSchema>;
