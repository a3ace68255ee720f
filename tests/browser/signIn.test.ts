import { describe, expect, it } from 'vitest';
import { browserSuite, browserTestTimeoutMs, screenshot, seriousAccessibilityViolations } from './harness';

describe('signing in and out in a real browser (embedded default)', { timeout: browserTestTimeoutMs }, () => {
  const suite = browserSuite();

  it('lists the demo accounts by group, without serious accessibility violations', async () => {
    await suite.page.goto(`${suite.url}/connexion`);
    await suite.page.getByRole('heading', { name: "Maisons de Région (agents d'accueil)" }).waitFor();
    expect(await suite.page.getByRole('button', { name: /^Se connecter en tant que/ }).count()).toBe(11);
    expect(await seriousAccessibilityViolations(suite.page)).toEqual([]);
    await screenshot(suite.page, 'sign-in-dev-accounts');
  });

  it('with the keyboard only: from the header to an account, then name, role and Maison in the header, then sign-out', async () => {
    await suite.page.goto(`${suite.url}/`);
    const signInLink = suite.page.getByRole('link', { name: 'Se connecter' }).first();
    await signInLink.waitFor();
    await signInLink.focus();
    await suite.page.keyboard.press('Enter');
    const account = suite.page.getByRole('button', { name: "Se connecter en tant que Agent d'accueil Alès" });
    await account.waitFor();
    await account.focus();
    await suite.page.keyboard.press('Enter');

    const status = suite.page.getByRole('region', { name: 'Votre session' });
    await expect.poll(() => status.textContent()).toContain("Agent d'accueil Alès");
    expect(await status.textContent()).toContain("Agent d'accueil · Maison de Région d'Alès");
    expect(await suite.page.evaluate(() => location.pathname)).toBe('/');
    expect(await seriousAccessibilityViolations(suite.page)).toEqual([]);
    await screenshot(suite.page, 'signed-in-agent');

    await status.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => status.textContent()).toContain('Se connecter');
    await suite.page.reload();
    await expect.poll(() => status.textContent()).toContain('Se connecter');
  });

  it('comes back to the page asked for after sign-in', async () => {
    await suite.page.goto(`${suite.url}/connexion?retour=${encodeURIComponent('/page-introuvable')}`);
    await suite.page.getByRole('button', { name: 'Se connecter en tant que Administrateur Région' }).click();
    await expect.poll(() => suite.page.evaluate(() => location.pathname)).toBe('/page-introuvable');
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
  });
});
