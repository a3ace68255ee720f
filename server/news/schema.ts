import { z } from 'zod';

export const newsQuerySchema = z
  .object({
    theme: z.uuid({ error: 'Thème inconnu.' }).optional(),
    days: z.coerce
      .number({ error: 'Période invalide.' })
      .int({ error: 'Période invalide.' })
      .min(1, { error: 'Période invalide.' })
      .max(90, { error: '90 jours au plus.' })
      .default(30),
  })
  .strict();
export type NewsQuery = z.infer<typeof newsQuerySchema>;
