/**
 * Generated share images (Open Graph / Twitter) for the newest articles without a hero image
 * (src/publishing/share-image-input.ts). Rendered by src/publishing/share-image.ts and cached between builds
 * under content-hash names; the missing ones start drawing in the background, one per core,
 * as soon as the paths are known.
 */
import { availableParallelism } from 'node:os';
import type { APIContext, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPageKeys, getSite } from '#src/site/content.ts';
import { prewarmShareImages, renderShareImage } from '#src/publishing/share-image.ts';
import { shareImageInput } from '#src/publishing/share-image-input.ts';

export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([getSite(), getPageKeys()]);
  const articles = site.news.filter((n) => site.shareImageIds.has(n.id));
  await prewarmShareImages(articles.map(shareImageInput), undefined, availableParallelism());
  return articles.map((n) => ({
    params: { id: n.id },
    props: { article: n },
    cacheKey: keys.keyOf(() => [n, shareImageInput(n)]),
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export async function GET({ props }: APIContext<Props>) {
  const { png } = await renderShareImage(shareImageInput(props.article));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
