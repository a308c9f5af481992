import { describe, expect, it } from 'vitest';
import type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';
import {
  breadcrumbJsonLd,
  describeAward,
  HEADLINE_MAX,
  newsArticleJsonLd,
  organizationJsonLd,
  serializeJsonLd,
  truncate,
} from '#src/publishing/structured-data.ts';

const publisher = { name: 'Tin Công đoàn', url: 'https://congdoan.example.vn/' };
const SITE = 'https://congdoan.example.vn';

const article = (over: Partial<NewsEntry['data']> = {}): NewsEntry => ({
  id: 'cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh',
  data: {
    title: 'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh',
    summary: 'Năm 2022, Công đoàn cơ sở VKSND tỉnh Quảng Ngãi được tặng Bằng khen.',
    publishedAt: new Date('2023-02-02T16:18:00+07:00'),
    units: [{ id: 'cong-doan-vksnd-tinh-quang-ngai', collection: 'units' }],
    awards: [],
    tags: ['thi đua', 'khen thưởng'],
    category: 'thi-dua-khen-thuong',
    draft: false,
    ...over,
  },
});

const unit = (over: Partial<UnitEntry['data']> = {}): UnitEntry => ({
  id: 'cong-doan-vksnd-tinh-quang-ngai',
  data: {
    name: 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
    shortName: 'Công đoàn VKSND tỉnh Quảng Ngãi',
    aliases: [],
    level: 'cong-doan-co-so',
    parent: { id: 'lien-doan-lao-dong-tinh-quang-ngai', collection: 'units' },
    province: 'Quảng Ngãi',
    terms: [],
    figures: [],
    lineage: [],
    ...over,
  },
});

const award = (over: Partial<AwardEntry['data']> = {}): AwardEntry => ({
  id: '2022-bang-khen',
  data: {
    form: 'bang-khen',
    title: 'Hoàn thành xuất sắc nhiệm vụ',
    conferredBy: { unit: { id: 'lien-doan-lao-dong-tinh-quang-ngai', collection: 'units' }, level: 'lien-doan-tinh' },
    year: 2022,
    recipients: [{ kind: 'collective', unit: { id: 'cong-doan-vksnd-tinh-quang-ngai', collection: 'units' } }],
    status: 'in-force',
    draft: false,
    ...over,
  },
});

