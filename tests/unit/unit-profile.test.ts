/**
 * The unit profile view model (src/site/view-models/unit-profile.ts): what /don-vi/<id>/ shows,
 * from a small site index, against hand-written expectations.
 */
import { describe, expect, it } from 'vitest';
import type { UnitEntry } from '#src/model/content-model.ts';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { CONFERRED_SHOWN, NEWS_SHOWN, unitProfile } from '#src/site/view-models/unit-profile.ts';
import { award, news, unit } from '../support/entries.ts';

const NOW = new Date('2026-06-01T00:00:00+07:00');

const full: UnitEntry = {
  ...unit('cdcs', {
    name: 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
    shortName: 'Công đoàn VKSND tỉnh Quảng Ngãi',
    aliases: ['Công đoàn VKSND tỉnh Quảng Ngãi', 'CĐ VKSND Quảng Ngãi'],
    parent: 'cdvc',
    province: 'Quảng Ngãi',
    foundedOn: '1995-05-01',
    dissolvedOn: '2025-06-30',
    contact: { address: 'Số 1 Hùng Vương', phone: '(0255) 3822 000', email: 'cd@example.vn' },
    website: 'https://vks.example.vn/',
    terms: [
      { from: 2018, to: 2023, congress: 'Đại hội V', leaders: [{ name: 'Nguyễn Văn A', role: 'Chủ tịch' }] },
      {
        from: 2023,
        to: 2028,
        leaders: [
          { name: 'Trần Thị B', role: 'Chủ tịch', note: 'từ tháng 3/2024' },
          { name: 'Lê Văn C', role: 'Phó Chủ tịch' },
        ],
      },
      { from: 2013, to: 2018, leaders: [] },
    ],
    figures: [
      { year: 2022, members: 1234, baseUnions: 12, source: 'bai-so-lieu' },
      { year: 2024, staff: 56, source: 'Báo cáo năm 2024' },
      { year: 2023, members: 40, source: 'bai-so-lieu' },
      { year: 2021, members: 30, source: 'ban-nhap-so-lieu' },
      { year: 2020, members: 20, source: 'bai-hen-gio-so-lieu' },
    ],
    lineage: [
      { relation: 'predecessor', unit: 'cu', date: '2020-01-01', kind: 'renamed', note: 'Theo Quyết định 1' },
      { relation: 'successor', unit: 'moi', date: '2025-06-30', kind: 'merged' },
    ],
  }),
  body: '\nGiới thiệu.\n',
};
const units = [
  unit('tld', { name: 'Tổng Liên đoàn Lao động Việt Nam', level: 'tong-lien-doan' }),
  unit('ldld', { name: 'Liên đoàn Lao động tỉnh Quảng Ngãi', shortName: 'LĐLĐ tỉnh', parent: 'tld' }),
  unit('cdvc', { name: 'Công đoàn Viên chức tỉnh Quảng Ngãi', parent: 'ldld', level: 'cong-doan-cap-tren-co-so' }),
  full,
  unit('to-1', { name: 'Tổ công đoàn 1', parent: 'cdcs' }),
  unit('cu', { name: 'Công đoàn cũ' }),
  unit('moi', { name: 'Công đoàn mới' }),
  { ...unit('trong', { name: 'Công đoàn trống' }), body: '  \n' },
];
const site = buildSiteIndex(
  {
    units,
    news: [
      news('bai-so-lieu', { title: 'Số liệu đoàn viên', publishedAt: new Date('2024-01-01T08:00:00+07:00') }),
      news('ban-nhap-so-lieu', { title: 'Bản nháp', draft: true }),
      news('bai-hen-gio-so-lieu', { title: 'Hẹn giờ', publishedAt: new Date('2027-01-01T08:00:00+07:00') }),
      ...Array.from({ length: NEWS_SHOWN + 1 }, (_, i) =>
        news(`tin-${i}`, { units: ['cdcs'], publishedAt: new Date(Date.UTC(2024, 0, 2 + i)) }),
      ),
    ],
    awards: [
      award('2021-cu', { year: 2021, recipients: [{ unit: 'cu' }] }),
      award('2022-cdcs', { year: 2022, recipients: [{ unit: 'cdcs' }] }),
      ...Array.from({ length: CONFERRED_SHOWN + 1 }, (_, i) =>
        award(`trao-${String(i).padStart(2, '0')}`, { conferredBy: { unit: 'ldld' }, recipients: [{ unit: 'cdvc' }] }),
      ),
    ],
  },
  { now: NOW, preview: false },
);
const profile = unitProfile(full, site);

