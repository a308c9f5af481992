/**
 * Award history: site.historyOf (the unit's and its predecessors' awards, year by year, from
 * the site index's lineage graph and recipient index) against hand-written expectations; and
 * the award helpers of src/site/award-history.ts (grouping, conferrers, display titles).
 */
import { describe, expect, it } from 'vitest';
import { awardDisplayTitle, awardsByYear, conferrerName, conferrerOf, groupByForm } from '#src/site/award-history.ts';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { award, unit } from '../support/entries.ts';
import { loadContentTree } from '../support/schema-tools.ts';

const NOW = new Date('2026-11-01T00:00:00+07:00');

describe('site.historyOf', () => {
  // cu-1 → cu-2 (renamed), then cu-2 + ben → moi (merged, declared on ben's side); khac stands apart.
  const units = [
    unit('moi', { lineage: [{ relation: 'predecessor', unit: 'cu-2' }] }),
    unit('cu-2', { lineage: [{ relation: 'predecessor', unit: 'cu-1', kind: 'renamed' }] }),
    unit('cu-1'),
    unit('ben', { lineage: [{ relation: 'successor', unit: 'moi' }] }),
    unit('khac'),
  ];
  const awards = [
    award('2020-giay-khen-cu-1', { form: 'giay-khen', year: 2020, recipients: [{ unit: 'cu-1' }] }),
    award('2021-ca-nhan-cu-2', {
      form: 'vinh-danh',
      year: 2021,
      recipients: [{ kind: 'individual', name: 'Nguyễn Văn A', unit: 'cu-2' }],
    }),
    award('2021-ben', { form: 'bang-khen', year: 2021, recipients: [{ name: 'Tập thể X' }, { unit: 'ben' }] }),
    award('2022-bang-khen-moi', { form: 'bang-khen', year: 2022, recipients: [{ unit: 'moi' }] }),
    award('2022-co-thi-dua-moi', { form: 'co-thi-dua', year: 2022, recipients: [{ unit: 'moi' }] }),
    award('2022-huan-chuong-moi', { form: 'huan-chuong', year: 2022, recipients: [{ unit: 'moi' }] }),
    award('2022-a-bang-khen-moi', { form: 'bang-khen', year: 2022, recipients: [{ unit: 'moi' }] }),
    award('2024-chung', { year: 2024, recipients: [{ unit: 'moi' }, { unit: 'cu-2' }] }),
    award('2023-khac', { year: 2023, recipients: [{ unit: 'khac' }] }),
    award('2019-ten-trung', { year: 2019, recipients: [{ name: 'Đơn vị moi' }] }),
    award('2025-nhap', { year: 2025, recipients: [{ unit: 'moi' }], draft: true }),
  ];
  const site = buildSiteIndex({ news: [], units, awards }, { now: NOW, preview: false });
  const years = (id: string) => site.historyOf(id).map((y) => [y.year, y.awards.map((a) => a.id)]);

  it.each([
    [
      'moi: its own, both predecessors and the renamed unit before them; forms in vocabulary order, then id',
      'moi',
      [
        [2024, ['2024-chung']],
        [2022, ['2022-huan-chuong-moi', '2022-a-bang-khen-moi', '2022-bang-khen-moi', '2022-co-thi-dua-moi']],
        [2021, ['2021-ben', '2021-ca-nhan-cu-2']],
        [2020, ['2020-giay-khen-cu-1']],
      ],
    ],
    [
      'cu-2: its own and its predecessor, never its successor',
      'cu-2',
      [
        [2024, ['2024-chung']],
        [2021, ['2021-ca-nhan-cu-2']],
        [2020, ['2020-giay-khen-cu-1']],
      ],
    ],
    ['cu-1: the first of the chain', 'cu-1', [[2020, ['2020-giay-khen-cu-1']]]],
    ['ben: as second recipient, lineage declared on its own side', 'ben', [[2021, ['2021-ben']]]],
    ['khac: unrelated units stay out', 'khac', [[2023, ['2023-khac']]]],
    ['a unit without awards', 'khong-co', []],
  ])('%s', (_case, id, expected) => {
    expect(years(id)).toEqual(expected);
  });

  it('never shows a draft award, nor one that only names a unit in words', () => {
    const all = site.units.flatMap((u) => site.historyOf(u.id).flatMap((y) => y.awards.map((a) => a.id)));
    expect(all).not.toContain('2025-nhap');
    expect(all).not.toContain('2019-ten-trung');
  });
});

