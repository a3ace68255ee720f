import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors';
import { app, authorize, can, type Actor } from './index';
import { documentRightsCells } from './matrix';

const ownDirectorate = 'dir-own';
const otherDirectorate = 'dir-other';

function actor(role: Actor['role']): Actor {
  return {
    id: `u-${role}`,
    role,
    directorateId: role === 'editor' ? ownDirectorate : null,
    maisonId: role === 'agent' ? 'maison-1' : null,
  };
}

describe('the rights table, cell by cell, against the policy module', () => {
  const cells = documentRightsCells();

  it('covers role × action × scope × own/other directorate × status', () => {
    expect(cells).toHaveLength(6 * 2 * 3 * 4);
  });

  it.each(
    cells.map(
      (c) => [`${c.role} (${c.relation}) ${c.isAllowed ? 'may' : 'may not'} ${c.action} a ${c.status} ${c.scope} document`, c] as const,
    ),
  )('%s', (_, cell) => {
    const subject = {
      kind: 'document' as const,
      directorateId: cell.relation === 'own' ? ownDirectorate : otherDirectorate,
      scope: cell.scope,
      status: cell.status,
    };
    expect(can(actor(cell.role), cell.action, subject)).toBe(cell.isAllowed);
    if (cell.isAllowed) authorize(actor(cell.role), cell.action, subject);
    else expect(() => authorize(actor(cell.role), cell.action, subject)).toThrow(ForbiddenError);
  });
});

describe('folders and the rest', () => {
  const theme = { kind: 'folder' as const, directorateId: null };
  const ownScheme = { kind: 'folder' as const, directorateId: ownDirectorate };
  const otherScheme = { kind: 'folder' as const, directorateId: otherDirectorate };

  it('only admins create themes (top folders)', () => {
    const placement = { kind: 'folderPlacement' as const, parent: null, directorateId: null };
    expect(['agent', 'editor', 'admin'].map((role) => can(actor(role as Actor['role']), 'folder.create', placement))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('editors create schemes of their own directorate under a theme, and sub-folders in their own schemes only', () => {
    const editor = actor('editor');
    expect(can(editor, 'folder.create', { kind: 'folderPlacement', parent: theme, directorateId: ownDirectorate })).toBe(true);
    expect(can(editor, 'folder.create', { kind: 'folderPlacement', parent: theme, directorateId: otherDirectorate })).toBe(false);
    expect(can(editor, 'folder.create', { kind: 'folderPlacement', parent: ownScheme, directorateId: ownDirectorate })).toBe(true);
    expect(can(editor, 'folder.create', { kind: 'folderPlacement', parent: otherScheme, directorateId: ownDirectorate })).toBe(false);
    expect(can(actor('agent'), 'folder.create', { kind: 'folderPlacement', parent: theme, directorateId: null })).toBe(false);
  });

  it('editors change and delete their own schemes only; themes are for admins', () => {
    for (const action of ['folder.update', 'folder.delete'] as const) {
      expect(can(actor('editor'), action, ownScheme)).toBe(true);
      expect(can(actor('editor'), action, otherScheme)).toBe(false);
      expect(can(actor('editor'), action, theme)).toBe(false);
      expect(can(actor('agent'), action, ownScheme)).toBe(false);
      expect(can(actor('admin'), action, theme)).toBe(true);
    }
  });

  it('everyone signed in reads the tree; insights are for editors and admins; administration for admins', () => {
    expect(['agent', 'editor', 'admin'].map((r) => can(actor(r as Actor['role']), 'folder.read', theme))).toEqual([true, true, true]);
    expect(['agent', 'editor', 'admin'].map((r) => can(actor(r as Actor['role']), 'insights.read', app))).toEqual([false, true, true]);
    expect(['agent', 'editor', 'admin'].map((r) => can(actor(r as Actor['role']), 'admin.manage', app))).toEqual([false, false, true]);
  });
});
