/**
 * What a web server serving the built site must answer, for the deployment tests
 * (tests/build/deploy-*.test.ts): one request of every kind of response (pages, redirects, the 404
 * page, hashed and unhashed assets, Pagefind's files, the web editor), each with the status,
 * content type, Cache-Control and security headers it must carry; and the link checker of
 * site-gates.ts run over HTTP against the server instead of the build folder.
 *
 * The expected security headers come from the build's own `_headers` file, read back as a static
 * host reads it (host-headers.ts), so the server recipes are checked against the file the
 * Cloudflare/Netlify target uses, not against their own reading of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/lib/browser.ts';
import { IMMUTABLE_CACHE } from '#src/publishing/security-headers.ts';
import { SHORT_CACHE } from '#src/publishing/deploy/responses.ts';
import { joinBase } from '#src/site/routes.ts';
import { headersForPath, parseHeadersFile } from './host-headers.ts';
import {
  anchorsOf,
  checkPageLinks,
  parseHtml,
  readPages,
  referencesOf,
  type LinkProblem,
  type Page,
} from './site-gates.ts';

export interface ResponseCase {
  kind: string;
  /** Site path, from the site's root (the test puts the base path in front). */
  path: string;
  status: 200 | 301 | 404;
  /** For a redirect: the site path it must lead to. */
  location?: string;
  contentType?: RegExp;
  cache: string;
  /** The site path whose `_headers` headers the response carries (the 404 page's for a 404). */
  headersOf: string;
  /** The body must be this file of the build. */
  body?: string;
}

const first = (dist: string, dir: string, pattern: RegExp) => {
  const name = readdirSync(join(dist, dir))
    .filter((f) => pattern.test(f))
    .sort()[0];
  if (!name) throw new Error(`No file matching ${pattern} in ${dir}/ of ${dist}`);
  return `/${dir}/${name}`;
};

/** The shard folders of the built search index, from its manifest. */
const pagefindShards = (dist: string): string[] =>
  (JSON.parse(readFileSync(join(dist, 'pagefind/shards.json'), 'utf8')) as { shards: { id: string }[] }).shards.map(
    (s) => s.id,
  );

const HTML = /^text\/html; charset=utf-8$/;
const JS = /^(application|text)\/javascript; charset=utf-8$/;
const BYTES = /^application\/octet-stream$/;

/** One request of every kind of response the site has. */
export function responseCases(dist: string): ResponseCase[] {
  const article = first(dist, 'tin-tuc', /^[a-z0-9-]+$/);
  const page = (kind: string, path: string, file: string): ResponseCase => ({
    kind,
    path,
    status: 200,
    contentType: HTML,
    cache: SHORT_CACHE,
    headersOf: path,
    body: file,
  });
  const missing = (kind: string, path: string): ResponseCase => ({
    kind,
    path,
    status: 404,
    contentType: HTML,
    cache: SHORT_CACHE,
    headersOf: '/404.html',
    body: '404.html',
  });
  const redirect = (kind: string, path: string, location: string): ResponseCase => ({
    kind,
    path,
    status: 301,
    location,
    cache: SHORT_CACHE,
    headersOf: path,
  });
  const file = (kind: string, path: string, contentType: RegExp, cache: string): ResponseCase => ({
    kind,
    path,
    status: 200,
    contentType,
    cache,
    headersOf: path,
    body: path.slice(1),
  });
  return [
    page('home page', '/', 'index.html'),
    page('article', `${article}/`, `${article.slice(1)}/index.html`),
    page('404 page asked for by name', '/404.html', '404.html'),
    redirect('folder without its slash', '/tin-tuc', '/tin-tuc/'),
    redirect('folder without its slash, with a query', '/tim-kiem?q=cong+doan', '/tim-kiem/?q=cong+doan'),
    missing('missing page', '/trang-nay-khong-ton-tai/'),
    missing('missing file', '/khong-co.txt'),
    missing('missing hashed asset', '/_astro/khong-co.css'),
    missing('folder without index.html', '/_astro/'),
    missing('missing page of the web editor', '/admin/khong-co/'),
    file('stylesheet', first(dist, '_astro', /\.css$/), /^text\/css; charset=utf-8$/, IMMUTABLE_CACHE),
    file('script', first(dist, '_astro', /\.js$/), JS, IMMUTABLE_CACHE),
    file('search shard manifest', '/pagefind/shards.json', /^application\/json/, SHORT_CACHE),
    // Every shard is a Pagefind bundle of its own (src/search/shards.ts): its files, in its folder.
    ...pagefindShards(dist).flatMap((shard) => [
      file(`Pagefind script (${shard})`, `/pagefind/${shard}/pagefind.js`, JS, SHORT_CACHE),
      file(`Pagefind entry (${shard})`, `/pagefind/${shard}/pagefind-entry.json`, /^application\/json/, SHORT_CACHE),
      file(`Pagefind WebAssembly (${shard})`, first(dist, `pagefind/${shard}`, /\.pagefind$/), BYTES, SHORT_CACHE),
      file(`Pagefind metadata (${shard})`, first(dist, `pagefind/${shard}`, /\.pf_meta$/), BYTES, IMMUTABLE_CACHE),
      file(
        `Pagefind index chunk (${shard})`,
        first(dist, `pagefind/${shard}/index`, /\.pf_index$/),
        BYTES,
        IMMUTABLE_CACHE,
      ),
      file(
        `Pagefind fragment (${shard})`,
        first(dist, `pagefind/${shard}/fragment`, /\.pf_fragment$/),
        BYTES,
        IMMUTABLE_CACHE,
      ),
      file(
        `Pagefind filter (${shard})`,
        first(dist, `pagefind/${shard}/filter`, /\.pf_filter$/),
        BYTES,
        IMMUTABLE_CACHE,
      ),
    ]),
    page('web editor', '/admin/', 'admin/index.html'),
    file('web editor configuration', '/admin/config.yml', /^text\/yaml; charset=utf-8$/, SHORT_CACHE),
    file('news feed', '/rss.xml', /^(text|application)\/(rss\+)?xml/, SHORT_CACHE),
    file('sitemap', '/sitemap-index.xml', /^(text|application)\/xml/, SHORT_CACHE),
    file('robots.txt', '/robots.txt', /^text\/plain; charset=utf-8$/, SHORT_CACHE),
    file('share image', '/anh-chia-se.png', /^image\/png$/, SHORT_CACHE),
    file('icon', '/favicon.svg', /^image\/svg\+xml/, SHORT_CACHE),
  ];
}

