import { z } from 'zod';
import { reportReasons, reportStatuses, reportTextMax } from '../../migrations/20261206_22_reports';
import { idParams } from '../http/params';

export { reportReasons, reportStatuses, reportTextMax };
export type ReportReason = (typeof reportReasons)[number];
export type ReportStatus = (typeof reportStatuses)[number];

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates: U+202A–U+202E,
 * U+2066–U+2069) can make a comment read backwards or disguise what it says ("gpj.exe"): they are
 * removed. Other control characters go too, except tab and line breaks.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const neutralised = /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function neutraliseText(value: string): string {
  return value.replace(neutralised, '').replace(/\r\n?/g, '\n').trim();
}

const boundedText = (label: string) =>
  z
    .string({ error: `${label} doit être un texte.` })
    .max(reportTextMax * 2, { error: `${label} : ${reportTextMax} caractères au plus.` })
    .transform(neutraliseText)
    .pipe(z.string().max(reportTextMax, { error: `${label} : ${reportTextMax} caractères au plus.` }));

/** `.strict()` with the unknown field named in French. */
const unknownFields = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.` : undefined,
};

export const createReportSchema = z
  .strictObject(
    {
      folderId: z.uuid({ error: 'Dispositif inconnu.' }).optional(),
      documentId: z.uuid({ error: 'Document inconnu.' }).optional(),
      reason: z.enum(reportReasons, { error: 'Motif inconnu (inexact, incomplete, closed, broken_link ou other).' }),
      comment: boundedText('Le commentaire').default(''),
    },
    unknownFields,
  )
  .refine((input) => (input.folderId === undefined) !== (input.documentId === undefined), {
    error: 'Signalez un dispositif (folderId) ou un document (documentId), un seul des deux.',
    path: ['folderId'],
  })
  .refine((input) => input.reason !== 'other' || input.comment !== '', {
    error: 'Pour le motif « Autre », dites en quelques mots ce qui ne va pas.',
    path: ['comment'],
  });
export type CreateReportInput = z.infer<typeof createReportSchema>;

export const updateReportSchema = z
  .strictObject(
    {
      status: z.enum(reportStatuses, { error: 'Statut inconnu (new, in_progress ou resolved).' }).optional(),
      answer: boundedText('La réponse').optional(),
    },
    unknownFields,
  )
  .refine((input) => input.status !== undefined || input.answer !== undefined, { error: 'Rien à modifier.' });
export type UpdateReportInput = z.infer<typeof updateReportSchema>;

export const listReportsQuery = z.strictObject(
  {
    /** `open`: new and in progress. */
    status: z.enum(['open', ...reportStatuses], { error: 'Statut inconnu (open, new, in_progress ou resolved).' }).optional(),
    /** Only the reports the user sent (what an agent always gets). */
    mine: z
      .enum(['true', 'false'], { error: 'mine : true ou false.' })
      .transform((v) => v === 'true')
      .optional(),
    directorateId: z.uuid({ error: 'Direction inconnue.' }).optional(),
  },
  unknownFields,
);
export type ListReportsQuery = z.infer<typeof listReportsQuery>;

export const reportIdParams = idParams('Ce signalement est introuvable.');
