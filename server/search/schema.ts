import { z } from 'zod';
import { docTypes } from '../documents/schema';
import { aidTypes, audiences } from '../folders/schema';

const many = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).max(30)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const availabilities = ['a_venir', 'ouvert', 'cloture_proche', 'clos', 'permanent'] as const;
export const fileTypeValues = ['pdf', 'docx', 'odt', 'xlsx', 'ods', 'pptx', 'odp', 'txt', 'png', 'jpeg'] as const;

/** The facets an agent may filter by, with the record field each one reads. */
export const facetFields = {
  theme: 'themeId',
  scheme: 'schemeId',
  audience: 'audiences',
  aidType: 'aidTypes',
  availability: 'availability',
  docType: 'docType',
  directorate: 'directorateCode',
  scope: 'scope',
  fileType: 'fileType',
} as const;
export type Facet = keyof typeof facetFields;

/** Read in full up to here (a pasted paragraph), cut beyond: the query understanding reads no more (search/understand.ts). */
export const maxQueryLength = 2000;

export const searchQuerySchema = z.object({
  // Cut, not refused: a pasted paragraph still gets answers.
  q: z
    .string()
    .default('')
    .transform((q) => q.slice(0, maxQueryLength)),
  theme: many(z.uuid({ error: 'Thème inconnu.' })).optional(),
  scheme: many(z.uuid({ error: 'Dispositif inconnu.' })).optional(),
  audience: many(z.enum(audiences, { error: 'Public inconnu.' })).optional(),
  aidType: many(z.enum(aidTypes, { error: "Type d'aide inconnu." })).optional(),
  availability: many(z.enum(availabilities, { error: 'Disponibilité inconnue.' })).optional(),
  docType: many(z.enum(docTypes, { error: 'Type de document inconnu.' })).optional(),
  directorate: many(z.string().regex(/^[A-Z0-9_-]{2,20}$/, { error: 'Direction inconnue.' })).optional(),
  scope: many(z.enum(['internal', 'external'], { error: 'Diffusion inconnue (interne ou externe).' })).optional(),
  fileType: many(z.enum(fileTypeValues, { error: 'Type de fichier inconnu.' })).optional(),
  updatedSince: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }).optional(),
  includeClosed: z.enum(['true', 'false'], { error: 'includeClosed : true ou false.' }).optional(),
  page: z.coerce
    .number({ error: 'Numéro de page invalide.' })
    .int({ error: 'Numéro de page invalide.' })
    .min(1, { error: 'Numéro de page invalide.' })
    .max(100, { error: 'Au-delà de la page 100, affinez la recherche.' })
    .default(1),
  /** Answers per page: schemes (grouped, 10 by default) or documents (`group=document`, 20 by default). */
  hitsPerPage: z.coerce
    .number({ error: 'Nombre de résultats par page invalide.' })
    .int({ error: 'Nombre de résultats par page invalide.' })
    .min(1, { error: 'Nombre de résultats par page invalide.' })
    .max(50, { error: '50 résultats par page au plus.' })
    .optional(),
  /** `scheme` (default): the answer grouped by scheme; `document`: one hit per document, as before. */
  group: z.enum(['scheme', 'document'], { error: 'group : scheme ou document.' }).default('scheme'),
  /** The search session (one visit of the search box, an id the web app makes): its refinements count once in the insights. */
  session: z.uuid({ error: 'Session de recherche invalide.' }).optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const knownSearchParameters = new Set(Object.keys(searchQuerySchema.shape));

export const pagesQuerySchema = z
  .object({
    q: z
      .string()
      .default('')
      .transform((q) => q.slice(0, maxQueryLength)),
  })
  .strict();
