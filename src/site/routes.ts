/**
 * Every URL of the site in one place. Paths end in "/" (trailingSlash: 'always').
 * Vietnamese path segments, ASCII only: tin-tuc (news), don-vi (units), khen-thuong (awards).
 */
import type { AwardForm } from '#src/model/vocabulary.ts';

const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
const p = (path: string) => `${base}${path.replace(/^\//, '')}`;
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
