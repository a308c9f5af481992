/** /khen-thuong/tra-cuu/du-lieu.json — the award explorer's data (src/site/award-explorer-data.ts). */
import type { APIRoute } from 'astro';
import { awardExplorerData } from '#src/site/award-explorer-data.ts';
import { getSite } from '#src/site/content.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(JSON.stringify(awardExplorerData(site)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
