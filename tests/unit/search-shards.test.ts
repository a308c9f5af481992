import { describe, expect, it } from 'vitest';
import { mergeCounts } from '#src/search/merge.ts';
import {
  hasEnoughResults,
  pageShardFacts,
  parseShardManifest,
  planShards,
  searchedScope,
  searchedYears,
  searchTiers,
  shardsToSearch,
  UNDATED_SHARD_ID,
  type ShardInfo,
  type ShardPageInput,
} from '#src/search/shards.ts';

const news = (n: number, year: number | null): ShardPageInput[] =>
  Array.from({ length: n }, (_, i) => ({
    sourcePath: `tin-tuc/${year ?? 'x'}-${i}/index.html`,
    year,
    types: ['Tin tức'],
    years: year === null ? [] : [String(year)],
  }));
/** `n` articles of `year`, `perMonth` a month from January (the last month takes the rest). */
const monthly = (n: number, year: number, perMonth: number): ShardPageInput[] =>
  Array.from({ length: n }, (_, i) => ({
    sourcePath: `tin-tuc/${year}-m-${i}/index.html`,
    year,
    month: Math.min(12, 1 + Math.floor(i / perMonth)),
    types: ['Tin tức'],
    years: [String(year)],
  }));
const unit = (i: number): ShardPageInput => ({
  sourcePath: `don-vi/u${i}/index.html`,
  year: null,
  types: ['Đơn vị'],
  years: [],
});
const ids = (shards: { id: string }[]) => shards.map((s) => s.id);

describe('planShards', () => {
  it.each<[string, ShardPageInput[], number, string[]]>([
    [
      'one shard for a site that fits in one, undated pages included',
      [...news(3, 2020), ...news(2, 2024), unit(1)],
      100,
      ['nam-2020-2024'],
    ],
    [
      'the undated pages apart once the site needs several shards',
      [...news(3, 2020), ...news(2, 2024), unit(1)],
      4,
      ['nam-2020-2024', UNDATED_SHARD_ID],
    ],
    [
      'closes a shard once it reaches the size, from the oldest year',
      [...news(5, 2018), ...news(5, 2019), ...news(5, 2020), ...news(1, 2021)],
      10,
      ['nam-2020-2021', 'nam-2018-2019'],
    ],
    [
      'never splits a year whose months are unknown',
      [...news(30, 2022), ...news(2, 2023)],
      10,
      ['nam-2023', 'nam-2022'],
    ],
    [
      'splits a year bigger than a shard into month ranges closed from January',
      [...news(4, 2021), ...monthly(24, 2022, 2), ...news(2, 2023)],
      10,
      ['nam-2023', 'nam-2022-thang-11-12', 'nam-2022-thang-06-10', 'nam-2022-thang-01-05', 'nam-2021'],
    ],
    ['never splits a month', [...monthly(30, 2022, 30), ...news(2, 2023)], 10, ['nam-2023', 'nam-2022']],
    [
      'the years before a split year close as they are',
      [...news(3, 2019), ...news(3, 2020), ...monthly(12, 2021, 1)],
      10,
      ['nam-2021-thang-11-12', 'nam-2021-thang-01-10', 'nam-2019-2020'],
    ],
    ['no undated shard without undated pages', news(4, 2015), 10, ['nam-2015']],
    ['only undated pages', [unit(1), unit(2)], 10, [UNDATED_SHARD_ID]],
    ['nothing', [], 10, []],
  ])('%s', (_, pages, maxPages, expected) => {
    const shards = planShards(pages, { maxPages });
    expect(ids(shards)).toEqual(expected);
    // Every page in exactly one shard.
    expect(shards.flatMap((s) => s.sourcePaths).sort()).toEqual(pages.map((p) => p.sourcePath).sort());
    expect(shards.reduce((n, s) => n + s.pages, 0)).toBe(pages.length);
  });

  it("adding this year's pages changes only the newest shard", () => {
    const before = planShards([...news(6, 2019), ...news(6, 2020), ...news(3, 2021)], { maxPages: 5 });
    const after = planShards([...news(6, 2019), ...news(6, 2020), ...news(9, 2021)], { maxPages: 5 });
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]!.pages).toBe(9);
  });

  it("adding this year's pages to a split year changes only its newest shard", () => {
    const before = planShards([...news(6, 2020), ...monthly(14, 2021, 1)], { maxPages: 5 });
    const after = planShards([...news(6, 2020), ...monthly(20, 2021, 1)], { maxPages: 5 });
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(ids(after)).toEqual(['nam-2021-thang-11-12', 'nam-2021-thang-06-10', 'nam-2021-thang-01-05', 'nam-2020']);
    expect(after[0]).toMatchObject({ from: 2021, to: 2021, months: { from: 11, to: 12 }, pages: 10 });
  });

  it('records the type and year filter values of each shard, years newest first', () => {
    const [dated, undated] = planShards(
      [
        ...news(1, 2020),
        ...news(1, 2023),
        { sourcePath: 'khen-thuong/a/index.html', year: 2021, types: ['Khen thưởng'], years: ['2020', '2021'] },
        unit(1),
      ],
      { maxPages: 3 },
    );
    expect(dated).toMatchObject({
      from: 2020,
      to: 2023,
      types: ['Khen thưởng', 'Tin tức'],
      years: ['2023', '2021', '2020'],
    });
    expect(undated).toMatchObject({ from: null, to: null, types: ['Đơn vị'], years: [] });
  });
});

