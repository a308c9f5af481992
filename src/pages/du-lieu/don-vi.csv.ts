/** /du-lieu/don-vi.csv — every unit profile (open data, src/publishing/open-data.ts). */
import type { APIContext } from 'astro';
import { CSV_HEADERS, toCsv, withAbsolutePages } from '#src/publishing/open-data.ts';
import { getSite } from '#src/site/content.ts';
import { UNIT_FIELDS, unitRecordRows } from '#src/site/view-models/award-records.ts';

export async function GET({ site }: APIContext) {
  return new Response(toCsv(UNIT_FIELDS, withAbsolutePages(unitRecordRows(await getSite()), site!)), {
    headers: CSV_HEADERS,
  });
}
