/** robots.txt: everything public may be crawled except the editors' CMS; points at the sitemap. */
import type { APIContext } from 'astro';
import { routes } from '#src/site/routes.ts';

export function GET(context: APIContext) {
  const sitemap = new URL(routes.sitemap(), context.site).href;
  const body = ['User-agent: *', 'Allow: /', `Disallow: ${routes.admin()}`, '', `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
