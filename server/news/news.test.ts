import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDocument, buildFolder, buildScheme } from '../../tests/factories';

interface News {
  since: string | null;
  newCount: number;
  days: { day: string; documents: { id: string; title: string; isNew: boolean; theme: { name: string } | null }[] }[];
}

describe('Nouveautés: by day, new since the last visit, by theme', () => {
  let ctx: TestContext;
  let agent: SignedIn;
  let editor: SignedIn;
  let tourismId: string;
  let recentId: string;
  let olderId: string;
  let otherThemeId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor' });
    tourismId = (await buildFolder(ctx.db, { name: 'Tourisme' })).id;
    otherThemeId = (await buildFolder(ctx.db, { name: 'Culture' })).id;
    const directorateId = editor.user.directorate_id as string;
    const scheme = await buildScheme(ctx.db, { name: 'Hébergements insolites', parent_id: tourismId, directorate_id: directorateId });
    const culture = await buildScheme(ctx.db, { name: 'Festivals', parent_id: otherThemeId, directorate_id: directorateId });
    recentId = (await buildDocument(ctx.db, { title: 'Règlement hébergements', folder_id: scheme.id, status: 'published' })).id;
    olderId = (await buildDocument(ctx.db, { title: 'Fiche festivals', folder_id: culture.id, status: 'published' })).id;
    await buildDocument(ctx.db, { title: 'Brouillon caché', folder_id: scheme.id, status: 'draft' });
    // Arranged: the festival sheet changed three days ago.
    await ctx
      .db('documents')
      .where({ id: olderId })
      .update({ updated_at: ctx.db.raw(`now() - interval '3 days'`) });
  });
  afterAll(() => ctx.close());

  const news = async (query: Record<string, string> = {}, who = agent) =>
    (await who.agent.get('/api/news').query(query).expect(200)).body as News;
  const visit = (who = agent) => who.agent.post('/api/news/visit').set('X-CSRF-Token', who.csrfToken).expect(204);

  it('groups published documents by day, newest first; nothing is "new" on a first visit', async () => {
    const first = await news();
    expect(first.since).toBeNull();
    expect(first.newCount).toBe(0);
    expect(first.days.length).toBe(2);
    expect((first.days[0]?.day ?? '') > (first.days[1]?.day ?? '')).toBe(true);
    expect(first.days.flatMap((day) => day.documents.map((d) => d.title))).toEqual(['Règlement hébergements', 'Fiche festivals']);
    expect(first.days[0]?.documents[0]?.theme?.name).toBe('Tourisme');
  });

  it('marks what changed since the last visit, and keeps it marked while the visit goes on', async () => {
    await visit();
    // Arranged: that visit was two hours ago.
    await ctx
      .db('news_visits')
      .where({ user_id: agent.user.id })
      .update({ last_visit_at: ctx.db.raw(`now() - interval '2 hours'`) });
    await editor.agent
      .patch(`/api/documents/${recentId}`)
      .set('X-CSRF-Token', editor.csrfToken)
      .send({ summary: 'Nouvelles conditions 2027.' })
      .expect(200);
    const now = await news();
    expect(now.since).not.toBeNull();
    expect(now.newCount).toBe(1);
    const flags = Object.fromEntries(now.days.flatMap((day) => day.documents.map((d) => [d.title, d.isNew])));
    expect(flags).toEqual({ 'Règlement hébergements': true, 'Fiche festivals': false });
    // This visit is recorded; a reload a minute later still shows the same marks.
    await visit();
    expect((await news()).newCount).toBe(1);
    // Another agent's visits are theirs.
    const other = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    expect((await news({}, other)).newCount).toBe(0);
  });

  it('filters by theme, and refuses an unknown one with its message', async () => {
    const tourism = await news({ theme: tourismId });
    expect(tourism.days.flatMap((day) => day.documents.map((d) => d.title))).toEqual(['Règlement hébergements']);
    const bad = await agent.agent.get('/api/news').query({ theme: 'tourisme' }).expect(400);
    expect(bad.body.error.message).toBe('theme : Thème inconnu.');
    await agent.agent.get('/api/news').query({ days: '1000' }).expect(400);
  });

  it('needs a session', async () => {
    const anonymous = (await import('supertest')).default(ctx.app);
    await anonymous.get('/api/news').expect(401);
  });
});
