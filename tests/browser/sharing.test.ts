import type { Locator, Page } from 'playwright-core';
import type request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../fixtures/files';
import { drainJobs } from '../jobs';
import { apiSignedIn, browserSuite, browserTestTimeoutMs, directorateIdOf, screenshot, themeIdNamed } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';
/** A phone's browser: the server does not count headless browsers as visitors. */
const phoneUserAgent = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
/** A document's public link; an agent's carries their Maison's signed parameter. */
const publicLink = /^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{21}(\?maison=MR-ALES\.[\w-]{22})?$/;
const schemePageLink = /^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]{21}(\?maison=MR-ALES\.[\w-]{22})?$/;

describe('sharing the public link of an external document, in a real browser', { timeout: browserTestTimeoutMs }, () => {
  let editor: ReturnType<typeof request.agent>;
  let csrf: string;
  let schemeId: string;

  /** Uploads a PDF through the API as the DTEE editor, published, then runs extraction and indexing. */
  async function arrangeDocument(title: string, scope: 'internal' | 'external' = 'external') {
    const post = editor.post('/api/documents').set('X-CSRF-Token', csrf);
    const fields = {
      folderId: schemeId,
      title,
      summary: `${title} : qui peut en bénéficier, comment déposer sa demande.`,
      docType: 'fiche_synthese',
      scope,
      status: 'published',
    };
    for (const [name, value] of Object.entries(fields)) post.field(name, value);
    const pdf = await makePdf([
      `${title}. Les gîtes ruraux qui rénovent leur toiture reçoivent une aide.`,
      'Montants et pièces à fournir.',
    ]);
    const id = (await post.attach('file', pdf, 'fiche-gites.pdf').expect(201)).body.document.id as string;
    expect(await drainJobs(suite.ctx)).toEqual([]);
    return id;
  }

  const suite = browserSuite({
    context: { withSearchIndex: true, env: { SHARE_RATE_LIMIT_PER_MINUTE: '1000' } },
    arrange: async (ctx) => {
      ({ api: editor, csrf } = await apiSignedIn(ctx, editorEmail));
      const scheme = await editor
        .post('/api/folders')
        .set('X-CSRF-Token', csrf)
        .send({
          name: 'Gîtes durables',
          parentId: await themeIdNamed(ctx, 'Tourisme'),
          scheme: {
            directorateId: await directorateIdOf(ctx, 'DTEE'),
            isPermanent: true,
            promise: 'Rénover les gîtes ruraux',
            referent: {
              name: 'Chargée de mission Eau',
              service: 'Service Tourisme',
              email: 'mission.eau@region.example',
              phone: '04 67 22 80 00',
            },
          },
        })
        .expect(201);
      schemeId = scheme.body.folder.id as string;
    },
    browserContext: { permissions: ['clipboard-read', 'clipboard-write'] },
    defaultTimeoutMs: 5000,
  });

  /** A browser that has never signed in: a citizen on a phone. */
  async function citizenPage(): Promise<Page> {
    const citizen = await suite.browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      userAgent: phoneUserAgent,
      viewport: { width: 412, height: 860 },
    });
    expect(await citizen.cookies()).toEqual([]);
    const opened = await citizen.newPage();
    opened.setDefaultTimeout(5000);
    return opened;
  }

  const h1 = (on: Page) => on.getByRole('heading', { level: 1 });
  const shareDialog = (title: string) => suite.page.getByRole('dialog', { name: `Partager « ${title} »` });
  const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

  /** Opens the share dialog of the document's page: the scheme's page is offered first, the document's link is chosen. */
  async function openShareDialog(title: string) {
    await suite.page.getByRole('button', { name: 'Partager', exact: true }).click();
    const dialog = shareDialog(title);
    await dialog.waitFor();
    const link = dialog.getByRole('textbox', { name: 'Lien public' });
    await expect.poll(() => link.inputValue()).toMatch(schemePageLink);
    expect(await dialog.getByRole('radio', { name: 'Le dispositif « Gîtes durables »' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Ce document seulement' }).check();
    await expect.poll(() => link.inputValue()).toMatch(publicLink);
    return { dialog, link, url: await link.inputValue() };
  }

  it('(a) an agent shares a document from its page: link, QR code, copy, e-mail; a citizen without account opens it and reads the PDF', async () => {
    const title = 'Fiche gîtes durables';
    const id = await arrangeDocument(title);
    await suite.signInAndOpen(agentEmail, `/documents/${id}`);
    await expect.poll(() => h1(suite.page).textContent()).toBe(title);
    const { dialog, link, url } = await openShareDialog(title);
    expect(await isFocused(link)).toBe(true);
    expect(await link.getAttribute('readonly')).not.toBeNull();

    const qr = dialog.getByRole('img', { name: 'QR code du lien public' });
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(240);
    expect(await qr.locator('svg path').getAttribute('d')).toMatch(/^M\d/);

    const mail = dialog.getByRole('link', { name: 'Envoyer par e-mail' });
    const mailto = new URL((await mail.getAttribute('href')) ?? '');
    expect(mailto.protocol).toBe('mailto:');
    expect(mailto.searchParams.get('subject')).toBe(title);
    expect(mailto.searchParams.get('body')).toContain(url);
    expect(mailto.searchParams.get('body')).toContain('sans créer de compte');
    expect(await dialog.getByRole('link', { name: /^Version imprimable/ }).getAttribute('href')).toBe(
      `/documents/${id}/partage/impression?maison=1`,
    );
    // An agent does not manage the link.
    expect(await dialog.getByRole('heading', { name: 'Suivi et gestion du lien' }).count()).toBe(0);

    await dialog.getByRole('button', { name: 'Copier le lien' }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Lien copié' }).count()).toBe(1);
    expect(await suite.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await suite.expectAccessible('sharing-dialog-agent');

    const citizen = await citizenPage();
    const response = await citizen.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-robots-tag']).toContain('noindex');
    expect(await h1(citizen).textContent()).toBe(title);
    expect(await citizen.locator('main').textContent()).toContain('Service Tourisme');
    const read = citizen.getByRole('link', { name: 'Lire' });
    const file = await citizen.request.get(new URL((await read.getAttribute('href')) ?? '', url).href);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await suite.expectAccessible('sharing-citizen-page', citizen);
    await citizen.context().close();
  });

  it('(b) an editor makes the document internal on its page: the public link says at once that it is no longer shared', async () => {
    const title = 'Fiche gîtes : ancien barème';
    await arrangeDocument('Fiche gîtes : barème en vigueur');
    const id = await arrangeDocument(title);
    await suite.signInAndOpen(editorEmail, `/documents/${id}`);
    const { url } = await openShareDialog(title);
    await suite.page.keyboard.press('Escape');
    const citizen = await citizenPage();
    expect((await citizen.goto(url))?.status()).toBe(200);

    await suite.page.getByRole('radio', { name: 'Interne' }).check();
    await suite.page.getByRole('button', { name: 'Enregistrer la diffusion et le statut' }).click();
    // The editor is told what the printed codes will lead to before the link stops.
    const confirm = suite.page.getByRole('dialog', { name: 'Arrêter la diffusion publique de ce document ?' });
    await confirm.waitFor();
    await expect.poll(() => confirm.textContent()).toContain('Ses liens publics ont été ouverts 1 fois ces 30 derniers jours');
    expect(await confirm.textContent()).toContain('mèneront à la page du dispositif « Gîtes durables », qui reste en ligne');
    await suite.expectAccessible('sharing-stop-confirm');
    await confirm.getByRole('button', { name: 'Enregistrer et arrêter le lien' }).click();
    await expect.poll(() => suite.page.getByRole('status').filter({ hasText: 'enregistrés' }).count()).toBe(1);
    expect(await suite.page.locator('.badges').textContent()).toContain('Interne');
    expect(await suite.page.getByRole('button', { name: 'Partager', exact: true }).count()).toBe(0);

    const gone = await citizen.goto(url);
    expect(gone?.status()).toBe(410);
    expect(await h1(citizen).textContent()).toBe("Ce document n'est plus diffusé");
    expect(await citizen.locator('main').textContent()).not.toContain(title);
    expect(await citizen.locator('main').textContent()).toContain("Ce document n'est plus public");
    await suite.expectAccessible('sharing-citizen-gone', citizen);
    // The printed code still leads somewhere useful: the scheme's page.
    await citizen.getByRole('link', { name: 'Voir le dispositif' }).click();
    await expect.poll(() => h1(citizen).textContent()).toBe('Gîtes durables');
    await citizen.context().close();
  });

  it('(c) "Version imprimable" opens a sheet with the title, the link in full and its QR code; print hides the app around it', async () => {
    const title = 'Fiche gîtes à afficher';
    const id = await arrangeDocument(title);
    await suite.signInAndOpen(agentEmail, `/documents/${id}`);
    const { dialog, url } = await openShareDialog(title);
    const [sheet] = await Promise.all([
      suite.context.waitForEvent('page'),
      dialog.getByRole('link', { name: /^Version imprimable/ }).click(),
    ]);
    sheet.setDefaultTimeout(5000);
    await sheet.waitForLoadState();
    expect(new URL(sheet.url()).pathname).toBe(`/documents/${id}/partage/impression`);
    expect(new URL(sheet.url()).search).toBe('?maison=1');
    await expect.poll(() => h1(sheet).textContent()).toBe(title);
    expect(await sheet.title()).toBe(`Version imprimable : ${title} — L'info pour tous`);
    expect(await sheet.locator('.print-sheet__url').textContent()).toBe(url);
    expect(await sheet.getByText('Aucun compte n’est nécessaire').count()).toBe(1);
    expect(await sheet.getByText(`${title} : qui peut en bénéficier`).count()).toBe(1);
    expect(await sheet.getByText('Votre Maison de Région :').count()).toBe(1);
    const qr = sheet.getByRole('img', { name: 'QR code du lien public' });
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(240);
    await suite.expectAccessible('sharing-print-screen', sheet);

    // "Imprimer" asks the browser to print (recorded here instead of opening the print dialog).
    await sheet.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await sheet.getByRole('button', { name: 'Imprimer' }).click();
    expect(await sheet.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await sheet.emulateMedia({ media: 'print' });
    expect(await sheet.locator('.app-header').isVisible()).toBe(false);
    expect(await sheet.locator('.app-footer').isVisible()).toBe(false);
    expect(await sheet.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await qr.isVisible()).toBe(true);
    expect(await sheet.locator('.print-sheet__url').isVisible()).toBe(true);
    await screenshot(sheet, 'sharing-print-paper');
  });

  it('(d) an editor sees the opens, sets and removes an expiry, and regenerates the link after a confirmation: the old link stops, the new one works', async () => {
    const title = 'Fiche gîtes : nouvelle version';
    const id = await arrangeDocument(title);
    const citizen = await citizenPage();
    // Through the API the link names supertest's own server: the one the browser sees is rebuilt.
    const first = `${suite.url}/s/${(await editor.get(`/api/documents/${id}/share`).expect(200)).body.token as string}`;
    expect((await citizen.goto(first))?.status()).toBe(200);

    // A desk screen tall enough for the whole dialog in the screenshots.
    await suite.page.setViewportSize({ width: 1280, height: 1150 });
    await suite.signInAndOpen(editorEmail, `/documents/${id}`);
    const { dialog, url } = await openShareDialog(title);
    expect(url).toBe(first);
    const settings = dialog.getByRole('region', { name: 'Suivi et gestion du lien' });
    expect(await settings.textContent()).toContain('Ouvert 1 fois');
    expect(await settings.textContent()).toMatch(/Dernière ouverture le \d{1,2} \S+ \d{4} à \d{2}:\d{2}/);
    expect(await settings.textContent()).toContain('Le lien n’expire pas');

    // A day already gone: the server's French refusal, announced.
    const expiry = settings.getByLabel('Date d’expiration');
    await expiry.fill('2020-01-15');
    await settings.getByRole('button', { name: 'Enregistrer l’expiration' }).click();
    await expect.poll(() => settings.getByRole('alert').textContent()).toContain("La date d'expiration doit être dans le futur.");
    expect(await expiry.getAttribute('aria-invalid')).toBe('true');
    await suite.expectAccessible('sharing-dialog-editor-error');

    const later = new Date(Date.now() + 30 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(later);
    await expiry.fill(day);
    await settings.getByRole('button', { name: 'Enregistrer l’expiration' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toContain('Expiration enregistrée');
    expect(await settings.getByRole('alert').textContent()).toBe('');
    const saved = (await suite.ctx.db('share_links').where({ document_id: id }).whereNull('revoked_at').first('expires_at'))
      .expires_at as Date;
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(saved)).toBe(day);
    expect(await settings.textContent()).toContain('Le lien expirera le');
    await suite.expectAccessible('sharing-dialog-editor');

    await settings.getByRole('button', { name: 'Supprimer l’expiration' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toContain('Expiration supprimée');
    expect(await isFocused(expiry)).toBe(true);
    expect(
      (await suite.ctx.db('share_links').where({ document_id: id }).whereNull('revoked_at').first('expires_at')).expires_at,
    ).toBeNull();

    const regenerate = settings.getByRole('button', { name: 'Régénérer le lien' });
    await regenerate.click();
    const confirm = suite.page.getByRole('dialog', { name: 'Régénérer le lien public ?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('L’ancien lien cessera de fonctionner immédiatement');
    await suite.expectAccessible('sharing-regenerate-confirm');
    // Esc closes the confirmation only.
    await suite.page.keyboard.press('Escape');
    await expect.poll(() => confirm.isVisible()).toBe(false);
    expect(await dialog.isVisible()).toBe(true);
    await expect.poll(() => isFocused(regenerate)).toBe(true);

    await regenerate.click();
    await confirm.getByRole('button', { name: 'Régénérer', exact: true }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('Nouveau lien créé : l’ancien ne fonctionne plus.');
    expect(await dialog.isVisible()).toBe(true);
    const link = dialog.getByRole('textbox', { name: 'Lien public' });
    await expect.poll(() => link.inputValue()).not.toBe(first);
    const second = await link.inputValue();
    expect(second).toMatch(publicLink);
    expect(await settings.textContent()).toContain('Pas encore ouvert');

    expect((await citizen.goto(first))?.status()).toBe(410);
    expect(await h1(citizen).textContent()).toBe("Ce document n'est plus diffusé");
    expect((await citizen.goto(second))?.status()).toBe(200);
    expect(await h1(citizen).textContent()).toBe(title);
    await citizen.context().close();
  });

  it('(e) the dialog works with the keyboard: Enter opens it on the link, Tab reaches "Copier le lien", Esc closes it and focus returns to "Partager"', async () => {
    const title = 'Fiche gîtes au clavier';
    const id = await arrangeDocument(title);
    await suite.signInAndOpen(agentEmail, `/documents/${id}`);
    const share = suite.page.getByRole('button', { name: 'Partager', exact: true });
    await share.focus();
    await suite.page.keyboard.press('Enter');
    const dialog = shareDialog(title);
    await dialog.waitFor();
    const link = dialog.getByRole('textbox', { name: 'Lien public' });
    await expect.poll(() => isFocused(link)).toBe(true);
    // The link is selected, ready for Ctrl+C.
    expect(await link.evaluate((input: HTMLInputElement) => input.selectionStart === 0 && input.selectionEnd === input.value.length)).toBe(
      true,
    );

    await suite.page.keyboard.press('Tab');
    const copy = dialog.getByRole('button', { name: 'Copier le lien' });
    expect(await isFocused(copy)).toBe(true);
    await suite.page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'Lien copié' }).count()).toBe(1);

    // The page behind is inert: Tab stays in the dialog.
    for (let i = 0; i < 8; i++) {
      await suite.page.keyboard.press('Tab');
      expect(
        await suite.page.evaluate(() => Boolean(document.activeElement?.closest('dialog')) || document.activeElement === document.body),
      ).toBe(true);
    }

    await suite.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => isFocused(share)).toBe(true);
  });

  it('(f) an agent hands over a scheme: its page with the Maison by default, a warning that PUBLIC_URL is unset; the citizen applies from it; the A5 handout fits one page in black and white', async () => {
    const directorateId = (await suite.ctx.db('directorates').where({ code: 'DTEE' }).first('id')).id as string;
    const tourisme = (await suite.ctx.db('folders').whereNull('parent_id').where({ name: 'Tourisme' }).first('id')).id as string;
    await suite.ctx.db('maisons').where({ code: 'MR-ALES' }).update({ phone: '04 66 56 00 00' });
    const scheme = await editor
      .post('/api/folders')
      .set('X-CSRF-Token', csrf)
      .send({
        name: "Ec'Eau Tourisme",
        parentId: tourisme,
        scheme: {
          directorateId,
          closesOn: '2099-03-12',
          promise: 'Financer les équipements qui économisent l’eau dans les campings et les gîtes',
          amount: 'Jusqu’à 50 % des dépenses, 20 000 € au plus',
          audiences: ['entreprises', 'associations'],
          aidTypes: ['subvention'],
          referent: { name: 'Camille Durand', service: 'Service Tourisme durable', phone: '06 12 34 56 78' },
          links: { applyUrl: 'https://www.aides.region.example/eceau-tourisme/', infoUrl: 'https://www.region.example/eceau' },
        },
      })
      .expect(201);
    const schemeId = scheme.body.folder.id as string;
    const post = editor.post('/api/documents').set('X-CSRF-Token', csrf);
    for (const [name, value] of Object.entries({
      folderId: schemeId,
      title: 'Règlement Ec’Eau',
      summary: 'Les règles du dispositif.',
      docType: 'reglement',
      scope: 'external',
      status: 'published',
    }))
      post.field(name, value);
    await post.attach('file', await makePdf(['Règlement Ec’Eau.']), 'reglement.pdf').expect(201);

    await suite.signInAndOpen(agentEmail, `/dossiers/${schemeId}`);
    await suite.page.getByRole('button', { name: 'Partager', exact: true }).click();
    const dialog = shareDialog("Ec'Eau Tourisme");
    await dialog.waitFor();
    const link = dialog.getByRole('textbox', { name: 'Lien public' });
    await expect.poll(() => link.inputValue()).toMatch(schemePageLink);
    const url = await link.inputValue();
    expect(url).toContain('?maison=MR-ALES.');
    expect(await dialog.getByText('L’adresse publique du site n’est pas configurée (PUBLIC_URL)').count()).toBe(1);
    const withMaison = dialog.getByRole('checkbox', { name: 'Ajouter ma Maison de Région (Alès) à la page et à la fiche' });
    expect(await withMaison.isChecked()).toBe(true);
    await suite.expectAccessible('sharing-scheme-dialog');

    const citizen = await citizenPage();
    expect((await citizen.goto(url))?.status()).toBe(200);
    expect(await h1(citizen).textContent()).toBe("Ec'Eau Tourisme");
    const main = (await citizen.locator('main').textContent()) ?? '';
    expect(main).toContain('Montant : Jusqu’à 50 % des dépenses, 20 000 € au plus');
    expect(main).toContain("Votre Maison de Région : Maison de Région d'Alès, Alès, 04 66 56 00 00");
    expect(main).toContain('Service Tourisme durable');
    expect(main).not.toContain('06 12 34 56 78');
    expect(await citizen.getByRole('link', { name: 'Déposer une demande' }).getAttribute('href')).toBe(
      'https://www.aides.region.example/eceau-tourisme/',
    );
    expect(await citizen.getByRole('link', { name: 'Lire « Règlement Ec’Eau »' }).count()).toBe(1);
    await suite.expectAccessible('sharing-scheme-page', citizen);
    await citizen.context().close();

    const [sheet] = await Promise.all([
      suite.context.waitForEvent('page'),
      dialog.getByRole('link', { name: /^Version imprimable/ }).click(),
    ]);
    sheet.setDefaultTimeout(5000);
    await sheet.waitForLoadState();
    expect(new URL(sheet.url()).pathname + new URL(sheet.url()).search).toBe(`/dossiers/${schemeId}/partage/fiche?maison=1`);
    await expect.poll(() => h1(sheet).textContent()).toBe("Ec'Eau Tourisme");
    const handout = sheet.locator('.handout__sheet');
    const words = (await handout.textContent()) ?? '';
    for (const expected of [
      'Financer les équipements qui économisent l’eau',
      'Pour quiEntreprises, Associations',
      'MontantJusqu’à 50 % des dépenses',
      'Date limite12 mars 2099',
      'Déposer la demandeaides.region.example/eceau-tourisme',
      "Votre Maison de Région : Maison de Région d'Alès, Alès, 04 66 56 00 00",
      'Fiche imprimée le ',
    ]) {
      expect(words).toContain(expected);
    }
    // The address to type is the short one, without the Maison's parameter (the QR code carries it).
    expect(await sheet.locator('.print-sheet__url').textContent()).toBe(url.replace(/^http:\/\//, '').replace(/\?.*$/, ''));
    await suite.expectAccessible('sharing-handout-screen', sheet);

    await sheet.emulateMedia({ media: 'print' });
    expect(await sheet.locator('.app-header').isVisible()).toBe(false);
    expect(await sheet.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await sheet.getByRole('img', { name: 'QR code de la page du dispositif' }).isVisible()).toBe(true);
    // Black and white: every printed text is black on white.
    const colours = await handout.evaluate((root) => {
      const seen = new Set<string>();
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const style = getComputedStyle(element);
        seen.add(`color ${style.color}`);
        if (style.backgroundColor !== 'rgba(0, 0, 0, 0)') seen.add(`background ${style.backgroundColor}`);
      }
      return [...seen].sort();
    });
    expect(colours).toEqual(['background rgb(255, 255, 255)', 'color rgb(0, 0, 0)']);
    await screenshot(sheet, 'sharing-handout-paper');
    // One A5 page.
    const pdf = await sheet.pdf({ format: 'A5', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('an agent shares a scheme from its answer card in the search screen; a document row has no "Partager" of its own', async () => {
    const external = 'Fiche gîtes de montagne';
    const internal = 'Note gîtes de montagne, réservée aux agents';
    await arrangeDocument(external);
    await arrangeDocument(internal, 'internal');
    // A word of these two documents only: both under the scheme's card.
    await suite.signInAndOpen(agentEmail, `/?q=${encodeURIComponent('montagne')}`);
    const answer = suite.page
      .getByRole('list', { name: 'Résultats' })
      .getByRole('article')
      .filter({ has: suite.page.getByRole('heading', { name: 'Gîtes durables', level: 3 }) });
    const row = (title: string) =>
      answer.getByRole('listitem').filter({ has: suite.page.getByRole('link', { name: new RegExp(`^${title}`) }) });
    await suite.page.locator('.search-layout[aria-busy=false]').waitFor();
    await expect.poll(() => row(internal).count()).toBe(1);
    expect(
      await row(internal)
        .getByRole('button', { name: /^Partager/ })
        .count(),
    ).toBe(0);

    const share = answer.getByRole('button', { name: 'Partager « Gîtes durables »' });
    await share.click();
    const dialog = shareDialog('Gîtes durables');
    await dialog.waitFor();
    // The scheme's page first: it outlives the document's link.
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Lien public' }).inputValue()).toMatch(schemePageLink);
    expect(await dialog.getByRole('img', { name: 'QR code du lien public' }).isVisible()).toBe(true);
    await suite.expectAccessible('sharing-dialog-search');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => isFocused(share)).toBe(true);
  });
});
