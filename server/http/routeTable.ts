import type { Express } from 'express';
import { accessOf } from './access';

export interface RouteEntry {
  method: string;
  path: string;
  /** What the route's first handler states about who may call it (undefined: nothing). */
  access: string | undefined;
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
        for (const method of Object.keys(layer.route.methods)) {
          entries.push({ method: method.toUpperCase(), path: String(layer.route.path), access });
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return entries;
}
