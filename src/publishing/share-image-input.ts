/**
 * Which articles get a generated share image, and what it shows (category, title, site name,
 * date). The newest SHARE_IMAGE_LIMIT articles without a hero image get their own; older ones
 * in a large archive share the site's image, so a cold build of a 10,000-article archive does
 * not spend minutes drawing cards for articles nobody shares any more.
 */
import { SITE_NAME, SITE_TAGLINE } from '#src/site/consts.ts';
import type { NewsEntry } from '#src/model/content-model.ts';
import { formatDate } from '#src/text/dates.ts';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, type ShareImageInput } from './share-image.ts';
import { routes } from '#src/site/routes.ts';
import { NEWS_CATEGORIES } from '#src/model/vocabulary.ts';

/** How many of the newest articles without a hero image get their own card (env SHARE_IMAGE_LIMIT). */
export function shareImageLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHARE_IMAGE_LIMIT;
  if (raw === undefined || raw === '') return 1000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`SHARE_IMAGE_LIMIT="${raw}" must be a whole number ≥ 0 (articles with their own share image).`);
  return n;
}

export function shareImageInput(article: NewsEntry): ShareImageInput {
  const d = article.data;
  return {
    title: d.title,
    kicker: NEWS_CATEGORIES[d.category],
    footer: d.publishedAt ? `${SITE_NAME} · ${formatDate(d.publishedAt)}` : SITE_NAME,
  };
}

/** The site's own card: pages without an image of their own, and older articles. */
export const SITE_SHARE_IMAGE: ShareImageInput = {
  title: SITE_NAME,
  kicker: 'Công đoàn Việt Nam',
  footer: SITE_TAGLINE,
};

/** Where the site's card is published, and its size, for Open Graph. */
export const SITE_SHARE_IMAGE_META = {
  src: routes.siteShareImage(),
  width: SHARE_IMAGE_WIDTH,
  height: SHARE_IMAGE_HEIGHT,
  type: 'image/png',
} as const;

const perBuild = new WeakMap<readonly NewsEntry[], Set<string>>();

/** Ids of the articles that get their own share image, from the visible news (newest first). */
export function articlesWithShareImage(news: readonly NewsEntry[], limit = shareImageLimit()): Set<string> {
  let ids = perBuild.get(news);
  if (!ids) {
    ids = new Set(
      news
        .filter((n) => !n.data.hero)
        .slice(0, limit)
        .map((n) => n.id),
    );
    perBuild.set(news, ids);
  }
  return ids;
}
