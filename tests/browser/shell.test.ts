import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite, browserTestTimeoutMs, screenshot, seriousAccessibilityViolations } from './harness';

describe('the app shell in a real browser', { timeout: browserTestTimeoutMs }, () => {
  // No seed: the shell as a first visitor sees it. No default timeout: the first load can be slow.
  const suite = browserSuite({ seed: false });

  it('loads in French with header, navigation, sign-in state and content, without serious accessibility violations', async () => {
    await suite.page.goto(suite.url);
    const session = suite.page.getByRole('region', { name: 'Votre session' });
    await expect.poll(() => session.getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true);
    expect(await suite.page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => suite.page.title()).toBe("Accueil — L'info pour tous");
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toBe("L'info pour tous");
    expect(
      await suite.page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Accueil' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await suite.page.getByRole('main').count()).toBe(1);
    expect(await suite.page.getByRole('banner').count()).toBe(1);
    expect(await seriousAccessibilityViolations(suite.page)).toEqual([]);
    expect(existsSync(await screenshot(suite.page, 'shell-home'))).toBe(true);
  });

  it('lets a keyboard user skip straight to the content', async () => {
    await suite.page.goto(suite.url);
    await suite.page.getByRole('region', { name: 'Votre session' }).getByRole('link', { name: 'Se connecter' }).waitFor();
    await suite.page.keyboard.press('Tab');
    const skip = suite.page.getByRole('link', { name: 'Aller au contenu' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await suite.page.keyboard.press('Enter');
    await expect.poll(() => suite.page.evaluate(() => document.activeElement?.id)).toBe('contenu');
  });

  it('shows a 404 page for an unknown address, with a way back', async () => {
    const response = await suite.page.goto(`${suite.url}/dispositifs/inconnu`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
    expect(await seriousAccessibilityViolations(suite.page)).toEqual([]);
    await screenshot(suite.page, 'shell-404');
    await suite.page.getByRole('link', { name: "Revenir à l'accueil" }).click();
    await expect.poll(() => suite.page.evaluate(() => location.pathname)).toBe('/');
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toBe("L'info pour tous");
  });
});
