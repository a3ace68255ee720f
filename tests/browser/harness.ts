import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { closeGracefully, listen } from '../../server/http/listen';
import { seed } from '../../server/seed';
import { createTestContext, type TestContext } from '../context';

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

/** What a browser test file needs set up around its tests. */
export interface BrowserSuiteOptions {
  /** The app's settings and services (every suite signs in often: the sign-in limit is raised). */
  context?: Parameters<typeof createTestContext>[0];
  /** Seeds the demo directorates, Maisons and accounts (default true). */
  seed?: boolean;
  /** Puts in place what the file's tests share (schemes, documents…), once, before the browser starts. */
  arrange?: (ctx: TestContext) => Promise<void>;
  /** Each test's browser context: French, Paris time, and these options (viewport, permissions…). */
  browserContext?: BrowserContextOptions;
  /** How long a locator waits before it fails with its name, instead of at the test's timeout. */
  defaultTimeoutMs?: number;
}

/** The app, a browser and one fresh page per test, as a browser test file reads them. */
export interface BrowserSuite {
  readonly ctx: TestContext;
  readonly browser: Browser;
  /** The app's address, `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** This test's browser context (its cookies), closed after the test. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** Another page, in a browser context of its own set up like the test's (another person), closed after the test. */
  newPage(): Promise<Page>;
  /** Signs the page's browser context in through the dev login; the session's CSRF token. */
  signIn(email: string, on?: Page): Promise<string>;
  /** Signs in, then opens `path` of the app. */
  signInAndOpen(email: string, path: string): Promise<void>;
  /** No serious accessibility violation on the page (the test's unless told), then a screenshot named `name`. */
  expectAccessible(name: string, on?: Page): Promise<void>;
}

/**
 * Registers the hooks of a browser test file (call it in its `describe`): a test context (seeded
 * unless told), `arrange`, the app served and Chromium launched once for the file; a browser
 * context and a page for each test, closed after it.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let ctx: TestContext | undefined;
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveApp>> | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const others: BrowserContext[] = [];
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the browser suite has no ${name} yet (used outside a test?)`);
    return value;
  };

  beforeAll(async () => {
    ctx = await createTestContext({ ...options.context, env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000', ...options.context?.env } });
    if (options.seed !== false) await seed(ctx.db);
    await options.arrange?.(ctx);
    [browser, server] = await Promise.all([launchBrowser(), serveApp(ctx.app)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.close();
  });
  async function openPage(): Promise<Page> {
    const opened = await (
      await ready(browser, 'browser').newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options.browserContext })
    ).newPage();
    if (options.defaultTimeoutMs !== undefined) opened.setDefaultTimeout(options.defaultTimeoutMs);
    return opened;
  }
  beforeEach(async () => {
    page = await openPage();
    context = page.context();
  });
  afterEach(async () => {
    await Promise.all([context, ...others.splice(0)].map((opened) => opened?.close()));
  });

  const suite: BrowserSuite = {
    get ctx() {
      return ready(ctx, 'test context');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get url() {
      return ready(server, 'server').url;
    },
    get context() {
      return ready(context, 'browser context');
    },
    get page() {
      return ready(page, 'page');
    },
    async newPage() {
      const opened = await openPage();
      others.push(opened.context());
      return opened;
    },
    async signIn(email, on = suite.page) {
      const response = await on.request.post(`${suite.url}/auth/dev-login`, { data: { email } });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { csrfToken: string }).csrfToken;
    },
    async signInAndOpen(email, path) {
      await suite.signIn(email);
      await suite.page.goto(`${suite.url}${path}`);
    },
    async expectAccessible(name, on = suite.page) {
      expect(await seriousAccessibilityViolations(on)).toEqual([]);
      await screenshot(on, name);
    },
  };
  return suite;
}

/** An API client signed in as `email` (dev login), to arrange what a test needs; its CSRF token. */
export async function apiSignedIn(ctx: TestContext, email: string): Promise<{ api: ReturnType<typeof request.agent>; csrf: string }> {
  const api = request.agent(ctx.app);
  const csrf = (await api.post('/auth/dev-login').send({ email }).expect(200)).body.csrfToken as string;
  return { api, csrf };
}

/** The id of the seeded theme (a top folder) named `name`. */
export async function themeIdNamed(ctx: TestContext, name: string): Promise<string> {
  return (await ctx.db('folders').whereNull('parent_id').where({ name }).first('id')).id as string;
}

/** The id of the seeded directorate whose code is `code`. */
export async function directorateIdOf(ctx: TestContext, code: string): Promise<string> {
  return (await ctx.db('directorates').where({ code }).first('id')).id as string;
}
