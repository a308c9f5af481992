/**
 * Generated share images (Open Graph / Twitter) for articles without a hero image.
 * Rendered by src/lib/share-image.ts and cached between builds under content-hash names;
 * the missing ones start drawing in the background as soon as the paths are known.
 */
import { availableParallelism } from 'node:os';
import type { APIContext, GetStaticPaths } from 'astro';
import { getSite, type NewsEntry } from '../../lib/content';
import { prewarmShareImages, renderShareImage } from '../../lib/share-image';
import { shareImageInput } from '../../lib/share-image-input';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const articles = site.news.filter((n) => !n.data.hero);
  await prewarmShareImages(articles.map(shareImageInput), undefined, availableParallelism());
  return articles.map((n) => ({ params: { id: n.id }, props: { article: n } }));
}) satisfies GetStaticPaths;

export async function GET({ props }: APIContext<{ article: NewsEntry }>) {
  const { png } = await renderShareImage(shareImageInput(props.article));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
