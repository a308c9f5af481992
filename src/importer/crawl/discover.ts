/**
 * What a fetched document holds for the crawler: the kind of document (sitemap, sitemap index,
 * feed, HTML), the article URLs it lists (with a date where the document gives one), the pager
 * links of a listing page, and whether an HTML page is an article or a listing. Rules of kinds
 * (rel=next, "Trang sau", numbered pagers, teaser links, og:type), never per-site patterns. Pure.
 */
import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';
import { vietnamCalendarDate } from '#src/text/dates.ts';
import { foldForMatch } from '#src/text/vietnamese.ts';

export type DocumentKind = 'sitemap-index' | 'sitemap' | 'feed' | 'html' | 'other';

export interface FoundLink {
  url: string;
  /** Vietnam calendar day "YYYY-MM-DD" the listing gives (feed pubDate, sitemap lastmod), if any. */
  day: string | null;
}

export interface HtmlScan {
  /** The page is an article (not a listing): og:type, article dates, or one long run of prose. */
  isArticle: boolean;
  /** Links to further pages of the same listing (rel=next, "Trang sau", numbered pager). */
  pager: string[];
  /** Title-like links to pages, in page order (off-site ones too: the crawler reports them). */
  articles: FoundLink[];
}

type El = {
  tagName: string;
  getAttribute(name: string): string | null;
  textContent: string | null;
  parentElement: El | null;
  querySelectorAll(sel: string): Iterable<El>;
  querySelector(sel: string): El | null;
  children: Iterable<El>;
  childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
};

/** Remove fragment, default port, tracking parameters; lower-case host. Null when not http(s). */
export function normaliseUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()])
    if (/^(utm_\w+|fbclid|gclid|zarsrc|_ga)$/i.test(key)) url.searchParams.delete(key);
  if (url.search === '?') url.search = '';
  return url.href;
}

/** "www.congdoan.vn" and "congdoan.vn" are one site. */
export const siteHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

const toDay = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? null : vietnamCalendarDate(new Date(t));
};

export function maybeGunzip(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return new Uint8Array(gunzipSync(bytes, { maxOutputLength: 64 * 1024 * 1024 }));
    } catch {
      return bytes;
    }
  }
  return bytes;
}

/** The text of an XML document (sitemap, feed) in the encoding it declares; null when not XML. */
export function xmlText(bytes: Uint8Array, contentType: string | null): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^(\xef\xbb\xbf|\ufeff)/, '');
  if (!/^\s*(<\?xml|<(urlset|sitemapindex|rss|feed|rdf:rdf)[\s>])/i.test(head)) return null;
  const declared =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The kind of a document, by its first element (the Content-Type is often wrong on old portals). */
export function documentKind(text: string, contentType: string | null): DocumentKind {
  const head = text.slice(0, 4000).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<\?xml-stylesheet[^>]*>/g, '');
  const first = /<\s*([A-Za-z][\w:.-]*)/.exec(head)?.[1]?.toLowerCase() ?? '';
  const name = first.replace(/^\w+:/, '');
  if (name === 'sitemapindex') return 'sitemap-index';
  if (name === 'urlset') return 'sitemap';
  if (name === 'rss' || name === 'feed' || name === 'rdf') return 'feed';
  if (/html|^$/.test(name) && /<(html|body|head|div|p|a)\b/i.test(text.slice(0, 20000))) return 'html';
  if (contentType && /html/i.test(contentType)) return 'html';
  return 'other';
}

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as El;
const html = (text: string) => new DOMParser().parseFromString(text, 'text/html') as unknown as El;
const local = (el: El) => el.tagName.toLowerCase().replace(/^\w+:/, '');
const childrenNamed = (el: El, name: string) => [...el.children].filter((c) => local(c) === name);
const childText = (el: El, name: string) => childrenNamed(el, name)[0]?.textContent?.trim() ?? null;

/** A sitemap or sitemap index: child sitemaps and page URLs with their lastmod day. */
export function readSitemap(text: string, base: string): { sitemaps: FoundLink[]; urls: FoundLink[] } {
  const doc = xml(text);
  const sitemaps: FoundLink[] = [];
  const urls: FoundLink[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const name = local(el);
    if (name !== 'sitemap' && name !== 'url') continue;
    const loc = childText(el, 'loc');
    const url = loc ? normaliseUrl(loc, base) : null;
    if (!url) continue;
    (name === 'sitemap' ? sitemaps : urls).push({ url, day: toDay(childText(el, 'lastmod')) });
  }
  return { sitemaps, urls };
}

