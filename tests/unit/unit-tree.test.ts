import { describe, expect, it } from 'vitest';
import type { UnitEntry } from '#src/model/content-model.ts';
import {
  allPredecessors,
  allSuccessors,
  buildLineageIndex,
  buildUnitTree,
  countUnits,
  lineageOf,
  type UnitTreeNode,
} from '#src/site/unit-tree.ts';

type Lineage = UnitEntry['data']['lineage'][number];
const unit = (id: string, lineage: [Lineage['relation'], string, string, Lineage['kind']?][] = []): UnitEntry => ({
  id,
  data: {
    name: id.toUpperCase(),
    aliases: [],
    level: 'cong-doan-co-so',
    terms: [],
    figures: [],
    lineage: lineage.map(([relation, other, date, kind = 'renamed']) => ({
      relation,
      unit: { id: other, collection: 'units' },
      date,
      kind,
    })),
  },
});

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

describe('buildLineageIndex', () => {
  // old → mid (renamed 2020), declared on mid; mid + other → new (merged 2025), declared on both sides for mid.
  const units = [
    unit('old'),
    unit('mid', [
      ['predecessor', 'old', '2020-01-01'],
      ['successor', 'new', '2025-07-01', 'merged'],
    ]),
    unit('other', [['successor', 'new', '2025-07-01', 'merged']]),
    unit('new', [['predecessor', 'mid', '2025-07-01', 'merged']]),
    unit('alone'),
  ];
  const index = buildLineageIndex(units);
  const ids = (links: { unitId: string }[]) => links.map((l) => l.unitId);

  it.each([
    ['old', [], ['mid']],
    ['mid', ['old'], ['new']],
    ['other', [], ['new']],
    ['new', ['mid', 'other'], []],
    ['alone', [], []],
    ['unknown', [], []],
  ])('%s: predecessors %j, successors %j (from either side, no duplicates)', (id, predecessors, successors) => {
    expect(ids(lineageOf(index, id).predecessors)).toEqual(predecessors);
    expect(ids(lineageOf(index, id).successors)).toEqual(successors);
  });

  it('keeps date and kind of each link', () => {
    expect(lineageOf(index, 'mid').predecessors).toEqual([
      { unitId: 'old', date: '2020-01-01', kind: 'renamed', note: undefined },
    ]);
    expect(lineageOf(index, 'new').predecessors.map((l) => l.kind)).toEqual(['merged', 'merged']);
  });

  it.each([
    ['old', ['mid', 'new'], []],
    ['mid', ['new'], ['old']],
    ['new', [], ['mid', 'other', 'old']],
    ['alone', [], []],
  ])('%s: all successors %j, all predecessors %j', (id, successors, predecessors) => {
    expect(allSuccessors(index, id)).toEqual(successors);
    expect(allPredecessors(index, id)).toEqual(predecessors);
  });

  it('survives a lineage cycle', () => {
    const cyclic = buildLineageIndex([
      unit('a', [['predecessor', 'b', '2020-01-01']]),
      unit('b', [['predecessor', 'a', '2021-01-01']]),
    ]);
    expect(allPredecessors(cyclic, 'a')).toEqual(['b']);
    expect(allSuccessors(cyclic, 'a')).toEqual(['b']);
  });
});
