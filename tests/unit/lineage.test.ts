/**
 * The lineage graph (src/site/lineage.ts): direct links from declarations on either side, and
 * the transitive walks every caller uses (award history, award pages, search facets).
 */
import { describe, expect, it } from 'vitest';
import { buildLineageGraph } from '#src/site/lineage.ts';
import { unit } from '../support/entries.ts';

const ids = (links: { unitId: string }[]) => links.map((l) => l.unitId);

describe('buildLineageGraph: direct links', () => {
  // old → mid (renamed 2020), declared on mid; mid + other → new (merged 2025), declared on both sides for mid.
  const graph = buildLineageGraph([
    unit('old'),
    unit('mid', {
      lineage: [
        { relation: 'predecessor', unit: 'old', date: '2020-01-01', kind: 'renamed', note: 'Đổi tên theo điều lệ' },
        { relation: 'successor', unit: 'new', date: '2025-07-01' },
      ],
    }),
    unit('other', { lineage: [{ relation: 'successor', unit: 'new', date: '2025-07-01' }] }),
    unit('new', { lineage: [{ relation: 'predecessor', unit: 'mid', date: '2025-07-01' }] }),
    unit('alone'),
  ]);

  it.each([
    ['old', [], ['mid']],
    ['mid', ['old'], ['new']],
    ['other', [], ['new']],
    ['new', ['mid', 'other'], []],
    ['alone', [], []],
    ['unknown', [], []],
  ])('%s: predecessors %j, successors %j (from either side, no duplicates)', (id, predecessors, successors) => {
    expect(ids(graph.of(id).predecessors)).toEqual(predecessors);
    expect(ids(graph.of(id).successors)).toEqual(successors);
  });

  it('keeps date, kind and note of each link, on both ends', () => {
    const link = { unitId: 'old', date: '2020-01-01', kind: 'renamed', note: 'Đổi tên theo điều lệ' };
    expect(graph.of('mid').predecessors).toEqual([link]);
    expect(graph.of('old').successors).toEqual([{ ...link, unitId: 'mid' }]);
    expect(graph.of('new').predecessors.map((l) => l.kind)).toEqual(['merged', 'merged']);
  });

  it('orders links oldest first', () => {
    const g = buildLineageGraph([
      unit('c', {
        lineage: [
          { relation: 'predecessor', unit: 'b', date: '2024-01-01' },
          { relation: 'predecessor', unit: 'a', date: '2019-01-01' },
        ],
      }),
    ]);
    expect(ids(g.of('c').predecessors)).toEqual(['a', 'b']);
  });
});

describe('buildLineageGraph: transitive walks', () => {
  it.each([
    ['no lineage', [unit('a')], 'a', [], []],
    [
      'predecessor declared by the successor',
      [unit('moi', { lineage: [{ relation: 'predecessor', unit: 'cu' }] }), unit('cu')],
      'moi',
      ['cu'],
      [],
    ],
    [
      'successor declared by the predecessor',
      [unit('moi'), unit('cu', { lineage: [{ relation: 'successor', unit: 'moi' }] })],
      'cu',
      [],
      ['moi'],
    ],
    [
      'declared both ways, listed once',
      [
        unit('moi', { lineage: [{ relation: 'predecessor', unit: 'cu' }] }),
        unit('cu', { lineage: [{ relation: 'successor', unit: 'moi' }] }),
      ],
      'moi',
      ['cu'],
      [],
    ],
    [
      'a chain of renames, nearest first',
      [
        unit('c', { lineage: [{ relation: 'predecessor', unit: 'b', kind: 'renamed' }] }),
        unit('b', { lineage: [{ relation: 'predecessor', unit: 'a', kind: 'renamed' }] }),
        unit('a'),
      ],
      'c',
      ['b', 'a'],
      [],
    ],
    [
      'the middle of a chain',
      [
        unit('c', { lineage: [{ relation: 'predecessor', unit: 'b', kind: 'renamed' }] }),
        unit('b', { lineage: [{ relation: 'predecessor', unit: 'a', kind: 'renamed' }] }),
      ],
      'b',
      ['a'],
      ['c'],
    ],
    [
      'a merger of two units',
      [
        unit('hop-nhat', {
          lineage: [
            { relation: 'predecessor', unit: 'bac-giang' },
            { relation: 'predecessor', unit: 'bac-ninh' },
          ],
        }),
      ],
      'hop-nhat',
      ['bac-giang', 'bac-ninh'],
      [],
    ],
    [
      'a cycle terminates',
      [
        unit('a', { lineage: [{ relation: 'predecessor', unit: 'b', date: '2020-01-01' }] }),
        unit('b', { lineage: [{ relation: 'predecessor', unit: 'a', date: '2021-01-01' }] }),
      ],
      'a',
      ['b'],
      ['b'],
    ],
    [
      'a unit naming itself terminates',
      [unit('a', { lineage: [{ relation: 'predecessor', unit: 'a' }] })],
      'a',
      [],
      [],
    ],
    ['an unknown unit id', [unit('a')], 'khong-co', [], []],
  ])('%s', (_case, units, id, predecessors, successors) => {
    const graph = buildLineageGraph(units);
    expect(graph.predecessorsOf(id)).toEqual(predecessors);
    expect(graph.successorsOf(id)).toEqual(successors);
  });
});
