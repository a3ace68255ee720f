import { describe, expect, it } from 'vitest';
import { apiSignedIn, browserSuite, browserTestTimeoutMs, directorateIdOf, themeIdNamed } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';
const schemeName = 'Gîtes durables';

describe('verified content and reports, in a real browser', { timeout: browserTestTimeoutMs }, () => {
  let schemeId: string;
  let directorateId: string;
  const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date());

  const suite = browserSuite({
    context: { withSearchIndex: true },
    arrange: async (ctx) => {
      const { api: editor, csrf } = await apiSignedIn(ctx, editorEmail);
      directorateId = await directorateIdOf(ctx, 'DTEE');
      const scheme = await editor
        .post('/api/folders')
        .set('X-CSRF-Token', csrf)
        .send({
          name: schemeName,
          parentId: await themeIdNamed(ctx, 'Tourisme'),
          scheme: { directorateId, isPermanent: true, promise: 'Rénover les gîtes ruraux', referent: { service: 'Service Tourisme' } },
        })
        .expect(201);
      schemeId = scheme.body.folder.id as string;
      // Checked long ago: overdue for its review.
      await ctx
        .db('folders')
        .where({ id: schemeId })
        .update({ verified_at: ctx.db.raw(`now() - interval '200 days'`) });
    },
    browserContext: { viewport: { width: 1280, height: 900 } },
    defaultTimeoutMs: 5000,
  });

  it('(a) an agent sees "À vérifier" on an overdue card, reports it through the dialog, and follows the report in "Mes signalements"', async () => {
    await suite.signInAndOpen(agentEmail, `/dossiers/${schemeId}`);
    const card = suite.page.getByRole('region', { name: 'Fiche du dispositif' });
    await card.getByText('À vérifier', { exact: true }).waitFor();
    expect(await card.getByText(/^Vérifié le \d{1,2} \S+ \d{4}$/).count()).toBe(1);
    // An agent has no verification button.
    expect(await suite.page.getByRole('button', { name: /Marquer comme vérifiée/ }).count()).toBe(0);

    await suite.page.getByRole('button', { name: `Signaler un problème sur « ${schemeName} »` }).click();
    const dialog = suite.page.getByRole('dialog', { name: 'Signaler un problème' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Lien cassé' }).check();
    await dialog.getByRole('textbox', { name: 'Commentaire' }).fill('Le lien <b>Déposer</b> mène à une page 404.');
    await suite.expectAccessible('trust-report-dialog');
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await suite.page.getByRole('status').filter({ hasText: 'Merci : votre signalement est transmis à' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    // Focus is back on the button that opened the dialog.
    expect(
      await suite.page
        .getByRole('button', { name: `Signaler un problème sur « ${schemeName} »` })
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);

    await suite.page.getByRole('link', { name: 'Mes signalements' }).first().click();
    await suite.page.getByRole('heading', { level: 1, name: 'Mes signalements' }).waitFor();
    // The comment is shown as the agent typed it: text, not HTML.
    await suite.page.getByText('Le lien <b>Déposer</b> mène à une page 404.').waitFor();
    expect(await suite.page.locator('.report-list b').count()).toBe(0);
    await suite.page.getByText('Nouveau', { exact: true }).waitFor();
    await suite.expectAccessible('trust-my-reports');
  });

  it('(b) the editor verifies the overdue card in one click from "À vérifier", then answers the report; the agent sees the answer', async () => {
    // Before acting: the week's digest and "Vos manques" show the overdue card and the open report.
    await suite.signInAndOpen(editorEmail, '/');
    await suite.page.getByRole('link', { name: 'Vos manques' }).click();
    await suite.page.getByRole('heading', { level: 1, name: /^Vos manques — / }).waitFor();
    await suite.page.getByRole('heading', { level: 2, name: 'Signalements ouverts' }).waitFor();
    await suite.page.getByText('Le lien <b>Déposer</b> mène à une page 404.').waitFor();
    await suite.expectAccessible('trust-gaps');
    await suite.page.getByRole('link', { name: 'Résumé de la semaine' }).click();
    await suite.page.getByRole('heading', { level: 2, name: 'Fiches à vérifier (1)' }).waitFor();
    await suite.page.getByRole('heading', { level: 2, name: 'Signalements ouverts (1)' }).waitFor();
    await suite.expectAccessible('trust-digest');

    await suite.page.getByRole('link', { name: 'À vérifier', exact: true }).click();
    await suite.page.getByRole('heading', { level: 1, name: 'Fiches à vérifier' }).waitFor();
    const row = suite.page.getByRole('row').filter({ hasText: schemeName });
    await row.waitFor();
    await suite.expectAccessible('trust-verification-queue');
    await row.getByRole('button', { name: `Marquer comme vérifiée : « ${schemeName} »` }).click();
    await suite.page.getByRole('status').filter({ hasText: 'Fiche vérifiée' }).waitFor();
    expect(await suite.page.getByRole('row').filter({ hasText: schemeName }).count()).toBe(0);

    await suite.page.goto(`${suite.url}/dossiers/${schemeId}`);
    const card = suite.page.getByRole('region', { name: 'Fiche du dispositif' });
    await card.getByText(`Vérifié le ${today}`).waitFor();
    expect(await card.getByText('À vérifier', { exact: true }).count()).toBe(0);

    await suite.page.getByRole('link', { name: 'Signalements reçus' }).click();
    await suite.page.getByRole('heading', { level: 1, name: 'Signalements reçus' }).waitFor();
    const item = suite.page.getByRole('listitem').filter({ hasText: 'Le lien <b>Déposer</b>' });
    await item.waitFor();
    await item.getByRole('combobox', { name: 'Statut' }).selectOption('resolved');
    await item.getByRole('textbox', { name: 'Réponse à l’agent' }).fill('Lien corrigé sur la fiche, merci !');
    await item.getByRole('button', { name: 'Enregistrer' }).click();
    await item.getByRole('status').filter({ hasText: 'Signalement mis à jour.' }).waitFor();
    await suite.expectAccessible('trust-reports-queue');

    await suite.context.clearCookies();
    await suite.signInAndOpen(agentEmail, '/mes-signalements');
    await suite.page.getByText('Lien corrigé sur la fiche, merci !').waitFor();
    await suite.page.getByText('Résolu', { exact: true }).waitFor();
  });

  it('(c) an administrator hands a query to a directorate: its "Vos manques" shows it with the note, another directorate’s does not', async () => {
    const signedIn = await suite.page.request.post(`${suite.url}/auth/dev-login`, { data: { email: 'admin@region.example' } });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const assigned = await suite.page.request.post(`${suite.url}/api/insights/gaps`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { action: 'assigned', query: 'borne vélo électrique', directorateId, note: 'Demandé par trois Maisons.' },
    });
    expect(assigned.status()).toBe(201);
    await suite.page.goto(`${suite.url}/directions/${directorateId}/manques`);
    await suite.page
      .getByRole('heading', { level: 1, name: 'Vos manques — Direction de la Transition écologique et énergétique' })
      .waitFor();
    const row = suite.page.getByRole('row').filter({ hasText: 'borne vélo électrique' });
    await row.getByText(/^Confiée à votre direction par .+ le \d{1,2} \S+ \d{4} : « Demandé par trois Maisons\. »$/).waitFor();
    // Not searched this month, in no theme: said so.
    await row.getByRole('cell', { name: 'Sans thème' }).waitFor();
    await row.getByRole('cell', { name: 'Pas sur la période' }).waitFor();
    await suite.expectAccessible('trust-gaps-assigned');
    const other = (await suite.ctx.db('directorates').whereNot({ id: directorateId }).orderBy('name').first('id', 'name')) as {
      id: string;
      name: string;
    };
    await suite.page.getByRole('combobox', { name: 'Direction' }).selectOption(other.id);
    await suite.page.getByRole('heading', { level: 1, name: `Vos manques — ${other.name}` }).waitFor();
    expect(suite.page.url()).toBe(`${suite.url}/directions/${other.id}/manques`);
    await suite.page.getByRole('heading', { level: 2, name: 'Signalements ouverts' }).waitFor();
    expect(await suite.page.getByText('borne vélo électrique').count()).toBe(0);
  });
});
