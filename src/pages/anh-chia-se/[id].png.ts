/**
 * Generated share images (Open Graph / Twitter) for articles without a hero image.
 * Rendered by src/lib/share-image.ts and cached between builds under content-hash names.
 */
import type { APIContext, GetStaticPaths } from 'astro';
import { getSite, type NewsEntry } from '../../lib/content';
import { shareImageInput } from '../../lib/share-image-input';
import { renderShareImage } from '../../lib/share-image';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.news.filter((n) => !n.data.hero).map((n) => ({ params: { id: n.id }, props: { article: n } }));
}) satisfies GetStaticPaths;

export async function GET({ props }: APIContext<{ article: NewsEntry }>) {
  const { png } = await renderShareImage(shareImageInput(props.article));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