/** An RSS 2.0, RSS 1.0 (RDF) or Atom feed: item links with their publication day. */
export function readFeed(text: string, base: string): FoundLink[] {
  const doc = xml(text);
  const out: FoundLink[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const name = local(el);
    if (name === 'item') {
      const href =
        childText(el, 'link') ??
        el.getAttribute('rdf:about') ??
        (childrenNamed(el, 'guid')[0]?.getAttribute('ispermalink') !== 'false' ? childText(el, 'guid') : null);
      const url = href ? normaliseUrl(href, base) : null;
      if (url) out.push({ url, day: toDay(childText(el, 'pubdate') ?? childText(el, 'date')) });
    } else if (name === 'entry') {
      const links = childrenNamed(el, 'link');
      const link =
        links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate' && l.getAttribute('href')) ??
        links.find((l) => l.getAttribute('href'));
      const url = link ? normaliseUrl(link.getAttribute('href')!, base) : null;
      if (url) out.push({ url, day: toDay(childText(el, 'published') ?? childText(el, 'updated')) });
    }
  }
  return out;
}

const ASSET =
  /\.(jpe?g|png|gif|webp|avif|svg|bmp|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp3|mp4|avi|wmv|flv|exe|apk|css|js|xml|rss|txt)$/i;
/** Containers whose links are the site's chrome, not the listing. */
const CHROME_TAG = new Set(['nav', 'footer', 'aside', 'menu', 'select', 'form']);
const CHROME_CLASS =
  /(^|[\s_-])(menu|menus|nav|navbar|navigation|breadcrumbs?|footer|sidebar|widget|topbar|top-bar|social|share|sharing|tags?|tagcloud|calendar|lang|language|login|search|pagination|pager|paging|pages|page-numbers|phantrang|phan-trang)([\s_-]|$)/i;
const PAGE_PARAM = /(^|_)(page|paged|pg|p|cur|start|limitstart|offset|trang|pageindex|pagenumber)$/i;
const PAGE_SEGMENT = /\/(?:page|trang|p)[-_/]?\d+(?=\/|$|\.)|[-_](?:page|trang|p)[-_]?\d+(?=\/|$|\.)/gi;
const NEXT_WORDS =
  /^(trang sau|trang tiep( theo)?|tiep( theo)?|sau|next( page)?|older( posts| entries)?|bai cu hon|cu hon|xem tiep|>|>>|»|›|→)$/;

/** A listing's URL without its page number: all pages of one listing share it. */
export function listingKey(href: string): string {
  const url = new URL(href);
  for (const [k, v] of [...url.searchParams.entries()])
    if (PAGE_PARAM.test(k) && /^\d*$/.test(v)) url.searchParams.delete(k);
  url.pathname =
    url.pathname
      .replace(PAGE_SEGMENT, '')
      .replace(/\/index\.(php|html?|aspx?)$/i, '/')
      .replace(/\/+$/, '') || '/';
  url.search = url.searchParams.toString() ? `?${url.searchParams.toString()}` : '';
  url.hash = '';
  return url.href.replace(/\/$/, '');
}

const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function inChrome(el: El): boolean {
  const ancestors: El[] = [];
  for (let p: El | null = el.parentElement; p; p = p.parentElement) ancestors.push(p);
  // A <header> inside an <article> or <main> holds the teaser's title, not the site's banner.
  const inArticle = ancestors.some((p) => /^(article|main)$/i.test(p.tagName));
  for (const p of ancestors) {
    const tag = p.tagName.toLowerCase();
    if (CHROME_TAG.has(tag)) return true;
    if (tag === 'header' && !inArticle) return true;
    const cls = `${p.getAttribute('class') ?? ''} ${p.getAttribute('id') ?? ''}`;
    if (CHROME_CLASS.test(cls)) return true;
  }
  return false;
}

function inHeading(el: El): boolean {
  for (let p: El | null = el; p; p = p.parentElement) if (/^h[1-6]$/i.test(p.tagName)) return true;
  return false;
}

/** Non-link text directly or deeply inside an element, links' text left out. */
function proseOf(el: El): string {
  let out = '';
  const walk = (node: El) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) out += c.textContent ?? '';
      else if (c.nodeType === 1) {
        const e = c as unknown as El;
        const tag = e.tagName.toLowerCase();
        if (tag === 'a' || tag === 'script' || tag === 'style' || /^h[1-6]$/.test(tag)) continue;
        walk(e);
      }
    }
  };
  walk(el);
  return squeeze(out);
}

const titleLike = (text: string) => text.length >= 15 && text.split(' ').length >= 4;

/**
 * Read an HTML page: is it an article, which links page through its listing, which links are
 * teasers to articles. `onSite` says which URLs belong to the crawl (same site or allowed hosts).
 */
