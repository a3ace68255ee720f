import type { RequestHandler } from 'express';
import type { ParamsDictionary } from 'express-serve-static-core';
import type { ParsedQs } from 'qs';

/** Anything with a `parse` that throws on bad input: a zod schema, or `idParams(...)` (a 404 for a malformed id). */
interface Parser<T> {
  parse(input: unknown): T;
}

interface InputParsers<P, Q, B> {
  params?: Parser<P>;
  query?: Parser<Q>;
  body?: Parser<B>;
}

/**
 * The route's input, checked before its handler: `router.patch(path, signedIn, validate({ params, body }), handler)`.
 * Each part given is parsed (a bad one throws the parser's error, which the error middleware answers) and
 * replaces the raw one on the request, so the handler reads `req.params`, `req.query` and `req.body` typed.
 */
export function validate<P = ParamsDictionary, Q = ParsedQs, B = unknown>(
  parsers: InputParsers<P, Q, B>,
): RequestHandler<P, unknown, B, Q> {
  const handler: RequestHandler<P, unknown, B, Q> = (req, _res, next) => {
    if (parsers.params) req.params = parsers.params.parse(req.params);
    // Express 5 computes req.query in a getter: the parsed value is set as the request's own property.
    if (parsers.query) Object.defineProperty(req, 'query', { value: parsers.query.parse(req.query), enumerable: true });
    if (parsers.body) req.body = parsers.body.parse(req.body);
    next();
  };
  validators.add(handler);
  return handler;
}

const validators = new WeakSet<object>();

/** Whether a route handler is a `validate(...)` (the route table shows which routes check their input this way). */
export function isValidator(handler: unknown): boolean {
  return typeof handler === 'function' && validators.has(handler);
}
