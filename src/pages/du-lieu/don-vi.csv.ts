/** /du-lieu/don-vi.csv — every unit profile (open data, src/publishing/open-data.ts). */
import { CSV_HEADERS, toCsv } from '#src/publishing/open-data.ts';
import { getSite } from '#src/site/content.ts';
import { UNIT_FIELDS, unitRecordRows } from '#src/site/view-models/award-records.ts';

export async function GET() {
  return new Response(toCsv(UNIT_FIELDS, unitRecordRows(await getSite())), { headers: CSV_HEADERS });
}
