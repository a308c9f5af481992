/**
 * Award history (src/site/award-history.ts): lineage, grouping by year and by form, display titles.
 */
import { describe, expect, it } from 'vitest';
import {
  awardConcernsUnits,
  awardDisplayTitle,
  awardHistory,
  conferrerName,
  conferrerOf,
  groupByForm,
  awardsByYear,
} from '#src/site/award-history.ts';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { award, unit } from '../support/entries.ts';
import { loadContentTree } from '../support/schema-tools.ts';

describe('awardHistory', () => {
  const units = [unit('moi', { lineage: [{ relation: 'predecessor', unit: 'cu' }] }), unit('cu'), unit('khac')];
  const awards = [
    award('2020-giay-khen-cu', { form: 'giay-khen', year: 2020, recipients: [{ unit: 'cu' }] }),
    award('2022-bang-khen-moi', { form: 'bang-khen', year: 2022, recipients: [{ unit: 'moi' }] }),
    award('2022-co-thi-dua-moi', { form: 'co-thi-dua', year: 2022, recipients: [{ unit: 'moi' }] }),
    award('2022-huan-chuong-moi', { form: 'huan-chuong', year: 2022, recipients: [{ unit: 'moi' }] }),
    award('2021-ca-nhan-cu', {
      form: 'vinh-danh',
      year: 2021,
      recipients: [{ kind: 'individual', name: 'Nguyễn Văn A', unit: 'cu' }],
    }),
    award('2023-khac', { year: 2023, recipients: [{ unit: 'khac' }] }),
    award('2019-khong-don-vi', { year: 2019, recipients: [{ name: 'Một tập thể không có hồ sơ' }] }),
  ];

  it("groups the unit's and its predecessors' awards by year, newest first, forms in vocabulary order", () => {
    const history = awardHistory('moi', units, awards).map((y) => [y.year, y.awards.map((a) => a.id)]);
    expect(history).toEqual([
      [2022, ['2022-huan-chuong-moi', '2022-bang-khen-moi', '2022-co-thi-dua-moi']],
      [2021, ['2021-ca-nhan-cu']],
      [2020, ['2020-giay-khen-cu']],
    ]);
  });

  it("does not give a predecessor its successor's awards", () => {
    expect(awardHistory('cu', units, awards).map((y) => y.year)).toEqual([2021, 2020]);
  });

  it.each(['moi', 'cu', 'khac', 'khong-co'])(
    'the site index gives %s the same history from its prebuilt indexes',
    (id) => {
      const both = award('2024-chung', { year: 2024, recipients: [{ unit: 'moi' }, { unit: 'cu' }] });
      const all = [...awards, both];
      const site = buildSiteIndex(
        { news: [], units, awards: all },
        { now: new Date('2026-11-01T00:00:00+07:00'), preview: false },
      );
      const ids = (h: ReturnType<typeof awardHistory>) => h.map((y) => [y.year, y.awards.map((a) => a.id)]);
      expect(ids(site.historyOf(id))).toEqual(ids(awardHistory(id, units, all)));
    },
  );

  it('is empty for a unit without awards', () => {
    expect(awardHistory('khong-co', units, awards)).toEqual([]);
  });

  it.each([
    ['collective recipient', award('x', { recipients: [{ unit: 'cu' }] }), true],
    ["individual's unit", award('x', { recipients: [{ kind: 'individual', name: 'A', unit: 'cu' }] }), true],
    ['second recipient', award('x', { recipients: [{ name: 'B' }, { unit: 'cu' }] }), true],
    ['other unit', award('x', { recipients: [{ unit: 'khac' }] }), false],
    ['named only', award('x', { recipients: [{ name: 'Công đoàn cu' }] }), false],
  ])('awardConcernsUnits: %s → %s', (_case, a, expected) => {
    expect(awardConcernsUnits(a, new Set(['cu']))).toBe(expected);
  });

  it('awardsByYear keeps every award once', () => {
    const groups = awardsByYear(awards);
    expect(groups.map((g) => g.year)).toEqual([2023, 2022, 2021, 2020, 2019]);
    expect(groups.flatMap((g) => g.awards)).toHaveLength(awards.length);
  });

  it('groupByForm orders forms as the vocabulary does, newest first inside a form', () => {
    const groups = groupByForm(awards).map((g) => [g.form, g.awards.map((a) => a.id)]);
    expect(groups).toEqual([
      ['huan-chuong', ['2022-huan-chuong-moi']],
      ['bang-khen', ['2023-khac', '2022-bang-khen-moi', '2019-khong-don-vi']],
      ['giay-khen', ['2020-giay-khen-cu']],
      ['co-thi-dua', ['2022-co-thi-dua-moi']],
      ['vinh-danh', ['2021-ca-nhan-cu']],
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
  const site = buildSiteIndex(raw, { now: new Date('2026-11-01T00:00:00+07:00'), preview: false });

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
