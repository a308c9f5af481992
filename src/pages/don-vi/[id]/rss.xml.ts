/** A unit's feed: its news and the awards it received, newest first. */
import rss from '@astrojs/rss';
import type { APIContext, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPageKeys, getSite } from '#src/site/content.ts';
import { FEED_XMLNS, selfLink, unitFeedItems } from '#src/publishing/feed.ts';
import { routes } from '#src/site/routes.ts';
import { siteConfig } from '#src/site/site-config.ts';

export const getStaticPaths = (async () => {
  const [site, keys] = await Promise.all([getSite(), getPageKeys()]);
  // unitFeedItems reads the unit's news and the awards it received (with their references).
  return site.units.map((unit) => ({
    params: { id: unit.id },
    props: { unit },
    cacheKey: keys.keyOf(() => [unit, site.newsByUnit.get(unit.id), site.awardsReceivedBy(unit.id)]),
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export async function GET(context: APIContext<Props>) {
  const { unit } = context.props;
  const site = await getSite();
  const base = context.site!;
  return rss({
    title: `${unit.data.name} – ${siteConfig().name}`,
    description: `Tin tức và khen thưởng của ${unit.data.name}.`,
    // The channel links to the unit's page; item links are site paths, resolved from the root.
    site: new URL(routes.unit(unit.id), base).href,
    xmlns: FEED_XMLNS,
    customData: `<language>vi-VN</language>${selfLink(new URL(routes.unitFeed(unit.id), base).href)}`,
    items: await unitFeedItems(unit.id, site, base),
  });
}
