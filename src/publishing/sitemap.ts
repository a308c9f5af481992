/**
 * The sitemap, from the pages the build actually wrote: every HTML page except those that are
 * not for readers (the editors' CMS, the 404 page) and those that ask not to be indexed
 * (<meta name="robots" content="noindex">, e.g. the search page). Drafts and scheduled articles
 * have no page at all (src/model/content-model.ts decides), so they can never be listed.
 * Pure; src/integrations/sitemap.ts reads the files and writes the XML.
 */

/** Paths that exist in dist but are not pages for search engines. */
export const NOT_IN_SITEMAP = [/^\/admin(\/|$)/, /^\/404(\.html|\/)?$/];

/** One sitemap file holds at most 50,000 URLs (sitemaps.org); stay well below. */
export const URLS_PER_SITEMAP = 45_000;

/** Site path of an HTML file relative to the build folder: "a/b/index.html" → "/a/b/". */
export function pathOfHtmlFile(relativeFile: string): string {
  const f = relativeFile.split('\\').join('/').replace(/^\/+/, '');
  if (f === 'index.html') return '/';
  if (f.endsWith('/index.html')) return `/${f.slice(0, -'index.html'.length)}`;
  return `/${f}`;
}

/** Whether the page's head asks robots not to index it. */
export function hasNoindex(html: string): boolean {
  const end = html.search(/<\/head>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  for (const m of head.matchAll(/<meta\s[^>]*>/gi)) {
    const tag = m[0];
    if (/\bname\s*=\s*["']?robots["']?/i.test(tag) && /\bcontent\s*=\s*["'][^"']*noindex/i.test(tag)) return true;
  }
  return false;
}

/**
 * Open-data files listed beside the pages (src/publishing/open-data.ts): the site-wide CSV and
 * JSON files and their Data Package under du-lieu/, and each unit's award files.
 */
const OPEN_DATA_FILE = /^(du-lieu\/[^/]+\.(csv|json)|don-vi\/[^/]+\/khen-thuong\.(csv|json))$/;

/** Whether a file of the build (path relative to the build folder) is an open-data file for the sitemap. */
export function isOpenDataFile(relativeFile: string): boolean {
  return OPEN_DATA_FILE.test(relativeFile.split('\\').join('/').replace(/^\/+/, ''));
}

export function isSitemapPath(path: string): boolean {
  return !NOT_IN_SITEMAP.some((re) => re.test(path));
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** Absolute URL of a site path, percent-encoded as sitemaps require. */
export const absoluteUrl = (path: string, site: string) => new URL(encodeURI(path), site).href;

export function urlsetXml(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `<url><loc>${escapeXml(u)}</loc></url>`)
    .join('\n')}\n</urlset>\n`;
}

export function sitemapIndexXml(sitemaps: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps
    .map((u) => `<sitemap><loc>${escapeXml(u)}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`;
}

/** Split URLs into sitemap files: { "sitemap-0.xml": [...], ... }, at least one file. */
export function sitemapFiles(urls: string[], perFile = URLS_PER_SITEMAP): { name: string; urls: string[] }[] {
  const files: { name: string; urls: string[] }[] = [];
  for (let i = 0; i === 0 || i < urls.length; i += perFile)
    files.push({ name: `sitemap-${files.length}.xml`, urls: urls.slice(i, i + perFile) });
  return files;
}
