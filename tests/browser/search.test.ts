import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app';
import { createSearch } from '../../search';
import { makePdf, makeText } from '../fixtures/files';
import { drainJobs } from '../jobs';
import { apiSignedIn, browserSuite, browserTestTimeoutMs, directorateIdOf, serveApp, themeIdNamed } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';

/** A day from today, as the scheme form writes it (AAAA-MM-JJ). */
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const closesOn = isoDay(400);
/** "12 janvier 2028": how the card says the closing day. */
const frenchDay = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T12:00:00`));

describe('the agent search screen in a real browser', { timeout: browserTestTimeoutMs }, () => {
  const ids: Record<'synthese' | 'reglement' | 'faq', string> = { synthese: '', reglement: '', faq: '' };

  /** Creates a scheme and uploads documents through the API as the DTEE editor, then runs extraction and indexing. */
  async function arrangeIndexedDocuments() {
    const { api: editor, csrf } = await apiSignedIn(suite.ctx, editorEmail);
    const directorateId = await directorateIdOf(suite.ctx, 'DTEE');
    const createScheme = async (name: string, theme: string, scheme: Record<string, unknown>) => {
      const response = await editor
        .post('/api/folders')
        .set('X-CSRF-Token', csrf)
        .send({ name, parentId: await themeIdNamed(suite.ctx, theme), scheme: { directorateId, isPermanent: true, ...scheme } })
        .expect(201);
      return response.body.folder.id as string;
    };
    const upload = async (folder: string, fields: Record<string, string>, file: Buffer, filename: string) => {
      const post = editor.post('/api/documents').set('X-CSRF-Token', csrf);
      for (const [name, value] of Object.entries({ folderId: folder, status: 'published', scope: 'internal', ...fields }))
        post.field(name, value);
      return (await post.attach('file', file, filename).expect(201)).body.document.id as string;
    };

    const ecEau = await createScheme("Ec'Eau Tourisme", 'Tourisme', {
      promise: 'Financer les équipements hydro-économes des hébergements touristiques',
      amount: '50 % des dépenses, jusqu’à 20 000 €',
      audiences: ['entreprises'],
      aidTypes: ['subvention'],
      isPermanent: false,
      opensOn: isoDay(-30),
      closesOn: closesOn,
      referent: { name: 'Chargée de mission Eau', service: 'Service Eau', email: 'mission.eau@region.example', phone: '04 67 22 80 00' },
      links: { infoUrl: 'https://www.region.example/eceau', applyUrl: 'https://aides.region.example/eceau' },
    });
    const velo = await createScheme('Vélo pour tous', 'Transport et mobilité', {
      promise: 'Une aide à l’achat d’un vélo',
      audiences: ['particuliers'],
    });
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
    ids.faq = await upload(
      velo,
      { title: 'FAQ vélo', docType: 'faq' },
      makeText('Peut-on aller au camping à vélo ? Oui, la Région aide aussi les vélos cargos.'),
      'faq.txt',
    );
    expect(await drainJobs(suite.ctx)).toEqual([]);
  }

  const suite = browserSuite({
    context: { withSearchIndex: true },
    arrange: arrangeIndexedDocuments,
    browserContext: { viewport: { width: 1280, height: 900 } },
    defaultTimeoutMs: 5000,
  });

  async function signInAndOpen(email: string, path: string, url = suite.url) {
    expect((await suite.page.request.post(`${url}/auth/dev-login`, { data: { email } })).status()).toBe(200);
    await suite.page.goto(`${url}${path}`);
  }

  const searchBox = () => suite.page.getByRole('search').getByRole('searchbox', { name: 'Rechercher un dispositif ou un document' });
  const count = () => suite.page.locator('p[role=status].search-count');
  const words = () => suite.page.locator('p[role=status].search-words');
  /** The count announced once the answer for what is in the box has arrived. */
  const settledCount = async () => {
    await expect.poll(() => suite.page.locator('.search-layout').getAttribute('aria-busy')).toBe('false');
    return count().textContent();
  };
  const results = () => suite.page.getByRole('list', { name: /^(Résultats|Les plus récents)$/ });
  const approximate = () => suite.page.getByRole('list', { name: 'Résultats approchants' });
  /** A scheme's answer: its card and its documents. */
  const card = (name: string) =>
    suite.page.getByRole('article').filter({ has: suite.page.getByRole('heading', { name, level: 3, exact: true }) });
  /** The link of a document: its title, then (a PDF opened at a page) where it opens. */
  const documentLink = (title: string) =>
    suite.page.getByRole('link', { name: new RegExp(`^${title}( — lire le PDF à la page \\d+, mots surlignés)?$`) });
  /** One matching document, under its scheme's card. */
  const documentRow = (title: string) =>
    suite.page
      .getByRole('listitem')
      .filter({ has: documentLink(title) })
      .last();
  const isFocused = (locator: ReturnType<typeof suite.page.locator>) => locator.evaluate((element) => element === document.activeElement);
  const focusedName = () => suite.page.evaluate(() => document.activeElement?.textContent ?? '');

  it('before anything is typed, the home lists the most consulted and the latest schemes as cards, never "Aucun résultat"', async () => {
    await signInAndOpen(agentEmail, '/');
    // An agent opens a document of Ec'Eau: the scheme is consulted.
    expect((await suite.page.request.get(`${suite.url}/api/documents/${ids.synthese}/file`)).status()).toBe(200);
    await suite.page.reload();
    await suite.page.getByRole('heading', { name: 'Derniers dispositifs publiés', level: 2 }).waitFor();
    const latest = suite.page.getByRole('list', { name: 'Derniers dispositifs publiés' });
    await expect
      .poll(() => latest.getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(expect.arrayContaining(["Ec'Eau Tourisme", 'Vélo pour tous']));
    const popular = suite.page.getByRole('list', { name: 'Dispositifs les plus consultés' });
    expect(await popular.getByRole('heading', { level: 3 }).allTextContents()).toEqual(["Ec'Eau Tourisme"]);
    const ecEau = latest.getByRole('listitem').filter({ has: suite.page.getByRole('link', { name: "Ec'Eau Tourisme" }) });
    expect(await ecEau.textContent()).toContain('Financer les équipements hydro-économes');
    expect(await ecEau.textContent()).toContain(`Clôture le ${frenchDay(closesOn)}`);
    expect(await ecEau.textContent()).toContain('50 % des dépenses, jusqu’à 20 000 €');
    expect(await suite.page.locator('main').textContent()).not.toMatch(/Aucun (résultat|dispositif ne correspond)/);
    expect(await count().textContent()).toBe('');
    await suite.expectAccessible('search-home-1280');
    await suite.page.setViewportSize({ width: 800, height: 1000 });
    await suite.expectAccessible('search-home-800');
  });

  it('an agent types a need: the scheme is the answer, first and larger, with its card; its documents beneath with their page', async () => {
    await signInAndOpen(agentEmail, '/');
    await expect.poll(() => isFocused(searchBox())).toBe(true);
    await expect.poll(() => suite.page.title()).toBe("Recherche — L'info pour tous");
    await suite.page.keyboard.type('camping économies eau');
    await expect.poll(() => results().getByRole('heading', { level: 3 }).first().textContent()).toBe("Ec'Eau Tourisme");
    expect(await settledCount()).toMatch(/^\d+ dispositifs?, \d+ documents?$/);
    expect(suite.page.url()).toContain('q=camping+%C3%A9conomies+eau');
    expect(await words().textContent()).toMatch(/^Recherche sur : camping, économies, eau/);

    const answer = card("Ec'Eau Tourisme");
    expect(await answer.getAttribute('class')).toContain('answer--first');
    const name = answer.getByRole('link', { name: "Ec'Eau Tourisme", exact: true });
    const folder = (await suite.ctx.db('folders').where({ name: "Ec'Eau Tourisme" }).first('id')).id as string;
    expect(await name.getAttribute('href')).toBe(`/dossiers/${folder}`);
    const cardText = await answer.textContent();
    for (const expected of [
      'Financer les équipements hydro-économes des hébergements touristiques',
      '50 % des dépenses, jusqu’à 20 000 €',
      `Clôture le ${frenchDay(closesOn)}`,
      'Pour qui',
      'Entreprises',
      'Subvention',
      'Qui contacter',
      'Chargée de mission Eau',
      'Service Eau',
    ]) {
      expect(cardText).toContain(expected);
    }
    expect(await answer.getByRole('link', { name: 'mission.eau@region.example' }).getAttribute('href')).toBe(
      'mailto:mission.eau@region.example',
    );
    expect(await answer.getByRole('link', { name: '04 67 22 80 00' }).getAttribute('href')).toBe('tel:0467228000');
    expect(await answer.getByRole('link', { name: /^En savoir plus/ }).getAttribute('href')).toBe('https://www.region.example/eceau');
    expect(await answer.getByRole('link', { name: /^Déposer une demande/ }).getAttribute('href')).toBe(
      'https://aides.region.example/eceau',
    );
    // Its one external document gives the scheme its public page, which the card shares.
    expect(await answer.getByRole('button', { name: "Partager « Ec'Eau Tourisme »" }).count()).toBe(1);

    // The evidence: its documents, each with its type, the page that matched and the words.
    const synthese = documentRow('Fiche synthèse Ec’Eau');
    expect(await synthese.textContent()).toContain('Fiche synthèse');
    expect(await synthese.textContent()).toContain('Page 2');
    expect(await synthese.locator('.snippet mark').allTextContents()).toContain('camping');
    // It opens in the app's viewer at that page, the words highlighted (tests/browser/viewer.test.ts).
    const open = synthese.getByRole('link', { name: /^Fiche synthèse Ec’Eau — lire le PDF à la page 2, mots surlignés$/ });
    expect(await open.getAttribute('href')).toMatch(
      new RegExp(`^/documents/${ids.synthese}/lecture\\?page=2&q=camping\\+%C3%A9conomies\\+eau&mots=`),
    );
    const file = await suite.page.request.get(`${suite.url}/api/documents/${ids.synthese}/file`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(file.headers()['content-disposition']).toMatch(/^inline;/);
    expect(await documentRow('Règlement d’intervention Ec’Eau').textContent()).toContain("Règlement d'intervention");

    // The first answer stands out: larger than the next.
    const size = (locator: ReturnType<typeof suite.page.locator>) =>
      locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    const second = results().getByRole('heading', { level: 3 }).nth(1);
    if ((await second.count()) === 1) expect(await size(answer.getByRole('heading', { level: 3 }))).toBeGreaterThan(await size(second));
    await suite.expectAccessible('search-answer-1280');
    await suite.page.setViewportSize({ width: 800, height: 1000 });
    await suite.expectAccessible('search-answer-800');
  });

  it('the keyboard: ↓ through names and documents; Enter opens the PDF at its page or the scheme; Back puts focus on the same result', async () => {
    await signInAndOpen(agentEmail, '/');
    await expect.poll(() => isFocused(searchBox())).toBe(true);
    await suite.page.keyboard.type('camping économies eau');
    await expect.poll(() => results().getByRole('heading', { level: 3 }).first().textContent()).toBe("Ec'Eau Tourisme");
    await settledCount();

    // ↓ from the box to the first scheme's name, ↓ to its first document, ↑ ↑ back to the box.
    await suite.page.keyboard.press('ArrowDown');
    expect(await focusedName()).toBe("Ec'Eau Tourisme");
    await suite.page.keyboard.press('ArrowDown');
    const focused = await focusedName();
    expect(focused).toMatch(/^(Fiche synthèse|Règlement d’intervention) Ec’Eau — lire le PDF à la page \d+, mots surlignés$/);
    await suite.page.keyboard.press('Enter');
    const opened = focused.startsWith('Fiche') ? ids.synthese : ids.reglement;
    await expect.poll(() => new URL(suite.page.url()).pathname).toBe(`/documents/${opened}/lecture`);
    await suite.page.goBack();
    await expect.poll(focusedName).toBe(focused);
    await suite.page.keyboard.press('ArrowUp');
    await suite.page.keyboard.press('ArrowUp');
    expect(await isFocused(searchBox())).toBe(true);

    // Enter on the scheme's name opens the scheme; Back: the same results, focus on that name.
    await suite.page.keyboard.press('ArrowDown');
    await suite.page.keyboard.press('Enter');
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Ec'Eau Tourisme/);
    await suite.page.goBack();
    await expect.poll(() => searchBox().inputValue()).toBe('camping économies eau');
    const name = card("Ec'Eau Tourisme").getByRole('link', { name: "Ec'Eau Tourisme", exact: true });
    await expect.poll(() => isFocused(name)).toBe(true);
    await suite.expectAccessible('search-back');

    // A document without a page opens its own page; Back comes to it again.
    await suite.page.keyboard.press('Escape');
    await expect.poll(() => isFocused(searchBox())).toBe(true);
    await suite.page.keyboard.type(' vélo');
    await suite.page.keyboard.press('ControlOrMeta+a');
    await suite.page.keyboard.type('vélo cargo');
    const faq = documentLink('FAQ vélo');
    await faq.waitFor();
    await faq.focus();
    await suite.page.keyboard.press('Enter');
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toBe('FAQ vélo');
    expect(new URL(suite.page.url()).pathname).toBe(`/documents/${ids.faq}`);
    await suite.page.goBack();
    await expect.poll(() => isFocused(documentLink('FAQ vélo'))).toBe(true);

    // Esc in the box clears it: the home lists again.
    await searchBox().focus();
    await suite.page.keyboard.press('Escape');
    expect(await searchBox().inputValue()).toBe('');
    await suite.page.getByRole('heading', { name: 'Derniers dispositifs publiés', level: 2 }).waitFor();
    expect(new URL(suite.page.url()).search).toBe('');
  });

  it('"Pour qui ?": one tap on a profile filters by its audience, in the address and the request', async () => {
    await signInAndOpen(agentEmail, '/?q=camping');
    await settledCount();
    const profiles = suite.page.getByRole('group', { name: 'Pour qui ?' });
    expect(await profiles.getByRole('button').allTextContents()).toEqual([
      'Particulier',
      'Jeune 16–25 ans',
      'Demandeur d’emploi',
      'Entreprise',
      'Association',
      'Collectivité',
      'Agriculteur',
    ]);
    const particulier = profiles.getByRole('button', { name: 'Particulier' });
    expect(await particulier.getAttribute('aria-pressed')).toBe('false');
    const asked = suite.page.waitForRequest(
      (request) =>
        new URL(request.url()).pathname === '/api/search' && new URL(request.url()).searchParams.get('audience') === 'particuliers',
    );
    await particulier.focus();
    await suite.page.keyboard.press('Enter');
    await asked;
    expect(await particulier.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(suite.page.url()).searchParams.getAll('audience')).toEqual(['particuliers']);
    expect(await settledCount()).toBe('1 dispositif, 1 document');
    expect(await results().getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Vélo pour tous']);
    expect(
      await suite.page
        .getByRole('group', { name: 'Public' })
        .getByRole('checkbox', { name: /^Particuliers/ })
        .isChecked(),
    ).toBe(true);
    await suite.expectAccessible('search-profile');

    await particulier.click();
    expect(await particulier.getAttribute('aria-pressed')).toBe('false');
    expect(new URL(suite.page.url()).searchParams.getAll('audience')).toEqual([]);
  });

  it('a facet checkbox narrows the results; the counts are of schemes and documents, never pages', async () => {
    await signInAndOpen(agentEmail, '/');
    await searchBox().waitFor();
    await suite.page.keyboard.type('camping');
    const all = await settledCount();
    expect(all).toMatch(/^\d+ dispositifs?, \d+ documents?$/);
    const docTypes = suite.page.getByRole('group', { name: 'Type de document' });
    // The two Ec'Eau documents have five matching pages between them: the facet counts documents.
    expect(
      await suite.page
        .getByRole('group', { name: 'Thème' })
        .getByRole('checkbox', { name: /^Tourisme \((2|3)\)$/ })
        .count(),
    ).toBe(1);
    expect(await suite.page.getByRole('group', { name: 'Public' }).getByRole('checkbox', { name: 'Particuliers (1)' }).count()).toBe(1);

    const faq = docTypes.getByRole('checkbox', { name: 'FAQ (1)' });
    await faq.focus();
    await suite.page.keyboard.press('Space');
    expect(await settledCount()).toBe('1 dispositif, 1 document');
    expect(await documentLink('FAQ vélo').count()).toBe(1);
    expect(suite.page.url()).toContain('docType=faq');
    expect(await faq.isChecked()).toBe(true);
    expect(await docTypes.getByRole('checkbox', { name: 'Fiche synthèse (1)' }).isChecked()).toBe(false);
    await suite.expectAccessible('search-facet');

    await docTypes.getByRole('checkbox', { name: /^Fiche synthèse/ }).check();
    expect(await settledCount()).toBe('2 dispositifs, 2 documents');
    await suite.page.getByRole('button', { name: 'Effacer les filtres' }).click();
    expect(await settledCount()).toBe(all);
    expect(await suite.page.getByRole('checkbox', { name: 'Inclure les dispositifs clos' }).isChecked()).toBe(false);
  });

  it('on a tablet (800 px) the filters fold into a "Filtres" bar and the results come first', async () => {
    await suite.page.setViewportSize({ width: 800, height: 1000 });
    await signInAndOpen(agentEmail, '/?q=camping&docType=faq');
    await settledCount();
    const toggle = suite.page.getByRole('button', { name: 'Filtres (1)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const docTypes = suite.page.getByRole('group', { name: 'Type de document' });
    expect(await docTypes.isVisible()).toBe(false);
    const first = results().getByRole('heading', { level: 3 }).first();
    const top = async (locator: ReturnType<typeof suite.page.locator>) => (await locator.boundingBox())?.y ?? Infinity;
    // The first answer is within the first screen, under the compact bar.
    expect(await top(first)).toBeLessThan(1000);
    expect(await top(toggle)).toBeLessThan(await top(first));
    await suite.expectAccessible('search-tablet-folded');

    await toggle.focus();
    await suite.page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await docTypes.getByRole('checkbox', { name: /^FAQ/ }).isChecked()).toBe(true);
    await docTypes.getByRole('checkbox', { name: /^FAQ/ }).uncheck();
    await expect.poll(() => suite.page.getByRole('button', { name: 'Filtres', exact: true }).count()).toBe(1);
    await suite.expectAccessible('search-tablet-open');

    // At 1280 px the filters are a column beside the results, without the bar.
    await suite.page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => suite.page.getByRole('button', { name: /^Filtres/ }).count()).toBe(0);
    expect(await docTypes.isVisible()).toBe(true);
  });

  it('nothing passes: "Aucun dispositif ne correspond", the words tried and a suggestion; approachable results apart', async () => {
    await signInAndOpen(agentEmail, '/');
    await searchBox().waitFor();
    await suite.page.keyboard.type('téléski insolite');
    expect(await settledCount()).toBe('Aucun dispositif ne correspond');
    expect(await words().textContent()).toBe('Mots essayés : téléski, insolite (aucun document publié ne les contient)');
    expect(await suite.page.locator('.search-empty').textContent()).not.toBe('');
    expect(await results().count()).toBe(0);
    await suite.expectAccessible('search-empty');

    // Words of which only part is found: the answer, if any, is set apart as approachable.
    await searchBox().fill('article dossier devis travaux vélo');
    await settledCount();
    expect(await suite.page.getByRole('heading', { name: 'Résultats approchants', level: 2 }).count()).toBe(1);
    // The rules of Ec'Eau hold four of the five words; the FAQ about bikes only one.
    expect(await results().getByRole('heading', { level: 3 }).allTextContents()).toEqual(["Ec'Eau Tourisme"]);
    expect(await approximate().getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Vélo pour tous']);
    const below = async (upper: ReturnType<typeof suite.page.locator>, lower: ReturnType<typeof suite.page.locator>) =>
      ((await upper.boundingBox())?.y ?? Infinity) < ((await lower.boundingBox())?.y ?? -Infinity);
    expect(await below(results(), approximate())).toBe(true);
    await suite.expectAccessible('search-approximate');
  });

  it('"Toutes les pages qui correspondent" lists every matching page of a document, each openable', async () => {
    await signInAndOpen(agentEmail, `/?q=camping`);
    const reglement = documentRow('Règlement d’intervention Ec’Eau');
    const expander = reglement.getByRole('button', { name: /^Toutes les pages qui correspondent/ });
    await expander.waitFor();
    expect(await expander.getAttribute('aria-expanded')).toBe('false');
    await expander.click();
    expect(await expander.getAttribute('aria-expanded')).toBe('true');
    const pages = reglement.locator('.page-list');
    await expect.poll(() => pages.getByRole('listitem').count()).toBe(2);
    expect(await reglement.getByRole('status').textContent()).toBe('2 pages correspondent.');
    expect(await pages.textContent()).toContain('Page 1');
    expect(await pages.textContent()).toContain('Page 3');
    expect(await pages.getByRole('link', { name: /^Ouvrir à la page 3/ }).getAttribute('href')).toMatch(
      new RegExp(`^/documents/${ids.reglement}/lecture\\?page=3&`),
    );
    await suite.expectAccessible('search-all-pages');
    await expander.click();
    expect(await pages.isVisible()).toBe(false);
  });

  it('an answer that arrives late never replaces a newer one', async () => {
    await signInAndOpen(agentEmail, '/');
    await searchBox().waitFor();
    // The first search ("vélo") is slowed down on the way back; the second ("règlement") is not.
    let slowed = 0;
    let slowAnswerSettled: Promise<unknown> = Promise.resolve();
    await suite.page.route(/\/api\/search\?q=v%C3%A9lo/, (route) => {
      slowed += 1;
      slowAnswerSettled = (async () => {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // Refused when the page has already cancelled the request (what AbortController does).
        await route.fulfill({ response }).catch(() => undefined);
      })();
    });
    const slowRequest = suite.page.waitForRequest(/\/api\/search\?q=v%C3%A9lo/);
    await suite.page.keyboard.type('vélo');
    await slowRequest;
    await suite.page.keyboard.press('ControlOrMeta+a');
    await suite.page.keyboard.type('règlement');
    await expect.poll(() => results().getByRole('heading', { level: 3 }).first().textContent()).toBe("Ec'Eau Tourisme");
    const settled = await count().textContent();
    expect(slowed).toBe(1);
    await slowAnswerSettled;
    await suite.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await count().textContent()).toBe(settled);
    expect(await results().getByRole('heading', { level: 3 }).first().textContent()).toBe("Ec'Eau Tourisme");
    expect(await documentLink('FAQ vélo').count()).toBe(0);
  });

  it('"Plus de résultats" adds the next answers and moves focus to the first new one', async () => {
    const { api: editor, csrf } = await apiSignedIn(suite.ctx, editorEmail);
    // Twelve schemes, one document each: twelve answers.
    const theme = await themeIdNamed(suite.ctx, 'Transport et mobilité');
    const directorateId = await directorateIdOf(suite.ctx, 'DTEE');
    for (let i = 1; i <= 12; i++) {
      const scheme = await editor
        .post('/api/folders')
        .set('X-CSRF-Token', csrf)
        .send({ name: `Piste cyclable ${i}`, parentId: theme, scheme: { directorateId, isPermanent: true } })
        .expect(201);
      await editor
        .post('/api/documents')
        .set('X-CSRF-Token', csrf)
        .field('folderId', scheme.body.folder.id as string)
        .field('title', `Note cyclable ${i}`)
        .field('status', 'published')
        .attach('file', makeText(`Piste cyclable numéro ${i}.`), `note-${i}.txt`)
        .expect(201);
    }
    expect(await drainJobs(suite.ctx)).toEqual([]);
    await signInAndOpen(agentEmail, '/?q=cyclable');
    await expect.poll(() => results().getByRole('heading', { level: 3 }).count()).toBe(10);
    expect(await count().textContent()).toBe('12 dispositifs, 12 documents');
    await suite.page.getByRole('button', { name: 'Plus de résultats' }).click();
    await expect.poll(() => results().getByRole('heading', { level: 3 }).count()).toBe(12);
    const titles = await results().getByRole('heading', { level: 3 }).allTextContents();
    expect(new Set(titles).size).toBe(12);
    expect(await focusedName()).toBe(titles[10]);
    expect(await suite.page.getByRole('button', { name: 'Plus de résultats' }).count()).toBe(0);
  });

  it('shows the degraded banner when Meilisearch does not answer (PostgreSQL answers instead, in the same shape)', async () => {
    const { webDir } = inject('services');
    const unreachable = createSearch({ url: 'http://127.0.0.1:9', indexPrefix: 'absent' });
    const degradedApp = createApp({ ...suite.ctx, search: unreachable, webDir });
    const degraded = await serveApp(degradedApp);
    try {
      await signInAndOpen(agentEmail, '/?q=camping', degraded.url);
      const banner = suite.page.getByRole('status').filter({ hasText: 'mode dégradé' });
      await expect
        .poll(() => banner.textContent())
        .toBe('La recherche fonctionne en mode dégradé : les résultats peuvent être moins pertinents.');
      await expect.poll(() => card("Ec'Eau Tourisme").count()).toBe(1);
      // Every page of a document is a question for Meilisearch: not offered meanwhile.
      expect(
        await results()
          .getByRole('button', { name: /^Toutes les pages/ })
          .count(),
      ).toBe(0);
      await suite.expectAccessible('search-degraded');
    } finally {
      await degraded.close();
    }
  });

  it('keeps the welcome page for signed-out visitors', async () => {
    await suite.page.goto(suite.url);
    await suite.page.getByRole('region', { name: 'Votre session' }).getByRole('link', { name: 'Se connecter' }).waitFor();
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toBe("L'info pour tous");
    expect(await suite.page.getByRole('search').count()).toBe(0);
  });
});
