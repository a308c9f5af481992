/**
 * The award page view model (src/site/view-models/award-detail.ts) and the award list entry
 * (award-list.ts), from a small site index, against hand-written expectations.
 */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { awardDetail } from '#src/site/view-models/award-detail.ts';
import { awardListItem } from '#src/site/view-models/award-list.ts';
import { award, news, unit } from '../support/entries.ts';

const site = buildSiteIndex(
  {
    units: [
      unit('ldld', { name: 'Liên đoàn Lao động tỉnh Quảng Ngãi', shortName: 'LĐLĐ tỉnh' }),
      unit('cu', { name: 'Công đoàn cũ', shortName: 'CĐ cũ' }),
      unit('moi', { name: 'Công đoàn mới', lineage: [{ relation: 'predecessor', unit: 'cu' }] }),
      unit('moi-hon', { name: 'Công đoàn mới hơn', lineage: [{ relation: 'predecessor', unit: 'moi' }] }),
    ],
    news: [news('bai', { title: 'Trao Bằng khen', publishedAt: new Date('2023-01-20T09:00:00+07:00') })],
    awards: [],
  },
  { now: new Date('2026-06-01T00:00:00+07:00'), preview: false },
);

const revoked = award('2022-bang-khen', {
  form: 'bang-khen',
  title: 'Hoàn thành xuất sắc nhiệm vụ',
  year: 2022,
  conferredBy: { unit: 'ldld', level: 'lien-doan-tinh' },
  decision: { number: '12/QĐ-LĐLĐ', date: '2023-01-15' },
  recipients: [{ unit: 'cu' }, { kind: 'individual', name: 'Nguyễn Văn A', unit: 'cu' }, { name: 'Tổ công tác' }],
  campaign: '“Học tập và làm theo”',
  citation: 'LĐLĐ tỉnh tặng Bằng khen cho Công đoàn cũ.',
  article: 'bai',
  status: 'revoked',
  revocation: { date: '2024-03-01', decision: '5/QĐ-LĐLĐ', reason: 'Hồ sơ không đúng.' },
});
const plain = award('2021-giay-khen', {
  form: 'giay-khen',
  year: 2021,
  conferredBy: { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'tinh' },
  recipients: [{ unit: 'moi' }],
});

