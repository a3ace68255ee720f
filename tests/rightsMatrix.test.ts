import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../server/environment';
import { documentRightsCells, type DocumentAction, type RightsCell } from '../server/policies/matrix';
import { signInAs, type SignedIn } from './auth';
import { createTestContext, type TestContext } from './context';
import { buildDirectorate, buildDocument, buildScheme, buildVersion } from './factories';

/**
 * The rights table (server/policies/matrix.ts) against the real routes: every cell becomes an
 * HTTP call by a signed-in user of that role on a document of that scope, status and directorate.
 */
const routeFor: Partial<Record<DocumentAction, { call: (who: SignedIn, id: string) => Promise<{ status: number }>; allowed: number }>> = {
  'document.read': { call: (who, id) => who.agent.get(`/api/documents/${id}`), allowed: 200 },
  'document.update': {
    call: (who, id) => who.agent.patch(`/api/documents/${id}`).set('X-CSRF-Token', who.csrfToken).send({ summary: 'Mis à jour.' }),
    allowed: 200,
  },
  'document.delete': { call: (who, id) => who.agent.delete(`/api/documents/${id}`).set('X-CSRF-Token', who.csrfToken), allowed: 204 },
  'document.readHistory': { call: (who, id) => who.agent.get(`/api/documents/${id}/versions`), allowed: 200 },
  // Allowed here means "not refused": a document that is not published as external has no link (404).
  'share.read': { call: (who, id) => who.agent.get(`/api/documents/${id}/share`), allowed: 0 },
  'share.manage': {
    call: (who, id) => who.agent.post(`/api/documents/${id}/share/regenerate`).set('X-CSRF-Token', who.csrfToken),
    allowed: 0,
  },
};

describe('the rights table against the real routes', () => {
  let ctx: TestContext;
  const users = new Map<string, SignedIn>();
  let ownDirectorate: string;
  let otherDirectorate: string;
  let ownScheme: string;
  let otherScheme: string;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    ownDirectorate = (await buildDirectorate(ctx.db)).id;
    otherDirectorate = (await buildDirectorate(ctx.db)).id;
    ownScheme = (await buildScheme(ctx.db, { directorate_id: ownDirectorate })).id;
    otherScheme = (await buildScheme(ctx.db, { directorate_id: otherDirectorate })).id;
    for (const role of ['agent', 'editor', 'admin'] as Role[]) {
      users.set(role, await signInAs(ctx.app, ctx.db, { role, ...(role === 'editor' ? { directorate_id: ownDirectorate } : {}) }));
    }
  });
  afterAll(() => ctx.close());

  const cells = documentRightsCells().filter((cell) => routeFor[cell.action]);

  it('covers every document action that has a route yet', () => {
    expect(new Set(cells.map((c) => c.action))).toEqual(new Set(Object.keys(routeFor)));
  });

  it.each(
    cells.map(
      (c) =>
        [
          `${c.role} (${c.relation} directorate) → ${c.action} on a ${c.status} ${c.scope} document: ${c.isAllowed ? 'allowed' : '403'}`,
          c,
        ] as const,
    ),
  )('%s', async (_, cell: RightsCell) => {
    const isOwn = cell.relation === 'own';
    const document = await buildDocument(ctx.db, {
      folder_id: isOwn ? ownScheme : otherScheme,
      directorate_id: isOwn ? ownDirectorate : otherDirectorate,
      scope: cell.scope,
      status: cell.status,
    });
    await buildVersion(ctx.db, ctx.storage, { document_id: document.id });
    const route = routeFor[cell.action];
    if (!route) throw new Error(`no route for ${cell.action}`);
    if (cell.scope === 'external' && cell.status === 'published') {
      await ctx.db('share_links').insert({ document_id: document.id, token: document.id.replaceAll('-', '').slice(0, 21) });
    }
    const response = await route.call(users.get(cell.role) as SignedIn, document.id);
    if (!cell.isAllowed) expect(response.status).toBe(403);
    else if (route.allowed === 0) expect([200, 404]).toContain(response.status);
    else expect(response.status).toBe(route.allowed);
  });
});
