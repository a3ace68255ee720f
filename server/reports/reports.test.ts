import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildDocument, buildFolder, buildMaison, buildScheme } from '../../tests/factories';

describe('agents report what is wrong; the owning directorate answers', () => {
  let ctx: TestContext;
  let admin: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let otherMaisonAgent: SignedIn;
  let directorateId: string;
  let schemeId: string;
  let documentId: string;
  let draftId: string;
  let themeId: string;

  const send = (who: SignedIn, method: 'post' | 'patch', url: string, body?: object) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000', REPORT_RATE_LIMIT_PER_MINUTE: '10' } });
    directorateId = (await buildDirectorate(ctx.db, { name: 'Direction du Tourisme' })).id;
    const otherDirectorateId = (await buildDirectorate(ctx.db)).id;
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorateId, display_name: 'Paul Durand' });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: otherDirectorateId });
    agent = await signInAs(ctx.app, ctx.db, {
      role: 'agent',
      maison_id: (await buildMaison(ctx.db, { name: 'Maison de Région de Sète' })).id,
      display_name: 'Awa Diallo',
    });
    otherMaisonAgent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    themeId = (await buildFolder(ctx.db, { name: 'Tourisme' })).id;
    schemeId = (await buildScheme(ctx.db, { name: "Ec'Eau Tourisme", parent_id: themeId, directorate_id: directorateId })).id;
    documentId = (await buildDocument(ctx.db, { folder_id: schemeId, directorate_id: directorateId, title: 'Règlement Ec’Eau' })).id;
    draftId = (await buildDocument(ctx.db, { folder_id: schemeId, directorate_id: directorateId, status: 'draft' })).id;
  });
  afterAll(() => ctx.close());

  it('an agent reports a scheme and a document; each reaches the owning directorate, audited', async () => {
    const onScheme = await send(agent, 'post', '/api/reports', {
      folderId: schemeId,
      reason: 'closed',
      comment: 'Le site dit que l’appel est clos depuis juin.',
    }).expect(201);
    expect(onScheme.body.report).toMatchObject({
      subject: { kind: 'folder', id: schemeId, name: "Ec'Eau Tourisme", folderId: schemeId },
      directorate: { id: directorateId, name: 'Direction du Tourisme' },
      reason: 'closed',
      status: 'new',
      answer: null,
      reporter: { id: agent.user.id, name: 'Awa Diallo', maison: 'Maison de Région de Sète' },
      can: { update: false },
    });
    const onDocument = await send(agent, 'post', '/api/reports', { documentId, reason: 'broken_link' }).expect(201);
    expect(onDocument.body.report).toMatchObject({
      subject: { kind: 'document', id: documentId, name: 'Règlement Ec’Eau', folderId: schemeId },
      comment: '',
    });
    const events = await ctx.db('audit_events').where({ action: 'report.created', actor_id: agent.user.id }).select('object_id');
    expect(events.map((e) => e.object_id).sort()).toEqual([onScheme.body.report.id, onDocument.body.report.id].sort());
  });

  it('an agent sees their own reports only, never another Maison’s; the editor sees the directorate’s; the admin all', async () => {
    await send(otherMaisonAgent, 'post', '/api/reports', {
      folderId: schemeId,
      reason: 'incomplete',
      comment: 'Il manque le plafond.',
    }).expect(201);
    const mine = await agent.agent.get('/api/reports').expect(200);
    expect(mine.body.reports.map((r: { reporter: { id: string } }) => r.reporter.id)).toEqual([agent.user.id, agent.user.id]);
    // Asking for another directorate's queue does not widen what an agent sees.
    const widened = await agent.agent.get(`/api/reports?directorateId=${directorateId}`).expect(200);
    expect(widened.body.reports).toHaveLength(2);
    const other = await otherMaisonAgent.agent.get('/api/reports').expect(200);
    expect(other.body.reports.map((r: { comment: string }) => r.comment)).toEqual(['Il manque le plafond.']);

    const queue = await editor.agent.get('/api/reports?status=open').expect(200);
    expect(queue.body.reports).toHaveLength(3);
    expect(queue.body.reports.every((r: { can: { update: boolean } }) => r.can.update)).toBe(true);
    expect((await otherEditor.agent.get('/api/reports').expect(200)).body.reports).toEqual([]);
    expect((await admin.agent.get('/api/reports').expect(200)).body.reports).toHaveLength(3);
  });

  it('the editor moves a report along and answers; the agent sees the status, the answer, who and when', async () => {
    const [report] = (await agent.agent.get('/api/reports').expect(200)).body.reports.filter(
      (r: { reason: string }) => r.reason === 'closed',
    );
    await send(editor, 'patch', `/api/reports/${report.id}`, { status: 'in_progress' }).expect(200);
    const answered = await send(editor, 'patch', `/api/reports/${report.id}`, {
      status: 'resolved',
      answer: 'Merci : la fiche indique désormais la clôture.',
    }).expect(200);
    expect(answered.body.report).toMatchObject({
      status: 'resolved',
      answer: 'Merci : la fiche indique désormais la clôture.',
      handledBy: 'Paul Durand',
    });
    const seen = (await agent.agent.get('/api/reports').expect(200)).body.reports.find((r: { id: string }) => r.id === report.id);
    expect(seen).toMatchObject({ status: 'resolved', answer: 'Merci : la fiche indique désormais la clôture.', handledBy: 'Paul Durand' });
    expect(seen.handledAt).toEqual(expect.any(String));
    const events = await ctx.db('audit_events').where({ action: 'report.updated', object_id: report.id }).orderBy('id').select('changes');
    expect(events.map((e) => e.changes.status)).toEqual([
      { before: 'new', after: 'in_progress' },
      { before: 'in_progress', after: 'resolved' },
    ]);
    expect((await editor.agent.get('/api/reports?status=open').expect(200)).body.reports).toHaveLength(2);
    expect((await editor.agent.get('/api/reports?status=resolved').expect(200)).body.reports).toHaveLength(1);
  });

  it('refuses to let agents or other directorates handle a report (404 for an agent, 403 otherwise); unknown ids 404; signed out 401', async () => {
    const [report] = (await otherMaisonAgent.agent.get('/api/reports').expect(200)).body.reports;
    await send(agent, 'patch', `/api/reports/${report.id}`, { status: 'resolved' }).expect(404);
    await send(otherMaisonAgent, 'patch', `/api/reports/${report.id}`, { status: 'resolved' }).expect(403);
    await send(otherEditor, 'patch', `/api/reports/${report.id}`, { status: 'resolved' }).expect(403);
    await send(admin, 'patch', `/api/reports/${report.id}`, { status: 'in_progress' }).expect(200);
    await send(editor, 'patch', '/api/reports/00000000-0000-4000-8000-000000000000', { status: 'resolved' }).expect(404);
    await send(editor, 'patch', '/api/reports/pas-un-id', { status: 'resolved' }).expect(404);
    await request(ctx.app).get('/api/reports').expect(401);
  });

  it('refuses bad input with the field named (400): no subject, both, a theme, an unknown reason, “Autre” without a word', async () => {
    const cases: [object, string][] = [
      [{ reason: 'closed' }, 'folderId : Signalez un dispositif (folderId) ou un document (documentId), un seul des deux.'],
      [
        { folderId: schemeId, documentId, reason: 'closed' },
        'folderId : Signalez un dispositif (folderId) ou un document (documentId), un seul des deux.',
      ],
      [
        { folderId: themeId, reason: 'closed' },
        "Un thème n'appartient à aucune direction : signalez le dispositif ou le document concerné.",
      ],
      [{ folderId: schemeId, reason: 'faux' }, 'reason : Motif inconnu (inexact, incomplete, closed, broken_link ou other).'],
      [
        { folderId: schemeId, reason: 'other', comment: '   ' },
        'comment : Pour le motif « Autre », dites en quelques mots ce qui ne va pas.',
      ],
      [{ folderId: schemeId, reason: 'inexact', status: 'resolved' }, 'Champ inconnu : status.'],
    ];
    for (const [body, message] of cases) {
      const response = await send(agent, 'post', '/api/reports', body).expect(400);
      expect(response.body.error.message).toBe(message);
    }
    await send(agent, 'post', '/api/reports', { folderId: '00000000-0000-4000-8000-000000000000', reason: 'closed' }).expect(404);
    // A draft is not the agent's to read, so not theirs to report either.
    await send(agent, 'post', '/api/reports', { documentId: draftId, reason: 'closed' }).expect(403);
    const badStatus = await send(editor, 'patch', `/api/reports/${(await editor.agent.get('/api/reports')).body.reports[0].id}`, {
      status: 'done',
    }).expect(400);
    expect(badStatus.body.error.message).toBe('status : Statut inconnu (new, in_progress ou resolved).');
  });

  it('a 100,000-character comment is refused with a clear message (400), and nothing is stored', async () => {
    const before = await ctx.db('reports').count({ n: '*' }).first();
    for (const letter of ['a', 'é']) {
      const response = await send(agent, 'post', '/api/reports', {
        folderId: schemeId,
        reason: 'inexact',
        comment: letter.repeat(100_000),
      }).expect(400);
      expect(response.body.error).toEqual({ code: 'validation_error', message: 'comment : Le commentaire : 2000 caractères au plus.' });
    }
    expect(await ctx.db('reports').count({ n: '*' }).first()).toEqual(before);
  });

  it('HTML is kept as text, and bidirectional overrides are removed from the comment', async () => {
    const comment = '<img src=x onerror=alert(1)> <b>gras</b> facture\u202Egpj.exe\u202C et \u2067isolé\u2069';
    const { body } = await send(agent, 'post', '/api/reports', { folderId: schemeId, reason: 'other', comment }).expect(201);
    expect(body.report.comment).toBe('<img src=x onerror=alert(1)> <b>gras</b> facturegpj.exe et isolé');
    const stored = await ctx.db('reports').where({ id: body.report.id }).first('comment');
    expect(stored.comment).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('100 reports a minute from one agent: the first few pass, then 429; another agent is not held back', async () => {
    const sender = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    const statuses: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      statuses.push((await send(sender, 'post', '/api/reports', { folderId: schemeId, reason: 'inexact', comment: `n° ${i}` })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    const refused = await send(sender, 'post', '/api/reports', { folderId: schemeId, reason: 'inexact' }).expect(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect((await sender.agent.get('/api/reports').expect(200)).body.reports).toHaveLength(10);
    const fresh = await signInAs(ctx.app, ctx.db, { role: 'agent' });
    await send(fresh, 'post', '/api/reports', { folderId: schemeId, reason: 'inexact' }).expect(201);
  });
});
