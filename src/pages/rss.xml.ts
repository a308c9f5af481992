/** The site feed: the newest articles with their full content. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSite } from '#src/site/content.ts';
import { articleFeedItem, FEED_SIZE, FEED_XMLNS, selfLink } from '#src/publishing/feed.ts';
import { routes } from '#src/site/routes.ts';
import { siteConfig } from '#src/site/site-config.ts';

export async function GET(context: APIContext) {
  const site = await getSite();
  const base = context.site!;
  return rss({
    title: siteConfig().name,
    description: siteConfig().description,
    // The channel's link is the home page, under the base path (context.site is the origin's URL).
    site: new URL(routes.home(), base).href,
    xmlns: FEED_XMLNS,
    customData: `<language>vi-VN</language>${selfLink(new URL(routes.feed(), base).href)}`,
    items: await Promise.all(site.news.slice(0, FEED_SIZE).map((n) => articleFeedItem(n, base))),
  });
}