describe('pageShardFacts', () => {
  it.each<[string, string, ReturnType<typeof pageShardFacts>]>([
    [
      'an article',
      '<div hidden data-search-meta><span data-pagefind-filter="type[data-value]" data-value="Tin tức"></span><span data-pagefind-filter="year[data-value]" data-value="2024"></span><span data-pagefind-sort="date:2024-05-01T08:00:00+07:00"></span></div>',
      { year: 2024, month: 5, types: ['Tin tức'], years: ['2024'] },
    ],
    [
      'an award of two years, sorted by its decision',
      '<span data-pagefind-filter="type[data-value]" data-value="Khen thưởng"></span><span data-pagefind-filter="year[data-value]" data-value="2021"></span><span data-pagefind-filter="year[data-value]" data-value="2022"></span><span data-pagefind-sort="date:2023-01-10T00:00:00+07:00"></span>',
      { year: 2023, month: 1, types: ['Khen thưởng'], years: ['2021', '2022'] },
    ],
    [
      'a unit (undated sort key)',
      '<span data-pagefind-filter="type[data-value]" data-value="Đơn vị"></span><span data-pagefind-sort="date:0000-00-00"></span>',
      { year: null, month: null, types: ['Đơn vị'], years: [] },
    ],
    [
      'a page without search metadata',
      '<main data-pagefind-body><p>x</p></main>',
      { year: null, month: null, types: [], years: [] },
    ],
  ])('%s', (_, html, expected) => {
    expect(pageShardFacts(html)).toEqual(expected);
  });
});

const shard = (id: string, from: number | null, to: number | null, types: string[], years: string[]): ShardInfo => ({
  id,
  from,
  to,
  pages: 1,
  types,
  years,
});
const SHARDS: ShardInfo[] = [
  shard('nam-2024-2025', 2024, 2025, ['Khen thưởng', 'Tin tức'], ['2025', '2024']),
  shard('nam-2020-2023', 2020, 2023, ['Khen thưởng', 'Tin tức'], ['2023', '2022', '2021', '2020']),
  shard('nam-2014-2019', 2014, 2019, ['Tin tức'], ['2019', '2018', '2014']),
  shard(UNDATED_SHARD_ID, null, null, ['Tin tức', 'Đơn vị'], []),
];
const months = (s: ShardInfo, from: number, to: number): ShardInfo => ({ ...s, months: { from, to } });
/** 2025 split in two halves, listed oldest half first (the order must come from the months). */
const SPLIT: ShardInfo[] = [
  months(shard('nam-2025-thang-01-06', 2025, 2025, ['Tin tức'], ['2025']), 1, 6),
  months(shard('nam-2025-thang-07-12', 2025, 2025, ['Tin tức'], ['2025']), 7, 12),
  shard('nam-2024', 2024, 2024, ['Tin tức'], ['2024']),
];

describe('shardsToSearch', () => {
  it.each<[string, Parameters<typeof shardsToSearch>[1], string[]]>([
    [
      'by relevance: newest, the undated (units), then older',
      { byDate: false },
      ['nam-2024-2025', UNDATED_SHARD_ID, 'nam-2020-2023', 'nam-2014-2019'],
    ],
    [
      'by date: newest first, undated last',
      { byDate: true },
      ['nam-2024-2025', 'nam-2020-2023', 'nam-2014-2019', UNDATED_SHARD_ID],
    ],
    ['a year filter: only the shards holding it', { byDate: true, years: ['2022'] }, ['nam-2020-2023']],
    ['two years', { byDate: true, years: ['2018', '2025'] }, ['nam-2024-2025', 'nam-2014-2019']],
    [
      'awards only: shards without awards are skipped',
      { byDate: true, types: ['Khen thưởng'] },
      ['nam-2024-2025', 'nam-2020-2023'],
    ],
    ['awards of 2022', { byDate: true, types: ['Khen thưởng'], years: ['2022'] }, ['nam-2020-2023']],
    ['units only', { byDate: false, types: ['Đơn vị'] }, [UNDATED_SHARD_ID]],
    ['a year no shard has', { byDate: false, years: ['1999'] }, []],
    [
      'the manifest order does not matter',
      { byDate: true },
      ['nam-2024-2025', 'nam-2020-2023', 'nam-2014-2019', UNDATED_SHARD_ID],
    ],
  ])('%s', (_, query, expected) => {
    expect(ids(shardsToSearch(_.startsWith('the manifest') ? [...SHARDS].reverse() : SHARDS, query))).toEqual(expected);
  });
});

