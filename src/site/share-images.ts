/**
 * Which articles get a share image of their own (and so a page /anh-chia-se/<id>.png): the
 * newest SHARE_IMAGE_LIMIT articles without a hero image. Older ones in a large archive share the
 * site's image, so a cold build of a 10,000-article archive does not spend minutes drawing cards
 * for articles nobody shares any more. The site index holds the set once per build
 * (site.shareImageIds); what a card shows is src/publishing/share-image-input.ts.
 */
import type { NewsEntry } from '#src/model/content-model.ts';

/** Articles with their own card when SHARE_IMAGE_LIMIT is not set. */
export const DEFAULT_SHARE_IMAGE_LIMIT = 1000;

/** How many of the newest articles without a hero image get their own card (env SHARE_IMAGE_LIMIT). */
export function shareImageLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHARE_IMAGE_LIMIT;
  if (raw === undefined || raw === '') return DEFAULT_SHARE_IMAGE_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`SHARE_IMAGE_LIMIT="${raw}" must be a whole number ≥ 0 (articles with their own share image).`);
  return n;
}

/** Ids of the articles that get their own share image, from the visible news (newest first). */
export function articlesWithShareImage(news: readonly NewsEntry[], limit: number): Set<string> {
  return new Set(
    news
      .filter((n) => !n.data.hero)
      .slice(0, limit)
      .map((n) => n.id),
  );
}
