import { describe, expect, it } from 'vitest';
import { makeText } from '../fixtures/files';
import { drainJobs } from '../jobs';
import { apiSignedIn, browserSuite, browserTestTimeoutMs, directorateIdOf, themeIdNamed } from './harness';

const agentEmail = 'agent.tarbes@region.example';
const editorEmail = 'editeur.dtour@region.example';
const adminEmail = 'admin@region.example';

describe('what agents search (editors) and the synonyms (administrators), in a real browser', { timeout: browserTestTimeoutMs }, () => {
  const suite = browserSuite({ context: { withSearchIndex: true }, arrange: arrangeIndexedDocument, defaultTimeoutMs: 5000 });

  /** One published, indexed document, so that the index has fields to search. */
  async function arrangeIndexedDocument() {
    const { api: editor, csrf } = await apiSignedIn(suite.ctx, editorEmail);
    const themeId = await themeIdNamed(suite.ctx, 'Tourisme');
    const directorateId = await directorateIdOf(suite.ctx, 'DTOUR');
    const scheme = await editor
      .post('/api/folders')
      .set('X-CSRF-Token', csrf)
      .send({ name: 'Thermalisme durable', parentId: themeId, scheme: { directorateId, isPermanent: true } })
      .expect(201);
    await editor
      .post('/api/documents')
      .set('X-CSRF-Token', csrf)
      .field('folderId', scheme.body.folder.id as string)
      .field('title', 'Fiche thermalisme')
      .field('status', 'published')
      .attach('file', makeText('Les stations thermales rénovent leurs bassins.'), 'thermalisme.txt')
      .expect(201);
    expect(await drainJobs(suite.ctx)).toEqual([]);
  }

  const nav = () => suite.page.getByRole('navigation', { name: 'Navigation principale' });
  const h1 = () => suite.page.getByRole('heading', { level: 1 });

  it('an editor sees what an agent searched, and what found nothing', async () => {
    await suite.signIn(agentEmail);
    await suite.page.goto(`${suite.url}/`);
    const box = suite.page.getByRole('searchbox', { name: 'Rechercher un dispositif ou un document' });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await suite.page.keyboard.type('hébergement insolite');
    await expect.poll(() => suite.page.locator('p[role=status].search-count').textContent()).toBe('Aucun dispositif ne correspond');
    expect(await nav().getByRole('link', { name: 'Recherches des agents' }).count()).toBe(0);
    await suite.page.goto(`${suite.url}/recherches`);
    await expect.poll(() => h1().textContent()).toBe('Accès réservé');
    await suite.page.context().clearCookies();
    // A search is logged after its answer: the editor's page reads the log once it holds the last query typed.
    await expect
      .poll(async () => Number((await suite.ctx.db('search_log').where({ query: 'hébergement insolite' }).count('* as n').first())?.n))
      .toBe(1);

    await suite.signIn(editorEmail);
    await suite.page.goto(`${suite.url}/`);
    await nav().getByRole('link', { name: 'Recherches des agents' }).click();
    await expect.poll(() => h1().textContent()).toBe('Recherches des agents');
    await expect.poll(() => suite.page.title()).toBe("Recherches des agents — L'info pour tous");
    expect(await nav().getByRole('link', { name: 'Synonymes' }).count()).toBe(0);
    const top = suite.page.getByRole('table', { name: 'Recherches les plus fréquentes sur les 30 derniers jours' });
    await top.waitFor();
    // Typed letter by letter (several answers while typing): one search.
    expect(await top.getByRole('row', { name: /hébergement insolite/ }).textContent()).toBe('hébergement insolite10');
    const unanswered = suite.page.getByRole('table', { name: 'Recherches sans réponse sur les 30 derniers jours, et la suite donnée' });
    expect(await unanswered.getByRole('rowheader').allTextContents()).toEqual(['hébergement insolite']);
    const maisons = suite.page.getByRole('table', { name: 'Recherches et recherches sans réponse par Maison de Région' });
    expect(await maisons.getByRole('row', { name: /Tarbes/ }).textContent()).toMatch(/Tarbes.*11$/);
    await suite.expectAccessible('search-insights');

    // One click on the query, one on "Enregistrer": a keyword of the editor's scheme, found at once by agents.
    await unanswered.getByRole('button', { name: 'Donner suite à « hébergement insolite »' }).click();
    const dialog = suite.page.getByRole('dialog', { name: 'Donner suite à « hébergement insolite »' });
    await expect.poll(() => dialog.getByRole('radio', { name: 'L’ajouter aux mots-clés d’un de mes dispositifs' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'En faire un synonyme' }).count()).toBe(0);
    await dialog.getByLabel('Dispositif', { exact: true }).selectOption({ label: 'Thermalisme durable' });
    await suite.expectAccessible('search-insights-act');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => suite.page.getByRole('status').filter({ hasText: 'mot-clé' }).textContent())
      .toBe('« hébergement insolite » est un mot-clé de « Thermalisme durable ».');
    await expect
      .poll(() => unanswered.getByRole('row', { name: /hébergement insolite/ }).textContent())
      .toContain('Mot-clé de « Thermalisme durable »');
    const folder = await suite.ctx.db('folders').where({ name: 'Thermalisme durable' }).first('scheme_keywords');
    expect(folder.scheme_keywords).toContain('hébergement insolite');

    await suite.page.getByLabel('Période', { exact: true }).selectOption('7');
    await suite.page.getByRole('table', { name: 'Recherches les plus fréquentes sur les 7 derniers jours' }).waitFor();
    await suite.page.getByLabel('Thème', { exact: true }).selectOption({ label: 'Environnement-Climat' });
    await expect
      .poll(() => suite.page.getByRole('status').filter({ hasText: 'sur la période' }).textContent())
      .toBe('Aucune recherche sur la période.');
    await suite.expectAccessible('search-insights-theme');
  });

  it('an administrator hands an unanswered query to a directorate with a note', async () => {
    await suite.ctx.db('search_log').insert({ query: 'vélo cargo', result_count: 0, is_answered: false, role: 'agent' });
    await suite.signIn(adminEmail);
    await suite.page.goto(`${suite.url}/recherches`);
    const unanswered = suite.page.getByRole('table', { name: 'Recherches sans réponse sur les 30 derniers jours, et la suite donnée' });
    await unanswered.getByRole('button', { name: 'Donner suite à « vélo cargo »' }).click();
    const dialog = suite.page.getByRole('dialog', { name: 'Donner suite à « vélo cargo »' });
    expect(await dialog.getByRole('radio', { name: 'En faire un synonyme' }).count()).toBe(1);
    await dialog.getByRole('radio', { name: 'La confier à une direction' }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Choisissez une valeur.');
    const directorate = (await suite.ctx.db('directorates').where({ is_active: true }).orderBy('name').first('name')).name as string;
    await dialog.getByLabel('Direction', { exact: true }).selectOption({ label: directorate });
    await dialog.getByLabel('Note pour la direction').fill('Demandé par plusieurs Maisons.');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => unanswered.getByRole('row', { name: /vélo cargo/ }).textContent())
      .toContain(`Confiée à ${directorate} : Demandé par plusieurs Maisons.`);
    await suite.expectAccessible('search-insights-assigned');
  });

  it('an administrator edits the synonym groups: a refused group is named, a saved one is what the API gives back', async () => {
    await suite.signIn(adminEmail);
    await suite.page.goto(`${suite.url}/`);
    await nav().getByRole('link', { name: 'Synonymes' }).click();
    await expect.poll(() => h1().textContent()).toBe('Synonymes');
    await expect.poll(() => suite.page.title()).toBe("Synonymes — L'info pour tous");
    await suite.page.getByText('Aucun groupe pour l’instant.').waitFor();

    const add = suite.page.getByRole('button', { name: 'Ajouter un groupe' });
    await add.focus();
    await suite.page.keyboard.press('Enter');
    const first = suite.page.getByRole('textbox', { name: 'Groupe 1' });
    await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
    await suite.page.keyboard.type('TPE, très petite entreprise');
    await add.click();
    await expect
      .poll(() => suite.page.getByRole('textbox', { name: 'Groupe 2' }).evaluate((element) => element === document.activeElement))
      .toBe(true);
    await suite.page.keyboard.type('alternance');
    await suite.page.getByRole('button', { name: 'Enregistrer les synonymes' }).click();

    const alert = suite.page.getByRole('alert').filter({ hasText: 'pas été enregistrés' });
    await expect
      .poll(() => alert.textContent())
      .toBe('Les synonymes n’ont pas été enregistrés : Groupe 2 : Un groupe de synonymes a au moins deux termes.');
    const second = suite.page.getByRole('textbox', { name: 'Groupe 2' });
    expect(await second.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => second.evaluate((element) => element === document.activeElement)).toBe(true);
    await suite.expectAccessible('search-synonyms-refused');

    await second.fill('alternance, apprentissage');
    await suite.page.getByRole('button', { name: 'Enregistrer les synonymes' }).click();
    const saved = suite.page.getByRole('status').filter({ hasText: 'enregistrés' });
    await expect
      .poll(() => saved.textContent())
      .toBe('Les synonymes sont enregistrés : 2 groupes. La recherche les applique dans un instant.');
    expect(await alert.count()).toBe(0);
    const api = await suite.page.request.get(`${suite.url}/api/synonyms`);
    expect(await api.json()).toEqual({
      groups: [
        ['TPE', 'très petite entreprise'],
        ['alternance', 'apprentissage'],
      ],
    });
    await suite.expectAccessible('search-synonyms-saved');

    // Removing a group moves focus to the field that takes its place.
    await suite.page.reload();
    await expect.poll(() => suite.page.getByRole('textbox', { name: 'Groupe 1' }).inputValue()).toBe('TPE, très petite entreprise');
    await suite.page.getByRole('button', { name: 'Supprimer le groupe 1' }).click();
    await expect
      .poll(() => suite.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('alternance, apprentissage');
    await suite.page.getByRole('button', { name: 'Enregistrer les synonymes' }).click();
    await expect.poll(() => saved.textContent()).toContain('1 groupe.');
    expect((await (await suite.page.request.get(`${suite.url}/api/synonyms`)).json()).groups).toEqual([['alternance', 'apprentissage']]);
  });

  it('an administrator switches an entry of the shipped thesaurus off with the keyboard, and on again', async () => {
    await suite.signIn(adminEmail);
    await suite.page.goto(`${suite.url}/administration/synonymes`);
    await suite.page.getByRole('heading', { name: 'Thésaurus fourni', level: 2 }).waitFor();
    await suite.page.getByRole('searchbox', { name: 'Filtrer les entrées' }).fill('chômage');
    const entry = suite.page.getByRole('checkbox', { name: /^Active : Équivalents : chômage, demandeur d'emploi/ });
    await expect.poll(() => entry.isChecked()).toBe(true);
    await entry.focus();
    await suite.page.keyboard.press('Space');
    const status = suite.page.getByRole('status').filter({ hasText: 'est désactivée' });
    await expect.poll(() => status.textContent()).toMatch(/^L’entrée « chômage, .+ » est désactivée\.$/);
    await suite.expectAccessible('search-thesaurus');
    const listed = (await (await suite.page.request.get(`${suite.url}/api/thesaurus`)).json()) as {
      entries: { id: string; isEnabled: boolean }[];
    };
    expect(listed.entries.find((e) => e.id === 'chomage')?.isEnabled).toBe(false);
    await suite.page.reload();
    await suite.page.getByRole('searchbox', { name: 'Filtrer les entrées' }).fill('chômage');
    await expect.poll(() => entry.isChecked()).toBe(false);
    // The box follows the server's answer (a controlled input): click, then wait for it.
    await entry.click();
    await expect.poll(() => suite.page.getByRole('status').filter({ hasText: 'est réactivée' }).count()).toBe(1);
    await expect.poll(() => entry.isChecked()).toBe(true);
  });

  it('an editor cannot open the synonyms', async () => {
    await suite.signIn(editorEmail);
    await suite.page.goto(`${suite.url}/administration/synonymes`);
    await expect.poll(() => h1().textContent()).toBe('Accès réservé');
    expect(await suite.page.getByRole('textbox').count()).toBe(0);
  });
});
