import { z } from 'zod';
import { blankAsUnset } from '../http/params';

const day = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });
const pageNumber = { error: 'Numéro de page invalide.' };

export const auditQueryShape = {
  actor: z.uuid({ error: 'Utilisateur inconnu.' }).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(50).optional(),
  objectId: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number(pageNumber).int(pageNumber).min(1, pageNumber).max(10000, pageNumber).default(1),
};
export const auditQuery = blankAsUnset(auditQueryShape);
export type AuditQuery = z.infer<typeof auditQuery>;
