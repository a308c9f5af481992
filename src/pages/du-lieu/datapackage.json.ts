/** /du-lieu/datapackage.json — the Frictionless Data Package describing the open-data files. */
import type { APIContext } from 'astro';
import { buildNow } from '#src/model/clock.ts';
import { dataPackage, JSON_HEADERS } from '#src/publishing/open-data.ts';
import { siteConfig } from '#src/site/site-config.ts';
import { routes } from '#src/site/routes.ts';

export function GET(context: APIContext) {
  const descriptor = dataPackage({
    siteName: siteConfig().name,
    homepage: new URL(routes.openData(), context.site).href,
    created: buildNow(),
  });
  return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, { headers: JSON_HEADERS });
}
