import { z } from 'zod';
import { blankAsUnset, idParams } from '../http/params';

export const usersQueryShape = {
  q: z.string().trim().max(200).optional(),
  role: z.enum(['agent', 'editor', 'admin'], { error: 'Rôle inconnu.' }).optional(),
  directorate: z.uuid({ error: 'Direction inconnue.' }).optional(),
  maison: z.uuid({ error: 'Maison inconnue.' }).optional(),
  active: z.enum(['true', 'false'], { error: 'active : true ou false.' }).optional(),
};
export const usersQuery = blankAsUnset(usersQueryShape);
export type UsersQuery = z.infer<typeof usersQuery>;

export const userParams = idParams('Cet utilisateur est introuvable.');
export const updateUserSchema = z.object({ isActive: z.boolean({ error: 'isActive : true ou false.' }) }).strict();
