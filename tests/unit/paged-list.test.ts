/**
 * One page of a paged list (src/site/view-models/paged-list.ts): titles, descriptions, trails,
 * pager links and the sentences under the heading, page 1 against later pages.
 */
import { describe, expect, it } from 'vitest';
import { paginate } from '#src/site/pagination.ts';
import { articleListSummary, awardListSummary, awardRuns, pagedList } from '#src/site/view-models/paged-list.ts';
import { award } from '../support/entries.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const href = (p: number) => (p > 1 ? `/chu-de/thi-dua/trang/${p}/` : '/chu-de/thi-dua/');
const tagPage = (total: number, page: number) =>
  pagedList({
    title: 'Chủ đề: Thi đua',
    description: 'Các bài viết về chủ đề “Thi đua”.',
    crumbs: [{ label: 'Chủ đề', href: '/chu-de/' }],
    crumbLabel: 'Thi đua',
    slice: paginate(items(total), 20, page),
    pageHref: href,
  });

describe('pagedList', () => {
  it.each([
    {
      name: 'the only page',
      list: tagPage(5, 1),
      title: 'Chủ đề: Thi đua',
      description: 'Các bài viết về chủ đề “Thi đua”.',
      crumb: 'Thi đua',
      prevHref: undefined,
      nextHref: undefined,
    },
    {
      name: 'page 1 of 3',
      list: tagPage(45, 1),
      title: 'Chủ đề: Thi đua',
      description: 'Các bài viết về chủ đề “Thi đua”.',
      crumb: 'Thi đua',
      prevHref: undefined,
      nextHref: '/chu-de/thi-dua/trang/2/',
    },
    {
      name: 'page 2 of 3',
      list: tagPage(45, 2),
      title: 'Chủ đề: Thi đua – Trang 2',
      description: 'Các bài viết về chủ đề “Thi đua”. Trang 2/3.',
      crumb: 'Thi đua (trang 2)',
      prevHref: '/chu-de/thi-dua/',
      nextHref: '/chu-de/thi-dua/trang/3/',
    },
    {
      name: 'the last page',
      list: tagPage(45, 3),
      title: 'Chủ đề: Thi đua – Trang 3',
      description: 'Các bài viết về chủ đề “Thi đua”. Trang 3/3.',
      crumb: 'Thi đua (trang 3)',
      prevHref: '/chu-de/thi-dua/trang/2/',
      nextHref: undefined,
    },
  ])('$name', ({ list, title, description, crumb, prevHref, nextHref }) => {
    expect(list).toMatchObject({ title, description, prevHref, nextHref });
    expect(list.crumbs).toEqual([{ label: 'Chủ đề', href: '/chu-de/' }, { label: crumb }]);
  });

  it('shows the page’s items and knows its place', () => {
    expect(tagPage(45, 3)).toMatchObject({ items: [41, 42, 43, 44, 45], page: 3, totalPages: 3 });
  });

  it('names the list in the trail by its title when no label is given; no trail without crumbs', () => {
    const slice = paginate(items(30), 20, 2);
    const withTrail = pagedList({ title: 'Bằng khen', description: 'D.', crumbs: [], slice, pageHref: href });
    expect(withTrail.crumbs).toEqual([{ label: 'Bằng khen (trang 2)' }]);
    expect(pagedList({ title: 'Tin tức', description: 'D.', slice, pageHref: href }).crumbs).toBeUndefined();
  });

  it('takes a whole description per page from a function', () => {
    const list = pagedList({
      title: 'Tin tức',
      description: (s) => `Trang ${s.page}: bài ${s.first}–${s.last}.`,
      slice: paginate(items(30), 20, 2),
      pageHref: href,
    });
    expect(list.description).toBe('Trang 2: bài 21–30.');
  });
});

describe('summaries', () => {
  it.each([
    [items(5), 20, 1, 'article', '5 bài, mới nhất trước.'],
    [items(45), 20, 2, 'article', 'Bài 21–40 trong 45 bài, mới nhất trước.'],
    [items(0), 20, 1, 'article', '0 bài, mới nhất trước.'],
    [items(7), 50, 1, 'form', '7 khen thưởng, xếp theo hình thức.'],
    [items(7), 50, 1, 'year', '7 khen thưởng, theo năm, gần nhất trước.'],
    [items(120), 50, 3, 'form', 'Khen thưởng 101–120 trong 120, xếp theo hình thức; 50 mục mỗi trang.'],
    [items(60), 50, 1, 'year', 'Khen thưởng 1–50 trong 60, theo năm, gần nhất trước; 50 mục mỗi trang.'],
  ] as const)('%#: %s', (list, perPage, page, kind, expected) => {
    const slice = paginate(list, perPage, page);
    expect(kind === 'article' ? articleListSummary(slice) : awardListSummary(slice, kind)).toBe(expected);
  });
});

describe('awardRuns', () => {
  const awards = [
    award('a', { form: 'huan-chuong', year: 2022 }),
    award('b', { form: 'bang-khen', year: 2022 }),
    award('c', { form: 'bang-khen', year: 2021 }),
    award('d', { form: 'huan-chuong', year: 2021 }),
  ];
  it.each([
    [
      'form',
      [
        ['huan-chuong', 'Huân chương', ['a']],
        ['bang-khen', 'Bằng khen', ['b', 'c']],
        ['huan-chuong', 'Huân chương', ['d']],
      ],
    ],
    [
      'year',
      [
        ['2022', 'Năm 2022', ['a', 'b']],
        ['2021', 'Năm 2021', ['c', 'd']],
      ],
    ],
  ] as const)('runs of one %s, in list order', (groupBy, expected) => {
    expect(awardRuns(awards, groupBy).map((r) => [r.key, r.label, r.awards.map((a) => a.id)])).toEqual(expected);
  });
});
