/**
 * What a share image shows: an article's card (category, title, site name, date) and the site's
 * own card. Which articles get a card of their own is decided once per build on the site index
 * (site.shareImageIds, src/site/share-images.ts).
 */
import { SITE_NAME, SITE_TAGLINE } from '#src/site/consts.ts';
import type { NewsEntry } from '#src/model/content-model.ts';
import { formatDate } from '#src/text/dates.ts';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, type ShareImageInput } from './share-image.ts';
import { routes } from '#src/site/routes.ts';
import { NEWS_CATEGORIES } from '#src/model/vocabulary.ts';

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
