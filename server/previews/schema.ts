import { z } from 'zod';

const count = (field: string, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${field} : un nombre entier est attendu.` })
    .int({ error: `${field} : un nombre entier est attendu.` })
    .min(field === 'limit' ? 1 : 0, { error: `${field} : ${field === 'limit' ? 'au moins 1' : 'au moins 0'}.` })
    .max(max, { error: `${field} : ${max} au plus.` })
    .default(fallback);

/** `GET /api/documents/:id/text`: a window of pages, so that a 300-page document is read in slices. */
export const pageTextQuery = z.object({ offset: count('offset', 100000, 0), limit: count('limit', 50, 10) });

/** `GET /api/documents/:id/thumbnail`: the version shown; without it, the current one. */
export const thumbnailQuery = z.object({
  version: z.coerce
    .number({ error: 'Numéro de version invalide.' })
    .int({ error: 'Numéro de version invalide.' })
    .min(1, { error: 'Numéro de version invalide.' })
    .optional(),
});
