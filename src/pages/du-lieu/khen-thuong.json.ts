/** /du-lieu/khen-thuong.json — every published award record (open data, src/publishing/open-data.ts). */
import { JSON_HEADERS, toJson } from '#src/publishing/open-data.ts';
import { getSite } from '#src/site/content.ts';
import { AWARD_FIELDS, awardRecordRows } from '#src/site/view-models/award-records.ts';

export async function GET() {
  return new Response(toJson(AWARD_FIELDS, awardRecordRows(await getSite())), { headers: JSON_HEADERS });
}
