/**
 * robots.txt: everything public may be crawled except the editors' CMS; points at the sitemap. Under
 * a base path its lines are for the domain's own robots.txt (crawlers read only the one at the root).
 */
import type { APIContext } from 'astro';
import { routes } from '#src/site/routes.ts';

export function GET(context: APIContext) {
  const sitemap = new URL(routes.sitemap(), context.site).href;
  const body = [
    'User-agent: *',
    `Allow: ${routes.home()}`,
    `Disallow: ${routes.admin()}`,
    '',
    `Sitemap: ${sitemap}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
