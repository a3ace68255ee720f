import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/context';
import { buildDocument, buildScheme, buildVersion } from '../../tests/factories';
import { makeDocx, makePdf } from '../../tests/fixtures/files';
import { createClient } from '../../search';
import { drainJobs } from '../../tests/jobs';
import { proposeTitles } from './retitle';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm run titles: documents still named after their file', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext({ withSearchIndex: true });
    const scheme = await buildScheme(ctx.db, { name: "Ec'Eau Tourisme" });
    const add = async (key: string, title: string, filename: string, content: Buffer, fileType: 'pdf' | 'docx') => {
      const document = await buildDocument(ctx.db, {
        title,
        folder_id: scheme.id,
        directorate_id: scheme.directorate_id as string,
        status: 'published',
      });
      await buildVersion(ctx.db, ctx.storage, {
        document_id: document.id,
        content,
        original_filename: filename,
        file_type: fileType,
        mime_type: fileType === 'pdf' ? 'application/pdf' : 'application/zip',
      });
      ids[key] = document.id;
    };
    // Titled the way uploads were before: the file name's stem, underscores as spaces.
    await add(
      'titled',
      'Ec-Eau-Tourisme reglement',
      'Ec-Eau-Tourisme_reglement.pdf',
      await makePdf(['Le règlement.'], { title: 'Règlement d’intervention Ec’Eau Tourisme' }),
      'pdf',
    );
    await add('bare', 'faq-economies-eau.pdf', 'faq-economies-eau.pdf', await makePdf(['Questions.']), 'pdf');
    await add('docx', 'fiche_v2', 'fiche_v2.docx', makeDocx(['Texte.'], { title: 'Fiche synthèse Ec’Eau' }), 'docx');
    // An editor's own title is never proposed, whatever the file says.
    await add('chosen', 'Le règlement, version votée', 'reglement.pdf', await makePdf(['Texte.'], { title: 'Autre titre' }), 'pdf');
    expect(await drainJobs(ctx)).toEqual([]);
  });
  afterAll(() => ctx.close());

  const runTitles = async (args: string[]) => {
    const { meili } = inject('services');
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/cli/titles.ts', ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: ctx.databaseUrl,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        DATA_DIR: ctx.dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    return { code, output };
  };
  const titleOf = async (key: string) => (await ctx.db('documents').where({ id: ids[key] }).first('title')).title as string;

  it('proposes the title each file carries, or its readable name, and leaves chosen titles alone', async () => {
    const proposals = await proposeTitles(ctx);
    expect(proposals.map(({ documentId, before, after }) => ({ documentId, before, after }))).toEqual([
      { documentId: ids.titled, before: 'Ec-Eau-Tourisme reglement', after: 'Règlement d’intervention Ec’Eau Tourisme' },
      { documentId: ids.bare, before: 'faq-economies-eau.pdf', after: 'Faq économies eau' },
      { documentId: ids.docx, before: 'fiche_v2', after: 'Fiche synthèse Ec’Eau' },
    ]);
  });

  it('prints old → new and changes nothing without confirmation', async () => {
    const { code, output } = await runTitles([]);
    expect(code).toBe(0);
    expect(output).toContain('Ec-Eau-Tourisme reglement → Règlement d’intervention Ec’Eau Tourisme');
    expect(output).toContain('faq-economies-eau.pdf → Faq économies eau');
    expect(output).toContain('Nothing changed');
    expect(await titleOf('titled')).toBe('Ec-Eau-Tourisme reglement');
  }, 120000); // A command started with tsx, its services and its extraction process: slow on a loaded machine.

  it('with --apply: renames, audits as the system, and reindexes through the job queue', async () => {
    const { code, output } = await runTitles(['--apply']);
    expect(code).toBe(0);
    expect(output).toContain('3 title(s) applied');
    expect(await titleOf('titled')).toBe('Règlement d’intervention Ec’Eau Tourisme');
    expect(await titleOf('chosen')).toBe('Le règlement, version votée');
    const audit = await ctx.db('audit_events').where({ object_id: ids.titled, action: 'document.updated' }).first();
    expect(audit).toMatchObject({
      actor_id: null,
      actor_label: 'Système (npm run titles)',
      changes: { title: { before: 'Ec-Eau-Tourisme reglement', after: 'Règlement d’intervention Ec’Eau Tourisme' } },
    });
    expect(
      await ctx
        .db('jobs')
        .where({ type: 'search.syncDocument', status: 'queued' })
        .whereRaw("payload->>'documentId' = ?", [ids.titled as string])
        .first(),
    ).toBeTruthy();
    expect(await drainJobs(ctx)).toEqual([]);
    const { meili } = inject('services');
    const records = await createClient({ url: meili.url, apiKey: meili.masterKey })
      .index(ctx.search.pagesIndex)
      .getDocuments<{ title: string }>({ filter: `documentId = "${ids.titled}"`, fields: ['title'] });
    expect(records.results.map((record) => record.title)).toEqual(['Règlement d’intervention Ec’Eau Tourisme']);
    // Run again: nothing left to propose.
    expect((await runTitles([])).output).toContain('No document to retitle');
  }, 180000); // Two runs of the command.
});
