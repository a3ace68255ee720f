import type { Express } from 'express';
import { accessOf } from './access';
import { isValidator } from './validate';

export interface RouteEntry {
  method: string;
  path: string;
  /** What the route's first handler states about who may call it (undefined: nothing). */
  access: string | undefined;
  /** Where its `validate(...)` stands among its handlers (-1: none). */
  validateAt: number;
  /** How many handlers the route has. */
  handlerCount: number;
}

interface Layer {
  route?: { path: string | RegExp; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
  matchers?: unknown[];
}

/** Every route registered on the app, nested routers included, with its stated access. */
export function listRoutes(app: Express): RouteEntry[] {
  const entries: RouteEntry[] = [];
  const visit = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const access = accessOf(layer.route.stack[0]?.handle);
        const validateAt = layer.route.stack.findIndex((item) => isValidator(item.handle));
        const handlerCount = layer.route.stack.length;
        for (const method of Object.keys(layer.route.methods)) {
          entries.push({ method: method.toUpperCase(), path: String(layer.route.path), access, validateAt, handlerCount });
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return entries;
}
