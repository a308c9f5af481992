import { describe, expect, it } from 'vitest';
import { articleFeatures, buildRelatedIndex, type RelatableArticle } from '#src/site/related.ts';

let clock = Date.UTC(2024, 0, 1);
const art = (
  id: string,
  f: { units?: string[]; awards?: string[]; tags?: string[]; at?: number } = {},
): RelatableArticle => ({
  id,
  data: {
    publishedAt: new Date(f.at ?? (clock -= 86_400_000)),
    units: (f.units ?? []).map((u) => ({ id: u })),
    awards: (f.awards ?? []).map((a) => ({ id: a })),
    tags: f.tags ?? [],
  },
});

// Newest first, as SiteIndex.news.
const news = [
  art('a', { units: ['vks-qn'], awards: ['bk-2022'], tags: ['thi đua'] }),
  art('b', { units: ['vks-qn'], awards: ['bk-2022'] }),
  art('c', { units: ['vks-qn'], tags: ['Thi Đua'] }),
  art('d', { units: ['ldld-qn'], tags: ['thi dua'] }),
  art('e', { tags: ['đại hội'] }),
  art('f', { units: ['vks-qn'] }),
];

describe('articleFeatures', () => {
  it('folds tags so spelling variants meet', () => {
    expect(articleFeatures(art('x', { tags: ['Thi Đua', 'thi đua', 'thi dua'] })).map((f) => f.key)).toEqual([
      'tag:thi dua',
    ]);
  });
  it('keeps each kind apart', () => {
    expect(
      articleFeatures(art('x', { units: ['u'], awards: ['u'], tags: ['u'] }))
        .map((f) => f.key)
        .sort(),
    ).toEqual(['award:u', 'tag:u', 'unit:u']);
  });
});

describe('buildRelatedIndex', () => {
  const index = buildRelatedIndex(news);
  it.each([
    // Shared award + unit beats a shared unit + tag, which beats a unit alone; tag-only last.
    ['a', ['b', 'c', 'f', 'd']],
    ['b', ['a', 'c', 'f']],
    // c shares the unit with a, b, f and the folded tag with a, d.
    ['c', ['a', 'b', 'f', 'd']],
    ['d', ['c', 'a']],
    // Nothing shared: nothing related (no filler).
    ['e', []],
    ['unknown-id', []],
  ])('related to %s', (id, expected) => {
    expect(index.relatedTo(id).map((a) => a.id)).toEqual(expected);
  });

  it('never suggests the article itself and respects the limit', () => {
    const small = buildRelatedIndex(news, { limit: 2 });
    for (const n of news) {
      const ids = small.relatedTo(n.id).map((a) => a.id);
      expect(ids).not.toContain(n.id);
      expect(ids.length).toBeLessThanOrEqual(2);
    }
  });

  it('breaks ties by closeness in time', () => {
    const t = Date.UTC(2024, 5, 1);
    const day = 86_400_000;
    const list = [
      art('far', { tags: ['x'], at: t + 30 * day }),
      art('me', { tags: ['x'], at: t }),
      art('near', { tags: ['x'], at: t - day }),
    ];
    expect(
      buildRelatedIndex(list)
        .relatedTo('me')
        .map((a) => a.id),
    ).toEqual(['near', 'far']);
  });

  it('stays bounded at news scale: a unit on 20,000 articles only looks at neighbours', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      art(`n${i}`, { units: ['ldld'], at: Date.UTC(2020, 0, 1) - i * 60_000 }),
    );
    const started = performance.now();
    const big = buildRelatedIndex(many, { window: 10 });
    const related = big.relatedTo('n10000').map((a) => a.id);
    for (let i = 0; i < 2000; i++) big.relatedTo(`n${i}`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(related).toEqual(['n9999', 'n10001', 'n9998', 'n10002']);
  });

  it('is memoised per article', () => {
    expect(index.relatedTo('a')).toBe(index.relatedTo('a'));
  });
});
