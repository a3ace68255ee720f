import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seed } from '../../server/seed';
import { createTestContext, type TestContext } from '../context';
import { launchBrowser, screenshot, seriousAccessibilityViolations, serveApp, browserTestTimeoutMs } from './harness';

describe('signing in and out in a real browser (embedded default)', { timeout: browserTestTimeoutMs }, () => {
  let ctx: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let page: Page;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seed(ctx.db);
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

  it('lists the demo accounts by group, without serious accessibility violations', async () => {
    await page.goto(`${server.url}/connexion`);
    await page.getByRole('heading', { name: "Maisons de Région (agents d'accueil)" }).waitFor();
    expect(await page.getByRole('button', { name: /^Se connecter en tant que/ }).count()).toBe(11);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-dev-accounts');
  });

  it('with the keyboard only: from the header to an account, then name, role and Maison in the header, then sign-out', async () => {
    await page.goto(`${server.url}/`);
    const signInLink = page.getByRole('link', { name: 'Se connecter' }).first();
    await signInLink.waitFor();
    await signInLink.focus();
    await page.keyboard.press('Enter');
    const account = page.getByRole('button', { name: "Se connecter en tant que Agent d'accueil Alès" });
    await account.waitFor();
    await account.focus();
    await page.keyboard.press('Enter');

    const status = page.getByRole('region', { name: 'Votre session' });
    await expect.poll(() => status.textContent()).toContain("Agent d'accueil Alès");
    expect(await status.textContent()).toContain("Agent d'accueil · Maison de Région d'Alès");
    expect(await page.evaluate(() => location.pathname)).toBe('/');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'signed-in-agent');

    await status.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => status.textContent()).toContain('Se connecter');
    await page.reload();
    await expect.poll(() => status.textContent()).toContain('Se connecter');
  });

  it('comes back to the page asked for after sign-in', async () => {
    await page.goto(`${server.url}/connexion?retour=${encodeURIComponent('/page-introuvable')}`);
    await page.getByRole('button', { name: 'Se connecter en tant que Administrateur Région' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/page-introuvable');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
  });
});
