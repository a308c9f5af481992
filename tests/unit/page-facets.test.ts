import { describe, expect, it } from 'vitest';
import type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';
import { awardFacets, newsFacets, unitFacets } from '#src/search/page-facets.ts';
import { buildLineageGraph } from '#src/site/lineage.ts';
import { startOfVietnamDay } from '#src/text/dates.ts';

const ref = <C extends string>(collection: C, id: string) => ({ id, collection });
const unit = (id: string, name: string, extra: Partial<UnitEntry['data']> = {}): UnitEntry => ({
  id,
  data: { name, aliases: [], level: 'cong-doan-co-so', terms: [], figures: [], lineage: [], ...extra },
});

const units = [
  unit('ldld-qn', 'Liên đoàn Lao động tỉnh Quảng Ngãi', { level: 'lien-doan-tinh', province: 'Quảng Ngãi' }),
  unit('cdcs-old', 'Công đoàn cơ sở VKSND tỉnh Quảng Ngãi', {
    shortName: 'CĐ VKSND Quảng Ngãi',
    province: 'Quảng Ngãi',
  }),
  unit('cdcs-new', 'Công đoàn VKSND khu vực', {
    province: 'Quảng Ngãi',
    lineage: [{ relation: 'predecessor', unit: ref('units', 'cdcs-old'), date: '2025-07-01', kind: 'renamed' }],
  }),
  unit('cd-hp', 'Công đoàn VKSND thành phố Hải Phòng', { province: 'Hải Phòng' }),
  unit('tld', 'Tổng Liên đoàn Lao động Việt Nam', { level: 'tong-lien-doan' }),
];
const site = { unitsById: new Map(units.map((u) => [u.id, u])), lineage: buildLineageGraph(units) };

const news = (id: string, unitIds: string[], publishedAt?: string): NewsEntry => ({
  id,
  data: {
    title: id,
    summary: id,
    publishedAt: publishedAt ? new Date(publishedAt) : undefined,
    units: unitIds.map((u) => ref('units', u)),
    awards: [],
    tags: [],
    category: 'tin-tuc',
    draft: false,
  },
});

const award = (id: string, data: Partial<AwardEntry['data']>): AwardEntry => ({
  id,
  data: { form: 'bang-khen', year: 2022, recipients: [], status: 'in-force', draft: false, ...data },
});

describe('newsFacets', () => {
  it.each([
    {
      name: 'dated, two provinces, unit names',
      article: news('a', ['cdcs-old', 'cd-hp', 'tld'], '2022-12-31T20:00:00+07:00'),
      years: [2022],
      units: [
        'Công đoàn cơ sở VKSND tỉnh Quảng Ngãi',
        'Công đoàn VKSND thành phố Hải Phòng',
        'Tổng Liên đoàn Lao động Việt Nam',
      ],
      provinces: ['Quảng Ngãi', 'Hải Phòng'],
    },
    // 00:30 on 01/01/2023 in Vietnam is still 31/12/2022 in UTC.
    {
      name: 'year in Vietnam time',
      article: news('b', [], '2023-01-01T00:30:00+07:00'),
      years: [2023],
      units: [],
      provinces: [],
    },
    {
      name: 'undated',
      article: news('c', ['ldld-qn', 'cdcs-old']),
      years: [],
      units: ['Liên đoàn Lao động tỉnh Quảng Ngãi', 'Công đoàn cơ sở VKSND tỉnh Quảng Ngãi'],
      provinces: ['Quảng Ngãi'],
    },
    { name: 'unknown unit ignored', article: news('d', ['nope']), years: [], units: [], provinces: [] },
  ])('$name', ({ article, years, units: names, provinces }) => {
    const f = newsFacets(article, site);
    expect(f).toEqual({
      type: 'news',
      date: article.data.publishedAt,
      years,
      forms: [],
      conferrers: [],
      units: names,
      provinces,
    });
  });
});

describe('awardFacets', () => {
  it.each([
    {
      name: 'recipient with a successor; conferrer unit; decision date',
      data: {
        form: 'bang-khen' as const,
        conferredBy: { unit: ref('units', 'ldld-qn'), level: 'lien-doan-tinh' as const },
        recipients: [{ kind: 'collective' as const, unit: ref('units', 'cdcs-old') }],
        decision: { number: '1/QĐ', date: '2023-01-15' },
      },
      expected: {
        date: startOfVietnamDay('2023-01-15'),
        forms: ['bang-khen'],
        conferrers: ['Liên đoàn Lao động tỉnh Quảng Ngãi'],
        units: ['Công đoàn cơ sở VKSND tỉnh Quảng Ngãi', 'Công đoàn VKSND khu vực'],
        provinces: ['Quảng Ngãi'],
      },
    },
    {
      name: 'individuals of two units, named authority, no decision date',
      data: {
        form: 'co-thi-dua' as const,
        conferredBy: { name: 'Viện trưởng VKSND tối cao', level: 'bo-nganh' as const },
        recipients: [
          { kind: 'individual' as const, name: 'Nguyễn Văn A', unit: ref('units', 'cd-hp') },
          { kind: 'individual' as const, name: 'Trần Thị B', unit: ref('units', 'cd-hp') },
          { kind: 'individual' as const, name: 'Lê Văn C' },
        ],
      },
      expected: {
        date: undefined,
        forms: ['co-thi-dua'],
        conferrers: ['Viện trưởng VKSND tối cao'],
        units: ['Công đoàn VKSND thành phố Hải Phòng'],
        provinces: ['Hải Phòng'],
      },
    },
  ])('$name', ({ data, expected }) => {
    expect(awardFacets(award('x', data), site)).toEqual({ type: 'award', years: [2022], ...expected });
  });
});

describe('unitFacets', () => {
  it.each([
    ['cdcs-new', ['Công đoàn VKSND khu vực', 'Công đoàn cơ sở VKSND tỉnh Quảng Ngãi'], ['Quảng Ngãi']],
    ['cdcs-old', ['Công đoàn cơ sở VKSND tỉnh Quảng Ngãi', 'CĐ VKSND Quảng Ngãi'], ['Quảng Ngãi']],
    ['tld', ['Tổng Liên đoàn Lao động Việt Nam'], []],
  ])('%s → units %j, provinces %j', (id, names, provinces) => {
    expect(unitFacets(site.unitsById.get(id)!, site)).toEqual({
      type: 'unit',
      years: [],
      forms: [],
      conferrers: [],
      units: names,
      provinces,
    });
  });
});
