import { describe, expect, it } from 'vitest';
import { pageCount, pageLinks, pageParam, pagedPaths, paginate } from '#src/site/pagination.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('pageCount', () => {
  it.each([
    [0, 20, 1],
    [1, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [40, 20, 2],
    [41, 20, 3],
    [10_000, 20, 500],
  ])('%i items at %i per page → %i pages', (total, perPage, expected) => {
    expect(pageCount(total, perPage)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects perPage %s', (perPage) => {
    expect(() => pageCount(10, perPage)).toThrow(/perPage must be a positive integer/);
  });
});

describe('paginate', () => {
  it.each([
    { n: 45, page: 1, items: items(20), first: 1, last: 20, totalPages: 3 },
    { n: 45, page: 2, items: items(40).slice(20), first: 21, last: 40, totalPages: 3 },
    { n: 45, page: 3, items: [41, 42, 43, 44, 45], first: 41, last: 45, totalPages: 3 },
    { n: 20, page: 1, items: items(20), first: 1, last: 20, totalPages: 1 },
    { n: 0, page: 1, items: [], first: 0, last: 0, totalPages: 1 },
  ])('$n items, page $page', ({ n, page, items: expected, first, last, totalPages }) => {
    const slice = paginate(items(n), 20, page);
    expect(slice).toEqual({ items: expected, page, totalPages, total: n, first, last });
  });

  it.each([0, 4, -1, 1.5])('rejects page %s of a 3-page list', (page) => {
    expect(() => paginate(items(45), 20, page)).toThrow(/does not exist \(1–3\)/);
  });
});

describe('pageLinks', () => {
  it.each([
    { current: 1, total: 1, expected: [1] },
    { current: 1, total: 2, expected: [1, 2] },
    { current: 2, total: 3, expected: [1, 2, 3] },
    { current: 1, total: 5, expected: [1, 2, 'gap', 5] },
    // A gap never hides a single page: 1 2 3 4 instead of 1 2 … 4.
    { current: 2, total: 4, expected: [1, 2, 3, 4] },
    { current: 3, total: 5, expected: [1, 2, 3, 4, 5] },
    { current: 6, total: 12, expected: [1, 'gap', 5, 6, 7, 'gap', 12] },
    { current: 12, total: 12, expected: [1, 'gap', 11, 12] },
    { current: 500, total: 500, expected: [1, 'gap', 499, 500] },
    { current: 0, total: 0, expected: [] },
  ])('page $current of $total → $expected', ({ current, total, expected }) => {
    expect(pageLinks(current, total)).toEqual(expected);
  });

  it('shows more neighbours when asked', () => {
    expect(pageLinks(6, 12, 2)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 12]);
  });
});

describe('pageParam', () => {
  it.each([
    [1, undefined],
    [2, 'trang/2'],
    [12, 'trang/12'],
  ])('pageParam(%i) = %j', (page, param) => expect(pageParam(page)).toBe(param));
});

describe('pagedPaths', () => {
  it('gives every list one path per page, page 1 without a page parameter, even when empty', () => {
    const paths = pagedPaths(
      [
        { params: { slug: 'a' }, items: items(5), extra: 'A' },
        { params: { slug: 'b' }, items: [], extra: 'B' },
      ],
      2,
    );
    expect(paths.map((p) => [p.params, p.props.slice.items, p.props.extra])).toEqual([
      [{ slug: 'a', page: undefined }, [1, 2], 'A'],
      [{ slug: 'a', page: 'trang/2' }, [3, 4], 'A'],
      [{ slug: 'a', page: 'trang/3' }, [5], 'A'],
      [{ slug: 'b', page: undefined }, [], 'B'],
    ]);
  });
});
