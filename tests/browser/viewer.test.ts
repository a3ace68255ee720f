import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../fixtures/files';
import { drainJobs } from '../jobs';
import { apiSignedIn, browserSuite, browserTestTimeoutMs, directorateIdOf, screenshot, themeIdNamed } from './harness';

const editorEmail = 'editeur.dtee@region.example';
const agentEmail = 'agent.ales@region.example';

describe('what search sees, thumbnails and the PDF viewer, in a real browser', { timeout: browserTestTimeoutMs }, () => {
  const ids = { guide: '', note: '' };

  /** Two published documents of one scheme, extracted and indexed, the guide's thumbnail drawn. */
  async function arrangeDocuments() {
    const { api: editor, csrf } = await apiSignedIn(suite.ctx, editorEmail);
    const theme = await themeIdNamed(suite.ctx, 'Tourisme');
    const directorateId = await directorateIdOf(suite.ctx, 'DTEE');
    const scheme = await editor
      .post('/api/folders')
      .set('X-CSRF-Token', csrf)
      .send({
        name: 'Hébergements durables',
        parentId: theme,
        scheme: { directorateId, isPermanent: true, promise: 'Des hébergements touristiques plus sobres' },
      })
      .expect(201);
    const upload = async (title: string, file: Buffer, filename: string) =>
      (
        await editor
          .post('/api/documents')
          .set('X-CSRF-Token', csrf)
          .field('folderId', scheme.body.folder.id as string)
          .field('title', title)
          .field('status', 'published')
          .attach('file', file, filename)
          .expect(201)
      ).body.document.id as string;
    ids.guide = await upload(
      'Guide des hébergements durables',
      await makePdf([
        'Présentation du dispositif régional pour les hébergements touristiques.',
        'Conditions générales : les entreprises du tourisme installées dans la Région.',
        'Le Camping des Pins a réduit ses consommations : économies d’eau de 30 %, récupérateurs de pluie. Un camping classé peut demander l’aide.',
        'Dépenses éligibles : mousseurs, chasses d’eau économes. Les économies réalisées sont mesurées un an après.',
      ]),
      'guide.pdf',
    );
    ids.note = await upload('Note sur les campings', makeDocx(['Les campings et les économies d’énergie.']), 'note.docx');
    expect(await drainJobs(suite.ctx)).toEqual([]);
    // Thumbnails are drawn on first request; drawn here, the browser's checks do not wait on a busy machine.
    await editor.get(`/api/documents/${ids.guide}/thumbnail?version=1`).expect(200);
  }

  const suite = browserSuite({
    context: { withSearchIndex: true },
    arrange: arrangeDocuments,
    browserContext: { viewport: { width: 1280, height: 900 } },
    defaultTimeoutMs: 10000,
  });

  const focusedKey = () =>
    suite.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.hitKey ?? document.activeElement?.textContent ?? '');
  const viewerStatus = () => suite.page.locator('p[role=status].viewer__status');
  const marks = () => suite.page.locator('.textLayer mark.viewer__match');

  it('results show the first page beside a PDF and an icon beside a Word file when the screen has room; none on a narrow screen', async () => {
    await suite.signInAndOpen(agentEmail, '/?q=camping%20economies%20eau');
    const guide = suite.page.locator('.doc-hit').filter({ hasText: 'Guide des hébergements durables' });
    await guide.waitFor();
    const thumbnail = guide.locator('img.thumbnail');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    // Decorative: the title beside it says what it is.
    expect(await thumbnail.getAttribute('alt')).toBe('');
    const note = suite.page.locator('.doc-hit').filter({ hasText: 'Note sur les campings' });
    expect(await note.locator('.thumbnail--icon').textContent()).toBe('DOCX');
    expect(await note.locator('.thumbnail--icon').getAttribute('aria-hidden')).toBe('true');
    await suite.expectAccessible('viewer-results-thumbnails-1280');

    await suite.page.setViewportSize({ width: 800, height: 1000 });
    expect(await thumbnail.isVisible()).toBe(false);
    await screenshot(suite.page, 'viewer-results-800');
  });

  it('a hit opens the viewer at its page with the words highlighted (accents ignored), pages and occurrences from the keyboard, Escape goes back with focus on the hit', async () => {
    await suite.signInAndOpen(agentEmail, '/');
    await suite.page.getByRole('searchbox', { name: 'Rechercher un dispositif ou un document' }).fill('camping economies eau');
    const link = suite.page.getByRole('link', { name: /^Guide des hébergements durables — lire le PDF à la page 3, mots surlignés$/ });
    await link.focus();
    await suite.page.keyboard.press('Enter');

    await expect.poll(() => new URL(suite.page.url()).pathname).toBe(`/documents/${ids.guide}/lecture`);
    expect(new URL(suite.page.url()).searchParams.get('page')).toBe('3');
    await expect.poll(() => suite.page.getByRole('heading', { level: 1 }).textContent()).toBe('Guide des hébergements durables');
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 3 sur 4, \d+ occurrences sur cette page, occurrence 1 sur \d+$/);
    const highlighted = (await marks().allTextContents()).map((word) => word.toLowerCase());
    expect(highlighted).toEqual(expect.arrayContaining(['camping', 'économies', 'eau']));
    // The text layer is real text, the page a region with its number; the canvas is hidden from screen readers.
    expect(await suite.page.getByRole('region', { name: 'Page 3 sur 4' }).textContent()).toContain(
      'Le Camping des Pins a réduit ses consommations',
    );
    expect(await suite.page.locator('.viewer__page canvas').getAttribute('aria-hidden')).toBe('true');
    expect(await suite.page.locator('.viewer__match--current').count()).toBe(1);
    await suite.expectAccessible('viewer-page-3');

    // → and ←: the next page and back; each page replaces the last in the history.
    await suite.page.keyboard.press('ArrowRight');
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4/);
    expect(new URL(suite.page.url()).searchParams.get('page')).toBe('4');
    await suite.page.keyboard.press('ArrowLeft');
    // The page shows before its occurrences are counted (its text layer comes after): F3 is pressed once they are.
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 3 sur 4, \d+ occurrences sur cette page, occurrence 1 sur \d+$/);

    // F3 walks the occurrences, then on to the next page that has one; Maj+F3 comes back.
    const count = Number(/(\d+) occurrences/.exec((await viewerStatus().textContent()) ?? '')?.[1]);
    for (let i = 2; i <= count; i += 1) {
      await suite.page.keyboard.press('F3');
      await expect.poll(() => viewerStatus().textContent()).toContain(`occurrence ${i} sur ${count}`);
    }
    await suite.page.keyboard.press('F3');
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4, \d+ occurrences? sur cette page, occurrence 1 sur/);
    expect((await marks().allTextContents()).map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(['économies', 'eau']));
    await suite.page.keyboard.press('Shift+F3');
    await expect
      .poll(() => viewerStatus().textContent())
      .toBe(`Page 3 sur 4, ${count} occurrences sur cette page, occurrence ${count} sur ${count}`);
    // The buttons do the same for whoever tabs to them.
    await suite.page.getByRole('button', { name: 'Page suivante' }).click();
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4/);

    // Escape: back to the same results, focus on the document that was opened.
    await suite.page.keyboard.press('Escape');
    await expect.poll(() => new URL(suite.page.url()).pathname).toBe('/');
    await expect.poll(focusedKey).toBe(`document:${ids.guide}`);
  });

  it('the Back button of the browser returns from the viewer to the results as well', async () => {
    await suite.signInAndOpen(agentEmail, '/?q=camping%20economies%20eau');
    await suite.page.getByRole('link', { name: /^Guide des hébergements durables — lire le PDF/ }).click();
    await expect.poll(() => marks().count()).toBeGreaterThan(0);
    await suite.page.getByRole('button', { name: 'Page suivante' }).click();
    await expect.poll(() => viewerStatus().textContent()).toMatch(/^Page 4 sur 4/);
    await suite.page.goBack();
    await expect.poll(() => new URL(suite.page.url()).pathname).toBe('/');
    await expect.poll(focusedKey).toBe(`document:${ids.guide}`);
  });

  it('the editor sees what search sees of the document: its first page and its text per page', async () => {
    await suite.signInAndOpen(editorEmail, `/documents/${ids.guide}`);
    const section = suite.page.getByRole('region', { name: 'Ce que la recherche voit' });
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Pages 1 à 4 sur 4');
    expect(await section.locator('summary').allTextContents()).toEqual([
      expect.stringMatching(/^Page 1 — \d+ mots$/),
      expect.stringMatching(/^Page 2 — \d+ mots$/),
      expect.stringMatching(/^Page 3 — \d+ mots$/),
      expect.stringMatching(/^Page 4 — \d+ mots$/),
    ]);
    const third = section.locator('details').nth(2);
    expect(await third.locator('pre').isVisible()).toBe(false);
    await third.locator('summary').click();
    expect(await third.locator('pre').isVisible()).toBe(true);
    expect(await third.locator('pre').textContent()).toContain('Le Camping des Pins a réduit ses consommations');
    const thumbnail = suite.page.getByRole('region', { name: 'Fichier' }).locator('img.thumbnail');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    expect(await thumbnail.getAttribute('src')).toBe(`/api/documents/${ids.guide}/thumbnail?version=1`);
    await suite.expectAccessible('viewer-document-page');
  });
});
