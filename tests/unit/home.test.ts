/**
 * The home page and the page chrome around the owner unit (src/site/view-models/home.ts,
 * chrome.ts): a base union's site leads with its own unit, a portal keeps the national view.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '#src/model/site-config.ts';
import { routes } from '#src/site/routes.ts';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { siteChrome } from '#src/site/view-models/chrome.ts';
import { HOME_AWARDS, HOME_NEWS, homePage } from '#src/site/view-models/home.ts';
import { award, news, unit } from '../support/entries.ts';

const NOW = new Date('2026-06-01T00:00:00+07:00');
const at = (day: number) => new Date(Date.UTC(2024, 0, day));

const site = buildSiteIndex(
  {
    units: [
      unit('tld', { name: 'Tổng Liên đoàn Lao động Việt Nam', level: 'tong-lien-doan' }),
      unit('ldld', { name: 'Liên đoàn Lao động tỉnh Quảng Ngãi', parent: 'tld', level: 'lien-doan-tinh' }),
      unit('cdcs', {
        name: 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
        shortName: 'Công đoàn VKSND tỉnh Quảng Ngãi',
        parent: 'ldld',
        contact: { phone: '(0255) 3822 000', email: 'cd@example.vn' },
        website: 'https://vks.example.vn/',
      }),
      unit('to-1', { name: 'Tổ công đoàn 1', parent: 'cdcs', level: 'cong-doan-bo-phan' }),
      unit('to-2', { name: 'Tổ công đoàn 2', parent: 'cdcs', level: 'cong-doan-bo-phan' }),
      unit('khac', { name: 'Công đoàn khác', parent: 'ldld' }),
    ],
    news: [
      ...Array.from({ length: HOME_NEWS + 2 }, (_, i) =>
        news(`cdcs-${i}`, { units: ['cdcs'], publishedAt: at(2 + i) }),
      ),
      news('to-1-tin', { units: ['to-1'], publishedAt: at(20) }),
      news('khac-tin', { units: ['khac'], publishedAt: at(21) }),
      news('chung', { publishedAt: at(22) }),
    ],
    awards: [
      ...Array.from({ length: HOME_AWARDS + 1 }, (_, i) =>
        award(`cdcs-${2010 + i}`, { year: 2010 + i, recipients: [{ unit: 'cdcs' }] }),
      ),
      award('khac-2022', { year: 2022, recipients: [{ unit: 'khac' }] }),
    ],
  },
  { now: NOW, preview: false },
);

const owned: SiteConfig = {
  ...DEFAULT_SITE,
  name: 'Công đoàn VKSND Quảng Ngãi',
  description: 'Tin tức của Công đoàn cơ sở VKSND tỉnh Quảng Ngãi.',
  owner: 'cdcs',
};

describe('homePage with an owner unit', () => {
  const home = homePage(site, owned);
  const owner = home.owner!;

  it('leads with the owner: its name, level and profile, and no portal part', () => {
    expect(home.portal).toBeUndefined();
    expect(home.title).toBe('Công đoàn VKSND Quảng Ngãi');
    expect(owner).toMatchObject({
      name: 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
      kicker: 'Công đoàn cơ sở',
      profile: { href: routes.unit('cdcs'), text: 'Hồ sơ Công đoàn VKSND tỉnh Quảng Ngãi' },
    });
  });

  it('shows its news and its sub-units’ news, newest first, not the other units’', () => {
    expect(owner.news.total).toBe(HOME_NEWS + 3);
    expect(owner.news.shown).toHaveLength(HOME_NEWS);
    expect(owner.news.shown[0]!.id).toBe('to-1-tin');
    expect(owner.news.shown.map((n) => n.id)).not.toContain('khac-tin');
    expect(owner.news.shown.map((n) => n.id)).not.toContain('chung');
    expect(owner.news.moreHref).toBe(routes.search({ type: 'Tin tức', unit: owner.name }));
    expect(home.newsTotal).toBe(HOME_NEWS + 5);
  });

  it('lists its sub-units, its award history and its contact', () => {
    expect(owner.subUnits.map((u) => u.text)).toEqual(['Tổ công đoàn 1', 'Tổ công đoàn 2']);
    expect(owner.awards.total).toBe(HOME_AWARDS + 1);
    expect(owner.awards.recent).toHaveLength(HOME_AWARDS);
    expect(owner.awards.recent[0]!.data.year).toBe(2010 + HOME_AWARDS);
    expect(owner.awards.years).toBe(HOME_AWARDS + 1);
    expect(owner.awards.href).toBe(`${routes.unit('cdcs')}#lich-su-khen-thuong`);
    expect(owner.contact.map((f) => [f.term, f.text, f.href])).toEqual([
      ['Điện thoại', '(0255)\u00a03822\u00a0000', 'tel:02553822000'],
      ['Thư điện tử', 'cd@example.vn', 'mailto:cd@example.vn'],
      ['Trang web', 'vks.example.vn', 'https://vks.example.vn/'],
    ]);
  });

  it('keeps the wider hierarchy one click away: the units above and the directory', () => {
    expect(owner.above.map((u) => u.text)).toEqual([
      'Tổng Liên đoàn Lao động Việt Nam',
      'Liên đoàn Lao động tỉnh Quảng Ngãi',
    ]);
    expect(home.directory).toEqual({ href: routes.unitDirectory(), text: 'Danh bạ đơn vị (6)' });
  });

  it('prefers the site’s own contact to the unit’s', () => {
    const withContact = homePage(site, { ...owned, contact: { address: 'Số 1 Hùng Vương' } });
    expect(withContact.owner!.contact.map((f) => f.term)).toEqual(['Địa chỉ', 'Trang web']);
  });

  it('refuses an owner that is not a unit of the site', () => {
    expect(() => homePage(site, { ...owned, owner: 'khong-co' })).toThrow(/Đơn vị chủ quản \(owner\) "khong-co"/);
  });
});

describe('homePage of a portal (no owner)', () => {
  const home = homePage(site, DEFAULT_SITE);

  it('keeps the national view: latest news, recent awards, the top of the hierarchy', () => {
    expect(home.owner).toBeUndefined();
    const portal = home.portal!;
    expect(portal.latestNews.map((n) => n.id).slice(0, 3)).toEqual(['chung', 'khac-tin', 'to-1-tin']);
    expect(portal.latestNews).toHaveLength(HOME_NEWS);
    expect(portal.recentAwards).toHaveLength(HOME_AWARDS);
    expect(portal.topUnits).toEqual([
      {
        unit: { href: routes.unit('tld'), text: 'Tổng Liên đoàn Lao động Việt Nam' },
        children: [{ href: routes.unit('ldld'), text: 'Liên đoàn Lao động tỉnh Quảng Ngãi' }],
      },
    ]);
    expect(home.awardYears.slice(0, 2)).toEqual([
      { year: 2022, count: 1, href: routes.awardYear(2022) },
      { year: 2010 + HOME_AWARDS, count: 1, href: routes.awardYear(2010 + HOME_AWARDS) },
    ]);
  });
});

describe('siteChrome: header and footer', () => {
  it('around the owner: its profile first in the navigation, its name and contact in the footer', () => {
    const chrome = siteChrome(
      { ...owned, social: [{ network: 'facebook', url: 'https://facebook.com/cdvks' }], footer: 'Bản quyền 2026.' },
      site.unitsById.get('cdcs'),
    );
    expect(chrome.nav.map((l) => l.text)).toEqual([
      'Giới thiệu',
      'Tin tức',
      'Hệ thống tổ chức',
      'Khen thưởng',
      'Tìm kiếm',
    ]);
    expect(chrome.nav[0]!.href).toBe(routes.unit('cdcs'));
    expect(chrome.nav[2]!.href).toBe(routes.unitDirectory());
    expect(chrome.publisher).toBe('Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi');
    expect(chrome.contact.map((f) => f.term)).toEqual(['Điện thoại', 'Thư điện tử']);
    expect(chrome.social).toEqual([{ href: 'https://facebook.com/cdvks', text: 'Facebook' }]);
    expect(chrome.note).toBe('Bản quyền 2026.');
    expect(chrome.footerNav[0]).toEqual({ href: routes.home(), text: 'Trang chủ' });
  });

  it('of a portal: the sections only, the site as publisher, a logo under the base path', () => {
    const chrome = siteChrome(
      { ...DEFAULT_SITE, logo: { image: '/images/site/logo.svg', alt: 'Biểu trưng' } },
      undefined,
    );
    expect(chrome.nav.map((l) => l.text)).toEqual(['Tin tức', 'Đơn vị', 'Khen thưởng', 'Tìm kiếm']);
    expect(chrome.publisher).toBe(DEFAULT_SITE.name);
    expect(chrome.contact).toEqual([]);
    expect(chrome.logo).toEqual({ src: routes.publicFile('/images/site/logo.svg'), alt: 'Biểu trưng' });
    expect(chrome.note).toMatch(/nguồn gốc ghi ở từng bài/);
  });
});
