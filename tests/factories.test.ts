import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context';
import { buildDocument, buildUser, buildVersion } from './factories';

describe('factories', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('buildUser gives an editor a directorate and an agent a Maison', async () => {
    const editor = await buildUser(ctx.db, { role: 'editor' });
    const agent = await buildUser(ctx.db, { role: 'agent' });
    expect(editor.directorate_id).toEqual(expect.any(String));
    expect(agent.maison_id).toEqual(expect.any(String));
  });

  it('buildVersion creates the document, its scheme, directorate and owner, and the stored file', async () => {
    const version = await buildVersion(ctx.db, ctx.storage, { content: Buffer.from('Bonjour') });
    const document = await ctx.db('documents').where({ id: version.document_id }).first();
    expect(document.current_version_id).toBe(version.id);
    const scheme = await ctx.db('folders').where({ id: document.folder_id }).first();
    expect(scheme).toMatchObject({ is_scheme: true, directorate_id: document.directorate_id });
    expect(await ctx.storage.exists(version.storage_key)).toBe(true);
    expect((await buildVersion(ctx.db, ctx.storage, { document_id: document.id })).number).toBe(2);
  });

  it('buildDocument keeps the directorate it is given', async () => {
    const editor = await buildUser(ctx.db, { role: 'editor' });
    const document = await buildDocument(ctx.db, {
      directorate_id: editor.directorate_id as string,
      owner_id: editor.id,
      scope: 'external',
    });
    expect(document).toMatchObject({ directorate_id: editor.directorate_id, owner_id: editor.id, scope: 'external' });
  });
});
