import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../context';
import { launchBrowser, screenshot, seriousAccessibilityViolations, serveApp, browserTestTimeoutMs } from './harness';

describe('the app shell in a real browser', { timeout: browserTestTimeoutMs }, () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let page: Page;

  beforeAll(async () => {
    ctx = await createTestContext();
    [browser, server] = await Promise.all([launchBrowser(), serveApp(ctx.app)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('loads in French with header, navigation, sign-in state and content, without serious accessibility violations', async () => {
    await page.goto(server.url);
    const session = page.getByRole('region', { name: 'Votre session' });
    await expect.poll(() => session.getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => page.title()).toBe("Accueil — L'info pour tous");
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("L'info pour tous");
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(existsSync(await screenshot(page, 'shell-home'))).toBe(true);
  });

  it('lets a keyboard user skip straight to the content', async () => {
    await page.goto(server.url);
    await page.getByRole('region', { name: 'Votre session' }).getByRole('link', { name: 'Se connecter' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contenu');
  });

  it('shows a 404 page for an unknown address, with a way back', async () => {
    const response = await page.goto(`${server.url}/dispositifs/inconnu`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'shell-404');
    await page.getByRole('link', { name: "Revenir à l'accueil" }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("L'info pour tous");
  });
});
