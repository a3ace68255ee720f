import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDocument } from '../../tests/factories';

describe('audit trail API', () => {
  let ctx: TestContext;
  let admin: SignedIn;
  let editor: SignedIn;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin', display_name: 'Admin Test' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor' });
  });
  afterAll(() => ctx.close());

  const send = (who: SignedIn, method: 'post' | 'patch' | 'delete', url: string, body?: object) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);

  it('audit trail: in French with names, filtered, paginated; append-only', async () => {
    const created = await send(admin, 'post', '/api/admin/directorates', { code: 'DJEUNESSE', name: 'Direction des Sports' }).expect(201);
    await send(admin, 'patch', `/api/admin/directorates/${created.body.directorate.id}`, {
      name: 'Direction des Sports et de la Jeunesse',
    }).expect(200);
    const events = (
      await admin.agent.get('/api/admin/audit').query({ objectId: created.body.directorate.id, from: '2020-01-01' }).expect(200)
    ).body;
    expect(events.events.map((e: { sentence: string }) => e.sentence)).toEqual([
      'Admin Test a modifié la direction « Direction des Sports et de la Jeunesse »',
      'Admin Test a ajouté la direction « Direction des Sports et de la Jeunesse »',
    ]);
    expect(events.events[0]).toMatchObject({
      action: 'directorate.updated',
      actionLabel: 'Direction modifiée',
      objectLabel: 'Direction',
      details: ['Nom : Direction des Sports → Direction des Sports et de la Jeunesse'],
    });
    expect(events).toMatchObject({ page: 1, pageCount: 1, total: 2 });
    expect(events.actions).toContainEqual({ code: 'document.updated', label: 'Document modifié' });
    await expect(ctx.db('audit_events').update({ action: 'effacé' })).rejects.toThrow(/append-only/);
    await editor.agent.get('/api/admin/audit').expect(403);
    await editor.agent.get('/api/admin/audit.csv').expect(403);
  });

  it('audit trail: "Claire Martin a rendu externe « Règlement Ec’Eau Tourisme »", with the name of the setting ("Diffusion")', async () => {
    const claire = await signInAs(ctx.app, ctx.db, { role: 'editor', display_name: 'Claire Martin' });
    const document = await buildDocument(ctx.db, {
      title: "Règlement Ec'Eau Tourisme",
      directorate_id: claire.user.directorate_id as string,
      scope: 'internal',
      status: 'draft',
    });
    await send(claire, 'patch', `/api/documents/${document.id}`, { scope: 'external' }).expect(200);
    const events = (await admin.agent.get('/api/admin/audit').query({ objectId: document.id }).expect(200)).body.events;
    expect(events[0]).toMatchObject({
      sentence: "Claire Martin a rendu externe « Règlement Ec'Eau Tourisme »",
      details: ['Diffusion : interne → externe'],
    });
  });

  it('audit trail: an unknown page number is a 400 or a 404 that says how many pages there are', async () => {
    for (const page of ['0', '-1', 'deux', '1.5', '99999']) {
      const response = await admin.agent.get('/api/admin/audit').query({ page }).expect(400);
      expect(response.body.error.message).toBe('page : Numéro de page invalide.');
    }
    const beyond = await admin.agent.get('/api/admin/audit').query({ page: '500' }).expect(404);
    expect(beyond.body.error.message).toMatch(/^Cette page du journal n’existe pas : il en compte \d+\.$/);
  });

  it('audit export: CSV by csv-stringify with French columns, Paris times, the same sentences, and formulas neutralised', async () => {
    const evil = '=HYPERLINK("http://evil.example","clic")';
    const mallory = await signInAs(ctx.app, ctx.db, { role: 'admin', display_name: evil });
    await send(mallory, 'post', '/api/admin/directorates', { code: 'DFORMULA', name: '@SUM(A1:A9)' }).expect(201);
    await send(admin, 'post', '/api/admin/maisons', { code: 'MR-TAB', name: '\tTab', city: '+33 Ville' }).expect(201);
    const csv = await admin.agent.get('/api/admin/audit.csv').query({ from: '2020-01-01' }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text.split('\n');
    expect(lines[0]).toBe('\ufeff"Date (heure de Paris)";"Acteur";"Événement";"Action";"Objet";"Détails";"Adresse IP"');
    const formula = lines.find((line) => line.includes('SUM(A1:A9)')) ?? '';
    const cells = formula.split(';');
    // A cell that would start with = + - @ or a tab starts with ' instead: a spreadsheet shows it as text.
    expect(cells[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(cells[2]).toBe(`"'=HYPERLINK(""http://evil.example"",""clic"") a ajouté la direction « @SUM(A1:A9) »"`);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|;)"[=+\-@\t\r]/);
    expect(lines.find((line) => line.includes('MR-TAB'))).toContain(`"Ville : — → +33 Ville`);
    expect(cells[0]).toMatch(/^"\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}"$/);
    const at = (await ctx.db('audit_events').where({ action: 'directorate.created' }).orderBy('id', 'desc').first('created_at'))
      .created_at as Date;
    const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(at);
    expect(cells[0]).toContain(paris);
    expect(cells[3]).toBe('"Direction ajoutée"');
  });
});
