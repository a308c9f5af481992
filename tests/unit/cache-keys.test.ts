/**
 * Cache keys of the incremental build (src/site/cache-keys.ts): a key changes when anything a page
 * can show changes — its inputs, an entry in them, any entry those reference (at any depth), a
 * site-wide input — and stays the same otherwise (another entry's edit, key order, code).
 * tests/build/incremental.test.ts checks the routes' keys end to end.
 */
import { describe, expect, it } from 'vitest';
import { createPageKeyer, referencesOf, stableText, type SiteWideInputs } from '#src/site/cache-keys.ts';
import { award, news, unit } from '../support/entries.ts';

const SITE_WIDE: SiteWideInputs = { preview: false, shareImageLimit: 1000 };

type Tree = { news: ReturnType<typeof news>[]; units: ReturnType<typeof unit>[]; awards: ReturnType<typeof award>[] };

function base(): Tree {
  return {
    units: [
      unit('root', { name: 'Tổng Liên đoàn' }),
      unit('tinh', { name: 'Liên đoàn tỉnh', parent: 'root' }),
      unit('cdcs', { name: 'Công đoàn cơ sở A', parent: 'tinh' }),
      unit('khac', { name: 'Đơn vị khác' }),
    ],
    news: [
      news('bai', { title: 'Bài', units: ['cdcs'], awards: ['bk'] }),
      news('bai-khac', { title: 'Bài khác', units: ['khac'] }),
    ],
    awards: [award('bk', { form: 'bang-khen', year: 2023 })],
  };
}

function keyOf(tree: Tree, pick: (t: Tree) => unknown[], siteWide = SITE_WIDE): string {
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const keys = createPageKeyer(
    { newsById: byId(tree.news), unitsById: byId(tree.units), awardsById: byId(tree.awards) },
    siteWide,
  );
  return keys.key(...pick(tree));
}

/** Replace one entry of the tree with an edited copy (a new object, as a new build has). */
function edited(collection: keyof Tree, id: string, change: (data: Record<string, unknown>) => void): Tree {
  const tree = base();
  const list = tree[collection] as { id: string; data: Record<string, unknown> }[];
  const i = list.findIndex((e) => e.id === id);
  const copy = structuredClone(list[i]!);
  change(copy.data);
  list[i] = copy;
  return tree;
}

const article = (t: Tree) => [t.news.find((n) => n.id === 'bai')!, { heading: 'Bài' }];

describe('page keys', () => {
  const before = keyOf(base(), article);

  it('are the same for the same content built twice (new objects, same data)', () => {
    expect(keyOf(base(), article)).toBe(before);
  });

  it.each([
    ['the page entry itself', edited('news', 'bai', (d) => (d.title = 'Bài mới'))],
    ['a unit it references', edited('units', 'cdcs', (d) => (d.name = 'Công đoàn cơ sở B'))],
    ['the parent of that unit', edited('units', 'tinh', (d) => (d.name = 'Liên đoàn thành phố'))],
    ['the root, three references away', edited('units', 'root', (d) => (d.shortName = 'TLĐ'))],
    ['an award it references', edited('awards', 'bk', (d) => (d.year = 2022))],
  ])('change when %s changes', (_what, tree) => {
    expect(keyOf(tree, article)).not.toBe(before);
  });

  it.each([
    ['an article it does not show', edited('news', 'bai-khac', (d) => (d.title = 'Khác'))],
    ['a unit it does not reference', edited('units', 'khac', (d) => (d.name = 'Khác nữa'))],
  ])('stay the same when %s changes', (_what, tree) => {
    expect(keyOf(tree, article)).toBe(before);
  });

  it('change with the body or the rendered HTML of an entry in the inputs', () => {
    const withBody = (body: string) => (t: Tree) => [{ ...t.news[0]!, body }];
    const withHtml = (html: string) => (t: Tree) => [{ ...t.news[0]!, rendered: { html } }];
    expect(keyOf(base(), withBody('a'))).not.toBe(keyOf(base(), withBody('b')));
    expect(keyOf(base(), withHtml('<p>a</p>'))).not.toBe(keyOf(base(), withHtml('<p>b</p>')));
  });

  it('change when a referenced entry appears (a draft published, a missing unit added)', () => {
    const tree = base();
    tree.units = tree.units.filter((u) => u.id !== 'cdcs');
    expect(keyOf(tree, article)).not.toBe(before);
  });

  it.each<[string, Partial<SiteWideInputs>]>([
    ['the site configuration', { siteConfig: 'abc' }],
    ['preview mode', { preview: true }],
    ['the share-image limit', { shareImageLimit: 10 }],
  ])('change with the site-wide input %s', (_what, change) => {
    expect(keyOf(base(), article, { ...SITE_WIDE, ...change })).not.toBe(before);
  });

  it('change with the view model: a list slice, its page number, a derived text', () => {
    const list = (items: string[], page: number) => (t: Tree) => [
      { items: items.map((id) => t.news.find((n) => n.id === id)), page, total: 2 },
    ];
    const first = keyOf(base(), list(['bai'], 1));
    expect(keyOf(base(), list(['bai'], 2))).not.toBe(first);
    expect(keyOf(base(), list(['bai-khac'], 1))).not.toBe(first);
    expect(keyOf(base(), list(['bai'], 1))).toBe(first);
  });
});

