import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seed } from '../../server/seed';
import { createTestContext, type TestContext } from '../context';
import { launchBrowser, screenshot, seriousAccessibilityViolations, serveApp, browserTestTimeoutMs } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';
const schemeName = 'Gîtes durables';

describe('verified content and reports, in a real browser', { timeout: browserTestTimeoutMs }, () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let context: BrowserContext;
  let page: Page;
  let schemeId: string;
  let directorateId: string;
  const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date());

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seed(ctx.db);
    const editor = request.agent(ctx.app);
    const csrf = (await editor.post('/auth/dev-login').send({ email: editorEmail }).expect(200)).body.csrfToken as string;
    const tourisme = (await ctx.db('folders').whereNull('parent_id').where({ name: 'Tourisme' }).first('id')).id as string;
    directorateId = (await ctx.db('directorates').where({ code: 'DTEE' }).first('id')).id as string;
    const scheme = await editor
      .post('/api/folders')
      .set('X-CSRF-Token', csrf)
      .send({ name: schemeName, parentId: tourisme, scheme: { directorateId, isPermanent: true, promise: 'Rénover les gîtes ruraux', referent: { service: 'Service Tourisme' } } })
      .expect(201);
    schemeId = scheme.body.folder.id as string;
    // Checked long ago: overdue for its review.
    await ctx.db('folders').where({ id: schemeId }).update({ verified_at: ctx.db.raw(`now() - interval '200 days'`) });
    [browser, server] = await Promise.all([launchBrowser(), serveApp(ctx.app)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(5000);
  });
  afterEach(async () => {
    await context.close();
  });

  async function signInAndOpen(email: string, path: string) {
    expect((await page.request.post(`${server.url}/auth/dev-login`, { data: { email } })).status()).toBe(200);
    await page.goto(`${server.url}${path}`);
  }
  async function expectAccessible(name: string) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('(a) an agent sees "À vérifier" on an overdue card, reports it through the dialog, and follows the report in "Mes signalements"', async () => {
    await signInAndOpen(agentEmail, `/dossiers/${schemeId}`);
    const card = page.getByRole('region', { name: 'Fiche du dispositif' });
    await card.getByText('À vérifier', { exact: true }).waitFor();
    expect(await card.getByText(/^Vérifié le \d{1,2} \S+ \d{4}$/).count()).toBe(1);
    // An agent has no verification button.
    expect(await page.getByRole('button', { name: /Marquer comme vérifiée/ }).count()).toBe(0);

    await page.getByRole('button', { name: `Signaler un problème sur « ${schemeName} »` }).click();
    const dialog = page.getByRole('dialog', { name: 'Signaler un problème' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Lien cassé' }).check();
    await dialog.getByRole('textbox', { name: 'Commentaire' }).fill('Le lien <b>Déposer</b> mène à une page 404.');
    await expectAccessible('trust-report-dialog');
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.getByRole('status').filter({ hasText: 'Merci : votre signalement est transmis à' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    // Focus is back on the button that opened the dialog.
    expect(await page.getByRole('button', { name: `Signaler un problème sur « ${schemeName} »` }).evaluate((element) => element === document.activeElement)).toBe(true);

    await page.getByRole('link', { name: 'Mes signalements' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mes signalements' }).waitFor();
    // The comment is shown as the agent typed it: text, not HTML.
    await page.getByText('Le lien <b>Déposer</b> mène à une page 404.').waitFor();
    expect(await page.locator('.report-list b').count()).toBe(0);
    await page.getByText('Nouveau', { exact: true }).waitFor();
    await expectAccessible('trust-my-reports');
  });

  it('(b) the editor verifies the overdue card in one click from "À vérifier", then answers the report; the agent sees the answer', async () => {
    // Before acting: the week's digest and "Vos manques" show the overdue card and the open report.
    await signInAndOpen(editorEmail, '/');
    await page.getByRole('link', { name: 'Vos manques' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vos manques — / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Signalements ouverts' }).waitFor();
    await page.getByText('Le lien <b>Déposer</b> mène à une page 404.').waitFor();
    await expectAccessible('trust-gaps');
    await page.getByRole('link', { name: 'Résumé de la semaine' }).click();
    await page.getByRole('heading', { level: 2, name: 'Fiches à vérifier (1)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Signalements ouverts (1)' }).waitFor();
    await expectAccessible('trust-digest');

    await page.getByRole('link', { name: 'À vérifier', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fiches à vérifier' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: schemeName });
    await row.waitFor();
    await expectAccessible('trust-verification-queue');
    await row.getByRole('button', { name: `Marquer comme vérifiée : « ${schemeName} »` }).click();
    await page.getByRole('status').filter({ hasText: 'Fiche vérifiée' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: schemeName }).count()).toBe(0);

    await page.goto(`${server.url}/dossiers/${schemeId}`);
    const card = page.getByRole('region', { name: 'Fiche du dispositif' });
    await card.getByText(`Vérifié le ${today}`).waitFor();
    expect(await card.getByText('À vérifier', { exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'Signalements reçus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signalements reçus' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Le lien <b>Déposer</b>' });
    await item.waitFor();
    await item.getByRole('combobox', { name: 'Statut' }).selectOption('resolved');
    await item.getByRole('textbox', { name: 'Réponse à l’agent' }).fill('Lien corrigé sur la fiche, merci !');
    await item.getByRole('button', { name: 'Enregistrer' }).click();
    await item.getByRole('status').filter({ hasText: 'Signalement mis à jour.' }).waitFor();
    await expectAccessible('trust-reports-queue');


    await context.clearCookies();
    await signInAndOpen(agentEmail, '/mes-signalements');
    await page.getByText('Lien corrigé sur la fiche, merci !').waitFor();
    await page.getByText('Résolu', { exact: true }).waitFor();
  });

  it('(c) an administrator hands a query to a directorate: its "Vos manques" shows it with the note, another directorate’s does not', async () => {
    const signedIn = await page.request.post(`${server.url}/auth/dev-login`, { data: { email: 'admin@region.example' } });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const assigned = await page.request.post(`${server.url}/api/insights/gaps`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { action: 'assigned', query: 'borne vélo électrique', directorateId, note: 'Demandé par trois Maisons.' },
    });
    expect(assigned.status()).toBe(201);
    await page.goto(`${server.url}/directions/${directorateId}/manques`);
    await page.getByRole('heading', { level: 1, name: 'Vos manques — Direction de la Transition écologique et énergétique' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'borne vélo électrique' });
    await row.getByText(/^Confiée à votre direction par .+ le \d{1,2} \S+ \d{4} : « Demandé par trois Maisons\. »$/).waitFor();
    // Not searched this month, in no theme: said so.
    await row.getByRole('cell', { name: 'Sans thème' }).waitFor();
    await row.getByRole('cell', { name: 'Pas sur la période' }).waitFor();
    await expectAccessible('trust-gaps-assigned');
    const other = (await ctx.db('directorates').whereNot({ id: directorateId }).orderBy('name').first('id', 'name')) as { id: string; name: string };
    await page.getByRole('combobox', { name: 'Direction' }).selectOption(other.id);
    await page.getByRole('heading', { level: 1, name: `Vos manques — ${other.name}` }).waitFor();
    expect(page.url()).toBe(`${server.url}/directions/${other.id}/manques`);
    await page.getByRole('heading', { level: 2, name: 'Signalements ouverts' }).waitFor();
    expect(await page.getByText('borne vélo électrique').count()).toBe(0);
  });
});
