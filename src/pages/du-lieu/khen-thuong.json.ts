/** /du-lieu/khen-thuong.json — every published award record (open data, src/publishing/open-data.ts). */
import type { APIContext } from 'astro';
import { JSON_HEADERS, toJson, withAbsolutePages } from '#src/publishing/open-data.ts';
import { getSite } from '#src/site/content.ts';
import { AWARD_FIELDS, awardRecordRows } from '#src/site/view-models/award-records.ts';

export async function GET({ site }: APIContext) {
  return new Response(toJson(AWARD_FIELDS, withAbsolutePages(awardRecordRows(await getSite()), site!)), {
    headers: JSON_HEADERS,
  });
}
