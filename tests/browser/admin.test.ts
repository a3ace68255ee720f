import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enqueueJob } from '../../server/jobs/queue';
import { drainJobs } from '../jobs';
import { browserSuite, browserTestTimeoutMs } from './harness';

const adminEmail = 'admin@region.example';
const editorEmail = 'editeur.dtour@region.example';
const agentEmail = 'agent.tarbes@region.example';

describe(
  'the administration area (directorates and Maisons, users, audit trail, jobs), in a real browser',
  { timeout: browserTestTimeoutMs },
  () => {
    const suite = browserSuite({ defaultTimeoutMs: 5000 });

    const nav = (on = suite.page) => on.getByRole('navigation', { name: 'Navigation principale' });
    const h1 = () => suite.page.getByRole('heading', { level: 1 });
    const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

    it('creates a directorate with the keyboard, refuses a duplicate code in French, renames, deactivates and deletes it through dialogs', async () => {
      await suite.signIn(adminEmail);
      await suite.page.goto(`${suite.url}/`);
      await nav().getByRole('link', { name: 'Administration' }).click();
      await expect.poll(() => h1().textContent()).toBe('Administration');
      await expect.poll(() => suite.page.title()).toBe("Administration — L'info pour tous");
      expect(await nav().getByRole('link', { name: 'Administration' }).getAttribute('aria-current')).toBe('page');
      expect(await suite.page.getByRole('main').getByRole('link', { name: 'Synonymes' }).getAttribute('href')).toBe(
        '/administration/synonymes',
      );
      await suite.expectAccessible('admin-home');

      await suite.page.getByRole('main').getByRole('link', { name: 'Directions et Maisons de Région' }).click();
      await expect.poll(() => h1().textContent()).toBe('Directions et Maisons de Région');
      await expect.poll(() => suite.page.title()).toBe("Directions et Maisons de Région — L'info pour tous");
      const directorates = suite.page.getByRole('table', { name: 'Les directions de la Région' });
      await directorates.waitFor();
      await expect.poll(() => suite.page.getByRole('table', { name: 'Les Maisons de Région' }).getByRole('rowheader').count()).toBe(4);
      // A directorate that its editor still refers to: no "Supprimer", and the reason why.
      const tourism = directorates.getByRole('row', { name: /Direction du Tourisme et du Thermalisme/ });
      expect(await tourism.getByRole('button', { name: /^Supprimer/ }).count()).toBe(0);
      expect(await tourism.textContent()).toContain('Suppression impossible tant qu’elle est utilisée : désactivez-la plutôt.');

      // Keyboard only: code, Tab, name, Enter.
      const form = suite.page.getByRole('form', { name: 'Ajouter une direction' });
      await form.getByRole('textbox', { name: 'Code' }).focus();
      await suite.page.keyboard.type('dsport');
      await suite.page.keyboard.press('Tab');
      expect(await isFocused(form.getByRole('textbox', { name: 'Nom' }))).toBe(true);
      await suite.page.keyboard.type('Direction des Sports');
      await suite.page.keyboard.press('Enter');
      const status = suite.page.getByRole('region', { name: 'Directions' }).getByRole('status');
      await expect.poll(() => status.textContent()).toBe('La direction « Direction des Sports » (DSPORT) est ajoutée.');
      const sports = directorates.getByRole('row', { name: /Direction des Sports/ });
      expect(await sports.textContent()).toContain('DSPORT');
      expect(await form.getByRole('textbox', { name: 'Code' }).inputValue()).toBe('');

      // The same code again: the API's 409, in French, next to the field, which gets focus.
      await form.getByRole('textbox', { name: 'Code' }).fill('DSPORT');
      await form.getByRole('textbox', { name: 'Nom' }).fill('Direction bis');
      await suite.page.keyboard.press('Enter');
      const code = form.getByRole('textbox', { name: 'Code' });
      await expect.poll(() => form.getByRole('alert').textContent()).toBe('Ce code existe déjà.');
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      expect(await code.getAttribute('aria-describedby')).toContain('direction-code-erreur');
      await expect.poll(() => isFocused(code)).toBe(true);
      await suite.expectAccessible('admin-places-duplicate');

      // Rename in a dialog: focus in its field, then back on "Modifier".
      const edit = sports.getByRole('button', { name: 'Modifier Direction des Sports' });
      await edit.click();
      const editDialog = suite.page.getByRole('dialog', { name: 'Modifier la direction DSPORT' });
      const name = editDialog.getByRole('textbox', { name: 'Nom' });
      await expect.poll(() => isFocused(name)).toBe(true);
      await suite.expectAccessible('admin-places-edit-dialog');
      await name.fill('Direction des Sports et de la Jeunesse');
      await suite.page.keyboard.press('Enter');
      await expect.poll(() => status.textContent()).toBe('La direction « Direction des Sports et de la Jeunesse » (DSPORT) est modifiée.');
      expect(await editDialog.isVisible()).toBe(false);
      await expect
        .poll(() => isFocused(directorates.getByRole('button', { name: 'Modifier Direction des Sports et de la Jeunesse' })))
        .toBe(true);

      // Deactivate: Esc closes the confirmation and gives focus back; confirming deactivates.
      const renamed = directorates.getByRole('row', { name: /Direction des Sports et de la Jeunesse/ });
      const deactivate = renamed.getByRole('button', { name: 'Désactiver Direction des Sports et de la Jeunesse' });
      await deactivate.focus();
      await suite.page.keyboard.press('Enter');
      const confirm = suite.page.getByRole('dialog', { name: 'Désactiver la direction « Direction des Sports et de la Jeunesse » ?' });
      await expect.poll(() => isFocused(confirm.getByRole('button', { name: 'Annuler' }))).toBe(true);
      expect(await confirm.textContent()).toContain('ses éditeurs sont refusés à leur prochaine connexion par le SSO');
      await suite.page.keyboard.press('Escape');
      await expect.poll(() => confirm.isVisible()).toBe(false);
      await expect.poll(() => isFocused(deactivate)).toBe(true);
      await suite.page.keyboard.press('Enter');
      await confirm.getByRole('button', { name: 'Désactiver' }).click();
      await expect
        .poll(() => status.textContent())
        .toBe('La direction « Direction des Sports et de la Jeunesse » (DSPORT) est désactivée.');
      await expect.poll(() => renamed.getByText('Désactivée', { exact: true }).count()).toBe(1);
      await expect
        .poll(() => isFocused(renamed.getByRole('button', { name: 'Réactiver Direction des Sports et de la Jeunesse' })))
        .toBe(true);

      // Nothing refers to it: it can be deleted, after a confirmation.
      await renamed.getByRole('button', { name: 'Supprimer Direction des Sports et de la Jeunesse' }).click();
      await suite.page
        .getByRole('dialog', { name: 'Supprimer la direction « Direction des Sports et de la Jeunesse » ?' })
        .getByRole('button', { name: 'Supprimer' })
        .click();
      await expect.poll(() => status.textContent()).toBe('La direction « Direction des Sports et de la Jeunesse » (DSPORT) est supprimée.');
      await expect.poll(() => renamed.count()).toBe(0);
      expect(await suite.ctx.db('directorates').where({ code: 'DSPORT' }).first('id')).toBeUndefined();
      await suite.expectAccessible('admin-places');
    });

    it('lists users with their role and its source, filters them, and deactivating one signs that user out at once', async () => {
      const dtour = (await suite.ctx.db('directorates').where({ code: 'DTOUR' }).first('id')).id as string;
      await suite.ctx.db('users').insert({
        idp_issuer: 'https://idp.region.example',
        name_id: 'c.martin',
        email: 'mission.eau@region.example',
        display_name: 'Chargée de mission Eau',
        role: 'editor',
        role_source: 'sso:LPT-EDITEURS',
        groups: ['LPT-EDITEURS'],
        directorate_id: dtour,
      });
      const agentPage = await suite.newPage();
      await suite.signIn(agentEmail, agentPage);
      await agentPage.goto(`${suite.url}/`);
      const agentSession = agentPage.getByRole('region', { name: 'Votre session' });
      await expect.poll(() => agentSession.textContent()).toContain("Agent d'accueil Tarbes");

      await suite.signIn(adminEmail);
      await suite.page.goto(`${suite.url}/administration/utilisateurs`);
      await expect.poll(() => h1().textContent()).toBe('Utilisateurs');
      await expect.poll(() => suite.page.title()).toBe("Utilisateurs — L'info pour tous");
      const count = suite.page.locator('p[role=status].search-count');
      await expect.poll(() => count.textContent()).toBe('12 utilisateurs.');
      const table = suite.page.getByRole('table', { name: 'Utilisateurs' });
      expect(await table.getByRole('row', { name: /Chargée de mission Eau/ }).textContent()).toContain(
        'Éditeurissu du groupe SSO LPT-EDITEURS',
      );
      expect(await table.getByRole('row', { name: /Éditeur DTOUR/ }).textContent()).toContain('Éditeurcompte de démonstration');
      expect(
        await table
          .getByRole('row', { name: /Administrateur Région/ })
          .getByRole('button')
          .count(),
      ).toBe(0);

      // Filters, in a form: by directorate and role, then by text.
      const filters = suite.page.getByRole('search', { name: 'Filtrer les utilisateurs' });
      await filters.getByLabel('Rôle').selectOption({ label: 'Éditeur' });
      await filters.getByLabel('Direction').selectOption({ label: 'Direction du Tourisme et du Thermalisme' });
      await filters.getByRole('button', { name: 'Filtrer' }).click();
      await expect.poll(() => count.textContent()).toBe('2 utilisateurs.');
      expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Chargée de mission Eau', 'Éditeur DTOUR']);
      expect(new URL(suite.page.url()).searchParams.get('role')).toBe('editor');
      await filters.getByRole('link', { name: 'Effacer les filtres' }).click();
      await expect.poll(() => count.textContent()).toBe('12 utilisateurs.');
      await filters.getByRole('searchbox', { name: 'Nom ou adresse e-mail' }).fill('tarbes');
      await suite.page.keyboard.press('Enter');
      await expect.poll(() => count.textContent()).toBe('1 utilisateur.');
      const agentRow = table.getByRole('row', { name: /Agent d'accueil Tarbes/ });
      expect(await agentRow.textContent()).toContain('Maison de Région de Tarbes');
      await suite.expectAccessible('admin-users');

      await agentRow.getByRole('button', { name: "Désactiver Agent d'accueil Tarbes" }).click();
      const dialog = suite.page.getByRole('dialog', { name: "Désactiver le compte de Agent d'accueil Tarbes ?" });
      expect(await dialog.textContent()).toContain('Ses sessions se terminent aussitôt');
      await suite.expectAccessible('admin-users-deactivate-dialog');
      await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
      await expect
        .poll(() => suite.page.getByRole('status').filter({ hasText: 'désactivé' }).textContent())
        .toBe("Le compte de Agent d'accueil Tarbes est désactivé ; ses sessions sont terminées.");
      await expect.poll(() => agentRow.getByText('Désactivé', { exact: true }).count()).toBe(1);
      await expect.poll(() => isFocused(agentRow.getByRole('button', { name: "Réactiver Agent d'accueil Tarbes" }))).toBe(true);

      // The agent, signed in before, is signed out on the next page load.
      await agentPage.reload();
      await expect.poll(() => agentSession.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
      expect((await agentPage.request.get(`${suite.url}/api/session`)).status()).toBe(401);
      await agentPage.context().close();
    });

    it('filters the audit trail by action, shows what changed, and exports the same events as CSV', async () => {
      const csrfToken = await suite.signIn(adminEmail);
      const created = await suite.page.request.post(`${suite.url}/api/admin/maisons`, {
        headers: { 'X-CSRF-Token': csrfToken },
        data: { code: 'MR-MENDE', name: 'Maison de Région de Mende', city: 'Mende' },
      });
      expect(created.status()).toBe(201);

      await suite.page.goto(`${suite.url}/administration/journal`);
      await expect.poll(() => h1().textContent()).toBe('Journal d’audit');
      await expect.poll(() => suite.page.title()).toBe("Journal d’audit — L'info pour tous");
      const filters = suite.page.getByRole('search', { name: 'Filtrer le journal' });
      await filters.getByLabel('Acteur').selectOption({ label: `Administrateur Région (${adminEmail})` });
      await filters.getByLabel('Action').selectOption({ label: 'Maison ajoutée' });
      await filters.getByRole('button', { name: 'Filtrer' }).click();
      const count = suite.page.locator('p[role=status].search-count');
      await expect.poll(() => count.textContent()).toBe('Page 1 sur 1 : 1 événement en tout.');
      const table = suite.page.getByRole('table', { name: 'Événements du journal d’audit, du plus récent au plus ancien' });
      const row = table.getByRole('row', { name: /Maison ajoutée/ });
      // In words, with names: no codes, no ids.
      expect(await row.getByRole('rowheader').textContent()).toBe(
        'Administrateur Région a ajouté la Maison « Maison de Région de Mende »Maison ajoutée',
      );
      expect((await row.getByRole('listitem').allTextContents()).sort()).toEqual([
        'Code : — → MR-MENDE',
        'Nom : — → Maison de Région de Mende',
        'Ville : — → Mende',
      ]);
      expect(await row.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
      await suite.expectAccessible('admin-audit');

      const csvLink = suite.page.getByRole('link', { name: 'Exporter en CSV' });
      const href = await csvLink.getAttribute('href');
      expect(new URL(href ?? '', suite.url).searchParams.get('action')).toBe('maison.created');
      const csv = await suite.page.request.get(new URL(href ?? '', suite.url).toString());
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const lines = (await csv.text()).trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(
        '"Administrateur Région a ajouté la Maison « Maison de Région de Mende »";"Maison ajoutée";"Maison de Région : Maison de Région de Mende"',
      );

      // A page past the last says how many there are, and leads back to the first.
      await suite.page.goto(`${suite.url}/administration/journal?page=40`);
      await expect
        .poll(() => suite.page.getByRole('alert').textContent())
        .toMatch(/^Cette page du journal n’existe pas : il en compte \d+\. Première page$/);
      await suite.expectAccessible('admin-audit-unknown-page');
      await suite.page.getByRole('link', { name: 'Première page' }).click();
      await expect.poll(() => count.textContent()).toMatch(/^Page 1 sur \d+ : \d+ événements en tout\.$/);

      // A period that ends before it starts is refused next to its field.
      await filters.getByLabel('Du').fill('2026-03-10');
      await filters.getByLabel('Au').fill('2026-03-01');
      await filters.getByRole('button', { name: 'Filtrer' }).click();
      await expect.poll(() => filters.getByRole('alert').textContent()).toBe('La fin de la période précède son début.');
      expect(new URL(suite.page.url()).searchParams.get('from')).toBeNull();
    });

    it('lists a failed job with its error; "Relancer" puts it back in the queue', async () => {
      const { id } = await enqueueJob(suite.ctx.db, 'no.such.type', {}, { maxAttempts: 1 });
      expect(await drainJobs(suite.ctx)).toEqual([{ id, type: 'no.such.type', error: 'No handler for jobs of type no.such.type' }]);

      await suite.signIn(adminEmail);
      await suite.page.goto(`${suite.url}/administration`);
      await suite.page.getByRole('main').getByRole('link', { name: 'Tâches' }).click();
      await expect.poll(() => h1().textContent()).toBe('Tâches');
      await expect.poll(() => suite.page.title()).toBe("Tâches — L'info pour tous");
      const counts = suite.page.getByRole('region', { name: 'Tâches par état' });
      await expect.poll(() => counts.textContent()).toContain('En échec1');
      const table = suite.page.getByRole('table', { name: 'Tâches en échec, de la plus récente à la plus ancienne' });
      const row = table.getByRole('row').filter({ has: suite.page.getByRole('rowheader', { name: String(id), exact: true }) });
      expect(await row.textContent()).toContain('No handler for jobs of type no.such.type');
      expect(await row.textContent()).toContain('1 / 1');
      await suite.expectAccessible('admin-jobs');

      await row.getByRole('button', { name: `Relancer la tâche n° ${id}` }).click();
      await expect
        .poll(() => suite.page.getByRole('status').filter({ hasText: 'relancée' }).textContent())
        .toBe(`La tâche n° ${id} est relancée : elle repart dans la file d’attente.`);
      await expect.poll(() => suite.page.getByText('Aucune tâche en échec.').count()).toBe(1);
      expect(await suite.ctx.db('jobs').where({ id }).first('status', 'attempts')).toEqual({ status: 'queued', attempts: 0 });
      expect(await counts.textContent()).toContain('En attente1');
      expect(await isFocused(suite.page.getByRole('heading', { name: 'Tâches en échec' }))).toBe(true);
      await suite.expectAccessible('admin-jobs-retried');
    });

    it('an editor gets no Administration entry, and "Accès réservé" on its addresses', async () => {
      await suite.signIn(editorEmail);
      await suite.page.goto(`${suite.url}/`);
      await nav().getByRole('link', { name: 'Accueil' }).waitFor();
      expect(await nav().getByRole('link', { name: 'Administration' }).count()).toBe(0);
      for (const path of [
        '/administration',
        '/administration/directions-et-maisons',
        '/administration/utilisateurs',
        '/administration/journal',
        '/administration/taches',
      ]) {
        const response = await suite.page.goto(`${suite.url}${path}`);
        expect(response?.status()).toBe(200);
        await expect.poll(() => h1().textContent()).toBe('Accès réservé');
        expect(await suite.page.getByRole('table').count()).toBe(0);
        expect(await suite.page.getByRole('navigation', { name: 'Rubriques de l’administration' }).count()).toBe(0);
      }
      await suite.expectAccessible('admin-restricted');
    });
  },
);
