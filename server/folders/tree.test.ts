import { describe, expect, it } from 'vitest';
import type { FolderRow } from './presenter';
import { FolderTree } from './tree';

/** Only what the tree reads of a row; the rest of a folder does not change its place. */
const folder = (id: string, parentId: string | null, isScheme = false) =>
  ({ id, parent_id: parentId, name: id, is_scheme: isScheme }) as FolderRow;

// Économie (theme) › Aide TPE (scheme) › Formulaires › Archives; Tourisme (theme) › Camping (scheme) › Volet eau (scheme)
const tree = new FolderTree([
  folder('economie', null),
  folder('aide-tpe', 'economie', true),
  folder('formulaires', 'aide-tpe'),
  folder('archives', 'formulaires'),
  folder('tourisme', null),
  folder('camping', 'tourisme', true),
  folder('volet-eau', 'camping', true),
]);
const ids = (rows: FolderRow[]) => rows.map((row) => row.id);

describe('the folder tree', () => {
  it('walks from a folder up to its theme, nearest first', () => {
    expect(ids(tree.lineage('archives'))).toEqual(['archives', 'formulaires', 'aide-tpe', 'economie']);
    expect(ids(tree.lineage('economie'))).toEqual(['economie']);
    expect(tree.lineage('unknown')).toEqual([]);
  });

  it('gives the breadcrumb of a folder, the theme first, itself left out', () => {
    expect(ids(tree.pathTo('archives'))).toEqual(['economie', 'aide-tpe', 'formulaires']);
    expect(tree.pathTo('economie')).toEqual([]);
  });

  it('finds the scheme a folder belongs to: itself, or the nearest scheme above it', () => {
    expect(tree.schemeOf('archives')?.id).toBe('aide-tpe');
    expect(tree.schemeOf('aide-tpe')?.id).toBe('aide-tpe');
    expect(tree.schemeOf('volet-eau')?.id).toBe('volet-eau');
    expect(tree.schemeOf('economie')).toBeUndefined();
  });

  it('finds the theme at the top of a branch, and the children of a folder in order', () => {
    expect(tree.themeOf('volet-eau')?.id).toBe('tourisme');
    expect(tree.themeOf(null)).toBeUndefined();
    expect(ids(tree.childrenOf(null))).toEqual(['economie', 'tourisme']);
    expect(ids(tree.childrenOf('camping'))).toEqual(['volet-eau']);
  });

  it('stops on rows that loop instead of walking forever', () => {
    const looping = new FolderTree([folder('a', 'b'), folder('b', 'a')]);
    expect(ids(looping.lineage('a'))).toEqual(['a', 'b']);
  });
});
