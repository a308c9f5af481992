/**
 * Every URL of the site a built file names, and those that leave the base path: the gate of a
 * build under a sub-path (tests/base-path/urls.test.ts). A page, feed or file that writes a URL
 * by hand ("/tin-tuc/…") instead of through src/site/routes.ts shows here as a URL outside the
 * base. Pure: file text in, URLs out; proven on snippets in tests/unit/base-urls.test.ts.
 */

export interface UrlProblem {
  file: string;
  url: string;
  reason: string;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/** Attributes whose value is a URL (srcset-like ones hold several). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data', 'cite', 'formaction']);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);
const TAG = /<[a-zA-Z][^<>]*>/g;
const ATTRIBUTE = /\s([a-zA-Z][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The URLs in the start tags of an HTML text, JSON-LD blocks included. */
export function urlsOfHtml(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(TAG)) {
    for (const m of tag.matchAll(ATTRIBUTE)) {
      const name = m[1]!.toLowerCase();
      const value = decodeEntities(m[3] ?? m[4] ?? '').trim();
      if (URL_ATTRIBUTES.has(name)) urls.push(value);
      else if (SRCSET_ATTRIBUTES.has(name))
        urls.push(
          ...value
            .split(',')
            .map((c) => c.trim().split(/\s+/)[0] ?? '')
            .filter(Boolean),
        );
      // <meta content> (og:url, og:image, twitter:image) and data-* that hold a path or an address.
      else if ((name === 'content' || name.startsWith('data-')) && /^(\/|https?:\/\/)/.test(value)) urls.push(value);
    }
  }
  for (const [, json] of html.matchAll(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
    const walk = (v: unknown): void => {
      if (typeof v === 'string') {
        if (/^(\/|https?:\/\/)/.test(v)) urls.push(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(json!));
  }
  return urls;
}

/** The URLs of a sitemap or feed: element text that is an address, attributes, escaped HTML content. */
export function urlsOfXml(xml: string): string[] {
  const urls: string[] = [];
  for (const [, text] of xml.matchAll(/<(?:loc|link|guid)(?:\s[^<>]*)?>([^<]*)<\//g))
    urls.push(decodeEntities(text!).trim());
  for (const [, cdata] of xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) urls.push(...urlsOfHtml(cdata!));
  // Escaped HTML in <content:encoded> / <description> and the feed's own tags (atom:link href).
  const unwrapped = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  urls.push(...urlsOfHtml(unwrapped));
  for (const [, escaped] of unwrapped.matchAll(/<(?:content:encoded|description)>([\s\S]*?)<\//g))
    urls.push(...urlsOfHtml(decodeEntities(escaped!)));
  return urls;
}

/** The url(…) references of a stylesheet. */
export function urlsOfCss(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/g)].map((m) =>
    (m[1] ?? m[2] ?? m[3] ?? '').trim(),
  );
}

/** The paths and addresses of robots.txt (Allow, Disallow, Sitemap). */
export function urlsOfRobots(text: string): string[] {
  return [...text.matchAll(/^(?:allow|disallow|sitemap):\s*(\S+)/gim)].map((m) => m[1]!);
}

/**
 * Why a URL the site writes is wrong under `base` on `origin`, or undefined when it is right:
 * a path or an address of the site outside the base, or a relative URL (pages are served at any
 * depth, the 404 page at every missing address: URLs are absolute paths with the base).
 */
export function urlProblem(url: string, base: string, origin: string): string | undefined {
  if (url === '' || url.startsWith('#') || /^(mailto|tel|data|blob|javascript):/i.test(url)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    let parsed: URL;
    try {
      parsed = new URL(url, origin);
    } catch {
      return 'not a valid URL';
    }
    if (parsed.origin !== origin) return undefined;
    return parsed.pathname.startsWith(base) ? undefined : `an address of the site outside the base path ${base}`;
  }
  if (url.startsWith('/')) return url.startsWith(base) ? undefined : `a path outside the base path ${base}`;
  return 'a relative URL: write it through src/site/routes.ts (an absolute path with the base)';
}

/** Which extractor reads a built file, by its name; undefined for files that name no URL of the site. */
export function urlsOfFile(file: string, text: string): string[] | undefined {
  if (file.endsWith('.html')) return urlsOfHtml(text);
  if (file.endsWith('.xml')) return urlsOfXml(text);
  if (file.endsWith('.css')) return urlsOfCss(text);
  if (file === 'robots.txt') return urlsOfRobots(text);
  if (file === 'admin/config.yml') return [...text.matchAll(/^site_url:\s*(\S+)/gm)].map((m) => m[1]!);
  return undefined;
}

/** The problems of one built file. */
export function urlProblemsOfFile(file: string, text: string, base: string, origin: string): UrlProblem[] {
  return (urlsOfFile(file, text) ?? []).flatMap((url) => {
    const reason = urlProblem(url, base, origin);
    return reason ? [{ file, url, reason }] : [];
  });
}
