/**
 * JSON-LD (schema.org) for search engines: NewsArticle for articles, Organization for units
 * (with parentOrganization, sub-units and the unit's awards), BreadcrumbList for the trail.
 * Pure: callers pass absolute URLs and resolved names; see tests/unit/structured-data.test.ts.
 */
import type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';
import { toVietnamIso } from '#src/text/dates.ts';
import { AWARD_FORMS, NEWS_CATEGORIES } from '#src/model/vocabulary.ts';

export type JsonLd = Record<string, unknown>;

export interface Publisher {
  name: string;
  /** Site root, absolute. */
  url: string;
  /** Absolute URL of a logo image, if any. */
  logo?: string | undefined;
}

/** Google shows at most 110 characters of a headline. */
export const HEADLINE_MAX = 110;

export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

const publisherLd = (p: Publisher): JsonLd => ({
  '@type': 'Organization',
  name: p.name,
  url: p.url,
  ...(p.logo ? { logo: { '@type': 'ImageObject', url: p.logo } } : {}),
});

export interface NewsArticleInput {
  article: NewsEntry;
  /** Canonical absolute URL of the article page. */
  url: string;
  /** Absolute URLs of the article's images (hero first) or its share image. */
  images: string[];
  publisher: Publisher;
  /** Units the article concerns, with their absolute page URLs. */
  units?: { name: string; url: string }[];
  /** Absolute URL of the author page, when the article has a byline. */
  authorUrl?: string | undefined;
  wordCount?: number | undefined;
}

export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  const { article, url, images, publisher, units = [], authorUrl, wordCount } = input;
  const d = article.data;
  // Undated articles (the source states no date) carry no dates rather than invented ones.
  const modified = d.updatedAt ?? d.publishedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: truncate(d.title, HEADLINE_MAX),
    ...(d.title.length > HEADLINE_MAX ? { name: d.title } : {}),
    description: d.summary,
    inLanguage: 'vi-VN',
    ...(d.publishedAt ? { datePublished: toVietnamIso(d.publishedAt) } : {}),
    ...(modified ? { dateModified: toVietnamIso(modified) } : {}),
    ...(images.length ? { image: images } : {}),
    author: d.author
      ? { '@type': 'Person', name: d.author, ...(authorUrl ? { url: authorUrl } : {}) }
      : publisherLd(publisher),
    publisher: publisherLd(publisher),
    articleSection: NEWS_CATEGORIES[d.category],
    ...(d.tags.length ? { keywords: d.tags.join(', ') } : {}),
    ...(units.length ? { about: units.map((u) => ({ '@type': 'Organization', name: u.name, url: u.url })) } : {}),
    ...(d.source?.url ? { isBasedOn: d.source.url } : {}),
    ...(wordCount ? { wordCount } : {}),
  };
}

/** "Bằng khen “Hoàn thành xuất sắc nhiệm vụ” của Liên đoàn Lao động tỉnh Quảng Ngãi (2022)" */
export function describeAward(award: AwardEntry, conferrerName: string | undefined): string {
  const d = award.data;
  const form = AWARD_FORMS[d.form].label;
  // A rating's label already quotes its title.
  const title = d.title && !form.includes(d.title) ? ` “${d.title}”` : '';
  const by = conferrerName ? ` của ${conferrerName}` : '';
  const revoked = d.status === 'revoked' ? ' (đã thu hồi)' : '';
  return `${form}${title}${by} (${d.year})${revoked}`;
}

export interface OrganizationInput {
  unit: UnitEntry;
  /** Canonical absolute URL of the unit page. */
  url: string;
  /** The parent unit with its absolute URL. */
  parent?: { name: string; url: string } | undefined;
  /** Direct sub-units with their absolute URLs. */
  children?: { name: string; url: string }[];
  /** Awards the unit received, with their conferrer's name; revoked ones are marked as such. */
  awards?: { award: AwardEntry; conferrer: string | undefined }[];
}

export function organizationJsonLd(input: OrganizationInput): JsonLd {
  const { unit, url, parent, children = [], awards = [] } = input;
  const d = unit.data;
  const alternateNames = [...new Set([d.shortName, ...d.aliases].filter((n): n is string => !!n && n !== d.name))];
  const address =
    d.province || d.contact?.address
      ? {
          '@type': 'PostalAddress',
          ...(d.contact?.address ? { streetAddress: d.contact.address } : {}),
          ...(d.province ? { addressRegion: d.province } : {}),
          addressCountry: 'VN',
        }
      : undefined;
  const orgRef = (o: { name: string; url: string }) => ({ '@type': 'Organization', name: o.name, url: o.url });
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${url}#organization`,
    name: d.name,
    ...(alternateNames.length
      ? { alternateName: alternateNames.length === 1 ? alternateNames[0] : alternateNames }
      : {}),
    url,
    ...(parent ? { parentOrganization: orgRef(parent) } : {}),
    ...(children.length ? { subOrganization: children.map(orgRef) } : {}),
    ...(d.foundedOn ? { foundingDate: d.foundedOn } : {}),
    ...(d.dissolvedOn ? { dissolutionDate: d.dissolvedOn } : {}),
    ...(address ? { address } : {}),
    ...(d.contact?.phone ? { telephone: d.contact.phone } : {}),
    ...(d.contact?.email ? { email: d.contact.email } : {}),
    ...(d.website ? { sameAs: [d.website] } : {}),
    ...(awards.length ? { award: awards.map((a) => describeAward(a.award, a.conferrer)) } : {}),
  };
}

export interface Crumb {
  label: string;
  /** Absolute URL, or undefined for the current page. */
  url?: string | undefined;
}

export function breadcrumbJsonLd(crumbs: Crumb[], currentUrl: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.label,
      item: c.url ?? currentUrl,
    })),
  };
}

/**
 * Serialise for a <script type="application/ld+json">: `<` and line separators are escaped so
 * that no text (a title containing "</script>") can end the script element early.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
