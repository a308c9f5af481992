/**
 * /don-vi/<id>/bang-thanh-tich.docx — the unit's dossier table as a Word file, built at build time
 * (cached between builds), for the units that have awards.
 */
import type { APIContext, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { cachedDossierDocx, DOCX_TYPE } from '#src/publishing/dossier-docx.ts';
import { getPageKeys, getSite } from '#src/site/content.ts';
import { dossier } from '#src/site/view-models/dossier.ts';

export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([getSite(), getPageKeys()]);
  // The key: the view model the output is made from (src/site/cache-keys.ts).
  return site.units
    .filter((unit) => site.historyOf(unit.id).length > 0)
    .map((unit) => ({
      params: { id: unit.id },
      props: { unit },
      cacheKey: keys.keyOf(() => [unit, dossier(unit, site)]),
    }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export async function GET({ props }: APIContext<Props>) {
  const { bytes } = await cachedDossierDocx(dossier(props.unit, await getSite()));
  return new Response(bytes, { headers: { 'Content-Type': DOCX_TYPE } });
}