describe('unitProfile: a unit with everything', () => {
  it.each([
    ['title', 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi'],
    ['shortTitle', 'Công đoàn VKSND tỉnh Quảng Ngãi'],
    ['kicker', 'Công đoàn cơ sở'],
    [
      'description',
      'Hồ sơ Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi, công đoàn cơ sở, Quảng Ngãi, trực thuộc Công đoàn Viên chức tỉnh Quảng Ngãi, 2 khen thưởng.',
    ],
    ['dissolvedNotice', 'Đơn vị đã thôi hoạt động từ ngày 30/06/2025.'],
    ['hasBody', true],
  ] as const)('%s', (key, value) => expect(profile[key]).toBe(value));

  it('crumbs: the directory, every parent by its short name, then the unit', () => {
    expect(profile.crumbs).toEqual([
      { href: '/don-vi/', label: 'Đơn vị' },
      { href: '/don-vi/tld/', label: 'Tổng Liên đoàn Lao động Việt Nam' },
      { href: '/don-vi/ldld/', label: 'LĐLĐ tỉnh' },
      { href: '/don-vi/cdvc/', label: 'Công đoàn Viên chức tỉnh Quảng Ngãi' },
      { label: 'Công đoàn VKSND tỉnh Quảng Ngãi' },
    ]);
  });

  it('facts: every field present, in page order, links and dates where they belong', () => {
    expect(profile.facts).toEqual([
      { term: 'Tên đầy đủ', text: 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi' },
      { term: 'Tên viết gọn', text: 'Công đoàn VKSND tỉnh Quảng Ngãi' },
      { term: 'Tên gọi khác', text: 'CĐ VKSND Quảng Ngãi' },
      { term: 'Cấp', text: 'Công đoàn cơ sở' },
      { term: 'Trực thuộc', text: 'Công đoàn Viên chức tỉnh Quảng Ngãi', href: '/don-vi/cdvc/' },
      { term: 'Tỉnh, thành phố', text: 'Quảng Ngãi' },
      { term: 'Ngày thành lập', date: { iso: '1995-05-01', text: '01/05/1995' } },
      { term: 'Ngày thôi hoạt động', date: { iso: '2025-06-30', text: '30/06/2025' } },
      { term: 'Địa chỉ', text: 'Số 1 Hùng Vương' },
      { term: 'Điện thoại', text: '(0255) 3822 000', href: 'tel:02553822000' },
      { term: 'Thư điện tử', text: 'cd@example.vn', href: 'mailto:cd@example.vn' },
      { term: 'Trang web', text: 'vks.example.vn', href: 'https://vks.example.vn/', rel: 'external noopener' },
    ]);
  });

  it('terms: latest first, leaders with their notes', () => {
    expect(profile.terms).toEqual([
      {
        period: '2023–2028',
        congress: '—',
        leaders: ['Chủ tịch: Trần Thị B, từ tháng 3/2024', 'Phó Chủ tịch: Lê Văn C'],
      },
      { period: '2018–2023', congress: 'Đại hội V', leaders: ['Chủ tịch: Nguyễn Văn A'] },
      { period: '2013–2018', congress: '—', leaders: [] },
    ]);
  });

  it('figures: latest first, Vietnamese numbers, a dash when unknown; each source once', () => {
    expect(profile.figures).toEqual([
      { year: 2024, members: '—', baseUnions: '—', staff: '56' },
      { year: 2023, members: '40', baseUnions: '—', staff: '—' },
      { year: 2022, members: '1.234', baseUnions: '12', staff: '—' },
      { year: 2021, members: '30', baseUnions: '—', staff: '—' },
      { year: 2020, members: '20', baseUnions: '—', staff: '—' },
    ]);
    // The ids of the draft and the scheduled article are not printed (nor indexed for search).
    expect(profile.figureSources).toEqual([
      'Báo cáo năm 2024',
      { href: '/tin-tuc/bai-so-lieu/', text: 'Số liệu đoàn viên' },
    ]);
  });

  it('sub-units and lineage, with kinds, dates and notes', () => {
    expect(profile.children).toEqual([{ href: '/don-vi/to-1/', text: 'Tổ công đoàn 1' }]);
    expect(profile.lineage).toEqual([
      {
        title: 'Đơn vị tiền thân',
        items: [
          {
            unit: { href: '/don-vi/cu/', text: 'Công đoàn cũ' },
            kind: 'Đổi tên',
            date: { iso: '2020-01-01', text: '01/01/2020' },
            note: 'Theo Quyết định 1',
          },
        ],
      },
      {
        title: 'Đơn vị kế thừa',
        items: [
          {
            unit: { href: '/don-vi/moi/', text: 'Công đoàn mới' },
            kind: 'Hợp nhất, sáp nhập',
            date: { iso: '2025-06-30', text: '30/06/2025' },
            note: undefined,
          },
        ],
      },
    ]);
  });

  it("award history: its own and its predecessor's, counted", () => {
    const { years, ...rest } = profile.history;
    expect(rest).toEqual({ count: 2, includesPredecessors: true });
    expect(years.map((y) => [y.year, y.awards.map((a) => a.id)])).toEqual([
      [2022, ['2022-cdcs']],
      [2021, ['2021-cu']],
    ]);
  });

  it(`news: the newest ${NEWS_SHOWN}, and a search link to all`, () => {
    expect(profile.news.total).toBe(NEWS_SHOWN + 1);
    expect(profile.news.shown.map((n) => n.id)).toEqual(
      Array.from({ length: NEWS_SHOWN }, (_, i) => `tin-${NEWS_SHOWN - i}`),
    );
    expect(profile.news.moreHref).toBe(
      `/tim-kiem/?${new URLSearchParams({ type: 'Tin tức', unit: 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi' })}`,
    );
  });
});

describe('unitProfile: conferred awards', () => {
  it.each([
    [
      'ldld',
      CONFERRED_SHOWN,
      CONFERRED_SHOWN + 1,
      `/tim-kiem/?${new URLSearchParams({ conferrer: 'Liên đoàn Lao động tỉnh Quảng Ngãi' })}`,
    ],
    ['cdvc', 0, 0, undefined],
  ])('%s shows %i of %i conferred awards', (id, shown, total, moreHref) => {
    const { conferred } = unitProfile(site.unitsById.get(id)!, site);
    expect([conferred.shown.length, conferred.total, conferred.moreHref]).toEqual([shown, total, moreHref]);
  });
});

describe('unitProfile: a bare unit', () => {
  const bare = unitProfile(site.unitsById.get('trong')!, site);

  it('has only the facts every unit has, and empty sections', () => {
    expect(bare.facts).toEqual([
      { term: 'Tên đầy đủ', text: 'Công đoàn trống' },
      { term: 'Cấp', text: 'Công đoàn cơ sở' },
    ]);
    expect(bare).toMatchObject({
      description: 'Hồ sơ Công đoàn trống, công đoàn cơ sở.',
      shortTitle: 'Công đoàn trống',
      dissolvedNotice: undefined,
      hasBody: false,
      terms: [],
      figures: [],
      figureSources: [],
      children: [],
      lineage: [],
      history: { count: 0, includesPredecessors: false, years: [] },
      news: { shown: [], total: 0 },
    });
    expect(bare.news).not.toHaveProperty('moreHref');
  });

  it.each([
    [['Tên khác'], undefined, 'Tên khác'],
    [['Tên gọn', 'Tên khác'], 'Tên gọn', 'Tên khác'],
    [['Tên gọn'], 'Tên gọn', 'Tên gọn'],
  ])('aliases %j with short name %s show as %s', (aliases, shortName, text) => {
    const u = unit('x', { aliases, ...(shortName ? { shortName } : {}) });
    expect(unitProfile(u, site).facts.find((f) => f.term === 'Tên gọi khác')?.text).toBe(text);
  });
});