/**
 * The headers a response of this case must carry, lower-case names (Cache-Control included).
 * `builtBase` is the base path the site was built for: its `_headers` patterns carry it.
 */
export function expectedHeaders(dist: string, responseCase: ResponseCase, builtBase = '/'): Record<string, string> {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  const path = joinBase(builtBase, responseCase.headersOf.replace(/\?.*$/, ''));
  const { ['Cache-Control']: _cache, ...security } = headersForPath(rules, path);
  const expected: Record<string, string> = {};
  for (const [name, value] of Object.entries(security)) expected[name.toLowerCase()] = value;
  expected['cache-control'] = responseCase.cache;
  return expected;
}

/** The headers of a response that `expected` names, as the server sent them. */
export function sentHeaders(response: Response, expected: Record<string, string>): Record<string, string | null> {
  return Object.fromEntries(Object.keys(expected).map((name) => [name, response.headers.get(name)]));
}

/**
 * The link checker of site-gates.ts against a server serving the site, built for `base`, under
 * that base path: every page of the build fetched from the server (each must answer 200), and
 * every internal reference in them requested there; a reference resolves when the server answers
 * 200 (a redirect, e.g. a missing trailing slash, does not), so a link that leaves the base path
 * fails. Anchors are looked up in the pages as the server sent them. `site` takes URL paths.
 */
export async function checkLinksOverHttp(
  site: StaticServer,
  dist: string,
  base = '/',
): Promise<{ pages: number; requests: number; problems: LinkProblem[] }> {
  const built = readPages(dist);
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(built.find((p) => p.path === '/')!.html)?.[1];
  if (!canonical) throw new Error('The home page has no canonical link: cannot tell the site origin.');
  const siteOrigin = new URL(canonical).origin;
  const status = new Map<string, number>();
  const request = async (sitePath: string) => {
    if (!status.has(sitePath)) {
      const response = await fetch(site.url(sitePath), { redirect: 'manual' });
      status.set(sitePath, response.status);
      return response;
    }
    return undefined;
  };

  const pages: Page[] = [];
  for (const page of built) {
    // The page's URL path: the build folder holds the site from its base path.
    const path = joinBase(base, page.path);
    const response = (await request(path))!;
    pages.push({ path, html: response.status === 200 ? await response.text() : '' });
  }
  const references = new Set<string>();
  for (const page of pages) {
    for (const ref of referencesOf(parseHtml(page.html))) {
      if (!URL.canParse(ref.url, new URL(page.path, siteOrigin))) continue;
      const url = new URL(ref.url, new URL(page.path, siteOrigin));
      if (url.origin === siteOrigin) references.add(decodeURIComponent(url.pathname));
    }
  }
  const pending = [...references];
  while (pending.length) await Promise.all(pending.splice(0, 16).map(request));

  const ok = (sitePath: string) => status.get(sitePath) === 200;
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const anchors = new Map<string, Set<string>>();
  const problems = pages.flatMap((page) =>
    status.get(page.path) !== 200
      ? [{ page: page.path, where: 'server', url: page.path, reason: `answered ${status.get(page.path)}` }]
      : checkPageLinks(
          page,
          {
            hasFile: (file) =>
              ok(`/${file}`) || (file.endsWith('index.html') && ok(`/${file.slice(0, -'index.html'.length)}`)),
            anchorsAt: (path) => {
              const target = byPath.get(path);
              if (!target) return undefined;
              if (!anchors.has(path)) anchors.set(path, anchorsOf(parseHtml(target.html)));
              return anchors.get(path);
            },
          },
          siteOrigin,
        ),
  );
  return { pages: pages.length, requests: status.size, problems };
}

