/** /du-lieu/khen-thuong.csv — every published award record (open data, src/publishing/open-data.ts). */
import type { APIContext } from 'astro';
import { CSV_HEADERS, toCsv, withAbsolutePages } from '#src/publishing/open-data.ts';
import { getSite } from '#src/site/content.ts';
import { AWARD_FIELDS, awardRecordRows } from '#src/site/view-models/award-records.ts';

export async function GET({ site }: APIContext) {
  return new Response(toCsv(AWARD_FIELDS, withAbsolutePages(awardRecordRows(await getSite()), site!)), {
    headers: CSV_HEADERS,
  });
}
