/**
 * The base-path URL gate (tests/support/base-urls.ts) proven on snippets, and the source rule
 * behind it: no page, layout or component writes a site URL as a literal "/…" attribute; every
 * URL goes through src/site/routes.ts (routes.*, withBase), which puts the base path in front.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { urlProblem, urlProblemsOfFile, urlsOfCss, urlsOfHtml, urlsOfRobots, urlsOfXml } from '../support/base-urls.ts';

const BASE = '/congdoan/';
const ORIGIN = 'https://congdoan.example.vn';

describe('urlProblem', () => {
  it.each([
    ['/congdoan/tin-tuc/', undefined],
    ['/congdoan/', undefined],
    ['https://congdoan.example.vn/congdoan/anh-chia-se.png', undefined],
    ['#noi-dung', undefined],
    ['mailto:bbt@example.vn', undefined],
    ['data:image/png;base64,AA', undefined],
    ['https://www.congdoan.vn/tin-tuc/', undefined],
    ['/tin-tuc/', 'a path outside the base path /congdoan/'],
    ['/', 'a path outside the base path /congdoan/'],
    ['/congdoanx/', 'a path outside the base path /congdoan/'],
    ['https://congdoan.example.vn/tin-tuc/', 'an address of the site outside the base path /congdoan/'],
    ['//congdoan.example.vn/rss.xml', 'an address of the site outside the base path /congdoan/'],
    ['tin-tuc/', 'a relative URL: write it through src/site/routes.ts (an absolute path with the base)'],
    ['../anh.png', 'a relative URL: write it through src/site/routes.ts (an absolute path with the base)'],
  ])('%s → %s', (url, reason) => {
    expect(urlProblem(url, BASE, ORIGIN)).toBe(reason);
  });
});

describe('the extractors find every URL a built file names', () => {
  it('HTML: links, assets, srcset candidates, og: addresses, data paths, forms, JSON-LD', () => {
    const html = `<a href="/a/">x</a><img src="/b.png" srcset="/c-480.webp 480w, /c-800.webp 800w" alt="">
      <link rel="preload" imagesrcset="/d.webp 1x" as="image"><meta property="og:image" content="https://congdoan.example.vn/e.png">
      <meta name="description" content="Tin tức công đoàn"><div data-base="/f/" data-state="ready"></div>
      <form action="/g/"></form><p>text with href="/not-a-tag/"</p>
      <script type="application/ld+json">{"@id":"https://congdoan.example.vn/h/","logo":{"url":"/i.png"},"name":"Công đoàn"}</script>`;
    expect(urlsOfHtml(html).sort()).toEqual(
      [
        '/a/',
        '/b.png',
        '/c-480.webp',
        '/c-800.webp',
        '/d.webp',
        'https://congdoan.example.vn/e.png',
        '/f/',
        '/g/',
        'https://congdoan.example.vn/h/',
        '/i.png',
      ].sort(),
    );
  });

  it('feeds and sitemaps: element addresses, atom:link, escaped and CDATA content', () => {
    const xml = `<rss><channel><link>https://congdoan.example.vn/</link><atom:link href="https://congdoan.example.vn/rss.xml" rel="self"/>
      <item><link>https://congdoan.example.vn/tin-tuc/a/</link><guid isPermaLink="true">https://congdoan.example.vn/tin-tuc/a/</guid>
      <content:encoded><![CDATA[<img src="https://congdoan.example.vn/_astro/x.jpg">]]></content:encoded>
      <description>&lt;a href="/tin-tuc/b/"&gt;b&lt;/a&gt;</description></item></channel></rss>
      <urlset><url><loc>https://congdoan.example.vn/don-vi/</loc></url></urlset>`;
    expect(urlsOfXml(xml).sort()).toEqual(
      [
        'https://congdoan.example.vn/',
        'https://congdoan.example.vn/rss.xml',
        'https://congdoan.example.vn/tin-tuc/a/',
        'https://congdoan.example.vn/tin-tuc/a/',
        'https://congdoan.example.vn/_astro/x.jpg',
        '/tin-tuc/b/',
        'https://congdoan.example.vn/don-vi/',
      ].sort(),
    );
  });

  it('stylesheets and robots.txt', () => {
    expect(
      urlsOfCss(`@font-face{src:url(/_astro/a.woff2) format("woff2"),url("b.woff")}.x{background:url('/c.svg')}`),
    ).toEqual(['/_astro/a.woff2', 'b.woff', '/c.svg']);
    expect(
      urlsOfRobots('User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://x.vn/sitemap-index.xml\n'),
    ).toEqual(['/', '/admin/', 'https://x.vn/sitemap-index.xml']);
  });

  it('reports the file and URL of each problem, and none for a page written under the base', () => {
    expect(urlProblemsOfFile('404.html', '<a href="/">Trang chủ</a><a href="/congdoan/">x</a>', BASE, ORIGIN)).toEqual([
      { file: '404.html', url: '/', reason: 'a path outside the base path /congdoan/' },
    ]);
    expect(
      urlProblemsOfFile('admin/config.yml', 'site_url: https://congdoan.example.vn/\n', BASE, ORIGIN),
    ).toHaveLength(1);
    expect(urlProblemsOfFile('index.html', '<link rel="icon" href="/congdoan/favicon.svg">', BASE, ORIGIN)).toEqual([]);
  });
});

/** .astro files of the folders that render pages. */
function astroFiles(dir: string): string[] {
  return (readdirSync(join(projectRoot, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.astro'))
    .map((f) => join(dir, f));
}

/** A literal site URL in an attribute: href="/…", src="/…", action='/…', content="/…", srcset="/…". */
const LITERAL_SITE_URL = /\s(?:href|src|srcset|action|poster|content|data-[\w-]+)\s*=\s*["'](\/(?!\/)[^"']*)["']/g;

describe('source rule: site URLs only through src/site/routes.ts', () => {
  const files = ['src/pages', 'src/layouts', 'src/components'].flatMap(astroFiles);

  it('finds the .astro files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('catches a literal path in an attribute', () => {
    expect(
      [...'<a href="/tin-tuc/">x</a> <img src=\'/logo.png\'>'.matchAll(LITERAL_SITE_URL)].map((m) => m[1]),
    ).toEqual(['/tin-tuc/', '/logo.png']);
    expect([
      ...'<a href={routes.newsList()}> <a href="https://x.vn/"> <a href="#top">'.matchAll(LITERAL_SITE_URL),
    ]).toEqual([]);
  });

  it('no page, layout or component writes a site URL as a literal "/…" attribute', () => {
    const found = files.flatMap((file) =>
      [...readFileSync(join(projectRoot, file), 'utf8').matchAll(LITERAL_SITE_URL)].map((m) => `${file}: ${m[1]}`),
    );
    expect(found).toEqual([]);
  });
});
