/** What the share image of an article shows: category, title, site name and date. */
import type { NewsEntry } from './content-model';
import { formatDate } from './dates';
import type { ShareImageInput } from './share-image';
import { SITE_NAME } from './structured-data';
import { NEWS_CATEGORIES } from './vocabulary';

export function shareImageInput(article: NewsEntry): ShareImageInput {
  const d = article.data;
  return {
    title: d.title,
    kicker: NEWS_CATEGORIES[d.category],
    footer: d.publishedAt ? `${SITE_NAME} · ${formatDate(d.publishedAt)}` : SITE_NAME,
  };
}