describe('newsArticleJsonLd', () => {
  const url = `${SITE}/tin-tuc/cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh/`;
  const ld = newsArticleJsonLd({
    article: article({ author: 'Tô Thị Ái' }),
    url,
    images: [`${SITE}/_astro/hero.webp`],
    publisher,
    units: [{ name: 'Công đoàn VKSND tỉnh Quảng Ngãi', url: `${SITE}/don-vi/cong-doan-vksnd-tinh-quang-ngai/` }],
    authorUrl: `${SITE}/tac-gia/to-thi-ai/`,
    wordCount: 420,
  });

  it.each([
    ['@context', 'https://schema.org'],
    ['@type', 'NewsArticle'],
    ['headline', 'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh'],
    ['inLanguage', 'vi-VN'],
    // Dates carry the Vietnam offset whatever the machine's TZ.
    ['datePublished', '2023-02-02T16:18:00+07:00'],
    ['dateModified', '2023-02-02T16:18:00+07:00'],
    ['image', [`${SITE}/_astro/hero.webp`]],
    ['author', { '@type': 'Person', name: 'Tô Thị Ái', url: `${SITE}/tac-gia/to-thi-ai/` }],
    ['publisher', { '@type': 'Organization', name: 'Tin Công đoàn', url: 'https://congdoan.example.vn/' }],
    ['articleSection', 'Thi đua, khen thưởng'],
    ['keywords', 'thi đua, khen thưởng'],
    ['mainEntityOfPage', { '@type': 'WebPage', '@id': url }],
    [
      'about',
      [
        {
          '@type': 'Organization',
          name: 'Công đoàn VKSND tỉnh Quảng Ngãi',
          url: `${SITE}/don-vi/cong-doan-vksnd-tinh-quang-ngai/`,
        },
      ],
    ],
    ['wordCount', 420],
  ])('%s', (key, value) => expect(ld[key]).toEqual(value));

  it.each([
    [
      'without a byline the publisher is the author',
      article(),
      { '@type': 'Organization', name: 'Tin Công đoàn', url: publisher.url },
    ],
  ])('%s', (_n, a, author) => {
    expect(newsArticleJsonLd({ article: a, url, images: [], publisher }).author).toEqual(author);
  });

  it('uses updatedAt for dateModified and shortens long headlines, keeping the full name', () => {
    const long =
      'Công đoàn Viên chức tỉnh Lạng Sơn chăm lo quyền lợi cho đoàn viên, người lao động và tổ chức nhiều hoạt động thi đua sôi nổi trong năm 2023';
    const ld2 = newsArticleJsonLd({
      article: article({ title: long, updatedAt: new Date('2023-02-03T01:00:00Z') }),
      url,
      images: [],
      publisher,
    });
    expect(ld2.dateModified).toBe('2023-02-03T08:00:00+07:00');
    expect([...(ld2.headline as string)].length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(ld2.headline).toMatch(/…$/);
    expect(ld2.name).toBe(long);
    expect(ld2).not.toHaveProperty('image');
  });
});

describe('an undated article (the source states no date)', () => {
  it('has no invented dates', () => {
    const ld = newsArticleJsonLd({
      article: article({ publishedAt: undefined }),
      url: `${SITE}/tin-tuc/x/`,
      images: [],
      publisher,
    });
    expect(ld).not.toHaveProperty('datePublished');
    expect(ld).not.toHaveProperty('dateModified');
  });
});

describe('truncate', () => {
  it.each([
    ['ngắn', 10, 'ngắn'],
    ['Công đoàn cơ sở Viện kiểm sát', 15, 'Công đoàn cơ…'],
    ['Côngđoàncơsở', 6, 'Côngđ…'],
  ])('%s (%i)', (text, max, out) => expect(truncate(text, max)).toBe(out));
});

describe('describeAward', () => {
  it.each([
    [
      'with title and conferrer',
      award(),
      'Liên đoàn Lao động tỉnh Quảng Ngãi',
      'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” của Liên đoàn Lao động tỉnh Quảng Ngãi (2022)',
    ],
    [
      'without a title',
      award({ title: undefined }),
      'Ủy ban nhân dân tỉnh Quảng Ngãi',
      'Bằng khen của Ủy ban nhân dân tỉnh Quảng Ngãi (2022)',
    ],
    [
      'a rating whose label quotes the title',
      award({ form: 'hoan-thanh-xuat-sac-nhiem-vu' }),
      undefined,
      'Xếp loại “Hoàn thành xuất sắc nhiệm vụ” (2022)',
    ],
    [
      'revoked',
      award({ status: 'revoked', revocation: { date: '2024-03-01', reason: 'x' } }),
      undefined,
      'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” (2022) (đã thu hồi)',
    ],
  ])('%s', (_n, a, by, text) => expect(describeAward(a, by)).toBe(text));
});

describe('organizationJsonLd', () => {
  const url = `${SITE}/don-vi/cong-doan-vksnd-tinh-quang-ngai/`;
  const parent = {
    name: 'Liên đoàn Lao động tỉnh Quảng Ngãi',
    url: `${SITE}/don-vi/lien-doan-lao-dong-tinh-quang-ngai/`,
  };
  const ld = organizationJsonLd({
    unit: unit({
      foundedOn: '1995-05-01',
      contact: { phone: '0255 3822 000', email: 'cd@example.vn' },
      website: 'https://vks.example.vn/',
    }),
    url,
    parent,
    awards: [{ award: award(), conferrer: 'Liên đoàn Lao động tỉnh Quảng Ngãi' }],
  });

  it.each([
    ['@type', 'Organization'],
    ['name', 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi'],
    ['alternateName', 'Công đoàn VKSND tỉnh Quảng Ngãi'],
    ['url', url],
    ['parentOrganization', { '@type': 'Organization', ...parent }],
    ['foundingDate', '1995-05-01'],
    ['address', { '@type': 'PostalAddress', addressRegion: 'Quảng Ngãi', addressCountry: 'VN' }],
    ['telephone', '0255 3822 000'],
    ['email', 'cd@example.vn'],
    ['sameAs', ['https://vks.example.vn/']],
    ['award', ['Bằng khen “Hoàn thành xuất sắc nhiệm vụ” của Liên đoàn Lao động tỉnh Quảng Ngãi (2022)']],
  ])('%s', (key, value) => expect(ld[key]).toEqual(value));

  it('a root unit without awards has no parent and no award list', () => {
    const root = organizationJsonLd({
      unit: unit({ parent: undefined, shortName: undefined, province: undefined }),
      url,
    });
    expect(root).not.toHaveProperty('parentOrganization');
    expect(root).not.toHaveProperty('award');
    expect(root).not.toHaveProperty('address');
    expect(root).not.toHaveProperty('alternateName');
  });

  it('lists several alternate names once each', () => {
    const ld2 = organizationJsonLd({
      unit: unit({ aliases: ['CĐ VKSND Quảng Ngãi', 'Công đoàn VKSND tỉnh Quảng Ngãi'] }),
      url,
    });
    expect(ld2.alternateName).toEqual(['Công đoàn VKSND tỉnh Quảng Ngãi', 'CĐ VKSND Quảng Ngãi']);
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the trail and points the last crumb at the page', () => {
    expect(
      breadcrumbJsonLd(
        [{ label: 'Trang chủ', url: `${SITE}/` }, { label: 'Tin tức', url: `${SITE}/tin-tuc/` }, { label: 'Bài' }],
        `${SITE}/tin-tuc/bai/`,
      ),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'Tin tức', item: `${SITE}/tin-tuc/` },
        { '@type': 'ListItem', position: 3, name: 'Bài', item: `${SITE}/tin-tuc/bai/` },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  it.each([
    ['a title that tries to close the script', { headline: '</script><script>alert(1)</script>' }],
    ['ampersands and line separators', { headline: 'A & B \u2028 C' }],
  ])('%s stays inside the script element and round-trips', (_n, data) => {
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(data);
  });
});
