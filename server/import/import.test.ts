import { spawn, execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestContext, uniqueName, type TestContext } from '../../tests/context';
import { buildFolder, buildUser } from '../../tests/factories';
import { makeDocx, makePdf, makeText } from '../../tests/fixtures/files';
import { toActor, usersWithPlaces } from '../users/service';
import { importDirectory } from './importDirectory';

const root = path.resolve(import.meta.dirname, '../..');

describe('bulk import of a directory tree', () => {
  let ctx: TestContext;
  let dir: string;
  let adminId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.db('directorates').insert({ code: 'DTOUR', name: 'Direction du Tourisme' });
    await buildFolder(ctx.db, { name: 'Tourisme' });
    adminId = (await buildUser(ctx.db, { role: 'admin', email: 'admin.import@region.example' })).id;
    dir = path.join(inject('services').tmpDir, uniqueName('lecteur-reseau'));
    await mkdir(path.join(dir, 'Hébergements', 'Campings'), { recursive: true });
    await mkdir(path.join(dir, 'Formulaires'), { recursive: true });
    await writeFile(path.join(dir, 'Hébergements', 'Campings', 'Règlement Ec’Eau.pdf'), await makePdf(['Règlement des campings']));
    await writeFile(path.join(dir, 'Hébergements', 'Campings', 'copie du règlement.pdf'), await makePdf(['Règlement des campings']));
    await writeFile(path.join(dir, 'Formulaires', 'demande.docx'), makeDocx(['Formulaire de demande']));
    await writeFile(path.join(dir, 'Formulaires', 'notes.txt'), makeText('Notes de service.'));
    await writeFile(path.join(dir, 'Formulaires', 'piege.pdf'), makeText('<html><script>alert(1)</script></html>'));
    await writeFile(path.join(dir, 'vide.pdf'), Buffer.alloc(0));
    await symlink(dir, path.join(dir, 'Hébergements', 'boucle'));
    execFileSync('mkfifo', [path.join(dir, 'tube')]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await ctx.close();
  });

  const run = async (options: { isDryRun?: boolean; signal?: AbortSignal; onFile?: (file: string) => Promise<void> } = {}) => {
    const admin = toActor((await usersWithPlaces(ctx.db).where('u.id', adminId).first())!);
    return importDirectory(
      ctx,
      admin,
      { actorId: admin.id, actorLabel: 'Admin (import)', ip: null, userAgent: 'test' },
      {
        root: dir,
        under: 'Tourisme',
        directorateCode: 'DTOUR',
        scope: 'external',
        status: 'published',
        isDryRun: options.isDryRun ?? false,
        maxBytes: 10 * 1024 * 1024,
      },
      { signal: options.signal, onFile: options.onFile },
    );
  };

  it('a dry run reports without writing', async () => {
    const report = await run({ isDryRun: true });
    expect(report.imported).toHaveLength(5);
    expect(await ctx.db('documents').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('interrupted, then run again: resumes, no duplicates; problems reported, the run goes on', async () => {
    const controller = new AbortController();
    let seen = 0;
    const first = await run({ signal: controller.signal, onFile: async () => void (++seen === 3 && controller.abort()) });
    expect(first.imported.length).toBe(2);

    const second = await run();
    const all = [...first.imported, ...second.imported];
    expect(new Set(all).size).toBe(all.length);
    expect(second.duplicates).toEqual(expect.arrayContaining(first.imported));
    expect(second.rejected).toEqual(
      expect.arrayContaining([
        { file: 'Formulaires/piege.pdf', reason: expect.stringMatching(/^Ce type de fichier n'est pas accepté/) },
        { file: 'vide.pdf', reason: 'fichier vide' },
        { file: path.join('Hébergements', 'boucle'), reason: 'lien symbolique ignoré' },
        { file: 'tube', reason: 'pas un fichier ordinaire (tube, périphérique…)' },
      ]),
    );
    // The règlement has the same bytes as its copy (imported first), in the same folder: skipped as a duplicate.
    const documents = await ctx.db('documents').select('title', 'scope', 'status', 'owner_id');
    expect(all).toHaveLength(3);
    // Named after their files until the worker reads them (server/documents/naming.ts).
    expect(documents.map((d) => d.title).sort()).toEqual(['Copie du règlement', 'Demande', 'Notes']);
    expect(documents.every((d) => d.scope === 'external' && d.status === 'published' && d.owner_id === adminId)).toBe(true);
    const folders = await ctx.db('folders').whereNotNull('parent_id').pluck('name');
    expect(folders).toEqual(expect.arrayContaining(['Hébergements', 'Campings', 'Formulaires']));
    expect(await ctx.db('audit_events').where({ action: 'document.created', actor_id: adminId }).count({ n: '*' }).first()).toEqual({
      n: 3,
    });
    expect(await ctx.db('share_links').count({ n: '*' }).first()).toEqual({ n: 3 });
  });

  it('a file vanishing during the run is reported and the run goes on', async () => {
    const extra = path.join(dir, 'Formulaires', 'zz-disparait.txt');
    await writeFile(extra, 'éphémère');
    const report = await run({ onFile: async (file) => void (file === 'Formulaires/piege.pdf' && (await rm(extra))) });
    expect(report.rejected).toContainEqual({ file: 'Formulaires/zz-disparait.txt', reason: 'fichier disparu pendant l’import' });
  });

  it('npm run import: plain progress lines when not on a terminal, and the final report', async () => {
    const { meili } = inject('services');
    const child = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [
        'server/cli/import.ts',
        dir,
        '--under',
        'Tourisme',
        '--directorate',
        'DTOUR',
        '--scope',
        'internal',
        '--as',
        'admin.import@region.example',
      ],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          DATABASE_URL: ctx.databaseUrl,
          MEILI_URL: meili.url,
          MEILI_MASTER_KEY: meili.masterKey,
          DATA_DIR: ctx.dir,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    expect(output).toMatch(/Import: \d+% \d+\/\d+ fichiers/);
    expect(output).toContain('Imported: 0');
    expect(output).toMatch(/Skipped as duplicates \(same bytes already there\): 4/);
    expect(output).toContain('tube: pas un fichier ordinaire');
  });
});
