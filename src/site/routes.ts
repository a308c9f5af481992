/**
 * Every URL of the site in one place. Paths end in "/" (trailingSlash: 'always').
 * Vietnamese path segments, ASCII only: tin-tuc (news), don-vi (units), khen-thuong (awards).
 */
import type { AwardForm } from '#src/model/vocabulary.ts';

/**
 * A site path under a base path: ("/congdoan/", "tin-tuc/") → "/congdoan/tin-tuc/"; a leading "/"
 * of the site path is dropped, so "/admin/" and "admin/" give the same. For code that runs outside
 * Astro's pages with the base of the config (integrations: sitemap, web editor, server files).
 */
export const joinBase = (base: string, path: string) => `${base.replace(/\/?$/, '/')}${path.replace(/^\//, '')}`;

/** The site's base path, "/" or "/congdoan/" (Astro `base`, from SITE_BASE in astro.config.mjs). */
export const siteBase = (): string => (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/**
 * A site path ("tin-tuc/", "/favicon.svg") as a URL path of this site, under its base path. Every
 * URL a page or component writes goes through this or a route below, never a literal "/…"
 * (tests/base-path/urls.test.ts fails on any URL of a base-path build outside the base).
 */
export const withBase = (path: string) => joinBase(siteBase(), path);

const p = withBase;
/** Page 1 of a list is the list's own URL; later pages add "trang/N/". */
const paged = (path: string, page: number) => p(page <= 1 ? path : `${path}trang/${page}/`);

export const routes = {
  home: () => p(''),
  newsList: (page = 1) => (page <= 1 ? p('tin-tuc/') : p(`tin-tuc/trang/${page}/`)),
  article: (id: string) => p(`tin-tuc/${id}/`),
  unitDirectory: () => p('don-vi/'),
  unit: (id: string) => p(`don-vi/${id}/`),
  awardIndex: () => p('khen-thuong/'),
  awardYear: (year: number, page = 1) => paged(`khen-thuong/nam/${year}/`, page),
  awardForm: (form: AwardForm, page = 1) => paged(`khen-thuong/hinh-thuc/${form}/`, page),
  award: (id: string) => p(`khen-thuong/${id}/`),
  /** The award explorer; `query` is its state as a query string ("?don-vi=…"), see src/search/award-explorer/state.ts. */
  awardExplorer: (query = '') => p(`khen-thuong/tra-cuu/${query}`),
  /** The award explorer's data (src/site/award-explorer-data.ts). */
  awardExplorerData: () => p('khen-thuong/tra-cuu/du-lieu.json'),
  /** Award statistics with charts. */
  awardStatistics: () => p('khen-thuong/thong-ke/'),
  /** A unit's printable "Bảng tổng hợp thành tích khen thưởng" and its Word file. */
  unitDossier: (id: string) => p(`don-vi/${id}/bang-thanh-tich/`),
  unitDossierDocx: (id: string) => p(`don-vi/${id}/bang-thanh-tich.docx`),
  /** Open data: the page that lists the files, the Data Package, the site-wide and per-unit files. */
  openData: () => p('du-lieu/'),
  dataPackage: () => p('du-lieu/datapackage.json'),
  awardsData: (format: 'csv' | 'json') => p(`du-lieu/khen-thuong.${format}`),
  unitsData: (format: 'csv' | 'json') => p(`du-lieu/don-vi.${format}`),
  unitAwardsData: (id: string, format: 'csv' | 'json') => p(`don-vi/${id}/khen-thuong.${format}`),
  search: (query?: Record<string, string>) => p(`tim-kiem/${query ? `?${new URLSearchParams(query)}` : ''}`),
  tagIndex: () => p('chu-de/'),
  tag: (slug: string, page = 1) => paged(`chu-de/${slug}/`, page),
  categoryIndex: () => p('chuyen-muc/'),
  category: (id: string, page = 1) => paged(`chuyen-muc/${id}/`, page),
  authorIndex: () => p('tac-gia/'),
  author: (slug: string, page = 1) => paged(`tac-gia/${slug}/`, page),
  archive: () => p('luu-tru/'),
  archiveYear: (year: number, page = 1) => paged(`luu-tru/${year}/`, page),
  archiveMonth: (year: number, month: number, page = 1) =>
    paged(`luu-tru/${year}/${String(month).padStart(2, '0')}/`, page),
  feed: () => p('rss.xml'),
  unitFeed: (id: string) => p(`don-vi/${id}/rss.xml`),
  /** Generated Open Graph image of an article without a hero image. */
  shareImage: (id: string) => p(`anh-chia-se/${id}.png`),
  /** The site's own share image (pages without one, older articles). */
  siteShareImage: () => p('anh-chia-se.png'),
  sitemap: () => p('sitemap-index.xml'),
  robots: () => p('robots.txt'),
  favicon: () => p('favicon.svg'),
  admin: () => p('admin/'),
  /** A file of public/ named by its site path ("/images/site/logo.svg"), under the base path. */
  publicFile: (path: string) => p(path),
} as const;
