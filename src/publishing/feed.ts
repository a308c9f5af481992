/**
 * RSS items for the site feed and the unit feeds, with each article's full content.
 *
 * Article bodies are rendered through Astro's own pipeline (the entry's Content component in a
 * Container, so Markdown, MDX and astro:assets images render exactly as on the page), then every
 * URL is made absolute. Each article is rendered at most once per build, however many feeds
 * (site, units) carry it.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { loadRenderers } from 'astro:container';
import { render, type CollectionEntry } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { absolutizeUrls } from './absolute-urls.ts';
import { conferrerName } from '#src/site/award-history.ts';
import type { AwardEntry, NewsEntry, SiteIndex } from '#src/site/content.ts';
import { formatCalendarDate } from '#src/text/dates.ts';
import { routes } from '#src/site/routes.ts';
import { describeAward } from './structured-data.ts';
import { NEWS_CATEGORIES, RECIPIENT_KINDS } from '#src/model/vocabulary.ts';

/** Items in each feed: aggregators read the newest; older ones are on the site. */
export const FEED_SIZE = 30;

export const FEED_XMLNS = { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' };

const escapeHtml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

interface RenderedEntry {
  rendered?: { html?: string; metadata?: { imagePaths?: string[] } } | undefined;
}

async function renderBody(entry: NewsEntry): Promise<string> {
  // Markdown without images: the content layer already holds its final HTML (this is what
  // render() would print); MDX, and images that astro:assets must resolve, go through Astro.
  const { rendered } = entry as unknown as RenderedEntry;
  if (typeof rendered?.html === 'string' && !rendered.metadata?.imagePaths?.length) return rendered.html;
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(entry as unknown as CollectionEntry<'news'>);
  return (await container).renderToString(Content);
}

/** The article's full HTML for feeds: hero image first, then the body, URLs absolute. */
export function articleFeedHtml(entry: NewsEntry, site: URL): Promise<string> {
  let html = rendered.get(entry.id);
  if (!html) {
    html = (async () => {
      const pageUrl = new URL(routes.article(entry.id), site).href;
      let hero = '';
      if (entry.data.hero) {
        const img = await getImage({
          src: entry.data.hero.image as ImageMetadata,
          width: 1200,
          format: 'jpeg',
          layout: 'none',
        });
        const caption = entry.data.hero.caption
          ? `<figcaption>${escapeHtml(entry.data.hero.caption)}</figcaption>`
          : '';
        hero = `<figure><img src="${escapeHtml(img.src)}" alt="${escapeHtml(entry.data.hero.alt)}" width="${img.attributes.width ?? ''}" height="${img.attributes.height ?? ''}">${caption}</figure>`;
      }
      const source = entry.data.source
        ? `<p><em>Nguồn: ${entry.data.source.url ? `<a href="${escapeHtml(entry.data.source.url)}">${escapeHtml(entry.data.source.name)}</a>` : escapeHtml(entry.data.source.name)}</em></p>`
        : '';
      return absolutizeUrls(hero + (await renderBody(entry)) + source, pageUrl);
    })();
    rendered.set(entry.id, html);
  }
  return html;
}

export async function articleFeedItem(entry: NewsEntry, site: URL): Promise<RSSFeedItem> {
  const d = entry.data;
  return {
    title: d.title,
    link: routes.article(entry.id),
    ...(d.publishedAt ? { pubDate: d.publishedAt } : {}),
    description: d.summary,
    content: await articleFeedHtml(entry, site),
    categories: [NEWS_CATEGORIES[d.category], ...d.tags],
    ...(d.author ? { customData: `<dc:creator>${escapeHtml(d.author)}</dc:creator>` } : {}),
  };
}

/** When an award became known: its decision date, else the date of the article announcing it. */
export function awardDate(award: AwardEntry, site: SiteIndex): Date | undefined {
  const date = award.data.decision?.date;
  if (date) return new Date(`${date}T00:00:00+07:00`);
  const article = award.data.article ? site.newsById.get(award.data.article.id) : undefined;
  return article?.data.publishedAt;
}

export function awardFeedItem(award: AwardEntry, site: SiteIndex): RSSFeedItem {
  const d = award.data;
  const title = describeAward(award, conferrerName(award, site));
  const recipients = d.recipients.map((r) => {
    const unit = r.unit ? site.unitsById.get(r.unit.id) : undefined;
    const who = [r.name, r.role, unit?.data.name].filter(Boolean).join(', ');
    return `<li>${escapeHtml(RECIPIENT_KINDS[r.kind])}: ${escapeHtml(who)}</li>`;
  });
  const decision = d.decision?.number
    ? `<p>Quyết định số ${escapeHtml(d.decision.number)}${d.decision.date ? ` ngày ${formatCalendarDate(d.decision.date)}` : ''}.</p>`
    : '';
  const citation = d.citation ? `<blockquote><p>${escapeHtml(d.citation)}</p></blockquote>` : '';
  const date = awardDate(award, site);
  return {
    title,
    link: routes.award(award.id),
    ...(date ? { pubDate: date } : {}),
    description: title,
    content: `<p>${escapeHtml(title)}</p><ul>${recipients.join('')}</ul>${decision}${citation}`,
    categories: ['Khen thưởng', String(d.year)],
  };
}

/** A unit's feed items: its news and the awards it received, newest first, FEED_SIZE at most. */
export async function unitFeedItems(unitId: string, site: SiteIndex, base: URL): Promise<RSSFeedItem[]> {
  const time = (d: Date | undefined) => d?.getTime() ?? -Infinity;
  const entries = [
    ...(site.newsByUnit.get(unitId) ?? []).map((n) => ({
      time: time(n.data.publishedAt),
      item: () => articleFeedItem(n, base),
    })),
    ...site
      .awardsReceivedBy(unitId)
      .map((a) => ({ time: time(awardDate(a, site)), item: async (): Promise<RSSFeedItem> => awardFeedItem(a, site) })),
  ]
    .sort((a, b) => b.time - a.time)
    .slice(0, FEED_SIZE);
  return Promise.all(entries.map((e) => e.item()));
}

/** Atom self link, which feed validators expect. */
export const selfLink = (href: string) =>
  `<atom:link href="${escapeHtml(href)}" rel="self" type="application/rss+xml"/>`;
