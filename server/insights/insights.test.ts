import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildFolder, buildMaison } from '../../tests/factories';
import { makeText } from '../../tests/fixtures/files';
import { drainJobs } from '../../tests/jobs';
import { unansweredQueriesForDirectorate } from './directorate';

interface Insights {
  totals: { searches: number; unanswered: number };
  topQueries: { query: string; searches: number }[];
  queriesWithoutResults: {
    query: string;
    searches: number;
    gap: { action: string; note: string | null; directorate: { name: string } | null; scheme: { name: string } | null } | null;
  }[];
  byMaison: { maison: { id: string; name: string } | null; searches: number; unanswered: number }[];
  byTheme: { theme: { id: string; name: string } | null; searches: number; unanswered: number }[];
}

describe('insights: counted once per search session, unanswered when only approaching, acted upon', () => {
  let ctx: TestContext;
  let agent: SignedIn;
  let otherAgent: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let admin: SignedIn;
  let maisonId: string;
  let themeId: string;
  let schemeId: string;
  let otherSchemeId: string;
  let otherDirectorateId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const directorate = await buildDirectorate(ctx.db, { name: 'Direction du Tourisme' });
    const other = await buildDirectorate(ctx.db, { name: 'Direction de l’Environnement' });
    otherDirectorateId = other.id;
    const maison = await buildMaison(ctx.db, { name: 'Maison de Région de Lens' });
    maisonId = maison.id;
    themeId = (await buildFolder(ctx.db, { name: 'Tourisme' })).id;
    const otherThemeId = (await buildFolder(ctx.db, { name: 'Environnement' })).id;
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent', maison_id: maison.id });
    otherAgent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorate.id });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: other.id });
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    const scheme = async (who: SignedIn, name: string, parentId: string, directorateId: string) =>
      (
        await who.agent
          .post('/api/folders')
          .set('X-CSRF-Token', who.csrfToken)
          .send({
            name,
            parentId,
            scheme: { directorateId, promise: 'Aider les hébergeurs', summary: 'Pour les hébergements touristiques.', isPermanent: true },
          })
          .expect(201)
      ).body.folder.id as string;
    schemeId = await scheme(editor, 'Hébergements insolites', themeId, directorate.id);
    otherSchemeId = await scheme(otherEditor, 'Eau et climat', otherThemeId, other.id);
    await editor.agent
      .post('/api/documents')
      .set('X-CSRF-Token', editor.csrfToken)
      .field('folderId', schemeId)
      .field('title', 'Règlement hébergement insolite')
      .field('status', 'published')
      .field('scope', 'external')
      .attach('file', makeText('Les hébergements insolites des campings : cabanes, roulottes et yourtes.'), 'reglement.txt')
      .expect(201);
    await drainJobs(ctx);
  });
  afterAll(() => ctx.close());

  /** The latest write to a session's rows (insert or update). */
  const sessionStamp = async (session: string) =>
    Number(
      (
        await ctx
          .db('search_log')
          .where({ session_id: session })
          .max({ at: ctx.db.raw('extract(epoch from coalesce(updated_at, created_at))') })
          .first()
      )?.at ?? 0,
    );

  /** A search of the web app in a session, then its log entry (written after the answer). */
  async function searchIn(session: string, q: string, extra: Record<string, string> = {}, who = agent) {
    const before = await sessionStamp(session);
    const response = await who.agent
      .get('/api/search')
      .query({ q, session, ...extra })
      .expect(200);
    if (extra.page && extra.page !== '1') return response.body;
    await vi.waitFor(async () => expect(await sessionStamp(session)).toBeGreaterThan(before), { timeout: 5000, interval: 10 });
    return response.body;
  }

  const insights = async (query: Record<string, string> = {}, who = editor) =>
    (await who.agent.get('/api/search/insights').query(query).expect(200)).body as Insights;

  it('counts a session once: the typing, the filter clicks, Back and the next page are one search', async () => {
    const session = randomUUID();
    await searchIn(session, 'héberg');
    await searchIn(session, 'hébergement');
    await searchIn(session, 'hébergement insolite');
    await searchIn(session, 'hébergement insolite', { theme: themeId });
    await searchIn(session, 'Hébergement insolite');
    await searchIn(session, 'hébergement insolite', { page: '2' });
    const rows = await ctx.db('search_log').where({ session_id: session }).select('query', 'is_answered', 'theme_id', 'maison_id');
    expect(rows).toEqual([{ query: 'Hébergement insolite', is_answered: true, theme_id: themeId, maison_id: maisonId }]);
    expect((await insights()).topQueries).toContainEqual(expect.objectContaining({ query: 'hébergement insolite', searches: 1 }));
    // Another visit of the search box is another search.
    await searchIn(randomUUID(), 'hébergement insolite', {}, otherAgent);
    expect((await insights()).topQueries).toContainEqual(expect.objectContaining({ query: 'hébergement insolite', searches: 2 }));
  });

  it('a session id that is not a uuid is refused with its message', async () => {
    const response = await agent.agent.get('/api/search').query({ q: 'camping', session: 'x' }).expect(400);
    expect(response.body.error.message).toBe('session : Session de recherche invalide.');
  });

  it('counts as unanswered a query answered only under the relevance floor, or only through typos', async () => {
    const session = randomUUID();
    const underFloor = await searchIn(session, 'cabanes licorne dragon zorglub');
    expect(underFloor.groups).toEqual([]);
    expect(underFloor.approximate.length).toBeGreaterThan(0);
    const typo = await searchIn(randomUUID(), 'roulotttes');
    expect(typo.query.typos).toEqual(['roulotttes']);
    await searchIn(randomUUID(), 'yourtes');
    const without = (await insights()).queriesWithoutResults.map((row) => row.query);
    expect(without).toEqual(expect.arrayContaining(['cabanes licorne dragon zorglub', 'roulotttes']));
    expect(without).not.toContain('yourtes');
  });

  it('shows searches per Maison and per theme, and one Maison or one theme alone', async () => {
    const all = await insights({ days: '7' });
    expect(all.byMaison).toContainEqual(expect.objectContaining({ maison: { id: maisonId, name: 'Maison de Région de Lens' } }));
    const lens = all.byMaison.find((row) => row.maison?.id === maisonId);
    expect(lens?.unanswered).toBeGreaterThanOrEqual(1);
    expect(all.byTheme).toContainEqual(expect.objectContaining({ theme: { id: themeId, name: 'Tourisme' } }));
    const mine = await insights({ maison: maisonId });
    expect(mine.topQueries.map((row) => row.query)).toContain('hébergement insolite');
    expect(mine.topQueries.find((row) => row.query === 'hébergement insolite')?.searches).toBe(1);
    expect(mine.totals.searches).toBeLessThan(all.totals.searches);
    const tourism = await insights({ theme: themeId });
    expect(tourism.topQueries.map((row) => row.query)).toContain('hébergement insolite');
    // Answered by nothing above the floor: in no theme.
    expect(tourism.queriesWithoutResults.map((row) => row.query)).not.toContain('cabanes licorne dragon zorglub');
    expect(tourism.queriesWithoutResults.map((row) => row.query)).toContain('roulotttes');
    const bad = await editor.agent.get('/api/search/insights').query({ maison: 'lens' }).expect(400);
    expect(bad.body.error.message).toBe('maison : Maison inconnue.');
    await agent.agent.get('/api/search/insights').expect(403);
  });

  it('an editor adds an unanswered query as a keyword of their scheme, in one click: agents then find it', async () => {
    await searchIn(randomUUID(), 'glamping');
    const response = await editor.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ action: 'keyword', query: 'glamping', folderId: schemeId })
      .expect(201);
    expect(response.body.gap).toMatchObject({ action: 'keyword', scheme: { id: schemeId, name: 'Hébergements insolites' } });
    const folder = (await editor.agent.get(`/api/folders/${schemeId}`).expect(200)).body.folder;
    expect(folder.scheme.keywords).toContain('glamping');
    await drainJobs(ctx);
    const answer = (await agent.agent.get('/api/search').query({ q: 'glamping' }).expect(200)).body;
    expect(answer.groups[0]?.scheme?.id).toBe(schemeId);
    const listed = (await insights()).queriesWithoutResults.find((row) => row.query === 'glamping');
    expect(listed?.gap).toMatchObject({ action: 'keyword', scheme: { name: 'Hébergements insolites' } });
    const audited = await ctx.db('audit_events').where({ action: 'scheme.keyword_added', object_id: schemeId }).first();
    expect(audited).toMatchObject({ actor_id: editor.user.id, changes: { keyword: 'glamping' } });
  });

  it('refuses a keyword on a scheme of another directorate (403), and a synonym from an editor (403)', async () => {
    const forbidden = await editor.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ action: 'keyword', query: 'zorglub', folderId: otherSchemeId })
      .expect(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    const folder = (await otherEditor.agent.get(`/api/folders/${otherSchemeId}`).expect(200)).body.folder;
    expect(folder.scheme.keywords).not.toContain('zorglub');
    await editor.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ action: 'synonym', query: 'zorglub', terms: ['camping'] })
      .expect(403);
    await agent.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', agent.csrfToken)
      .send({ action: 'assigned', query: 'zorglub', directorateId: otherDirectorateId })
      .expect(403);
    const bad = await editor.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ action: 'keyword', query: '  ', folderId: schemeId })
      .expect(400);
    expect(bad.body.error.message).toBe('query : La recherche est obligatoire.');
  });

  it('an admin adds an unanswered query as a synonym', async () => {
    const response = await admin.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ action: 'synonym', query: 'roulotttes', terms: ['roulottes'] })
      .expect(201);
    expect(response.body.gap).toMatchObject({ action: 'synonym', terms: ['roulottes'] });
    expect((await admin.agent.get('/api/synonyms').expect(200)).body.groups).toContainEqual(['roulotttes', 'roulottes']);
    expect(await ctx.db('audit_events').where({ action: 'synonyms.group_added', actor_id: admin.user.id }).first()).toBeDefined();
  });

  it('assigns an unanswered query to a directorate with a note, which its page "Vos manques" reads', async () => {
    await searchIn(randomUUID(), 'bornes recharge vélo');
    await editor.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({
        action: 'assigned',
        query: 'bornes recharge vélo',
        directorateId: otherDirectorateId,
        note: 'Les Maisons le demandent chaque semaine.',
      })
      .expect(201);
    const gaps = await unansweredQueriesForDirectorate(ctx.db, otherDirectorateId, { days: 30 });
    expect(gaps).toContainEqual(
      expect.objectContaining({
        query: 'bornes recharge vélo',
        searches: 1,
        assignment: expect.objectContaining({
          note: 'Les Maisons le demandent chaque semaine.',
          actedBy: expect.stringContaining('Utilisateur'),
        }),
      }),
    );
    // The directorate of the theme no longer sees it as its own: it was handed over.
    expect(
      (
        await unansweredQueriesForDirectorate(ctx.db, (await ctx.db('folders').where({ id: schemeId }).first()).directorate_id, {
          days: 30,
        })
      ).map((row) => row.query),
    ).not.toContain('bornes recharge vélo');
    const audited = await ctx.db('audit_events').where({ action: 'insights.query_assigned', object_id: otherDirectorateId }).first();
    expect(audited?.changes).toMatchObject({ query: 'bornes recharge vélo', note: 'Les Maisons le demandent chaque semaine.' });
    const unknown = await editor.agent
      .post('/api/insights/gaps')
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ action: 'assigned', query: 'x', directorateId: randomUUID() })
      .expect(400);
    expect(unknown.body.error.message).toBe('directorateId : Direction inconnue.');
  });

  it('rolls closed days up once: the counts stay the same before and after', async () => {
    await ctx.db('search_log').insert(
      [1, 2, 3].map((n) => ({
        query: 'camping-car',
        result_count: 0,
        is_answered: false,
        role: 'agent',
        maison_id: maisonId,
        theme_id: themeId,
        created_at: ctx.db.raw(`now() - make_interval(days => ?)`, [n + 1]),
      })),
    );
    await ctx.db('search_log_rollup').delete();
    const first = await insights({ days: '7' });
    expect(first.queriesWithoutResults).toContainEqual(expect.objectContaining({ query: 'camping-car', searches: 3 }));
    expect(Number((await ctx.db('search_log_daily').where({ query: 'camping-car' }).sum({ n: 'searches' }).first())?.n)).toBe(3);
    const again = await insights({ days: '7' });
    expect(again.queriesWithoutResults).toContainEqual(expect.objectContaining({ query: 'camping-car', searches: 3 }));
    expect(again.totals).toEqual(first.totals);
    expect(again.byMaison).toEqual(first.byMaison);
    const twoDays = await insights({ days: '2' });
    expect(twoDays.queriesWithoutResults.find((row) => row.query === 'camping-car')?.searches ?? 0).toBeLessThan(3);
  });
});