/**
 * Request one case from a server serving the site under `base` and check everything about the
 * answer: status, redirect target, content type, every expected header (a header sent twice shows
 * as two values joined by ", " and fails), and the body byte for byte.
 */
export async function expectResponse(
  site: StaticServer,
  base: string,
  dist: string,
  responseCase: ResponseCase,
  builtBase = '/',
) {
  const url = site.url(`${base}${responseCase.path.slice(1)}`);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status, url).toBe(responseCase.status);
  const expected = expectedHeaders(dist, responseCase, builtBase);
  expect(sentHeaders(response, expected), url).toEqual(expected);
  if (responseCase.location) {
    const target = new URL(response.headers.get('location') ?? '', url);
    expect(`${target.pathname}${target.search}`, url).toBe(`${base}${responseCase.location.slice(1)}`);
  }
  if (responseCase.contentType) expect(response.headers.get('content-type'), url).toMatch(responseCase.contentType);
  const body = Buffer.from(await response.arrayBuffer());
  if (responseCase.body) expect(body.equals(readFileSync(join(dist, responseCase.body))), `body of ${url}`).toBe(true);
}

/**
 * Register the checks of a server serving the build of `dist` under `base`: every response case,
 * compression, and under a base path the redirect of the base path itself and nothing served
 * outside it; when the site was built for the base it is served under (`builtBase`), the link
 * checker over HTTP (a root build copied under /congdoan/ still links from the root).
 */
export function describeServedSite(base: string, dist: string, site: () => Promise<StaticServer>, builtBase = '/') {
  describe(`the site served under ${base}`, () => {
    const cases = responseCases(dist);
    // A kind of the search index's files is one case per shard ("Pagefind index chunk (2020-2024)").
    const pathOf = (kind: string) =>
      `${base}${cases.find((c) => c.kind === kind || c.kind.startsWith(`${kind} (`))!.path.slice(1)}`;

    it.each(cases)('$kind ($path): $status with every header', async (responseCase) =>
      expectResponse(await site(), base, dist, responseCase, builtBase),
    );

    it('compresses text (gzip) but not Pagefind files, which are compressed already', async () => {
      const server = await site();
      const text = await fetch(server.url(pathOf('stylesheet')));
      expect(text.headers.get('content-encoding')).toBe('gzip');
      expect(text.headers.get('vary')).toMatch(/Accept-Encoding/i);
      const pagefind = await fetch(server.url(pathOf('Pagefind index chunk')));
      expect(pagefind.headers.get('content-encoding')).toBeNull();
    });

    if (base !== '/') {
      it('redirects the base path without its slash, with the headers', async () => {
        const url = (await site()).url(base.slice(0, -1));
        const response = await fetch(url, { redirect: 'manual' });
        expect(response.status).toBe(301);
        expect(new URL(response.headers.get('location')!, url).pathname).toBe(base);
        const expected = expectedHeaders(
          dist,
          cases.find((c) => c.kind === 'home page')!,
          builtBase,
        );
        expect(sentHeaders(response, expected)).toEqual(expected);
      });

      it('serves nothing of the site outside it', async () => {
        expect((await fetch((await site()).url('/tin-tuc/'))).status).toBe(404);
      });
    }
    if (builtBase === base) {
      it('has no broken link or anchor on any page, as the server answers them', async () => {
        const { pages, requests, problems } = await checkLinksOverHttp(await site(), dist, base);
        expect(pages).toBeGreaterThan(50);
        expect(requests).toBeGreaterThan(pages);
        expect(problems.map((p) => `${p.page}: ${p.where}="${p.url}" → ${p.reason}`)).toEqual([]);
      });
    }
  });
}
