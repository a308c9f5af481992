/**
 * Every URL of the site in one place. Paths end in "/" (trailingSlash: 'always').
 * Vietnamese path segments, ASCII only: tin-tuc (news), don-vi (units), khen-thuong (awards).
 */
import type { AwardForm } from './vocabulary';

const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
const p = (path: string) => `${base}${path.replace(/^\//, '')}`;

export const routes = {
  home: () => p(''),
  newsList: (page = 1) => (page <= 1 ? p('tin-tuc/') : p(`tin-tuc/trang/${page}/`)),
  article: (id: string) => p(`tin-tuc/${id}/`),
  unitDirectory: () => p('don-vi/'),
  unit: (id: string) => p(`don-vi/${id}/`),
  awardIndex: () => p('khen-thuong/'),
  awardYear: (year: number) => p(`khen-thuong/nam/${year}/`),
  awardForm: (form: AwardForm) => p(`khen-thuong/hinh-thuc/${form}/`),
  award: (id: string) => p(`khen-thuong/${id}/`),
  search: (query?: Record<string, string>) => p(`tim-kiem/${query ? `?${new URLSearchParams(query)}` : ''}`),
  tag: (slug: string) => p(`chu-de/${slug}/`),
  category: (id: string) => p(`chuyen-muc/${id}/`),
  author: (slug: string) => p(`tac-gia/${slug}/`),
  archiveYear: (year: number) => p(`luu-tru/${year}/`),
  archiveMonth: (year: number, month: number) => p(`luu-tru/${year}/${String(month).padStart(2, '0')}/`),
  feed: () => p('rss.xml'),
  unitFeed: (id: string) => p(`don-vi/${id}/rss.xml`),
  /** Generated Open Graph image of an article without a hero image. */
  shareImage: (id: string) => p(`anh-chia-se/${id}.png`),
  sitemap: () => p('sitemap-index.xml'),
  robots: () => p('robots.txt'),
  admin: () => p('admin/'),
} as const;
