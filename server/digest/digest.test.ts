import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildFolder, buildScheme, buildUser } from '../../tests/factories';
import { drainJobs } from '../../tests/jobs';
import { startTestSmtp, type TestSmtp } from '../../tests/smtp';
import { loadConfig } from '../config';
import { recurringJobs } from '../jobs/handlers';
import { enqueueJob } from '../jobs/queue';
import { weekOf } from './jobs';

/** Polls a condition until it holds, for at most `timeoutMs` (the search log is written after the answer). */
async function until(condition: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('“Vos manques” and the weekly digest of a directorate, on its page and by e-mail', () => {
  let smtp: TestSmtp;
  let ctx: TestContext;
  let admin: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let directorateId: string;
  let quietDirectorateId: string;
  let themeId: string;
  let schemeId: string;
  let otherThemeId: string;
  const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date());
  const note = 'Les Maisons du littoral la demandent : une aide existe-t-elle ?';
  const send = (who: SignedIn, method: 'post' | 'patch', url: string, body?: object) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    ctx = await createTestContext({
      withSearchIndex: true,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://lpt.region.example', SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    directorateId = (await buildDirectorate(ctx.db, { name: 'Direction du Tourisme' })).id;
    quietDirectorateId = (await buildDirectorate(ctx.db, { name: 'Direction calme' })).id;
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin', display_name: 'Nadia Benali' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorateId, email: 'paul.durand@region.example' });
    await buildUser(ctx.db, { role: 'editor', directorate_id: directorateId, email: 'claire.martin@region.example' });
    await buildUser(ctx.db, { role: 'editor', directorate_id: directorateId, email: 'parti@region.example', is_active: false });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: quietDirectorateId, email: 'calme@region.example' });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    themeId = (await buildFolder(ctx.db, { name: 'Tourisme' })).id;
    otherThemeId = (await buildFolder(ctx.db, { name: 'Sport' })).id;
    schemeId = (await buildScheme(ctx.db, { name: "Ec'Eau Tourisme", parent_id: themeId, directorate_id: directorateId })).id;
    await ctx
      .db('folders')
      .where({ id: schemeId })
      .update({ verified_at: ctx.db.raw(`now() - interval '200 days'`) });

    // What agents searched: in the directorate's theme without result, and elsewhere.
    await agent.agent.get(`/api/search?q=${encodeURIComponent('zorglub camping')}&theme=${themeId}`).expect(200);
    await agent.agent.get(`/api/search?q=${encodeURIComponent('piscine olympique')}&theme=${otherThemeId}`).expect(200);
    await until(async () => Number((await ctx.db('search_log').count({ n: '*' }).first())?.n) === 2);
    await send(agent, 'post', '/api/reports', {
      folderId: schemeId,
      reason: 'broken_link',
      comment: 'Le lien de candidature mène à une erreur.',
    }).expect(201);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('“Vos manques” lists the unanswered queries of its themes and its open reports, for its editors and admins', async () => {
    const { body } = await editor.agent.get(`/api/directorates/${directorateId}/gaps`).expect(200);
    expect(body.themes).toEqual([{ id: themeId, name: 'Tourisme' }]);
    expect(body.unansweredQueries).toEqual([
      expect.objectContaining({ query: 'zorglub camping', searches: 1, theme: { id: themeId, name: 'Tourisme' } }),
    ]);
    expect(body.openReports).toEqual([
      expect.objectContaining({ reason: 'broken_link', subject: expect.objectContaining({ id: schemeId }), status: 'new' }),
    ]);
    await admin.agent.get(`/api/directorates/${directorateId}/gaps`).expect(200);
    await otherEditor.agent.get(`/api/directorates/${directorateId}/gaps`).expect(403);
    await agent.agent.get(`/api/directorates/${directorateId}/gaps`).expect(403);
    await admin.agent.get('/api/directorates/00000000-0000-4000-8000-000000000000/gaps').expect(404);
    const bad = await editor.agent.get(`/api/directorates/${directorateId}/gaps?days=0`).expect(400);
    expect(bad.body.error.message).toBe('days : Un nombre de jours, de 1 à 366.');
  });

  it('the digest page gathers the week: unanswered queries, open reports, schemes to verify; a quiet directorate’s is empty', async () => {
    const { body } = await editor.agent.get(`/api/directorates/${directorateId}/digest`).expect(200);
    expect(body).toMatchObject({ directorate: { name: 'Direction du Tourisme' }, days: 7, isEmpty: false });
    expect(body.unansweredQueries.map((q: { query: string }) => q.query)).toEqual(['zorglub camping']);
    expect(body.openReports).toHaveLength(1);
    expect(body.schemesToVerify).toEqual([expect.objectContaining({ id: schemeId, name: "Ec'Eau Tourisme", isReviewDue: true })]);
    const quiet = await otherEditor.agent.get(`/api/directorates/${quietDirectorateId}/digest`).expect(200);
    expect(quiet.body).toMatchObject({ isEmpty: true, unansweredQueries: [], openReports: [], schemesToVerify: [] });
  });

  it('a query an admin hands to the directorate, with a note, shows on its "Vos manques" and its digest with its theme, and on no other directorate’s', async () => {
    // Searched in another directorate's theme, then handed over; another one never searched this week.
    await send(admin, 'post', '/api/insights/gaps', { action: 'assigned', query: 'piscine olympique', directorateId, note }).expect(201);
    await send(admin, 'post', '/api/insights/gaps', { action: 'assigned', query: 'tiers-lieux ruraux', directorateId }).expect(201);
    const { body } = await editor.agent.get(`/api/directorates/${directorateId}/gaps`).expect(200);
    expect(body.unansweredQueries).toEqual([
      expect.objectContaining({
        query: 'piscine olympique',
        searches: 1,
        theme: { id: otherThemeId, name: 'Sport' },
        assignment: expect.objectContaining({ note, actedBy: 'Nadia Benali' }),
      }),
      expect.objectContaining({ query: 'zorglub camping', searches: 1, theme: { id: themeId, name: 'Tourisme' }, assignment: null }),
      expect.objectContaining({
        query: 'tiers-lieux ruraux',
        searches: 0,
        theme: null,
        lastSearchedAt: null,
        assignment: expect.objectContaining({ note: null, actedBy: 'Nadia Benali' }),
      }),
    ]);
    const digest = await editor.agent.get(`/api/directorates/${directorateId}/digest`).expect(200);
    expect(digest.body.unansweredQueries.map((q: { query: string }) => q.query)).toEqual([
      'piscine olympique',
      'zorglub camping',
      'tiers-lieux ruraux',
    ]);
    for (const page of ['gaps', 'digest']) {
      const quiet = await otherEditor.agent.get(`/api/directorates/${quietDirectorateId}/${page}`).expect(200);
      expect(quiet.body.unansweredQueries).toEqual([]);
    }
  });

  it('the weekly job e-mails each directorate’s active editors over SMTP; an empty digest is not sent; a retry never sends twice', async () => {
    await enqueueJob(ctx.db, 'digest.weekly', {});
    expect(await drainJobs(ctx)).toEqual([]);
    await smtp.waitForMessages(1);
    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message?.recipients.sort()).toEqual(['claire.martin@region.example', 'paul.durand@region.example']);
    expect(message?.subject).toBe("L'info pour tous — votre semaine (Direction du Tourisme)");
    expect(message?.text).toContain('« zorglub camping » — 1 recherche (Tourisme)');
    expect(message?.text).toContain(
      `« piscine olympique » — 1 recherche (Sport) — confiée à votre direction par Nadia Benali le ${today} : « ${note} »`,
    );
    expect(message?.text).toContain(
      `« tiers-lieux ruraux » — pas recherchée cette semaine — confiée à votre direction par Nadia Benali le ${today}`,
    );
    expect(message?.text).toContain("Lien cassé — Ec'Eau Tourisme (Nouveau)");
    expect(message?.text).toContain('Fiches à vérifier (1)');
    expect(message?.text).toContain(`Tout voir : https://lpt.region.example/directions/${directorateId}/resume`);
    expect(message?.html).toContain('Ec&#39;Eau Tourisme');
    expect(await ctx.db('digest_sends').select('directorate_id')).toEqual([{ directorate_id: directorateId }]);

    // The same week's job again (a retry, a second instance): nothing more is sent.
    await enqueueJob(ctx.db, 'digest.send', { directorateId, weekOf: weekOf() });
    expect(await drainJobs(ctx)).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
  });

  it("the weekly job is scheduled (in the Region's morning) only when SMTP_URL is set", () => {
    const weekly = (env: Record<string, string>) =>
      recurringJobs(loadConfig(env, '/srv/app')).filter((job) => job.type === 'digest.weekly');
    expect(weekly({ SMTP_URL: 'smtp://mailpit:1025' })).toEqual([{ type: 'digest.weekly', everySeconds: 6.5 * 24 * 3600, atHour: 7 }]);
    expect(weekly({})).toEqual([]);
  });

  it('SMTP down: the job fails and is retried by the queue, shows to admins as failed, and the digest is sent once SMTP is back', async () => {
    const port = smtp.port;
    await smtp.close();
    const week = '2026-01-05';
    const { id } = await enqueueJob(ctx.db, 'digest.send', { directorateId, weekOf: week });
    const failures = await drainJobs(ctx);
    expect(failures).toEqual([expect.objectContaining({ id, type: 'digest.send', error: expect.stringMatching(/ECONNREFUSED/) })]);
    expect(await ctx.db('jobs').where({ id }).first('status', 'attempts')).toEqual({ status: 'queued', attempts: 1 });
    // Every retry comes due at once here, until the last attempt.
    for (let attempt = 2; attempt <= 8; attempt += 1) {
      await ctx.db('jobs').where({ id }).update({ run_at: ctx.db.fn.now() });
      await drainJobs(ctx);
    }
    const dead = await admin.agent.get('/api/jobs?status=dead').expect(200);
    expect(dead.body.jobs).toEqual([
      expect.objectContaining({ id, type: 'digest.send', attempts: 8, lastError: expect.stringMatching(/ECONNREFUSED/) }),
    ]);
    expect(await ctx.db('digest_sends').where({ week_of: week }).first()).toBeUndefined();

    smtp = await startTestSmtp(port);
    await send(admin, 'post', `/api/jobs/${id}/retry`).expect(200);
    expect(await drainJobs(ctx)).toEqual([]);
    await smtp.waitForMessages(1);
    expect(smtp.messages[0]?.subject).toBe("L'info pour tous — votre semaine (Direction du Tourisme)");
    expect(await ctx.db('digest_sends').where({ week_of: week }).first('recipients')).toEqual({ recipients: 2 });
  });
});
