import { z } from 'zod';
import { idParams } from '../http/params';

export const directorateIdParams = idParams('Cette direction est introuvable.');
const days = { error: 'Un nombre de jours, de 1 à 366.' };
export const gapsQuery = z.object({ days: z.coerce.number(days).int(days).min(1, days).max(366, days).default(30) }).strict();
