/**
 * What a share image shows: an article's card (category, title, site name, date) and the site's
 * own card. Which articles get a card of their own is decided once per build on the site index
 * (site.shareImageIds, src/site/share-images.ts). The site's name and tagline come from its
 * configuration (content/site.yaml); a configured share card replaces the generated one.
 */
import type { NewsEntry } from '#src/model/content-model.ts';
import { formatDate } from '#src/text/dates.ts';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, type ShareImageInput } from './share-image.ts';
import { routes } from '#src/site/routes.ts';
import { siteConfig } from '#src/site/site-config.ts';
import { NEWS_CATEGORIES } from '#src/model/vocabulary.ts';

export function shareImageInput(article: NewsEntry): ShareImageInput {
  const d = article.data;
  const name = siteConfig().name;
  return {
    title: d.title,
    kicker: NEWS_CATEGORIES[d.category],
    footer: d.publishedAt ? `${name} · ${formatDate(d.publishedAt)}` : name,
  };
}

/** The site's generated card (/anh-chia-se.png): its name and tagline. */
export function siteShareImage(): ShareImageInput {
  const { name, tagline } = siteConfig();
  return { title: name, kicker: 'Công đoàn Việt Nam', footer: tagline };
}

/** The image of pages without one of their own, for Open Graph: the configured card or the generated one. */
export function siteShareImageMeta(): {
  src: string;
  width?: number;
  height?: number;
  type?: string;
  alt: string;
} {
  const { shareCard, name, tagline } = siteConfig();
  if (shareCard) return { src: routes.publicFile(shareCard.image), alt: shareCard.alt };
  return {
    src: routes.siteShareImage(),
    width: SHARE_IMAGE_WIDTH,
    height: SHARE_IMAGE_HEIGHT,
    type: 'image/png',
    alt: `${name}: ${tagline}`,
  };
}
