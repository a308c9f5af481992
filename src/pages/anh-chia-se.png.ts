/** The site's share image: pages without an image of their own, and older archive articles. */
import { renderShareImage } from '#src/publishing/share-image.ts';
import { siteShareImage } from '#src/publishing/share-image-input.ts';

export async function GET() {
  const { png } = await renderShareImage(siteShareImage());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
