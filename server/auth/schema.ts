import { z } from 'zod';

export const devLoginSchema = z.object({
  email: z.email({ error: 'Indiquez une adresse e-mail valide.' }).max(320),
});
export type DevLoginInput = z.infer<typeof devLoginSchema>;
