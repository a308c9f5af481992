/** /du-lieu/don-vi.json — every unit profile (open data, src/publishing/open-data.ts). */
import { JSON_HEADERS, toJson } from '#src/publishing/open-data.ts';
import { getSite } from '#src/site/content.ts';
import { UNIT_FIELDS, unitRecordRows } from '#src/site/view-models/award-records.ts';

export async function GET() {
  return new Response(toJson(UNIT_FIELDS, unitRecordRows(await getSite())), { headers: JSON_HEADERS });
}