describe('keyOf', () => {
  it.each<[string, (t: Tree) => unknown[]]>([
    ['an article and its view model', article],
    ['no inputs', () => []],
    ['an edited unit', (t) => [t.units.find((u) => u.id === 'cdcs')!, 2]],
  ])('is key() of the inputs the function returns: %s', (_, pick) => {
    const tree = base();
    const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
    const keys = createPageKeyer(
      { newsById: byId(tree.news), unitsById: byId(tree.units), awardsById: byId(tree.awards) },
      SITE_WIDE,
    );
    expect(keys.keyOf(() => pick(tree))).toBe(keys.key(...pick(tree)));
  });
});

describe('stableText', () => {
  it.each<[string, unknown, unknown]>([
    ['object keys in any order', { a: 1, b: [2, 3] }, { b: [2, 3], a: 1 }],
    ['an undefined field and a missing one', { a: 1, b: undefined }, { a: 1 }],
    ['functions (code, hashed by Astro)', { a: 1, f: () => 1 }, { a: 1, f: () => 2 }],
    ['equal dates', { d: new Date('2024-01-01T00:00:00Z') }, { d: new Date('2024-01-01T07:00:00+07:00') }],
    ['sets in any order', new Set([1, 2]), new Set([2, 1])],
  ])('the same for %s', (_what, a, b) => {
    expect(stableText(a)).toBe(stableText(b));
  });

  it.each<[string, unknown, unknown]>([
    ['different dates', { d: new Date('2024-01-01') }, { d: new Date('2024-01-02') }],
    ['a string and a number', { a: '1' }, { a: 1 }],
    ['array order', [1, 2], [2, 1]],
    ['null and undefined', { a: null }, { a: undefined }],
  ])('different for %s', (_what, a, b) => {
    expect(stableText(a)).not.toBe(stableText(b));
  });
});

describe('referencesOf', () => {
  it('finds references at any depth (recipients, lineage rows, conferrer)', () => {
    const a = award('x', { form: 'bang-khen', year: 2023 });
    const data = {
      ...a.data,
      conferredBy: { unit: { id: 'tinh', collection: 'units' } },
      recipients: [{ kind: 'collective', unit: { id: 'cdcs', collection: 'units' } }],
      article: { id: 'bai', collection: 'news' },
    };
    expect(
      referencesOf(data)
        .map((r) => `${r.collection}/${r.id}`)
        .sort(),
    ).toEqual(['news/bai', 'units/cdcs', 'units/tinh']);
  });
});
