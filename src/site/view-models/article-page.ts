/**
 * What an article's page (/tin-tuc/<id>/) shows around its body, as plain data:
 * src/pages/tin-tuc/[id].astro renders it with src/components/article/.
 * The reading time comes from rendering the body (src/text/reading-time-plugin.ts), not from here.
 * Pure; see tests/unit/article-page.test.ts.
 */
import type { NewsEntry } from '#src/model/content-model.ts';
import { internalLinkProblem, siteLinksOf } from '#src/model/internal-links.ts';
import { NEWS_CATEGORIES } from '#src/model/vocabulary.ts';
import { awardDisplayTitle } from '../award-history.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';
import { authorSlug, tagSlug } from '../taxonomy.ts';
import { facts, type Crumb, type Fact, type Link } from './parts.ts';

export interface ArticlePage {
  title: string;
  /** The summary: meta description and lead paragraph. */
  summary: string;
  crumbs: Crumb[];
  /** The category's list, above the heading. */
  category: Link;
  /** The byline as written, linked to the author's page. */
  author?: Link | undefined;
  /** Below the body: source, category, units, awards reported, tags. */
  facts: Fact[];
  /** Related articles, best first. */
  related: NewsEntry[];
}

type ArticleSite = Pick<SiteIndex, 'unitsById' | 'awardsById' | 'related'>;

export function articlePage(article: NewsEntry, site: ArticleSite): ArticlePage {
  const { data } = article;
  const category = { href: routes.category(data.category), text: NEWS_CATEGORIES[data.category] };
  const units = data.units.flatMap((r) => site.unitsById.get(r.id) ?? []);
  const awards = data.awards.flatMap((r) => site.awardsById.get(r.id) ?? []);
  return {
    title: data.title,
    summary: data.summary,
    crumbs: [{ href: routes.newsList(), label: 'Tin tức' }, { label: data.title }],
    category,
    author: data.author ? { href: routes.author(authorSlug(data.author)), text: data.author } : undefined,
    facts: facts(
      data.source && {
        term: 'Nguồn',
        text: data.source.name,
        href: data.source.url,
        rel: data.source.url ? 'external noopener' : undefined,
      },
      { term: 'Chuyên mục', ...category },
      units.length > 0 && {
        term: 'Đơn vị',
        list: { links: units.map((u) => ({ href: routes.unit(u.id), text: u.data.name })) },
      },
      awards.length > 0 && {
        term: 'Khen thưởng được đưa tin',
        list: { links: awards.map((a) => ({ href: routes.award(a.id), text: awardDisplayTitle(a) })) },
      },
      data.tags.length > 0 && {
        term: 'Từ khóa',
        list: { links: data.tags.map((t) => ({ href: routes.tag(tagSlug(t)), text: t })), class: 'tag-list' },
      },
    ),
    related: site.related.relatedTo(article.id),
  };
}

/**
 * In preview (`npm run dev`), the links of the article's body that would fail the build: to a
 * draft or scheduled article (shown in preview, so the link works there), or to a page that does
 * not exist. Each as "dòng N: <the guard's message>". Empty for a published build, where the
 * content guard has already refused them.
 */
export function previewLinkWarnings(
  article: NewsEntry,
  site: Pick<SiteIndex, 'newsById' | 'unitsById' | 'awardsById'>,
  now: Date,
): string[] {
  const targets = { news: site.newsById, units: site.unitsById, awards: site.awardsById };
  return siteLinksOf(article.body ?? '').flatMap(({ url, line }) => {
    const problem = internalLinkProblem(url, targets, now);
    return problem ? [`dòng ${line} của nội dung: ${problem}`] : [];
  });
}
