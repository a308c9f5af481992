/**
 * The header and footer of every page (src/layouts/BaseLayout.astro), from the site
 * configuration (content/site.yaml) and, when the site has one, its owner unit: the owner's
 * profile leads the navigation, the footer names it with its contact, and the whole hierarchy
 * (/don-vi/) stays one click away. Pure; see tests/unit/home.test.ts.
 */
import type { UnitEntry } from '#src/model/content-model.ts';
import type { SiteConfig } from '#src/model/site-config.ts';
import { SOCIAL_NETWORKS } from '#src/model/vocabulary.ts';
import { routes } from '../routes.ts';
import { facts, phoneFact, type Fact, type Link } from './parts.ts';

export interface SiteChrome {
  name: string;
  tagline: string;
  /** The logo (a public/ file under the base path) with its description. */
  logo?: { src: string; alt: string } | undefined;
  /** Main navigation, in order. */
  nav: Link[];
  /** The footer's first line: the publisher. */
  publisher: string;
  /** The publisher's contact. */
  contact: Fact[];
  /** Social network pages. */
  social: Link[];
  /** Footer navigation. */
  footerNav: Link[];
  /** The last line. */
  note: string;
}

const DEFAULT_NOTE = 'Nội dung được tổng hợp từ các bài viết đã đăng; nguồn gốc ghi ở từng bài.';

export function siteChrome(config: SiteConfig, owner: UnitEntry | undefined): SiteChrome {
  const sections: Link[] = [
    { href: routes.newsList(), text: 'Tin tức' },
    { href: routes.unitDirectory(), text: owner ? 'Hệ thống tổ chức' : 'Đơn vị' },
    { href: routes.awardIndex(), text: 'Khen thưởng' },
    { href: routes.search(), text: 'Tìm kiếm' },
  ];
  const nav = owner ? [{ href: routes.unit(owner.id), text: 'Giới thiệu' }, ...sections] : sections;
  const contact = config.contact ?? owner?.data.contact;
  return {
    name: config.name,
    tagline: config.tagline,
    logo: config.logo ? { src: routes.publicFile(config.logo.image), alt: config.logo.alt } : undefined,
    nav,
    publisher: owner ? owner.data.name : config.name,
    contact: facts(
      contact?.address && { term: 'Địa chỉ', text: contact.address },
      contact?.phone && phoneFact(contact.phone),
      contact?.email && { term: 'Thư điện tử', text: contact.email, href: `mailto:${contact.email}` },
    ),
    social: config.social.map((s) => ({ href: s.url, text: SOCIAL_NETWORKS[s.network] })),
    footerNav: [
      { href: routes.home(), text: 'Trang chủ' },
      ...nav,
      { href: routes.tagIndex(), text: 'Chủ đề' },
      { href: routes.categoryIndex(), text: 'Chuyên mục' },
      { href: routes.archive(), text: 'Lưu trữ' },
      { href: routes.feed(), text: 'RSS' },
    ],
    note: config.footer ?? DEFAULT_NOTE,
  };
}
