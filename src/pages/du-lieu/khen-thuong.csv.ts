/** /du-lieu/khen-thuong.csv — every published award record (open data, src/publishing/open-data.ts). */
import { CSV_HEADERS, toCsv } from '#src/publishing/open-data.ts';
import { getSite } from '#src/site/content.ts';
import { AWARD_FIELDS, awardRecordRows } from '#src/site/view-models/award-records.ts';

export async function GET() {
  return new Response(toCsv(AWARD_FIELDS, awardRecordRows(await getSite())), { headers: CSV_HEADERS });
}
