import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seed } from '../../server/seed';
import { createTestContext, type TestContext } from '../context';
import { makeDocx, makePdf } from '../fixtures/files';
import { drainJobs } from '../jobs';
import { launchBrowser, screenshot, seriousAccessibilityViolations, serveApp, browserTestTimeoutMs } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';

describe('what search sees, thumbnails and the PDF viewer, in a real browser', { timeout: browserTestTimeoutMs }, () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let page: Page;
  const ids = { guide: '', note: '' };

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seed(ctx.db);
    const editor = request.agent(ctx.app);
    const csrf = (await editor.post('/auth/dev-login').send({ email: editorEmail }).expect(200)).body.csrfToken as string;
    const theme = (await ctx.db('folders').whereNull('parent_id').where({ name: 'Tourisme' }).first('id')).id as string;
    const directorateId = (await ctx.db('directorates').where({ code: 'DTEE' }).first('id')).id as string;
    const scheme = await editor
      .post('/api/folders')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'Hébergements durables', parentId: theme, scheme: { directorateId, isPermanent: true, promise: 'Des hébergements touristiques plus sobres' } })
      .expect(201);
    const upload = async (title: string, file: Buffer, filename: string) =>
      (
        await editor
          .post('/api/documents')
          .set('X-CSRF-Token', csrf)
          .field('folderId', scheme.body.folder.id as string)
          .field('title', title)
          .field('status', 'published')
          .attach('file', file, filename)
          .expect(201)
      ).body.document.id as string;
    ids.guide = await upload(
      'Guide des hébergements durables',
      await makePdf([
        'Présentation du dispositif régional pour les hébergements touristiques.',
        'Conditions générales : les entreprises du tourisme installées dans la Région.',
        'Le Camping des Pins a réduit ses consommations : économies d’eau de 30 %, récupérateurs de pluie. Un camping classé peut demander l’aide.',
        'Dépenses éligibles : mousseurs, chasses d’eau économes. Les économies réalisées sont mesurées un an après.',
      ]),
      'guide.pdf',
    );
    ids.note = await upload('Note sur les campings', makeDocx(['Les campings et les économies d’énergie.']), 'note.docx');
    expect(await drainJobs(ctx)).toEqual([]);
    // Thumbnails are drawn on first request; drawn here, the browser's checks do not wait on a busy machine.
    await editor.get(`/api/documents/${ids.guide}/thumbnail?version=1`).expect(200);
    [browser, server] = await Promise.all([launchBrowser(), serveApp(ctx.app)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(10000);
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function signInAndOpen(email: string, path: string) {
    expect((await page.request.post(`${server.url}/auth/dev-login`, { data: { email } })).status()).toBe(200);
    await page.goto(`${server.url}${path}`);
  }
  async function expectAccessible(name: string) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, name);
  }
  const focusedKey = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.hitKey ?? document.activeElement?.textContent ?? '');
  const viewerStatus = () => page.locator('p[role=status].viewer__status');
  const marks = () => page.locator('.textLayer mark.viewer__match');

  it('results show the first page beside a PDF and an icon beside a Word file when the screen has room; none on a narrow screen', async () => {
    await signInAndOpen(agentEmail, '/?q=camping%20economies%20eau');
    const guide = page.locator('.doc-hit').filter({ hasText: 'Guide des hébergements durables' });
    await guide.waitFor();
    const thumbnail = guide.locator('img.thumbnail');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    // Decorative: the title beside it says what it is.
    expect(await thumbnail.getAttribute('alt')).toBe('');
    const note = page.locator('.doc-hit').filter({ hasText: 'Note sur les campings' });
    expect(await note.locator('.thumbnail--icon').textContent()).toBe('DOCX');
    expect(await note.locator('.thumbnail--icon').getAttribute('aria-hidden')).toBe('true');
    await expectAccessible('viewer-results-thumbnails-1280');

    await page.setViewportSize({ width: 800, height: 1000 });
    expect(await thumbnail.isVisible()).toBe(false);
    await screenshot(page, 'viewer-results-800');
  });

  it('a hit opens the viewer at its page with the words highlighted (accents ignored), pages and occurrences from the keyboard, Escape goes back with focus on the hit', async () => {
    await signInAndOpen(agentEmail, '/');
    await page.getByRole('searchbox', { name: 'Rechercher un dispositif ou un document' }).fill('camping economies eau');
    const link = page.getByRole('link', { name: /^Guide des hébergements durables — lire le PDF à la page 3, mots surlignés$/ });
    await link.focus();
    await page.keyboard.press('Enter');

    await expect.poll(() => new URL(page.url()).pathname).toBe(`/documents/${ids.guide}/lecture`);
    expect(new URL(page.url()).searchParams.get('page')).toBe('3');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Guide des hébergements durables');
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 3 sur 4, \d+ occurrences sur cette page, occurrence 1 sur \d+$/);
    const highlighted = (await marks().allTextContents()).map((word) => word.toLowerCase());
    expect(highlighted).toEqual(expect.arrayContaining(['camping', 'économies', 'eau']));
    // The text layer is real text, the page a region with its number; the canvas is hidden from screen readers.
    expect(await page.getByRole('region', { name: 'Page 3 sur 4' }).textContent()).toContain('Le Camping des Pins a réduit ses consommations');
    expect(await page.locator('.viewer__page canvas').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('.viewer__match--current').count()).toBe(1);
    await expectAccessible('viewer-page-3');

    // → and ←: the next page and back; each page replaces the last in the history.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4/);
    expect(new URL(page.url()).searchParams.get('page')).toBe('4');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 3 sur 4/);

    // F3 walks the occurrences, then on to the next page that has one; Maj+F3 comes back.
    const count = Number(/(\d+) occurrences/.exec((await viewerStatus().textContent()) ?? '')?.[1]);
    for (let i = 2; i <= count; i += 1) {
      await page.keyboard.press('F3');
      await expect.poll(() => viewerStatus().textContent()).toContain(`occurrence ${i} sur ${count}`);
    }
    await page.keyboard.press('F3');
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4, \d+ occurrences? sur cette page, occurrence 1 sur/);
    expect((await marks().allTextContents()).map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(['économies', 'eau']));
    await page.keyboard.press('Shift+F3');
    await expect.poll(() => viewerStatus().textContent()).toBe(`Page 3 sur 4, ${count} occurrences sur cette page, occurrence ${count} sur ${count}`);
    // The buttons do the same for whoever tabs to them.
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4/);

    // Escape: back to the same results, focus on the document that was opened.
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expect.poll(focusedKey).toBe(`document:${ids.guide}`);
  });

  it('the Back button of the browser returns from the viewer to the results as well', async () => {
    await signInAndOpen(agentEmail, '/?q=camping%20economies%20eau');
    await page.getByRole('link', { name: /^Guide des hébergements durables — lire le PDF/ }).click();
    await expect.poll(() => marks().count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4/);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await expect.poll(focusedKey).toBe(`document:${ids.guide}`);
  });

  it('the editor sees what search sees of the document: its first page and its text per page', async () => {
    await signInAndOpen(editorEmail, `/documents/${ids.guide}`);
    const section = page.getByRole('region', { name: 'Ce que la recherche voit' });
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Pages 1 à 4 sur 4');
    expect(await section.locator('summary').allTextContents()).toEqual([
      expect.stringMatching(/^Page 1 — \d+ mots$/),
      expect.stringMatching(/^Page 2 — \d+ mots$/),
      expect.stringMatching(/^Page 3 — \d+ mots$/),
      expect.stringMatching(/^Page 4 — \d+ mots$/),
    ]);
    const third = section.locator('details').nth(2);
    expect(await third.locator('pre').isVisible()).toBe(false);
    await third.locator('summary').click();
    expect(await third.locator('pre').isVisible()).toBe(true);
    expect(await third.locator('pre').textContent()).toContain('Le Camping des Pins a réduit ses consommations');
    const thumbnail = page.getByRole('region', { name: 'Fichier' }).locator('img.thumbnail');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(await thumbnail.getAttribute('src')).toBe(`/api/documents/${ids.guide}/thumbnail?version=1`);
    await expectAccessible('viewer-document-page');
  });
});
