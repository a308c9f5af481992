import { describe, expect, it } from 'vitest';
import {
  authorName,
  groupByAuthor,
  groupByCategory,
  groupByDate,
  groupByTag,
  type TaxonomyArticle,
} from '#src/site/taxonomy.ts';

const a = (id: string, f: Partial<TaxonomyArticle['data']> = {}): TaxonomyArticle => ({
  id,
  data: { tags: [], category: 'tin-tuc', ...f },
});

describe('authorName', () => {
  it.each([
    ['Tô Thị Ái, Công đoàn Viên chức tỉnh', 'Tô Thị Ái'],
    ['Minh Anh (CĐVC tỉnh)', 'Minh Anh'],
    ['Nguyễn Văn A – VKSND tỉnh', 'Nguyễn Văn A'],
    ['  Lê   Thị  B ', 'Lê Thị B'],
    ['Trần-Nguyễn Hà', 'Trần-Nguyễn Hà'],
  ])('%s → %s', (byline, name) => expect(authorName(byline)).toBe(name));
});

describe('groupByTag', () => {
  const news = [
    a('1', { tags: ['Thi đua', 'đại hội'] }),
    a('2', { tags: ['thi đua'] }),
    a('3', { tags: ['thi đua', 'Thi đua'] }),
  ];
  it('merges spelling variants under one slug, named by the most used spelling, sorted in Vietnamese order', () => {
    expect(groupByTag(news).map((t) => [t.slug, t.label, t.articles.map((x) => x.id)])).toEqual([
      ['dai-hoi', 'đại hội', ['1']],
      ['thi-dua', 'thi đua', ['1', '2', '3']],
    ]);
  });
});

describe('groupByAuthor', () => {
  it.each([
    [
      'same person, different bylines',
      [a('1', { author: 'Tô Thị Ái, Công đoàn Viên chức tỉnh' }), a('2', { author: 'Tô Thị Ái' }), a('3')],
      [['to-thi-ai', 'Tô Thị Ái', ['1', '2']]],
    ],
    ['no bylines, no authors', [a('1'), a('2')], []],
  ])('%s', (_n, news, out) => {
    expect(groupByAuthor(news).map((t) => [t.slug, t.label, t.articles.map((x) => x.id)])).toEqual(out);
  });
});

describe('groupByCategory', () => {
  it('keeps the vocabulary order and Vietnamese labels', () => {
    const news = [
      a('1', { category: 'tin-tuc' }),
      a('2', { category: 'hoat-dong-cong-doan' }),
      a('3', { category: 'tin-tuc' }),
    ];
    expect(groupByCategory(news).map((t) => [t.slug, t.label, t.articles.length])).toEqual([
      ['hoat-dong-cong-doan', 'Hoạt động công đoàn', 1],
      ['tin-tuc', 'Tin tức', 2],
    ]);
  });
});

describe('groupByDate', () => {
  it('files articles by year and month in Vietnam time; undated ones nowhere', () => {
    const news = [
      a('new-year-vn', { publishedAt: new Date('2022-12-31T17:30:00Z') }), // 01/01/2023 00:30 in Vietnam
      a('dec', { publishedAt: new Date('2022-12-31T16:30:00Z') }), // 31/12/2022 23:30
      a('jun', { publishedAt: new Date('2022-06-18T23:05:00+07:00') }),
      a('undated'),
    ];
    expect(
      groupByDate(news).map((y) => [
        y.year,
        y.articles.map((x) => x.id),
        y.months.map((m) => [m.month, m.articles.map((x) => x.id)]),
      ]),
    ).toEqual([
      [2023, ['new-year-vn'], [[1, ['new-year-vn']]]],
      [
        2022,
        ['dec', 'jun'],
        [
          [12, ['dec']],
          [6, ['jun']],
        ],
      ],
    ]);
  });
});
