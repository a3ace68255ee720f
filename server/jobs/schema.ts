import { z } from 'zod';
import { NotFoundError } from '../errors';

/** The jobs' list: by status, the failed ones unless told otherwise. */
export const jobListQuery = z
  .object({
    status: z.enum(['dead', 'queued', 'running', 'done'], { error: 'Statut inconnu (dead, queued, running ou done).' }).default('dead'),
  })
  .strict();

const jobId = z.object({ id: z.string().regex(/^[1-9]\d{0,15}$/) });

/** A job's id in the address (digits; route parameters stay text): a malformed one names no job, a 404 like an unknown one. */
export const jobParams = {
  parse(params: unknown): { id: string } {
    const parsed = jobId.safeParse(params);
    if (!parsed.success) throw new NotFoundError('Cette tâche est introuvable.');
    return parsed.data;
  },
};