describe('awardDetail', () => {
  const detail = awardDetail(revoked, site);

  it.each([
    ['title', 'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022'],
    ['kicker', 'Bằng khen'],
    [
      'description',
      'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022 do Liên đoàn Lao động tỉnh Quảng Ngãi trao tặng cho Công đoàn cũ; Nguyễn Văn A; Tổ công tác. Quyết định đã bị thu hồi.',
    ],
  ] as const)('%s', (key, value) => expect(detail[key]).toBe(value));

  it('crumbs, revocation and facts of a revoked decision', () => {
    expect(detail.crumbs).toEqual([
      { href: '/khen-thuong/', label: 'Khen thưởng' },
      { href: '/khen-thuong/nam/2022/', label: 'Năm 2022' },
      { label: 'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022' },
    ]);
    expect(detail.revocation).toEqual({
      date: { iso: '2024-03-01', text: '01/03/2024' },
      decision: '5/QĐ-LĐLĐ',
      reason: 'Hồ sơ không đúng.',
    });
    expect(detail.facts).toEqual([
      { term: 'Hình thức', text: 'Bằng khen', href: '/khen-thuong/hinh-thuc/bang-khen/' },
      { term: 'Danh hiệu, thành tích', text: 'Hoàn thành xuất sắc nhiệm vụ' },
      { term: 'Năm thành tích', text: '2022', href: '/khen-thuong/nam/2022/' },
      { term: 'Cơ quan khen thưởng', text: 'Liên đoàn Lao động tỉnh Quảng Ngãi', href: '/don-vi/ldld/' },
      { term: 'Cấp khen thưởng', text: 'Liên đoàn Lao động tỉnh, thành phố' },
      { term: 'Số quyết định', text: '12/QĐ-LĐLĐ' },
      { term: 'Ngày quyết định', date: { iso: '2023-01-15', text: '15/01/2023' } },
      { term: 'Phong trào thi đua', text: '“Học tập và làm theo”' },
      { term: 'Tình trạng', text: 'Đã thu hồi', strong: true },
    ]);
  });

  it('recipients, and every unit that took over from them', () => {
    expect(detail.recipients).toEqual([
      { kind: 'Tập thể', name: undefined, role: undefined, unit: { href: '/don-vi/cu/', text: 'Công đoàn cũ' } },
      { kind: 'Cá nhân', name: 'Nguyễn Văn A', role: undefined, unit: { href: '/don-vi/cu/', text: 'Công đoàn cũ' } },
      { kind: 'Tập thể', name: 'Tổ công tác', role: undefined, unit: undefined },
    ]);
    expect(detail.successors).toEqual([
      { href: '/don-vi/moi/', text: 'Công đoàn mới' },
      { href: '/don-vi/moi-hon/', text: 'Công đoàn mới hơn' },
    ]);
  });

  it('citation and announcing article', () => {
    expect(detail.citation).toEqual({ text: 'LĐLĐ tỉnh tặng Bằng khen cho Công đoàn cũ.', source: 'Trao Bằng khen' });
    expect(detail.article).toEqual({
      href: '/tin-tuc/bai/',
      title: 'Trao Bằng khen',
      publishedAt: new Date('2023-01-20T09:00:00+07:00'),
    });
  });

  it('an award in force, by a named authority, without decision, citation or article', () => {
    expect(awardDetail(plain, site)).toMatchObject({
      title: 'Giấy khen năm 2021',
      description: 'Giấy khen năm 2021 do Ủy ban nhân dân tỉnh Quảng Ngãi trao tặng cho Công đoàn mới.',
      revocation: undefined,
      facts: [
        { term: 'Hình thức', text: 'Giấy khen', href: '/khen-thuong/hinh-thuc/giay-khen/' },
        { term: 'Năm thành tích', text: '2021', href: '/khen-thuong/nam/2021/' },
        { term: 'Cơ quan khen thưởng', text: 'Ủy ban nhân dân tỉnh Quảng Ngãi', href: undefined },
        { term: 'Cấp khen thưởng', text: 'Ủy ban nhân dân tỉnh, thành phố' },
        { term: 'Tình trạng', text: 'Còn hiệu lực', strong: false },
      ],
      successors: [{ href: '/don-vi/moi-hon/', text: 'Công đoàn mới hơn' }],
      citation: undefined,
      article: undefined,
    });
  });
});

describe('awardListItem', () => {
  it.each([
    [
      'a revoked award listed anywhere',
      revoked,
      undefined,
      {
        href: '/khen-thuong/2022-bang-khen/',
        title: 'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022',
        revoked: true,
        conferrer: 'Liên đoàn Lao động tỉnh Quảng Ngãi',
        recipients: [
          { text: 'Công đoàn cũ', unit: undefined },
          { text: 'Nguyễn Văn A', unit: 'CĐ cũ' },
          { text: 'Tổ công tác', unit: undefined },
        ],
        viaPredecessor: undefined,
      },
    ],
    ["in a successor's history: received by the predecessor", revoked, 'moi', { viaPredecessor: 'Công đoàn cũ' }],
    ["in the recipient's own history", revoked, 'cu', { viaPredecessor: undefined }],
    [
      'an award in force by a named authority',
      plain,
      undefined,
      { revoked: false, conferrer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', recipients: [{ text: 'Công đoàn mới' }] },
    ],
  ])('%s', (_case, a, forUnitId, expected) => {
    expect(awardListItem(a, site, forUnitId)).toMatchObject(expected);
  });
});
