import { describe, expect, it } from 'vitest';
import type { UnitEntry } from '#src/model/content-model.ts';
import { buildUnitTree, countUnits, type UnitTreeNode } from '#src/site/unit-tree.ts';
import { unit } from '../support/entries.ts';

/** The tree as "id(child,child(grandchild))" for compact expectations. */
const shape = (nodes: UnitTreeNode[]): string =>
  nodes.map((n) => `${n.unit.id}${n.children.length ? `(${shape(n.children)})` : ''}`).join(',');

describe('buildUnitTree', () => {
  const [tld, ldld, cdvc, cdcs, other] = ['tld', 'ldld', 'cdvc', 'cdcs', 'other'].map((id) => unit(id)) as UnitEntry[];
  it.each([
    { name: 'a single root', roots: [tld!], children: [], expected: 'tld' },
    {
      name: 'four levels',
      roots: [tld!],
      children: [
        ['tld', [ldld!]],
        ['ldld', [cdvc!]],
        ['cdvc', [cdcs!]],
      ] as const,
      expected: 'tld(ldld(cdvc(cdcs)))',
    },
    {
      name: 'siblings keep their order, several roots',
      roots: [tld!, other!],
      children: [['tld', [ldld!, cdvc!]]] as const,
      expected: 'tld(ldld,cdvc),other',
    },
    {
      name: 'a cycle in parent links does not loop',
      roots: [tld!],
      children: [
        ['tld', [ldld!]],
        ['ldld', [tld!, cdvc!]],
      ] as const,
      expected: 'tld(ldld(cdvc))',
    },
    { name: 'no units', roots: [], children: [], expected: '' },
  ])('$name', ({ roots, children, expected }) => {
    const tree = buildUnitTree(roots, new Map(children.map(([id, list]) => [id, [...list]])));
    expect(shape(tree)).toBe(expected);
  });

  it('records depth and counts units', () => {
    const tree = buildUnitTree(
      [tld!],
      new Map([
        ['tld', [ldld!]],
        ['ldld', [cdvc!, cdcs!]],
      ]),
    );
    expect(countUnits(tree)).toBe(4);
    expect(tree[0]!.depth).toBe(0);
    expect(tree[0]!.children[0]!.children.map((n) => n.depth)).toEqual([2, 2]);
  });
});
