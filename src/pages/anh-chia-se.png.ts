/** The site's share image: pages without an image of their own, and older archive articles. */
import { renderShareImage } from '../lib/share-image';
import { SITE_SHARE_IMAGE } from '../lib/share-image-input';

export async function GET() {
  const { png } = await renderShareImage(SITE_SHARE_IMAGE);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
