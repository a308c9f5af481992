/**
 * Post-build gates on a built site folder: internal links and anchors, page metadata, HTML
 * validity (html-validate). Each checker takes HTML text and returns the problems it finds, so the
 * gate tests can prove every checker on a broken snippet before running it on the real site.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { HtmlValidate, type ConfigData } from 'html-validate';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export interface Page {
  /** Site path: "/tin-tuc/x/" for tin-tuc/x/index.html, "/404.html" for 404.html. */
  path: string;
  html: string;
}

/** Every HTML file of a built site, as site paths. */
export function readPages(dist: string): Page[] {
  return (readdirSync(dist, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ path: pathOfFile(f.split(sep).join('/')), html: readFileSync(join(dist, f), 'utf8') }));
}

export const pathOfFile = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

const parser = unified().use(rehypeParse);
export const parseHtml = (html: string) => parser.parse(html) as Root;

function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'element') {
      yield child;
      yield* elements(child);
      if (child.tagName === 'template' && child.content) yield* elements(child.content as unknown as Element);
    }
  }
}

const attr = (el: Element, name: string): string | undefined => {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
};

/** Every id (and legacy <a name>) a page defines: the targets of "#fragment" links. */
export function anchorsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  for (const el of elements(tree)) {
    const id = attr(el, 'id');
    if (id) ids.add(id);
    if (el.tagName === 'a' && attr(el, 'name')) ids.add(attr(el, 'name')!);
  }
  return ids;
}

/**
 * The stylesheets a page applies: the href of every <link rel="stylesheet"> (not alternate ones,
 * which a browser does not apply until the reader picks them), in document order.
 */
export function stylesheetsOf(tree: Root): string[] {
  return [...elements(tree)]
    .filter((el) => el.tagName === 'link')
    .filter((el) => {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      return rel.includes('stylesheet') && !rel.includes('alternate');
    })
    .flatMap((el) => attr(el, 'href') ?? []);
}

export interface Reference {
  /** The element and attribute: "a[href]". */
  where: string;
  url: string;
}

/** Every URL a page points at: links, stylesheets, scripts, images and their srcsets, og:image… */
export function referencesOf(tree: Root): Reference[] {
  const refs: Reference[] = [];
  const add = (el: Element, name: string, url: string | undefined) => {
    if (url !== undefined) refs.push({ where: `${el.tagName}[${name}]`, url: url.trim() });
  };
  for (const el of elements(tree)) {
    add(
      el,
      'href',
      el.tagName === 'a' || el.tagName === 'link' || el.tagName === 'area' ? attr(el, 'href') : undefined,
    );
    if (['img', 'script', 'source', 'iframe', 'video', 'audio', 'track', 'embed'].includes(el.tagName))
      add(el, 'src', attr(el, 'src'));
    for (const name of ['srcSet', 'imageSrcSet']) {
      const set = attr(el, name);
      if (set) for (const candidate of set.split(',')) add(el, name.toLowerCase(), candidate.trim().split(/\s+/)[0]);
    }
    if (
      el.tagName === 'meta' &&
      /^(og:image|og:url|twitter:image)$/.test(attr(el, 'property') ?? attr(el, 'name') ?? '')
    ) {
      add(el, `meta ${attr(el, 'property') ?? attr(el, 'name')}`, attr(el, 'content'));
    }
    if (el.tagName === 'form') add(el, 'action', attr(el, 'action'));
  }
  return refs;
}

export interface LinkProblem {
  page: string;
  where: string;
  url: string;
  reason: string;
}

export interface SiteFiles {
  /** Whether the site has this file (path relative to the site root, no leading slash). */
  hasFile: (file: string) => boolean;
  /** The anchors of the page at a site path (undefined when it is not an HTML page). */
  anchorsAt: (path: string) => Set<string> | undefined;
}

/** The file a site path is served from: "/a/" → "a/index.html", "/x.css" → "x.css". */
export const fileOfPath = (path: string) => (path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));

/**
 * Check every internal reference of a page: the target file exists and, for "#fragment", the
 * target page has that id. External URLs (other origins, mailto:, tel:) are not followed; URLs on
 * the site's own origin (canonical, og:url, og:image) are checked like relative ones.
 */
export function checkPageLinks(
  page: Page,
  site: SiteFiles,
  siteOrigin: string,
  tree = parseHtml(page.html),
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const base = new URL(page.path, siteOrigin);
  for (const ref of referencesOf(tree)) {
    const problem = (reason: string) => problems.push({ page: page.path, where: ref.where, url: ref.url, reason });
    if (ref.url === '') {
      problem('empty URL');
      continue;
    }
    if (/^(mailto|tel|data|blob):/i.test(ref.url)) continue;
    if (/^javascript:/i.test(ref.url)) {
      problem('javascript: URL (blocked by the Content-Security-Policy)');
      continue;
    }
    let url: URL;
    try {
      url = new URL(ref.url, base);
    } catch {
      problem('not a valid URL');
      continue;
    }
    if (url.origin !== new URL(siteOrigin).origin) continue;
    const path = decodeURIComponent(url.pathname);
    const file = fileOfPath(path);
    if (!site.hasFile(file)) {
      problem(
        !path.endsWith('/') && site.hasFile(`${file}/index.html`)
          ? `missing trailing slash (the page is ${path}/)`
          : `no such file in the build (${file})`,
      );
      continue;
    }
    if (url.hash && ref.where.startsWith('a[') && path.endsWith('/')) {
      const id = decodeURIComponent(url.hash.slice(1));
      const anchors = site.anchorsAt(path);
      if (anchors && !anchors.has(id)) problem(`no element with id="${id}" on ${path}`);
    } else if (ref.url === '#') problem('href="#" leads nowhere');
  }
  return problems;
}

