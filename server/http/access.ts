import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ParamsDictionary } from 'express-serve-static-core';
import { UnauthorizedError } from '../errors';
import type { Actor } from '../policies';

/**
 * Every route states who may call it, as its first handler: `publicRoute('why')` or `signedIn`.
 * What a signed-in user may do to a given object is then decided by authorize() in the handler.
 * A test walks the app's routes and fails on any route that states nothing.
 */

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express declares req.user in this namespace
  namespace Express {
    interface User extends Actor {
      email: string;
      displayName: string;
    }
    interface Request {
      user?: User;
    }
  }
}

/**
 * The type of an access handler: its body is typed unknown and its query any, so that a `validate(...)` after it
 * decides the types the route's handler reads (Express infers them from all the handlers of a route).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any lets validate's query type win the inference
type AccessHandler = RequestHandler<ParamsDictionary, unknown, unknown, any>;

const accessMarker = Symbol('route access');
type MarkedHandler = RequestHandler & { [accessMarker]?: string };

function mark(handler: RequestHandler, access: string): RequestHandler {
  (handler as MarkedHandler)[accessMarker] = access;
  return handler;
}

/** A route anyone may call (health, sign-in, public share pages): say why. */
export function publicRoute(reason: string): AccessHandler {
  return mark((_req, _res, next) => next(), `public: ${reason}`);
}

/** A route for signed-in users only: 401 otherwise. */
export const signedIn: AccessHandler = mark((req: Request, _res: Response, next: NextFunction) => {
  if (!req.user) throw new UnauthorizedError();
  next();
}, 'signed in');

export function accessOf(handler: unknown): string | undefined {
  return typeof handler === 'function' ? (handler as MarkedHandler)[accessMarker] : undefined;
}

/** The signed-in user of a request behind `signedIn`. */
export function currentUser(req: Pick<Request, 'user'>): Express.User {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}
