import { z } from 'zod';

/** The expiry of a document's public link: a date and time with its offset, or null for none. */
export const expirySchema = z
  .object({
    expiresAt: z.union([
      z.iso.datetime({ offset: true, error: 'Date et heure attendues (ISO 8601), ou null pour ne pas expirer.' }),
      z.null(),
    ]),
  })
  .strict();
export type ExpiryInput = z.infer<typeof expirySchema>;

/** The document whose public link an agent reads or an editor manages, and the scheme whose public page they do. */
export { documentIdParams as sharedDocumentParams } from '../documents/schema';
export { folderIdParams as schemeFolderParams } from '../folders/schema';
