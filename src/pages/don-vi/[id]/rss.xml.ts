/** A unit's feed: its news and the awards it received, newest first. */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { APIContext, GetStaticPaths } from 'astro';
import { getSite } from '#src/site/content.ts';
import { articleFeedItem, awardDate, awardFeedItem, FEED_SIZE, FEED_XMLNS, selfLink } from '#src/publishing/feed.ts';
import { routes } from '#src/site/routes.ts';
import { SITE_NAME } from '#src/publishing/structured-data.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.units.map((u) => ({ params: { id: u.id } }));
}) satisfies GetStaticPaths;

export async function GET(context: APIContext) {
  const site = await getSite();
  const id = context.params.id!;
  const unit = site.unitsById.get(id)!;
  const base = context.site!;
  const time = (d: Date | undefined) => d?.getTime() ?? -Infinity;
  const entries = [
    ...(site.newsByUnit.get(id) ?? []).map((n) => ({
      time: time(n.data.publishedAt),
      item: () => articleFeedItem(n, base),
    })),
    ...site
      .awardsReceivedBy(id)
      .map((a) => ({ time: time(awardDate(a, site)), item: async (): Promise<RSSFeedItem> => awardFeedItem(a, site) })),
  ]
    .sort((a, b) => b.time - a.time)
    .slice(0, FEED_SIZE);
  return rss({
    title: `${unit.data.name} – ${SITE_NAME}`,
    description: `Tin tức và khen thưởng của ${unit.data.name}.`,
    // The channel links to the unit's page; item links are site paths, resolved from the root.
    site: new URL(routes.unit(id), base).href,
    xmlns: FEED_XMLNS,
    customData: `<language>vi-VN</language>${selfLink(new URL(routes.unitFeed(id), base).href)}`,
    items: await Promise.all(entries.map((e) => e.item())),
  });
}
