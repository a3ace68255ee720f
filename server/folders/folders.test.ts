import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type SignedIn } from '../../tests/auth';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDirectorate, buildDocument } from '../../tests/factories';
import { availabilityOf, todayInParis } from './availability';
import { enqueueJob } from '../jobs/queue';
import { drainJobs } from '../../tests/jobs';

describe('availability of a scheme', () => {
  const today = '2026-11-26';
  it.each([
    [{ opensOn: null, closesOn: null, isPermanent: true }, 'permanent'],
    [{ opensOn: '2027-01-01', closesOn: '2027-03-01', isPermanent: false }, 'a_venir'],
    [{ opensOn: '2026-01-01', closesOn: '2027-03-01', isPermanent: false }, 'ouvert'],
    [{ opensOn: '2026-01-01', closesOn: '2026-12-26', isPermanent: false }, 'cloture_proche'],
    [{ opensOn: null, closesOn: '2026-11-26', isPermanent: false }, 'cloture_proche'],
    [{ opensOn: '2026-01-01', closesOn: '2026-11-25', isPermanent: false }, 'clos'],
    [{ opensOn: null, closesOn: null, isPermanent: false }, 'ouvert'],
  ])('%j → %s', (card, expected) => {
    expect(availabilityOf(card, today)).toBe(expected);
  });

  it("uses the Region's calendar day", () => {
    expect(todayInParis(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
  });
});

describe('folders and schemes API', () => {
  let ctx: TestContext;
  let admin: SignedIn;
  let editor: SignedIn;
  let otherEditor: SignedIn;
  let agent: SignedIn;
  let directorateId: string;
  let otherDirectorateId: string;
  let themeId: string;

  const card = () => ({
    directorateId,
    promise: 'Financer des équipements hydro-économes',
    summary: 'Aide aux campings et hébergements touristiques pour réduire leur consommation d’eau.',
    audiences: ['entreprises'],
    aidTypes: ['subvention'],
    keywords: ['camping', 'eau', 'économies'],
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    referent: { name: 'Service Tourisme durable', email: 'tourisme.durable@region.example', phone: '04 67 00 00 00' },
    links: { infoUrl: 'https://www.region.example/eceau' },
  });

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    directorateId = (await buildDirectorate(ctx.db)).id;
    otherDirectorateId = (await buildDirectorate(ctx.db)).id;
    admin = await signInAs(ctx.app, ctx.db, { role: 'admin' });
    editor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: directorateId });
    otherEditor = await signInAs(ctx.app, ctx.db, { role: 'editor', directorate_id: otherDirectorateId });
    agent = await signInAs(ctx.app, ctx.db, { role: 'agent' });
  });
  afterAll(() => ctx.close());

  const send = (who: SignedIn, method: 'post' | 'patch' | 'delete', url: string, body?: object) =>
    who.agent[method](url).set('X-CSRF-Token', who.csrfToken).send(body);

  it('admins create themes at the top; editors and agents may not (403)', async () => {
    const theme = await send(admin, 'post', '/api/folders', { name: 'Tourisme', parentId: null }).expect(201);
    themeId = theme.body.folder.id;
    expect(theme.body.folder).toMatchObject({ name: 'Tourisme', parentId: null, scheme: null, can: { update: true, createScheme: true } });
    await send(editor, 'post', '/api/folders', { name: 'Autre thème', parentId: null }).expect(403);
    await send(agent, 'post', '/api/folders', { name: 'Autre thème', parentId: null }).expect(403);
  });

  it('an editor creates a scheme of their directorate under a theme, with its card and derived availability', async () => {
    const response = await send(editor, 'post', '/api/folders', { name: "Ec'Eau Tourisme", parentId: themeId, scheme: card() }).expect(201);
    expect(response.body.folder).toMatchObject({
      name: "Ec'Eau Tourisme",
      parentId: themeId,
      scheme: {
        promise: 'Financer des équipements hydro-économes',
        directorate: { id: directorateId },
        audiences: ['entreprises'],
        aidTypes: ['subvention'],
        opensOn: '2026-01-01',
        closesOn: '2099-12-31',
        availability: 'ouvert',
        referent: { email: 'tourisme.durable@region.example' },
        links: { infoUrl: 'https://www.region.example/eceau', applyUrl: null },
      },
      can: { update: true, delete: true, createSubfolder: true, upload: true },
    });
    const listed = await agent.agent.get('/api/folders').expect(200);
    const scheme = listed.body.folders.find((f: { id: string }) => f.id === response.body.folder.id);
    expect(scheme.can).toMatchObject({ update: false, delete: false, upload: false });
    expect(
      await ctx.db('audit_events').where({ action: 'scheme.created', object_id: response.body.folder.id }).count({ n: '*' }).first(),
    ).toEqual({ n: 1 });

    // The hourly availability refresh finds nothing to reindex in a scheme it has not seen change.
    await ctx.db('jobs').delete();
    await enqueueJob(ctx.db, 'search.refreshAvailability', {});
    expect(await drainJobs(ctx)).toEqual([]);
    expect(
      await ctx
        .db('jobs')
        .where({ type: 'search.syncFolder' })
        .whereRaw(`payload->>'folderId' = ?`, [response.body.folder.id])
        .count({ n: '*' })
        .first(),
    ).toEqual({ n: 0 });
  });

  it('refuses a scheme for another directorate (403), and an invalid card with the field named (400)', async () => {
    await send(editor, 'post', '/api/folders', {
      name: 'Intrus',
      parentId: themeId,
      scheme: { ...card(), directorateId: otherDirectorateId },
    }).expect(403);
    const cases: [object, string][] = [
      [{ name: '', parentId: themeId }, 'name : Le nom est obligatoire.'],
      [{ name: 'x'.repeat(201), parentId: themeId }, 'name : Le nom : 200 caractères au plus.'],
      [
        { name: 'Dates', parentId: themeId, scheme: { ...card(), opensOn: '2026-06-01', closesOn: '2026-01-01' } },
        "scheme.closesOn : La date de clôture doit suivre la date d'ouverture.",
      ],
      [
        { name: 'Mail', parentId: themeId, scheme: { ...card(), referent: { email: 'pas-un-mail' } } },
        'scheme.referent.email : Adresse e-mail du référent invalide.',
      ],
      [{ name: 'Public', parentId: themeId, scheme: { ...card(), audiences: ['martiens'] } }, 'scheme.audiences.0 : Public inconnu.'],
      [
        { name: 'Date', parentId: themeId, scheme: { ...card(), opensOn: '31/12/2026' } },
        'scheme.opensOn : Date attendue au format AAAA-MM-JJ.',
      ],
      [
        { name: 'Lien', parentId: themeId, scheme: { ...card(), links: { infoUrl: 'javascript:alert(1)' } } },
        'scheme.links.infoUrl : Adresse web attendue (https://…).',
      ],
    ];
    for (const [body, message] of cases) {
      const response = await send(editor, 'post', '/api/folders', body).expect(400);
      expect(response.body.error).toEqual({ code: 'validation_error', message });
    }
  });

  it('sub-folders: editors add them in their own schemes only; they belong to the scheme directorate', async () => {
    const scheme = await send(editor, 'post', '/api/folders', { name: 'Aide à la rénovation', parentId: themeId, scheme: card() }).expect(
      201,
    );
    const sub = await send(editor, 'post', '/api/folders', { name: 'Formulaires', parentId: scheme.body.folder.id }).expect(201);
    expect(sub.body.folder).toMatchObject({ directorateId, scheme: null });
    await send(otherEditor, 'post', '/api/folders', { name: 'Intrus', parentId: scheme.body.folder.id }).expect(403);
    const duplicate = await send(editor, 'post', '/api/folders', { name: 'formulaires', parentId: scheme.body.folder.id }).expect(409);
    expect(duplicate.body.error.message).toBe('Un dossier de ce nom existe déjà à cet endroit.');
  });

  it('renames and moves; a move into itself or a descendant is refused (409)', async () => {
    const a = await send(editor, 'post', '/api/folders', { name: 'Dispositif A', parentId: themeId, scheme: card() }).expect(201);
    const child = await send(editor, 'post', '/api/folders', { name: 'Annexes', parentId: a.body.folder.id }).expect(201);
    const grandchild = await send(editor, 'post', '/api/folders', { name: 'Anciennes', parentId: child.body.folder.id }).expect(201);
    const renamed = await send(editor, 'patch', `/api/folders/${child.body.folder.id}`, { name: 'Pièces annexes' }).expect(200);
    expect(renamed.body.folder.name).toBe('Pièces annexes');
    const cycle = await send(editor, 'patch', `/api/folders/${a.body.folder.id}`, { parentId: grandchild.body.folder.id }).expect(409);
    expect(cycle.body.error.message).toBe('Un dossier ne peut pas être déplacé dans lui-même ni dans un de ses sous-dossiers.');
    await send(editor, 'patch', `/api/folders/${a.body.folder.id}`, { parentId: a.body.folder.id }).expect(409);
    const audit = await ctx.db('audit_events').where({ object_id: child.body.folder.id, action: 'folder.updated' }).first();
    expect(audit.changes.name).toEqual({ before: 'Annexes', after: 'Pièces annexes' });
  });

  it('deletes only an empty folder (409 otherwise); another directorate may not (403)', async () => {
    const scheme = await send(editor, 'post', '/api/folders', { name: 'À supprimer', parentId: themeId, scheme: card() }).expect(201);
    const id = scheme.body.folder.id as string;
    await buildDocument(ctx.db, { folder_id: id, directorate_id: directorateId });
    await send(otherEditor, 'delete', `/api/folders/${id}`).expect(403);
    const refused = await send(editor, 'delete', `/api/folders/${id}`).expect(409);
    expect(refused.body.error.message).toBe("Ce dossier n'est pas vide : déplacez ou supprimez d'abord son contenu.");
    await send(admin, 'delete', `/api/folders/${themeId}`).expect(409);
    await ctx.db('documents').where({ folder_id: id }).update({ deleted_at: ctx.db.fn.now() });
    await send(editor, 'delete', `/api/folders/${id}`).expect(204);
    await editor.agent.get(`/api/folders/${id}`).expect(404);
  });

  it('edits the scheme card and archives the scheme', async () => {
    const scheme = await send(editor, 'post', '/api/folders', { name: 'Pass Sport', parentId: themeId, scheme: card() }).expect(201);
    const id = scheme.body.folder.id as string;
    const edited = await send(editor, 'patch', `/api/folders/${id}`, { scheme: { ...card(), isPermanent: true, closesOn: null } }).expect(
      200,
    );
    expect(edited.body.folder.scheme).toMatchObject({ isPermanent: true, availability: 'permanent' });
    const archived = await send(editor, 'patch', `/api/folders/${id}`, { isArchived: true }).expect(200);
    expect(archived.body.folder.scheme.isArchived).toBe(true);
    expect(await ctx.db('audit_events').where({ object_id: id, action: 'scheme.archived' }).count({ n: '*' }).first()).toEqual({ n: 1 });
    await send(otherEditor, 'patch', `/api/folders/${id}`, { name: 'Piraté' }).expect(403);
  });

  it('gives a folder with its path and children', async () => {
    const scheme = await send(editor, 'post', '/api/folders', { name: 'Chemin', parentId: themeId, scheme: card() }).expect(201);
    await send(editor, 'post', '/api/folders', { name: 'Enfant', parentId: scheme.body.folder.id }).expect(201);
    const response = await agent.agent.get(`/api/folders/${scheme.body.folder.id}`).expect(200);
    expect(response.body.path).toEqual([{ id: themeId, name: 'Tourisme' }]);
    expect(response.body.children.map((c: { name: string }) => c.name)).toEqual(['Enfant']);
    await agent.agent.get('/api/folders/pas-un-id').expect(404);
  });
});
