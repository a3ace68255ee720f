import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildScheme, buildVersion } from '../factories';
import { makePdf } from '../fixtures/files';
import { drainJobs } from '../jobs';
import { browserSuite, browserTestTimeoutMs, directorateIdOf, themeIdNamed } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';

describe('publishing in a real browser: schemes, uploads, documents, Nouveautés', { timeout: browserTestTimeoutMs }, () => {
  let themeId: string;
  let dteeId: string;
  let editorId: string;

  const suite = browserSuite({
    context: { withSearchIndex: true },
    arrange: async (ctx) => {
      themeId = await themeIdNamed(ctx, 'Environnement-Climat');
      dteeId = await directorateIdOf(ctx, 'DTEE');
      editorId = (await ctx.db('users').where({ email: editorEmail }).first('id')).id;
    },
    // A locator that finds nothing fails with its name instead of waiting for the test's timeout.
    defaultTimeoutMs: 5000,
  });

  /** Presses Tab until `target` has focus: proves it is reachable with the keyboard. */
  async function tabTo(target: Locator, maxPresses = 60) {
    for (let i = 0; i < maxPresses; i++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await suite.page.keyboard.press('Tab');
    }
    throw new Error(`not reached with Tab: ${target.toString()}`);
  }

  const h1 = () => suite.page.getByRole('heading', { level: 1 });

  async function arrangeScheme(name: string) {
    const scheme = await buildScheme(suite.ctx.db, { name, parent_id: themeId, directorate_id: dteeId });
    await suite.ctx
      .db('folders')
      .where({ id: scheme.id })
      .update({
        scheme_promise: 'Jusqu’à 50 % des travaux qui économisent l’eau.',
        scheme_audiences: ['entreprises', 'associations'],
        scheme_aid_types: ['subvention'],
        scheme_is_permanent: true,
        referent_name: 'Chargée de mission Eau',
        referent_service: 'Service Eau',
        referent_email: 'mission.eau@region.example',
      });
    return scheme;
  }

  async function arrangeDocument(
    folderId: string,
    fields: { title: string; status?: 'draft' | 'published'; scope?: 'internal' | 'external' },
  ) {
    const document = await buildDocument(suite.ctx.db, {
      folder_id: folderId,
      directorate_id: dteeId,
      owner_id: editorId,
      status: 'published',
      scope: 'internal',
      ...fields,
    });
    await suite.ctx
      .db('documents')
      .where({ id: document.id })
      .update({ published_at: fields.status === 'draft' ? null : suite.ctx.db.fn.now() });
    const pdf = await makePdf([
      `${fields.title} : conditions et montants.`,
      ...Array.from({ length: 4 }, (_, i) => `Article ${i + 1}. ${'Les campings éligibles reçoivent une aide. '.repeat(20)}`),
    ]);
    await buildVersion(suite.ctx.db, suite.ctx.storage, {
      document_id: document.id,
      content: pdf,
      original_filename: 'reglement-camping.pdf',
      file_type: 'pdf',
      mime_type: 'application/pdf',
    });
    return { ...document, pdf };
  }

  it('(a) an editor of DTEE creates a scheme under a theme, filling the form with the keyboard only', async () => {
    await suite.signInAndOpen(editorEmail, '/themes');
    await expect.poll(() => h1().textContent()).toBe('Thèmes');
    await expect.poll(() => suite.page.title()).toBe("Thèmes — L'info pour tous");
    await suite.expectAccessible('publishing-themes');

    await suite.page.getByRole('link', { name: 'Environnement-Climat' }).click();
    const create = suite.page.getByRole('link', { name: 'Créer un dispositif dans ce thème' });
    await create.waitFor();
    expect(await suite.page.getByRole('navigation', { name: "Fil d'Ariane" }).textContent()).toContain('Environnement-Climat');
    await suite.expectAccessible('publishing-theme');
    await tabTo(create);
    await suite.page.keyboard.press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Nouveau dispositif');
    await expect.poll(() => suite.page.title()).toBe("Nouveau dispositif — L'info pour tous");
    await suite.expectAccessible('publishing-scheme-form');

    // The editor's own directorate is the only choice.
    const directorate = suite.page.getByLabel('Direction responsable');
    expect(await directorate.locator('option').allTextContents()).toEqual(['Direction de la Transition écologique et énergétique (DTEE)']);

    const type = async (label: string, value: string) => {
      await tabTo(suite.page.getByRole('textbox', { name: label, exact: true }));
      await suite.page.keyboard.type(value);
    };
    const check = async (label: string) => {
      await tabTo(suite.page.getByRole('checkbox', { name: label, exact: true }));
      await suite.page.keyboard.press('Space');
    };
    await type('Nom du dispositif', 'Économies d’eau au camping');
    await type('Promesse', 'Jusqu’à 50 % des travaux qui économisent l’eau.');
    await type('Résumé', 'Pour les campings qui installent récupération d’eau de pluie et équipements économes.');
    await check('Entreprises');
    await check('Associations');
    await check('Subvention');
    await check('Dispositif permanent (sans date de clôture)');
    expect(await suite.page.getByRole('textbox', { name: 'Date de clôture' }).isDisabled()).toBe(true);
    await type('Nom du référent', 'Chargée de mission Eau');
    await type('Service', 'Service Eau');
    await type('Adresse e-mail', 'pas-une-adresse');
    await type('Téléphone', '04 67 22 80 00');
    // What citizens see of the referent: the service by default; the editor adds the e-mail.
    const publicFields = suite.page.getByRole('group', { name: 'Affiché aux usagers (page publique et fiche imprimée)' });
    expect(await publicFields.getByRole('checkbox', { name: 'Service', exact: true }).isChecked()).toBe(true);
    expect(await publicFields.getByRole('checkbox', { name: 'Téléphone', exact: true }).isChecked()).toBe(false);
    await tabTo(publicFields.getByRole('checkbox', { name: 'Adresse e-mail', exact: true }));
    await suite.page.keyboard.press('Space');
    await type("Page d'information", 'https://www.region.example/eau-camping');
    await type('Mots-clés', 'camping, économies d’eau, hôtellerie de plein air');
    await tabTo(suite.page.getByRole('button', { name: 'Créer le dispositif' }));
    await suite.page.keyboard.press('Enter');

    // The server's refusal is announced and shown next to its field.
    const alert = suite.page.getByRole('alert').filter({ hasText: 'La fiche n’a pas été enregistrée' });
    await expect.poll(() => alert.textContent()).toContain('Adresse e-mail du référent invalide.');
    const email = suite.page.getByRole('textbox', { name: 'Adresse e-mail', exact: true });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await suite.expectAccessible('publishing-scheme-form-error');

    await tabTo(email);
    await suite.page.keyboard.press('ControlOrMeta+a');
    await suite.page.keyboard.type('mission.eau@region.example');
    await tabTo(suite.page.getByRole('button', { name: 'Créer le dispositif' }));
    await suite.page.keyboard.press('Enter');

    await expect.poll(() => h1().textContent()).toContain('Économies d’eau au camping');
    expect(suite.page.url()).toMatch(/\/dossiers\/[0-9a-f-]{36}$/);
    expect(await suite.page.getByRole('status').filter({ hasText: 'est créé' }).count()).toBe(1);
    const card = suite.page.getByRole('region', { name: 'Fiche du dispositif' });
    expect(await card.textContent()).toContain('Permanent');
    expect(await card.textContent()).toContain('Entreprises, Associations');
    expect(await suite.page.getByRole('heading', { name: 'Qui contacter' }).isVisible()).toBe(true);
    expect(await suite.page.getByRole('link', { name: 'mission.eau@region.example' }).getAttribute('href')).toBe(
      'mailto:mission.eau@region.example',
    );
    expect(await suite.page.getByRole('heading', { name: 'Déposer des documents' }).isVisible()).toBe(true);
    await suite.expectAccessible('publishing-scheme-created');

    const saved = await suite.ctx.db('folders').where({ name: 'Économies d’eau au camping' }).first();
    expect(saved).toMatchObject({
      parent_id: themeId,
      directorate_id: dteeId,
      is_scheme: true,
      scheme_is_permanent: true,
      referent_phone: '04 67 22 80 00',
    });
    expect(saved.scheme_keywords).toEqual(['camping', 'économies d’eau', 'hôtellerie de plein air']);
    expect(saved.referent_public_fields).toEqual(['service', 'email']);
  });

  it('(b) uploads two files at once with the file picker: a progress bar each, the PDF listed, the French 415 refusal for the other', async () => {
    const scheme = await arrangeScheme('Aide au tri des déchets');
    await suite.signInAndOpen(editorEmail, `/dossiers/${scheme.id}`);
    await suite.page.getByRole('heading', { name: 'Déposer des documents' }).waitFor();
    await suite.page.getByRole('radio', { name: 'Publié' }).check();

    const picker = suite.page.getByLabel('Choisir des fichiers à envoyer');
    expect(await picker.getAttribute('multiple')).not.toBeNull();
    const pdf = await makePdf(['Règlement du tri : les campings éligibles, les montants.']);
    const fakePdf = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>', 'utf8');
    await picker.setInputFiles([
      { name: 'Reglement_tri.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'page-web.pdf', mimeType: 'application/pdf', buffer: fakePdf },
    ]);

    expect(await suite.page.getByRole('progressbar', { name: 'Envoi de Reglement_tri.pdf' }).count()).toBe(1);
    expect(await suite.page.getByRole('progressbar', { name: 'Envoi de page-web.pdf' }).count()).toBe(1);
    const refusal = suite.page
      .getByRole('alert')
      .filter({ hasText: 'page-web.pdf' })
      .or(suite.page.getByRole('listitem').filter({ hasText: 'page-web.pdf' }).getByRole('alert'));
    await expect.poll(() => refusal.textContent()).toContain("Ce type de fichier n'est pas accepté.");
    await expect
      .poll(() => suite.page.getByRole('status').filter({ hasText: 'envoyé' }).textContent())
      .toBe('1 fichier envoyé, 1 fichier refusé.');
    expect(await suite.page.getByRole('progressbar', { name: 'Envoi de Reglement_tri.pdf' }).getAttribute('value')).toBe('100');

    const table = suite.page.getByRole('table', { name: 'Documents de Aide au tri des déchets' });
    // Named after its file, made readable (accents restored), until the worker reads it.
    await expect.poll(() => table.getByRole('link', { name: 'Règlement tri' }).count()).toBe(1);
    expect(await table.textContent()).toContain('Publié');
    expect(await table.textContent()).toContain('Interne');
    expect(await table.textContent()).not.toContain('page-web');
    await suite.expectAccessible('publishing-upload');
    expect(await suite.ctx.db('documents').where({ folder_id: scheme.id }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('(b2) each uploaded file gets its suggested type pre-selected, editable, and the title its file carries once read', async () => {
    const scheme = await arrangeScheme('Tri et réemploi au camping');
    await suite.signInAndOpen(editorEmail, `/dossiers/${scheme.id}`);
    await suite.page.getByRole('heading', { name: 'Déposer des documents' }).waitFor();
    expect(await suite.page.getByLabel('Type de document').inputValue()).toBe('');
    const faq = await makePdf(['Qui peut demander l’aide ?', 'Quels travaux ?'], { title: 'Questions fréquentes Ec’Eau Tourisme' });
    const deliberation = await makePdf(['La commission permanente du Conseil régional, après en avoir délibéré, décide.']);
    await suite.page.getByLabel('Choisir des fichiers à envoyer').setInputFiles([
      { name: 'faq-economies-eau.pdf', mimeType: 'application/pdf', buffer: faq },
      { name: 'CP-2026-03-eau.pdf', mimeType: 'application/pdf', buffer: deliberation },
    ]);
    const faqType = suite.page.getByLabel('Type de « faq-economies-eau.pdf »');
    await expect
      .poll(() => suite.page.getByRole('status').filter({ hasText: 'envoyé' }).textContent(), { timeout: 15000 })
      .toBe('2 fichiers envoyés.');
    expect(await faqType.inputValue()).toBe('faq');
    expect(await suite.page.getByRole('listitem').filter({ hasText: 'faq-economies-eau.pdf' }).textContent()).toContain(
      'suggéré d’après le fichier',
    );
    expect(await suite.page.getByRole('link', { name: 'Ouvrir « Faq économies eau »' }).count()).toBe(1);

    // The worker reads both files: the line shows the title of the PDF's metadata, the other's type from its first page.
    expect(await drainJobs(suite.ctx)).toEqual([]);
    await expect
      .poll(() => suite.page.getByRole('link', { name: 'Ouvrir « Questions fréquentes Ec’Eau Tourisme »' }).count(), { timeout: 15000 })
      .toBe(1);
    await expect.poll(() => suite.page.getByLabel('Type de « CP-2026-03-eau.pdf »').inputValue(), { timeout: 15000 }).toBe('deliberation');
    // The folder's list follows.
    const table = suite.page.getByRole('table', { name: 'Documents de Tri et réemploi au camping' });
    await expect.poll(() => table.getByRole('link', { name: 'Questions fréquentes Ec’Eau Tourisme' }).count()).toBe(1);
    expect(await table.textContent()).toContain('Délibération');
    await suite.expectAccessible('publishing-upload-suggested-types');

    // Always editable: the editor's choice is saved and stays.
    await faqType.focus();
    await faqType.selectOption('guide');
    await expect
      .poll(
        async () =>
          (await suite.ctx.db('documents').where({ folder_id: scheme.id, doc_type: 'guide' }).first('doc_type_is_suggested'))
            ?.doc_type_is_suggested,
      )
      .toBe(false);
    expect(await suite.page.getByRole('listitem').filter({ hasText: 'faq-economies-eau.pdf' }).textContent()).not.toContain(
      'suggéré d’après le fichier',
    );
  }, 90000); // Uploads, two extractions and the page's refreshes: more than the default on a loaded machine.

  it('(c) on the document page: switches scope to Externe with its explanation, refuses the same file as a new version, archives through a confirmation dialog', async () => {
    const scheme = await arrangeScheme('Rénovation des refuges');
    const doc = await arrangeDocument(scheme.id, { title: 'Règlement refuges' });
    await suite.signInAndOpen(editorEmail, `/documents/${doc.id}`);
    await expect.poll(() => h1().textContent()).toBe('Règlement refuges');
    await expect.poll(() => suite.page.title()).toBe("Règlement refuges — L'info pour tous");
    const file = suite.page.getByRole('region', { name: 'Fichier' });
    expect(await file.textContent()).toContain('reglement-camping.pdf');
    expect(await file.textContent()).toMatch(/\d+(,\d)? Ko/);
    expect(await file.getByRole('link', { name: /^Ouvrir/ }).getAttribute('href')).toBe(`/api/documents/${doc.id}/file`);
    expect(await suite.page.getByRole('link', { name: 'Télécharger la version 1' }).getAttribute('href')).toBe(
      `/api/documents/${doc.id}/file?version=1`,
    );
    await suite.expectAccessible('publishing-document-editor');

    const external = suite.page.getByRole('radio', { name: 'Externe' });
    await tabTo(suite.page.getByRole('radio', { name: 'Interne' }));
    await suite.page.keyboard.press('ArrowDown');
    expect(await external.isChecked()).toBe(true);
    const explanation = suite.page.locator('#explication-externe');
    expect(await explanation.textContent()).toContain('Un lien public sera créé');
    expect(await explanation.textContent()).toContain('sans compte');
    await suite.expectAccessible('publishing-document-external-explained');
    await suite.page.getByRole('button', { name: 'Enregistrer la diffusion et le statut' }).click();
    await expect.poll(() => suite.page.getByRole('status').filter({ hasText: 'enregistrés' }).count()).toBe(1);
    expect(await suite.page.locator('.badges').textContent()).toContain('Externe');
    expect((await suite.ctx.db('documents').where({ id: doc.id }).first('scope')).scope).toBe('external');

    // The same bytes again: the server's 409, in French.
    await suite.page
      .getByLabel('Fichier de la nouvelle version')
      .setInputFiles({ name: 'copie.pdf', mimeType: 'application/pdf', buffer: doc.pdf });
    await suite.page.getByRole('button', { name: 'Envoyer la nouvelle version' }).click();
    await expect
      .poll(() => suite.page.getByRole('alert').filter({ hasText: 'nouvelle version' }).textContent())
      .toContain('identique à la version 1');

    const archive = suite.page.getByRole('button', { name: 'Archiver le document' });
    await archive.click();
    const dialog = suite.page.getByRole('dialog', { name: 'Archiver ce document ?' });
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await suite.expectAccessible('publishing-document-archive-dialog');
    await suite.page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await archive.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await suite.ctx.db('documents').where({ id: doc.id }).first('status')).status).toBe('published');

    await archive.click();
    await dialog.getByRole('button', { name: 'Archiver', exact: true }).click();
    await expect.poll(() => suite.page.locator('.badges').textContent()).toContain('Archivé');
    expect(await dialog.isVisible()).toBe(false);
    expect(await suite.page.getByRole('status').filter({ hasText: 'Le document est archivé.' }).count()).toBe(1);
    expect((await suite.ctx.db('documents').where({ id: doc.id }).first('status')).status).toBe('archived');
    await suite.expectAccessible('publishing-document-archived');
  });

  it('(d) an agent sees the scheme and its published document, without upload zone or edit buttons', async () => {
    const scheme = await arrangeScheme('Eau potable en montagne');
    await arrangeDocument(scheme.id, { title: 'Fiche synthèse eau potable' });
    await arrangeDocument(scheme.id, { title: 'Brouillon interne', status: 'draft' });
    await suite.signInAndOpen(agentEmail, '/themes');
    await suite.page.getByRole('link', { name: 'Eau potable en montagne' }).click();
    await expect.poll(() => h1().textContent()).toContain('Eau potable en montagne');
    expect(await suite.page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link').allTextContents()).toEqual([
      'Thèmes',
      'Environnement-Climat',
    ]);
    const card = suite.page.getByRole('region', { name: 'Fiche du dispositif' });
    expect(await card.textContent()).toContain('Jusqu’à 50 % des travaux');
    expect(await card.textContent()).toContain('Chargée de mission Eau');
    const table = suite.page.getByRole('table', { name: 'Documents de Eau potable en montagne' });
    await table.waitFor();
    expect(await table.getByRole('link').allTextContents()).toEqual(['Fiche synthèse eau potable']);
    expect(await suite.page.getByRole('heading', { name: 'Déposer des documents' }).count()).toBe(0);
    expect(await suite.page.locator('input[type=file]').count()).toBe(0);
    expect(await suite.page.getByRole('link', { name: 'Modifier la fiche' }).count()).toBe(0);
    expect(
      await suite.page
        .getByRole('button')
        .filter({ hasText: /Archiver|Supprimer/ })
        .count(),
    ).toBe(0);
    await suite.expectAccessible('publishing-agent-scheme');

    await table.getByRole('link', { name: 'Fiche synthèse eau potable' }).click();
    await expect.poll(() => h1().textContent()).toBe('Fiche synthèse eau potable');
    expect(await suite.page.getByRole('link', { name: /^Ouvrir/ }).isVisible()).toBe(true);
    expect(await suite.page.getByRole('heading', { name: 'Gérer le document' }).count()).toBe(0);
    expect(await suite.page.getByRole('heading', { name: 'Historique des versions' }).count()).toBe(0);
    expect(
      await suite.page
        .getByRole('button')
        .filter({ hasText: /Archiver|Supprimer|Enregistrer/ })
        .count(),
    ).toBe(0);
    await suite.expectAccessible('publishing-agent-document');
  });

  it('(e) Nouveautés groups by day, marks what is new since the last visit, filters by theme', async () => {
    const scheme = await arrangeScheme('Mobilité douce');
    await arrangeDocument(scheme.id, { title: 'Guide vélo à assistance électrique' });
    await arrangeDocument(scheme.id, { title: 'Projet non publié', status: 'draft' });
    await suite.signInAndOpen(agentEmail, '/');
    await suite.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Nouveautés' }).click();
    await expect.poll(() => h1().textContent()).toBe('Nouveautés');
    await expect.poll(() => suite.page.title()).toBe("Nouveautés — L'info pour tous");
    const status = suite.page.getByRole('status').filter({ hasText: 'visite' });
    await expect
      .poll(() => status.textContent())
      .toBe('Votre première visite : les prochaines fois, ce qui a changé depuis sera marqué « Nouveau ».');
    const today = new Intl.DateTimeFormat('fr-FR', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Paris',
    }).format(new Date());
    const day = suite.page.getByRole('region', { name: today.charAt(0).toUpperCase() + today.slice(1) });
    const item = day.getByRole('listitem').filter({ hasText: 'Guide vélo à assistance électrique' });
    expect(await item.textContent()).toContain('Dispositif : Mobilité douce');
    expect(await item.getByText('Nouveau', { exact: true }).count()).toBe(0);
    expect(await suite.page.getByRole('main').textContent()).not.toContain('Projet non publié');
    await expect.poll(async () => Number((await suite.ctx.db('news_visits').count({ n: '*' }).first())?.n)).toBe(1);

    // That visit was 31 minutes ago (arranged; every document so far changed just before it); since then, a new document: marked "Nouveau".
    await suite.ctx.db('news_visits').update({ last_visit_at: suite.ctx.db.raw(`now() - interval '31 minutes'`) });
    await suite.ctx
      .db('documents')
      .where('updated_at', '>', suite.ctx.db.raw(`now() - interval '32 minutes'`))
      .update({ updated_at: suite.ctx.db.raw(`now() - interval '32 minutes'`) });
    await arrangeDocument(scheme.id, { title: 'Carte des pistes cyclables' });
    await suite.page.reload();
    await expect.poll(() => status.textContent()).toMatch(/^1 nouveauté depuis votre dernière visite, le /);
    const fresh = suite.page.getByRole('main').getByRole('listitem').filter({ hasText: 'Carte des pistes cyclables' });
    expect(await fresh.getByText('Nouveau', { exact: true }).count()).toBe(1);
    await suite.expectAccessible('publishing-news');

    const themeName = (await suite.ctx.db('folders').where({ id: scheme.parent_id }).first('name')).name as string;
    const otherTheme = (
      await suite.ctx.db('folders').whereNull('parent_id').whereNot({ id: scheme.parent_id }).orderBy('name').first('name')
    ).name as string;
    const theme = suite.page.getByLabel('Thème', { exact: true });
    await theme.selectOption({ label: otherTheme });
    await expect.poll(() => suite.page.getByRole('main').textContent()).not.toContain('Carte des pistes cyclables');
    await theme.selectOption({ label: themeName });
    await expect.poll(() => fresh.count()).toBe(1);
  });

  it('an editor edits a scheme card, then archives the scheme after confirming', async () => {
    const scheme = await arrangeScheme('Récupération des eaux de pluie');
    await suite.signInAndOpen(editorEmail, `/dossiers/${scheme.id}`);
    await suite.page.getByRole('link', { name: 'Modifier la fiche' }).click();
    await expect.poll(() => h1().textContent()).toBe('Modifier la fiche : Récupération des eaux de pluie');
    const promise = suite.page.getByRole('textbox', { name: 'Promesse', exact: true });
    expect(await promise.inputValue()).toBe('Jusqu’à 50 % des travaux qui économisent l’eau.');
    expect(await suite.page.getByRole('checkbox', { name: 'Entreprises', exact: true }).isChecked()).toBe(true);
    await promise.fill('Jusqu’à 60 % des cuves de récupération.');
    await suite.page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await expect.poll(() => suite.page.getByRole('status').filter({ hasText: 'La fiche est enregistrée.' }).count()).toBe(1);
    expect(await suite.page.getByRole('region', { name: 'Fiche du dispositif' }).textContent()).toContain(
      'Jusqu’à 60 % des cuves de récupération.',
    );

    const archive = suite.page.getByRole('button', { name: 'Archiver le dispositif' });
    await archive.click();
    const dialog = suite.page.getByRole('dialog', { name: 'Archiver ce dispositif ?' });
    await dialog.waitFor();
    expect(await suite.page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await dialog.getByRole('button', { name: 'Archiver', exact: true }).click();
    await expect.poll(() => h1().textContent()).toContain('Archivé');
    expect(await suite.page.getByRole('status').filter({ hasText: 'Le dispositif est archivé.' }).count()).toBe(1);
    expect(await suite.page.getByRole('button', { name: 'Réactiver le dispositif' }).isVisible()).toBe(true);
    expect((await suite.ctx.db('folders').where({ id: scheme.id }).first('archived_at')).archived_at).not.toBeNull();
    await suite.expectAccessible('publishing-scheme-archived');
  });

  it('asks a signed-out visitor to sign in, with a link back to the page asked for', async () => {
    await suite.page.goto(`${suite.url}/themes`);
    await expect.poll(() => h1().textContent()).toBe('Connexion requise');
    expect(await suite.page.getByRole('main').getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe(
      '/connexion?retour=%2Fthemes',
    );
    await suite.expectAccessible('publishing-signed-out');
  });
});
