import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Express } from 'express';
import { closeGracefully, listen } from '../../server/http/listen';

/** Debian's Chromium, driven by playwright-core; no browser is ever downloaded. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * A browser test walks whole screens (typing, several accessibility checks): on a loaded machine
 * one can take a minute. Each step waits for its event; this only bounds a test that hangs.
 */
export const browserTestTimeoutMs = 120_000;
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

/** The app on a free loopback port, for a browser to open. */
export async function serveApp(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await listen(app, '127.0.0.1', 0);
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => closeGracefully(server, 1000) };
}

/** axe-core over the page (WCAG 2.1 A and AA rules): the serious and critical violations found. */
export async function seriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

export const artifactsDir = path.resolve(import.meta.dirname, '..', 'artifacts');

/** A full-page screenshot under tests/artifacts/ (git-ignored), to look at after a run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
