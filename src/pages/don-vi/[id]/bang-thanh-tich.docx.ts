/**
 * /don-vi/<id>/bang-thanh-tich.docx — the unit's dossier table as a Word file, built at build time
 * (cached between builds), for the units that have awards. In a build the missing files start
 * building in a worker thread as soon as the paths are known, and these pages are rendered last
 * (src/integrations/render-order.ts), so the files are ready by then.
 */
import type { APIContext, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cachedDossierDocx, DOCX_TYPE, prewarmDossierDocx } from '#src/publishing/dossier-docx.ts';
import { getPageKeys, getSite } from '#src/site/content.ts';
import type { UnitEntry } from '#src/model/content-model.ts';
import { dossier, type Dossier } from '#src/site/view-models/dossier.ts';

export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([getSite(), getPageKeys()]);
  const units = site.units.filter((unit) => site.historyOf(unit.id).length > 0);
  const dossiers = new Map<string, Dossier>();
  const dossierOf = (unit: UnitEntry) => {
    let d = dossiers.get(unit.id);
    if (!d) dossiers.set(unit.id, (d = dossier(unit, site)));
    return d;
  };
  // Not in `astro dev`, which builds a file when it is asked for.
  if (import.meta.env.PROD) await prewarmDossierDocx(units.map(dossierOf));
  // The key: the view model the output is made from (src/site/cache-keys.ts).
  return units.map((unit) => ({
    params: { id: unit.id },
    props: { unit },
    cacheKey: keys.keyOf(() => [unit, dossierOf(unit)]),
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export async function GET({ props }: APIContext<Props>) {
  const { bytes } = await cachedDossierDocx(dossier(props.unit, await getSite()));
  return new Response(bytes, { headers: { 'Content-Type': DOCX_TYPE } });
}
