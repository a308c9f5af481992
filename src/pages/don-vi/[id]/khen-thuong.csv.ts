/** /don-vi/<id>/khen-thuong.csv — a unit's award history, predecessors included (open data). */
import type { APIContext, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { CSV_HEADERS, toCsv, withAbsolutePages } from '#src/publishing/open-data.ts';
import { getPageKeys, getSite } from '#src/site/content.ts';
import { AWARD_FIELDS, unitAwardRecordRows } from '#src/site/view-models/award-records.ts';

export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([getSite(), getPageKeys()]);
  // The key: the view model the output is made from (src/site/cache-keys.ts).
  return site.units.map((unit) => ({
    params: { id: unit.id },
    props: { unitId: unit.id },
    cacheKey: keys.keyOf(() => [unitAwardRecordRows(unit.id, site)]),
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export async function GET({ props, site }: APIContext<Props>) {
  const rows = unitAwardRecordRows(props.unitId, await getSite());
  return new Response(toCsv(AWARD_FIELDS, withAbsolutePages(rows, site!)), { headers: CSV_HEADERS });
}
