import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app';
import { seed } from '../../server/seed';
import { createSearch } from '../../search';
import { createTestContext, type TestContext } from '../context';
import { makePdf, makeText } from '../fixtures/files';
import { drainJobs } from '../jobs';
import { launchBrowser, screenshot, seriousAccessibilityViolations, serveApp } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';

describe('the agent search screen in a real browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let page: Page;
  const ids: Record<'synthese' | 'reglement' | 'faq', string> = { synthese: '', reglement: '', faq: '' };

  /** Creates a scheme and uploads documents through the API as the DTEE editor, then runs extraction and indexing. */
  async function arrangeIndexedDocuments() {
    const editor = request.agent(ctx.app);
    const signIn = await editor.post('/auth/dev-login').send({ email: editorEmail }).expect(200);
    const csrf = signIn.body.csrfToken as string;
    const folderId = async (name: string) => (await ctx.db('folders').whereNull('parent_id').where({ name }).first('id')).id as string;
    const directorateId = (await ctx.db('directorates').where({ code: 'DTEE' }).first('id')).id as string;
    const createScheme = async (name: string, theme: string, scheme: Record<string, unknown>) => {
      const response = await editor
        .post('/api/folders')
        .set('X-CSRF-Token', csrf)
        .send({ name, parentId: await folderId(theme), scheme: { directorateId, isPermanent: true, ...scheme } })
        .expect(201);
      return response.body.folder.id as string;
    };
    const upload = async (folder: string, fields: Record<string, string>, file: Buffer, filename: string) => {
      const post = editor.post('/api/documents').set('X-CSRF-Token', csrf);
      for (const [name, value] of Object.entries({ folderId: folder, status: 'published', scope: 'internal', ...fields })) post.field(name, value);
      return (await post.attach('file', file, filename).expect(201)).body.document.id as string;
    };

    const ecEau = await createScheme("Ec'Eau Tourisme", 'Tourisme', {
      promise: 'Financer les équipements hydro-économes des hébergements touristiques',
      audiences: ['entreprises'],
      aidTypes: ['subvention'],
      referent: { name: 'Chargée de mission Eau', service: 'Service Eau', email: 'mission.eau@region.example', phone: '04 67 22 80 00' },
    });
    const velo = await createScheme('Vélo pour tous', 'Transport et mobilité', { promise: 'Une aide à l’achat d’un vélo', audiences: ['particuliers'] });
    ids.synthese = await upload(
      ecEau,
      { title: 'Fiche synthèse Ec’Eau', docType: 'fiche_synthese', scope: 'external' },
      await makePdf([
        'Présentation générale du dispositif régional pour le tourisme durable.',
        'Bénéficiaires : les gestionnaires de camping. Dépenses éligibles : équipements hydro-économes, économies d’eau, récupération des eaux de pluie.',
      ]),
      'eceau.pdf',
    );
    ids.reglement = await upload(
      ecEau,
      { title: 'Règlement d’intervention Ec’Eau', docType: 'reglement' },
      await makePdf([
        'Article 1. Le camping doit être classé.',
        'Article 2. Le dossier comprend les devis.',
        'Article 3. Les travaux du camping sont achevés dans les deux ans.',
      ]),
      'reglement.pdf',
    );
    ids.faq = await upload(velo, { title: 'FAQ vélo', docType: 'faq' }, makeText('Peut-on aller au camping à vélo ? Oui, la Région aide aussi les vélos cargos.'), 'faq.txt');
    expect(await drainJobs(ctx)).toEqual([]);
  }

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seed(ctx.db);
    await arrangeIndexedDocuments();
    [browser, server] = await Promise.all([launchBrowser(), serveApp(ctx.app)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
    page.setDefaultTimeout(5000);
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function signInAndOpen(email: string, path: string, url = server.url) {
    expect((await page.request.post(`${url}/auth/dev-login`, { data: { email } })).status()).toBe(200);
    await page.goto(`${url}${path}`);
  }

  const searchBox = () => page.getByRole('search').getByRole('searchbox', { name: 'Rechercher un dispositif ou un document' });
  const count = () => page.locator('p[role=status].search-count');
  /** The count announced once the answer for what is in the box has arrived. */
  const settledCount = async () => {
    await expect.poll(() => page.locator('.search-layout').getAttribute('aria-busy')).toBe('false');
    return count().textContent();
  };
  const results = () => page.getByRole('list', { name: /^(Résultats|Documents les plus récents)$/ });
  const hit = (title: string) => results().getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

  async function expectAccessible(name: string) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('an agent types a need with the keyboard: the expected document, its page, the count announced; ↓ then Enter opens it', async () => {
    await signInAndOpen(agentEmail, '/');
    await expect.poll(() => searchBox().evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.title()).toBe("Recherche — L'info pour tous");
    // Empty box: the most recent documents.
    await expect.poll(() => count().textContent()).toBe('3 résultats');
    await expectAccessible('search-home');

    await page.keyboard.type('camping économies eau');
    await expect.poll(() => page.getByRole('heading', { name: 'Résultats', level: 2 }).count()).toBe(1);
    await expect.poll(() => results().getByRole('link').first().textContent()).toBe('Fiche synthèse Ec’Eau');
    const announced = await settledCount();
    const shown = await results().locator('h3').count();
    expect(announced).toBe(shown === 1 ? '1 résultat' : `${shown} résultats`);
    expect(page.url()).toContain('q=camping+%C3%A9conomies+eau');

    const first = hit('Fiche synthèse Ec’Eau');
    expect(await first.textContent()).toContain("Ec'Eau Tourisme");
    expect(await first.textContent()).toContain('Permanent');
    expect(await first.textContent()).toContain('Fiche synthèse');
    expect(await first.textContent()).toContain('Externe');
    expect(await first.textContent()).toContain('page 2');
    expect(await first.locator('.snippet mark').allTextContents()).toContain('camping');

    // The PDF at the page that matched, in a new tab, served inline.
    const open = first.getByRole('link', { name: /^Ouvrir à la page 2/ });
    expect(await open.getAttribute('href')).toBe(`/api/documents/${ids.synthese}/file#page=2`);
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('rel')).toContain('noopener');
    expect(await open.textContent()).toContain('(nouvel onglet)');
    const file = await page.request.get(`${server.url}/api/documents/${ids.synthese}/file#page=2`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(file.headers()['content-disposition']).toMatch(/^inline;/);

    // Who to call at headquarters.
    expect(await first.textContent()).toContain('Qui contacter');
    expect(await first.textContent()).toContain('Chargée de mission Eau');
    expect(await first.textContent()).toContain('Service Eau');
    expect(await first.getByRole('link', { name: 'mission.eau@region.example' }).getAttribute('href')).toBe('mailto:mission.eau@region.example');
    expect(await first.getByRole('link', { name: '04 67 22 80 00' }).getAttribute('href')).toBe('tel:0467228000');
    await expectAccessible('search-results');

    // ↓ from the box to the first result, ↓ ↑ between results, ↑ back to the box.
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe('Fiche synthèse Ec’Eau');
    if (shown > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await focusedText()).not.toBe('Fiche synthèse Ec’Eau');
      await page.keyboard.press('ArrowUp');
    }
    await page.keyboard.press('ArrowUp');
    expect(await searchBox().evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fiche synthèse Ec’Eau');
    expect(new URL(page.url()).pathname).toBe(`/documents/${ids.synthese}`);

    // Back: the same search, and Esc clears it.
    await page.goBack();
    await expect.poll(() => searchBox().inputValue()).toBe('camping économies eau');
    await expect.poll(() => results().getByRole('link').first().textContent()).toBe('Fiche synthèse Ec’Eau');
    expect(await searchBox().evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await searchBox().inputValue()).toBe('');
    await expect.poll(() => page.getByRole('heading', { name: 'Documents les plus récents', level: 2 }).count()).toBe(1);
    await expect.poll(() => count().textContent()).toBe('3 résultats');
    expect(new URL(page.url()).search).toBe('');
  });

  it('a facet checkbox narrows the results; the other values of the facet stay offered with their counts', async () => {
    await signInAndOpen(agentEmail, '/');
    await searchBox().waitFor();
    await page.keyboard.type('camping');
    expect(await settledCount()).toBe('3 résultats');
    const docTypes = page.getByRole('group', { name: 'Type de document' });
    expect(await docTypes.getByRole('checkbox').count()).toBe(3);
    expect(await page.getByRole('group', { name: 'Thème' }).getByRole('checkbox', { name: 'Tourisme (2)' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Public' }).getByRole('checkbox', { name: 'Particuliers (1)' }).count()).toBe(1);

    const faq = docTypes.getByRole('checkbox', { name: 'FAQ (1)' });
    await faq.focus();
    await page.keyboard.press('Space');
    expect(await settledCount()).toBe('1 résultat');
    expect(await results().getByRole('link', { name: 'FAQ vélo', exact: true }).count()).toBe(1);
    expect(page.url()).toContain('docType=faq');
    expect(await faq.isChecked()).toBe(true);
    expect(await docTypes.getByRole('checkbox', { name: 'Fiche synthèse (1)' }).isChecked()).toBe(false);
    await expectAccessible('search-facet');

    await docTypes.getByRole('checkbox', { name: /^Fiche synthèse/ }).check();
    expect(await settledCount()).toBe('2 résultats');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    expect(await settledCount()).toBe('3 résultats');
    expect(await page.getByRole('checkbox', { name: 'Inclure les dispositifs clos' }).isChecked()).toBe(false);
  });

  it('"Toutes les pages qui correspondent" lists every matching page of a document, each openable', async () => {
    await signInAndOpen(agentEmail, `/?q=camping`);
    const reglement = hit('Règlement d’intervention Ec’Eau');
    const expander = reglement.getByRole('button', { name: /^Toutes les pages qui correspondent/ });
    await expander.waitFor();
    expect(await expander.getAttribute('aria-expanded')).toBe('false');
    await expander.click();
    expect(await expander.getAttribute('aria-expanded')).toBe('true');
    const pages = reglement.getByRole('list');
    await expect.poll(() => pages.getByRole('listitem').count()).toBe(2);
    expect(await reglement.getByRole('status').textContent()).toBe('2 pages correspondent.');
    expect(await pages.textContent()).toContain('Page 1');
    expect(await pages.textContent()).toContain('Page 3');
    expect(await pages.getByRole('link', { name: /^Ouvrir à la page 3/ }).getAttribute('href')).toBe(`/api/documents/${ids.reglement}/file#page=3`);
    await expectAccessible('search-all-pages');
    await expander.click();
    expect(await pages.isVisible()).toBe(false);
  });

  it('an answer that arrives late never replaces a newer one', async () => {
    await signInAndOpen(agentEmail, '/');
    await searchBox().waitFor();
    await expect.poll(() => count().textContent()).toBe('3 résultats');
    // The first search ("vélo") is slowed down on the way back; the second ("règlement") is not.
    let slowed = 0;
    let slowAnswerSettled: Promise<unknown> = Promise.resolve();
    await page.route(/\/api\/search\?q=v%C3%A9lo/, (route) => {
      slowed += 1;
      slowAnswerSettled = (async () => {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // Refused when the page has already cancelled the request (what AbortController does).
        await route.fulfill({ response }).catch(() => undefined);
      })();
    });
    const slowRequest = page.waitForRequest(/\/api\/search\?q=v%C3%A9lo/);
    await page.keyboard.type('vélo');
    await slowRequest;
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('règlement');
    await expect.poll(() => results().getByRole('link').first().textContent()).toBe('Règlement d’intervention Ec’Eau');
    const settled = await count().textContent();
    expect(slowed).toBe(1);
    await slowAnswerSettled;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await count().textContent()).toBe(settled);
    expect(await results().getByRole('link').first().textContent()).toBe('Règlement d’intervention Ec’Eau');
    expect(await results().getByRole('link', { name: 'FAQ vélo', exact: true }).count()).toBe(0);
  });

  it('"Plus de résultats" adds the next page and moves focus to its first result', async () => {
    const editor = request.agent(ctx.app);
    const csrf = (await editor.post('/auth/dev-login').send({ email: editorEmail }).expect(200)).body.csrfToken as string;
    const folder = (await ctx.db('folders').where({ name: 'Vélo pour tous' }).first('id')).id as string;
    for (let i = 1; i <= 20; i++) {
      await editor
        .post('/api/documents')
        .set('X-CSRF-Token', csrf)
        .field('folderId', folder)
        .field('title', `Note cyclable ${i}`)
        .field('status', 'published')
        .attach('file', makeText(`Piste cyclable numéro ${i}.`), `note-${i}.txt`)
        .expect(201);
    }
    expect(await drainJobs(ctx)).toEqual([]);
    await signInAndOpen(agentEmail, '/');
    await expect.poll(() => results().locator('h3').count()).toBe(20);
    // Meilisearch's count is an estimate here (it may count pages rather than documents).
    expect(await count().textContent()).toMatch(/^2\d résultats$/);
    await page.getByRole('button', { name: 'Plus de résultats' }).click();
    await expect.poll(() => results().locator('h3').count()).toBe(23);
    expect(await count().textContent()).toBe('23 résultats');
    const titles = await results().locator('h3').allTextContents();
    expect(new Set(titles).size).toBe(23);
    expect(await focusedText()).toBe(titles[20]);
    expect(await page.getByRole('button', { name: 'Plus de résultats' }).count()).toBe(0);
  });

  it('shows the degraded banner when Meilisearch does not answer (PostgreSQL answers instead)', async () => {
    const { webDir } = inject('services');
    const unreachable = createSearch({ url: 'http://127.0.0.1:9', indexPrefix: 'absent' });
    const degradedApp = createApp({ ...ctx, search: unreachable, webDir });
    const degraded = await serveApp(degradedApp);
    try {
      await signInAndOpen(agentEmail, '/?q=camping', degraded.url);
      const banner = page.getByRole('status').filter({ hasText: 'mode dégradé' });
      await expect.poll(() => banner.textContent()).toBe('La recherche fonctionne en mode dégradé : les résultats peuvent être moins pertinents.');
      await expect.poll(() => results().getByRole('link', { name: 'Fiche synthèse Ec’Eau', exact: true }).count()).toBe(1);
      // Every page of a document is a question for Meilisearch: not offered meanwhile.
      expect(await results().getByRole('button', { name: /^Toutes les pages/ }).count()).toBe(0);
      await expectAccessible('search-degraded');
    } finally {
      await degraded.close();
    }
  });

  it('keeps the welcome page for signed-out visitors', async () => {
    await page.goto(server.url);
    await page.getByRole('region', { name: 'Votre session' }).getByRole('link', { name: 'Se connecter' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("L'info pour tous");
    expect(await page.getByRole('search').count()).toBe(0);
  });
});
