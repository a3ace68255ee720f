import { z } from 'zod';
import { NotFoundError } from '../errors';

/** Route parameters `{ id }`: a malformed id names nothing, so it is a 404 like an unknown one. */
export function idParams(notFoundMessage: string) {
  const schema = z.object({ id: z.uuid() });
  return {
    parse(params: unknown): { id: string } {
      const parsed = schema.safeParse(params);
      if (!parsed.success) throw new NotFoundError(notFoundMessage);
      return parsed.data;
    },
  };
}

/** A query sent by a form, whose empty fields are left out: an empty filter is no filter. */
export const blankAsUnset = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess(
    (value) => (value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '')) : value),
    z.object(shape).strict(),
  );
