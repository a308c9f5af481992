/**
 * The preview benchmark's pure parts (scripts/lib/dev-bench.ts): the summary against the issue's
 * targets, the printed table, and the front-matter edit it makes as an editor would.
 */
import { describe, expect, it } from 'vitest';
import {
  DEV_TARGETS,
  formatTable,
  median,
  summarise,
  withFrontMatterField,
  type DevBenchFigures,
} from '../../scripts/lib/dev-bench.ts';

const figures = (over: Partial<DevBenchFigures> = {}): DevBenchFigures => ({
  articles: 10000,
  firstPageSeconds: 12.345,
  readySeconds: 4,
  pages: [
    { label: 'article', path: '/tin-tuc/a/', status: 200, firstSeconds: 2.5, warmSeconds: [0.3, 0.1, 0.2] },
    { label: 'news list', path: '/tin-tuc/', status: 500, firstSeconds: 1, warmSeconds: [] },
  ],
  editSeconds: 1.2,
  unitEditSeconds: 4,
  peakRssMB: 2048.4,
  cpuSeconds: 80.04,
  ...over,
});

describe('median', () => {
  it.each([
    [[], undefined],
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('summarise', () => {
  it('one row per measure, targets where the issue sets one', () => {
    expect(summarise(figures())).toEqual([
      { measure: 'server ready (log line)', seconds: 4 },
      { measure: 'first page (/ answers 200)', seconds: 12.35, target: 20, ok: true },
      { measure: 'article, first', seconds: 2.5 },
      { measure: 'article, warm (median)', seconds: 0.2, target: 1, ok: true },
      { measure: 'news list, first (HTTP 500)', seconds: 1 },
      { measure: 'news list, warm (median) (HTTP 500)', seconds: undefined },
      { measure: 'article edit visible', seconds: 1.2, target: 3, ok: true },
      { measure: 'unit name edit visible on an article', seconds: 4, target: 3, ok: false },
    ]);
  });

  it.each<[string, Partial<DevBenchFigures>, string, boolean | undefined]>([
    ['a slow start misses', { firstPageSeconds: 20.01 }, 'first page (/ answers 200)', false],
    ['on the target is met', { firstPageSeconds: DEV_TARGETS.firstPageSeconds }, 'first page (/ answers 200)', true],
    ['an edit never seen is not judged', { editSeconds: undefined }, 'article edit visible', undefined],
    [
      'a restart is judged as a start',
      { restart: { firstPageSeconds: 25, articleSeconds: 1 } },
      'restart (caches kept): first page',
      false,
    ],
  ])('%s', (_, over, measure, ok) => {
    expect(summarise(figures(over)).find((r) => r.measure === measure)?.ok).toBe(ok);
  });
});

describe('formatTable', () => {
  it('prints aligned rows, misses marked, memory and CPU under them', () => {
    const lines = formatTable(figures()).split('\n');
    expect(lines[0]).toBe('astro dev on 10000 articles');
    expect(lines.find((l) => l.startsWith('unit name edit'))).toMatch(/4\.00\s+≤ 3\s+MISSED$/);
    expect(lines.find((l) => l.startsWith('news list, warm'))).toMatch(/—/);
    expect(lines.at(-1)).toBe('peak RSS of the process tree: 2048 MB; CPU (user+sys): 80.0 s');
    // The seconds right-aligned under their header.
    const column = lines[1]!.indexOf('seconds');
    for (const row of lines.slice(3, -1)) expect(row.slice(column, column + 7)).toMatch(/^ *(\d+\.\d\d|—)$/);
    expect(lines).toHaveLength(3 + 8 + 1);
  });
});

describe('withFrontMatterField', () => {
  const doc = '---\ntitle: Cũ\nsummary: Tóm tắt.\nunits:\n  - a\n---\n\ntitle: in the body stays\n';
  it.each([
    [
      'title',
      'Mới: có dấu hai chấm',
      '---\ntitle: "Mới: có dấu hai chấm"\nsummary: Tóm tắt.\nunits:\n  - a\n---\n\ntitle: in the body stays\n',
    ],
    ['summary', 'Khác', '---\ntitle: Cũ\nsummary: "Khác"\nunits:\n  - a\n---\n\ntitle: in the body stays\n'],
  ])('sets %s', (field, value, expected) => {
    expect(withFrontMatterField(doc, field, value)).toBe(expected);
  });

  it.each([
    ['no front matter', 'title: x\n', 'title', /no front matter/],
    ['no such field', doc, 'name', /no "name" field/],
  ])('refuses a file with %s', (_, text, field, error) => {
    expect(() => withFrontMatterField(text, field, 'x')).toThrow(error);
  });
});