/** Site files and anchors of a built folder, read lazily and cached. */
export function siteFilesOf(dist: string, pages: Page[]): SiteFiles {
  const anchors = new Map<string, Set<string>>();
  const byPath = new Map(pages.map((p) => [p.path, p]));
  return {
    hasFile: (file) => {
      const full = join(dist, file);
      return !relative(dist, full).startsWith('..') && existsSync(full) && statSync(full).isFile();
    },
    anchorsAt: (path) => {
      const page = byPath.get(path);
      if (!page) return undefined;
      if (!anchors.has(path)) anchors.set(path, anchorsOf(parseHtml(page.html)));
      return anchors.get(path);
    },
  };
}

export interface MetaProblem {
  page: string;
  problem: string;
}

/** Every reader's page: <html lang="vi">, one non-empty <title>, one non-empty meta description. */
export function checkPageMeta(page: Page, tree = parseHtml(page.html)): MetaProblem[] {
  const problems: string[] = [];
  const all = [...elements(tree)];
  const html = all.find((e) => e.tagName === 'html');
  if (attr(html ?? ({ properties: {} } as Element), 'lang') !== 'vi') problems.push('<html> has no lang="vi"');
  const titles = all.filter((e) => e.tagName === 'title');
  const titleText = titles.map((t) => t.children.map((c) => ('value' in c ? c.value : '')).join('')).join('');
  if (titles.length !== 1) problems.push(`${titles.length} <title> elements (expected exactly one)`);
  else if (!titleText.trim()) problems.push('empty <title>');
  const descriptions = all.filter((e) => e.tagName === 'meta' && attr(e, 'name') === 'description');
  if (descriptions.length !== 1) problems.push(`${descriptions.length} meta descriptions (expected exactly one)`);
  else if (!attr(descriptions[0]!, 'content')?.trim()) problems.push('empty meta description');
  return problems.map((problem) => ({ page: page.path, problem }));
}

/**
 * html-validate configuration: the recommended preset with one rule off, for a reason
 * (docs/quality-gates.md): long-title — article titles are the sources' real titles (up to ~150
 * characters) with the site name appended; shortening them would misquote the source. Every other
 * recommended rule passes on the built site.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
};

const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

export interface ValidationProblem {
  page: string;
  rule: string;
  line: number;
  message: string;
}

export async function validateHtml(page: Page): Promise<ValidationProblem[]> {
  const report = await validator.validateString(page.html, page.path);
  return report.results.flatMap((r) =>
    r.messages.map((m) => ({ page: page.path, rule: m.ruleId, line: m.line, message: m.message })),
  );
}

export interface InlineCode {
  page: string;
  what: string;
}

/** Script types that are data, not code: CSP does not govern them. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json', 'importmap', 'text/template']);

/**
 * Everything in a page that a Content-Security-Policy without 'unsafe-inline' blocks: inline
 * <script> (JSON-LD and other data blocks excepted), event-handler attributes, javascript: URLs,
 * <style> elements and style attributes.
 */
export function findInlineCode(page: Page, tree = parseHtml(page.html)): InlineCode[] {
  const found: string[] = [];
  for (const el of elements(tree)) {
    if (el.tagName === 'script' && !attr(el, 'src')) {
      const type = (attr(el, 'type') ?? '').toLowerCase();
      if (!DATA_SCRIPT_TYPES.has(type)) found.push(`inline <script${type ? ` type="${type}"` : ''}>`);
    }
    if (el.tagName === 'style') found.push('inline <style>');
    for (const [name, value] of Object.entries(el.properties ?? {})) {
      if (/^on[a-z]+$/i.test(name)) found.push(`${name.toLowerCase()}="…" on <${el.tagName}>`);
      if (name === 'style') found.push(`style="…" on <${el.tagName}>`);
      if (typeof value === 'string' && /^\s*javascript:/i.test(value)) found.push(`javascript: URL on <${el.tagName}>`);
    }
  }
  return found.map((what) => ({ page: page.path, what }));
}

/** The content of <meta http-equiv="Content-Security-Policy">, if any. */
export function metaCspOf(tree: Root): string | undefined {
  for (const el of elements(tree)) {
    if (el.tagName === 'meta' && (attr(el, 'httpEquiv') ?? '').toLowerCase() === 'content-security-policy')
      return attr(el, 'content');
  }
  return undefined;
}