describe('awardsByYear and groupByForm', () => {
  const awards = [
    award('2020-giay-khen', { form: 'giay-khen', year: 2020 }),
    award('2022-bang-khen', { form: 'bang-khen', year: 2022 }),
    award('2022-huan-chuong', { form: 'huan-chuong', year: 2022 }),
    award('2021-vinh-danh', { form: 'vinh-danh', year: 2021 }),
    award('2023-bang-khen', { form: 'bang-khen', year: 2023 }),
    award('2019-bang-khen', { form: 'bang-khen', year: 2019 }),
  ];

  it('awardsByYear: newest year first, forms in vocabulary order inside a year', () => {
    expect(awardsByYear(awards).map((g) => [g.year, g.awards.map((a) => a.id)])).toEqual([
      [2023, ['2023-bang-khen']],
      [2022, ['2022-huan-chuong', '2022-bang-khen']],
      [2021, ['2021-vinh-danh']],
      [2020, ['2020-giay-khen']],
      [2019, ['2019-bang-khen']],
    ]);
  });

  it('groupByForm: forms in vocabulary order, newest first inside a form', () => {
    expect(groupByForm(awards).map((g) => [g.form, g.awards.map((a) => a.id)])).toEqual([
      ['huan-chuong', ['2022-huan-chuong']],
      ['bang-khen', ['2023-bang-khen', '2022-bang-khen', '2019-bang-khen']],
      ['giay-khen', ['2020-giay-khen']],
      ['vinh-danh', ['2021-vinh-danh']],
    ]);
  });
});

describe('conferrerOf', () => {
  const ldld = unit('ldld-qn', { name: 'Liên đoàn Lao động tỉnh Quảng Ngãi', level: 'lien-doan-tinh' });
  const site = { unitsById: new Map([[ldld.id, ldld]]) };
  it.each([
    [
      'a unit with a profile: its name, and the profile to link',
      { unit: 'ldld-qn', name: 'LĐLĐ Quảng Ngãi' },
      { name: 'Liên đoàn Lao động tỉnh Quảng Ngãi', unit: ldld, level: 'lien-doan-tinh' },
    ],
    [
      'a named authority',
      { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'tinh' as const },
      { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', unit: undefined, level: 'tinh' },
    ],
    ['no conferrer', undefined, undefined],
  ])('%s', (_case, conferredBy, expected) => {
    const a = award('x', conferredBy ? { conferredBy } : {});
    expect(conferrerOf(a, site)).toEqual(expected);
    expect(conferrerName(a, site)).toBe(expected?.name);
  });
});

describe('awardDisplayTitle', () => {
  it.each([
    [
      award('a', { form: 'bang-khen', title: 'Hoàn thành xuất sắc nhiệm vụ', year: 2022 }),
      'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022',
    ],
    [
      award('a', { form: 'bang-khen', title: '“Hoàn thành xuất sắc nhiệm vụ”', year: 2022 }),
      'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022',
    ],
    [award('a', { form: 'bang-khen', year: 2021 }), 'Bằng khen năm 2021'],
    [
      award('a', { form: 'hoan-thanh-xuat-sac-nhiem-vu', year: 2022 }),
      'Xếp loại “Hoàn thành xuất sắc nhiệm vụ” năm 2022',
    ],
    [
      award('a', { form: 'co-thi-dua', title: 'Cờ thi đua ngành Kiểm sát nhân dân', year: 2022 }),
      'Cờ thi đua ngành Kiểm sát nhân dân năm 2022',
    ],
    [
      award('a', { form: 'vinh-danh', title: 'Gương mặt của năm', year: 2020 }),
      'Vinh danh, tôn vinh “Gương mặt của năm” năm 2020',
    ],
  ])('%#: %s', (a, expected) => {
    expect(awardDisplayTitle(a)).toBe(expected);
  });
});

describe('the bundled content', () => {
  const { raw } = loadContentTree();
  const site = buildSiteIndex(raw, { now: NOW, preview: false });

  it('shows the 2022 Bằng khen from LĐLĐ tỉnh Quảng Ngãi in the history of Công đoàn cơ sở VKSND tỉnh Quảng Ngãi', () => {
    const year2022 = site.historyOf('cong-doan-vksnd-tinh-quang-ngai').find((y) => y.year === 2022);
    expect(year2022?.awards.map((a) => [a.data.form, a.data.conferredBy?.unit?.id, a.data.title])).toContainEqual([
      'bang-khen',
      'lien-doan-lao-dong-tinh-quang-ngai',
      'Hoàn thành xuất sắc nhiệm vụ',
    ]);
  });

  it('builds one unit tree under Tổng Liên đoàn, with the procuracies as agencies', () => {
    expect(site.rootUnits.map((u) => u.id).sort()).toEqual(['tong-lien-doan-lao-dong-viet-nam', 'vksnd-toi-cao']);
    expect(site.ancestorsOf('to-cong-doan-thanh-tra-va-khieu-to').map((u) => u.id)).toEqual([
      'tong-lien-doan-lao-dong-viet-nam',
      'lien-doan-lao-dong-thanh-pho-hai-phong',
      'cong-doan-vien-chuc-thanh-pho-hai-phong',
      'cong-doan-vksnd-thanh-pho-hai-phong',
    ]);
  });

  it('lists undated articles after dated ones', () => {
    expect(site.news.map((n) => n.data.publishedAt === undefined)).toEqual([false, false, false, true, true]);
  });
});