describe('shardsToSearch, a year split by months', () => {
  it('puts the later months first, whatever the manifest order', () => {
    expect(ids(shardsToSearch(SPLIT, { byDate: true }))).toEqual([
      'nam-2025-thang-07-12',
      'nam-2025-thang-01-06',
      'nam-2024',
    ]);
    expect(ids(shardsToSearch(SPLIT, { byDate: false, years: ['2025'] }))).toEqual([
      'nam-2025-thang-07-12',
      'nam-2025-thang-01-06',
    ]);
  });
});

describe('searchedScope', () => {
  it.each<[ShardInfo[], string | null]>([
    [[SHARDS[0]!, SHARDS[3]!], 'các năm 2024–2025'],
    [[SHARDS[2]!], 'các năm 2014–2019'],
    [[SPLIT[2]!], 'các năm 2024'],
    [[SPLIT[1]!], 'tháng 7/2025 – 12/2025'],
    [[SPLIT[1]!, SPLIT[0]!], 'các năm 2025'],
    [[SPLIT[1]!, SPLIT[0]!, SPLIT[2]!], 'các năm 2024–2025'],
    [[SHARDS[3]!], null],
  ])('%#', (searched, expected) => {
    expect(searchedScope(searched)).toBe(expected);
  });
});

describe('searchTiers', () => {
  it.each<[string, boolean, ShardInfo[], string[][]]>([
    [
      'by relevance: the newest and the undated shard together',
      false,
      shardsToSearch(SHARDS, { byDate: false }),
      [['nam-2024-2025', UNDATED_SHARD_ID], ['nam-2020-2023'], ['nam-2014-2019']],
    ],
    [
      'by date: one shard per tier',
      true,
      shardsToSearch(SHARDS, { byDate: true }),
      [['nam-2024-2025'], ['nam-2020-2023'], ['nam-2014-2019'], [UNDATED_SHARD_ID]],
    ],
    [
      'by relevance, a year filter: no undated shard',
      false,
      shardsToSearch(SHARDS, { byDate: false, years: ['2022', '2018'] }),
      [['nam-2020-2023'], ['nam-2014-2019']],
    ],
    [
      'only the undated shard',
      false,
      shardsToSearch(SHARDS, { byDate: false, types: ['Đơn vị'] }),
      [[UNDATED_SHARD_ID]],
    ],
    ['nothing', false, [], []],
  ])('%s', (_, byDate, ordered, expected) => {
    expect(searchTiers(ordered, byDate).map(ids)).toEqual(expected);
  });
});

describe('hasEnoughResults', () => {
  it.each<[number, number, boolean]>([
    [0, 1, false],
    [20, 1, false], // page 1 is full, but is there a page 2?
    [21, 1, true],
    [40, 2, false],
    [41, 2, true],
  ])('%i found for page %i → %s', (found, page, expected) => {
    expect(hasEnoughResults(found, page, 20)).toBe(expected);
  });
});

describe('searchedYears', () => {
  it.each<[ShardInfo[], ReturnType<typeof searchedYears>]>([
    [[SHARDS[0]!, SHARDS[3]!], { from: 2024, to: 2025 }],
    [SHARDS.slice(0, 2), { from: 2020, to: 2025 }],
    [[SHARDS[3]!], null],
    [[], null],
  ])('%#', (searched, expected) => {
    expect(searchedYears(searched)).toEqual(expected);
  });
});

describe('parseShardManifest', () => {
  it('accepts a manifest and rejects anything else', () => {
    expect(parseShardManifest({ version: 1, shards: SHARDS }).shards).toHaveLength(4);
    for (const bad of [
      null,
      {},
      { version: 2, shards: SHARDS },
      { version: 1, shards: [] },
      { version: 1, shards: [{ id: '../x' }] },
    ])
      expect(() => parseShardManifest(bad)).toThrow(/manifest|shard id/);
  });
});

describe('mergeCounts', () => {
  it.each<[string, (a: number, b: number) => number, Record<string, Record<string, number>>]>([
    ['max: two queries over the same pages', Math.max, { type: { 'Tin tức': 5, 'Đơn vị': 1 }, year: { '2024': 2 } }],
    ['sum: two shards', (a, b) => a + b, { type: { 'Tin tức': 8, 'Đơn vị': 1 }, year: { '2024': 2 } }],
  ])('%s', (_, combine, expected) => {
    expect(
      mergeCounts({ type: { 'Tin tức': 5 } }, { type: { 'Tin tức': 3, 'Đơn vị': 1 }, year: { '2024': 2 } }, combine),
    ).toEqual(expected);
  });
});
