/**
 * Tags, categories, authors and date archives of the visible news, each grouped in ONE pass
 * per build (site.taxonomies on the site index); pages only slice the groups.
 * Pure; see tests/unit/taxonomy.test.ts.
 */
import { vietnamMonth, vietnamYear } from '#src/text/dates.ts';
import { vietnameseCollator, vietnameseSlug } from '#src/text/vietnamese.ts';
import { NEWS_CATEGORIES, type NewsCategory } from '#src/model/vocabulary.ts';

export interface TaxonomyArticle {
  id: string;
  data: { publishedAt?: Date | undefined; tags: string[]; category: NewsCategory; author?: string | undefined };
}

export interface Term<A> {
  /** URL segment. */
  slug: string;
  /** What readers see. */
  label: string;
  /** Articles, in the order of the news list given (newest first). */
  articles: A[];
}

/**
 * The person's name in a byline as articles state it: "Tô Thị Ái, Công đoàn Viên chức tỉnh" →
 * "Tô Thị Ái"; "Minh Anh (CĐVC tỉnh)" → "Minh Anh"; "Theo kiemsat.vn" stays as it is.
 */
export function authorName(byline: string): string {
  const name = byline
    .normalize('NFC')
    .split(/,|\s[–—-]\s|\(/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return name || byline.trim();
}

/** The URL segment of a tag's page: "Thi đua" → "thi-dua". */
export const tagSlug = (tag: string): string => vietnameseSlug(tag);

/** The URL segment of the author page a byline belongs to (see authorName). */
export const authorSlug = (byline: string): string => vietnameseSlug(authorName(byline));

function groupBy<A extends TaxonomyArticle>(
  news: readonly A[],
  keysOf: (a: A) => { slug: string; label: string }[],
): Term<A>[] {
  const terms = new Map<string, { term: Term<A>; labels: Map<string, number> }>();
  for (const a of news) {
    const seen = new Set<string>();
    for (const { slug, label } of keysOf(a)) {
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      let t = terms.get(slug);
      if (!t) terms.set(slug, (t = { term: { slug, label, articles: [] }, labels: new Map() }));
      t.term.articles.push(a);
      t.labels.set(label, (t.labels.get(label) ?? 0) + 1);
    }
  }
  // Spelling variants ("Thi đua", "thi đua") share a page; the most used spelling names it.
  return [...terms.values()].map(({ term, labels }) => {
    let best = term.label;
    let count = 0;
    for (const [label, n] of labels) if (n > count) [best, count] = [label, n];
    return { ...term, label: best };
  });
}

const byLabel = <A>(a: Term<A>, b: Term<A>) =>
  vietnameseCollator.compare(a.label, b.label) || a.slug.localeCompare(b.slug);

export function groupByTag<A extends TaxonomyArticle>(news: readonly A[]): Term<A>[] {
  return groupBy(news, (a) => a.data.tags.map((t) => ({ slug: tagSlug(t), label: t.normalize('NFC').trim() }))).sort(
    byLabel,
  );
}

export function groupByAuthor<A extends TaxonomyArticle>(news: readonly A[]): Term<A>[] {
  return groupBy(news, (a) => {
    if (!a.data.author) return [];
    const name = authorName(a.data.author);
    return [{ slug: vietnameseSlug(name), label: name }];
  }).sort(byLabel);
}

/** Categories in the vocabulary's order, only those with articles. */
export function groupByCategory<A extends TaxonomyArticle>(news: readonly A[]): Term<A>[] {
  const groups = groupBy(news, (a) => [{ slug: a.data.category, label: NEWS_CATEGORIES[a.data.category] }]);
  const order = Object.keys(NEWS_CATEGORIES);
  return groups.sort((a, b) => order.indexOf(a.slug) - order.indexOf(b.slug));
}

export interface ArchiveMonth<A> {
  year: number;
  month: number;
  articles: A[];
}

export interface ArchiveYear<A> {
  year: number;
  articles: A[];
  /** Months with articles, newest first. */
  months: ArchiveMonth<A>[];
}

/** Years and months in Vietnam time, newest first. Undated articles belong to no archive. */
export function groupByDate<A extends TaxonomyArticle>(news: readonly A[]): ArchiveYear<A>[] {
  const years = new Map<number, ArchiveYear<A> & { byMonth: Map<number, ArchiveMonth<A>> }>();
  for (const a of news) {
    const at = a.data.publishedAt;
    if (!at) continue;
    const year = vietnamYear(at);
    const month = vietnamMonth(at);
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, articles: [], months: [], byMonth: new Map() }));
    y.articles.push(a);
    let m = y.byMonth.get(month);
    if (!m) y.byMonth.set(month, (m = { year, month, articles: [] }));
    m.articles.push(a);
  }
  return [...years.values()]
    .sort((a, b) => b.year - a.year)
    .map(({ year, articles, byMonth }) => ({
      year,
      articles,
      months: [...byMonth.values()].sort((a, b) => b.month - a.month),
    }));
}

export interface Taxonomies<A> {
  tags: Term<A>[];
  authors: Term<A>[];
  categories: Term<A>[];
  archive: ArchiveYear<A>[];
}

/** All taxonomies of a news list (the site index computes them once per build: site.taxonomies). */
export function buildTaxonomies<A extends TaxonomyArticle>(news: readonly A[]): Taxonomies<A> {
  return {
    tags: groupByTag(news),
    authors: groupByAuthor(news),
    categories: groupByCategory(news),
    archive: groupByDate(news),
  };
}