export function scanHtml(text: string, pageUrl: string, onSite: (url: URL) => boolean): HtmlScan {
  const doc = html(text);
  const here = normaliseUrl(pageUrl)!;
  const hereKey = listingKey(here);
  const baseEl = doc.querySelector('base[href]');
  const base = normaliseUrl(baseEl?.getAttribute('href') ?? '', here) ?? here;

  // Article signals from the head.
  const metaContent = (sel: string) => doc.querySelector(sel)?.getAttribute('content')?.toLowerCase() ?? '';
  let isArticle =
    metaContent('meta[property="og:type"]') === 'article' ||
    !!doc.querySelector('meta[property="article:published_time"], [itemprop="datePublished"]');
  if (!isArticle)
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]'))
      if (/"@type"\s*:\s*"(NewsArticle|Article|BlogPosting|ReportageNewsArticle)"/.test(s.textContent ?? '')) {
        isArticle = true;
        break;
      }

  const pager = new Set<string>();
  const nextShapes = new Set<string>();
  const shape = (u: string) => u.replace(/\d+/g, '#');
  const addPager = (u: string | null) => {
    if (u && u !== here) pager.add(u);
  };
  for (const l of doc.querySelectorAll('link[rel~="next"][href], a[rel~="next"][href]')) {
    const u = normaliseUrl(l.getAttribute('href')!, base);
    if (u && onSite(new URL(u))) {
      addPager(u);
      nextShapes.add(shape(u));
    }
  }

  const anchors = [...doc.querySelectorAll('a[href]')];
  const numbered: { url: string }[] = [];
  const candidates: { url: string; el: El }[] = [];
  for (const a of anchors) {
    const u = normaliseUrl(a.getAttribute('href')!, base);
    if (!u || u === here) continue;
    const url = new URL(u);
    const local = onSite(url);
    const label = squeeze(a.textContent) || squeeze(a.getAttribute('title')) || squeeze(a.getAttribute('aria-label'));
    const folded = foldForMatch(label).replace(/\s+/g, ' ').trim();
    const bare = folded.replace(/^[\s«»‹›<>→←|]+|[\s«»‹›<>→←|]+$/g, '').trim();
    const hint = foldForMatch(`${a.getAttribute('title') ?? ''} ${a.getAttribute('aria-label') ?? ''}`).trim();
    const sameListing = listingKey(u) === hereKey;
    if (!local) {
      // Off the site: never a pager; a title-like link is reported as skipped by the crawler.
      if (titleLike(label) && !inChrome(a) && !ASSET.test(url.pathname)) candidates.push({ url: u, el: a });
      continue;
    }
    if (/^\d{1,4}$/.test(folded)) {
      numbered.push({ url: u });
      continue;
    }
    if (
      NEXT_WORDS.test(folded) ||
      (bare !== folded && NEXT_WORDS.test(bare)) ||
      /\b(trang sau|next page)\b/.test(hint)
    ) {
      if (sameListing || shape(u) === shape(here) || /trang|page/.test(hint + folded)) {
        addPager(u);
        nextShapes.add(shape(u));
      }
      continue;
    }
    if (sameListing && /^(trang (dau|cuoi|truoc)|dau|cuoi|truoc|first|last|prev(ious)?|«|‹|<<?)$/.test(bare || folded))
      continue;
    if (ASSET.test(url.pathname)) continue;
    if (inChrome(a)) continue;
    if (titleLike(label) || (inHeading(a) && label.length >= 4)) candidates.push({ url: u, el: a });
  }
  // Numbered links page the listing when they are of its kind: its own URL without the number,
  // or the shape of a "next" link. A calendar's day links are neither.
  for (const n of numbered) if (listingKey(n.url) === hereKey || nextShapes.has(shape(n.url))) addPager(n.url);

  // One long run of prose (not teasers) makes an article: the parent element of paragraphs with
  // the most non-link text, holding at most two title-like links.
  if (!isArticle) {
    const parents = new Map<El, number>();
    for (const p of doc.querySelectorAll('p, div, td')) {
      const own = [...p.childNodes]
        .filter((c) => c.nodeType === 3)
        .map((c) => c.textContent ?? '')
        .join('');
      const textHere = p.tagName.toLowerCase() === 'p' ? proseOf(p) : squeeze(own);
      if (textHere.length < 40) continue;
      const parent = p.tagName.toLowerCase() === 'p' ? (p.parentElement ?? p) : p;
      parents.set(parent, (parents.get(parent) ?? 0) + textHere.length);
    }
    for (const [parent, length] of parents) {
      if (length < 400) continue;
      const teasers = [...parent.querySelectorAll('a[href]')].filter((a) => titleLike(squeeze(a.textContent))).length;
      if (teasers <= 2) {
        isArticle = true;
        break;
      }
    }
  }

  const seen = new Set<string>(pager);
  const articles: FoundLink[] = [];
  for (const c of candidates) {
    if (seen.has(c.url)) continue;
    seen.add(c.url);
    articles.push({ url: c.url, day: null });
  }
  return { isArticle, pager: [...pager], articles };
}
