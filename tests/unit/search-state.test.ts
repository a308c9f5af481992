import { describe, expect, it } from 'vitest';
import {
  decodeSearchState,
  encodeSearchState,
  toggleFilter,
  toPagefindFilters,
  type SearchState,
} from '#src/search/state.ts';
import { mergeByRelevance, mergeBySortOrder } from '#src/search/merge.ts';
import { groupByYear, yearOf } from '#src/search/group.ts';

describe('search state in the URL', () => {
  it.each<[string, SearchState]>([
    ['', { q: '', filters: {}, sort: 'relevance', page: 1 }],
    ['?q=cong+doan', { q: 'cong doan', filters: {}, sort: 'relevance', page: 1 }],
    [
      '?q=C%C3%B4ng+%C4%91o%C3%A0n&type=Khen+th%C6%B0%E1%BB%9Fng&year=2023&year=2022&sort=date&page=3',
      { q: 'Công đoàn', filters: { type: ['Khen thưởng'], year: ['2022', '2023'] }, sort: 'date', page: 3 },
    ],
    ['?page=-4&sort=weird&q=%20%20a%20%20b%20', { q: 'a b', filters: {}, sort: 'relevance', page: 1 }],
    ['?page=abc&bogus=1&unit=', { q: '', filters: {}, sort: 'relevance', page: 1 }],
    ['?q=Co%CC%82ng', { q: 'Công', filters: {}, sort: 'relevance', page: 1 }], // NFD in, NFC out
  ])('decodes %j', (search, expected) => expect(decodeSearchState(search)).toEqual(expected));

  it.each<[SearchState, string]>([
    [{ q: '', filters: {}, sort: 'relevance', page: 1 }, ''],
    [
      { q: 'thi đua', filters: { year: ['2023', '2022'] }, sort: 'date', page: 2 },
      '?q=thi+%C4%91ua&year=2022&year=2023&sort=date&page=2',
    ],
    [
      { q: '', filters: { unit: ['Công đoàn A'], form: ['Bằng khen'] }, sort: 'relevance', page: 1 },
      '?form=B%E1%BA%B1ng+khen&unit=C%C3%B4ng+%C4%91o%C3%A0n+A',
    ],
  ])('encodes %j', (state, expected) => {
    expect(encodeSearchState(state)).toBe(expected);
    expect(decodeSearchState(expected)).toEqual({
      ...state,
      filters: Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, [...v].sort()])),
    });
  });

  it('toggles filters and returns to page 1', () => {
    const s: SearchState = { q: 'x', filters: { year: ['2022'] }, sort: 'relevance', page: 4 };
    expect(toggleFilter(s, 'year', '2021', true)).toEqual({ ...s, filters: { year: ['2021', '2022'] }, page: 1 });
    expect(toggleFilter(s, 'year', '2022', false)).toEqual({ ...s, filters: {}, page: 1 });
    expect(toPagefindFilters({ ...s, filters: { year: ['2021', '2022'], type: ['Đơn vị'] } })).toEqual({
      type: { any: ['Đơn vị'] },
      year: { any: ['2021', '2022'] },
    });
  });
});

describe('merging exact and d-folded results', () => {
  it.each([
    [
      ['a', 'b'],
      ['c', 'a', 'd'],
      ['a', 'b', 'c', 'd'],
    ],
    [[], ['c'], ['c']],
    [['a'], [], ['a']],
    [
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
    ],
  ])('relevance: %j + %j → %j', (exact, folded, expected) => expect(mergeByRelevance(exact, folded)).toEqual(expected));

  it.each([
    [
      ['b', 'd'],
      ['a', 'd'],
      ['a', 'b', 'c', 'd'],
      ['a', 'b', 'd'],
    ],
    [['x'], ['a'], ['a', 'b'], ['a', 'x']],
  ])('date: %j + %j in order %j → %j', (exact, folded, order, expected) =>
    expect(mergeBySortOrder(exact, folded, order)).toEqual(expected),
  );
});

describe('grouping by year', () => {
  it.each([
    ['2022-05-19', 2022],
    ['2022-05-19T08:00:00+07:00', 2022],
    ['0000-00-00', null],
    [undefined, null],
    ['bad', null],
  ])('yearOf(%j) = %j', (iso, year) => expect(yearOf(iso)).toBe(year));

  it('groups newest year first, undated last, keeping order inside a year', () => {
    const items = [
      { id: 1, d: '2021-01-01' },
      { id: 2, d: '2023-02-01' },
      { id: 3, d: undefined },
      { id: 4, d: '2023-01-01' },
    ];
    expect(groupByYear(items, (i) => i.d).map((g) => [g.year, g.items.map((i) => i.id)])).toEqual([
      [2023, [2, 4]],
      [2021, [1]],
      [null, [3]],
    ]);
  });
});
