/**
 * Gate: no broken internal link or anchor. Every href/src/srcset of every HTML page of the built
 * site (and canonical, og:url, og:image on the site's own origin) resolves to a file of the build,
 * and every "#fragment" to an id on the target page.
 */
import { describe, expect, it } from 'vitest';
import { testDist } from '../../scripts/lib/paths.ts';
import { checkPageLinks, parseHtml, readPages, siteFilesOf, type Page, type SiteFiles } from '../support/site-gates.ts';

const ORIGIN = 'https://congdoan.example.vn';

describe('link checker (proven on broken pages)', () => {
  const files = new Set(['index.html', 'tin-tuc/index.html', 'tin-tuc/bai/index.html', '_astro/a.css', 'anh.jpg']);
  const anchors: Record<string, string[]> = {
    '/': ['noi-dung'],
    '/tin-tuc/': ['noi-dung'],
    '/tin-tuc/bai/': ['binh-luan'],
  };
  const site: SiteFiles = {
    hasFile: (f) => files.has(f),
    anchorsAt: (p) => (anchors[p] ? new Set(anchors[p]) : undefined),
  };
  const page = (body: string): Page => ({
    path: '/tin-tuc/',
    html: `<!doctype html><html><head></head><body>${body}</body></html>`,
  });
  const reasons = (body: string) =>
    checkPageLinks(page(body), site, ORIGIN).map((p) => `${p.where} ${p.url}: ${p.reason}`);

  it.each<[string, string, RegExp | undefined]>([
    ['a good page link', '<a href="/tin-tuc/bai/">x</a>', undefined],
    ['a relative link', '<a href="bai/">x</a>', undefined],
    ['a good anchor', '<a href="/#noi-dung">x</a>', undefined],
    ['a same-page anchor', '<a href="#noi-dung">x</a><a href="/tin-tuc/bai/#binh-luan">y</a>', undefined],
    ['an external link', '<a href="https://kiemsat.vn/x">x</a><a href="mailto:a@b.vn">m</a>', undefined],
    [
      'a missing page',
      '<a href="/tin-tuc/khong-co/">x</a>',
      /a\[href\] \/tin-tuc\/khong-co\/: no such file in the build \(tin-tuc\/khong-co\/index\.html\)/,
    ],
    [
      'a missing trailing slash',
      '<a href="/tin-tuc/bai">x</a>',
      /missing trailing slash \(the page is \/tin-tuc\/bai\/\)/,
    ],
    ['a missing anchor', '<a href="/tin-tuc/bai/#khong-co">x</a>', /no element with id="khong-co" on \/tin-tuc\/bai\//],
    ['a missing image', '<img src="/anh-khong-co.jpg" alt="x">', /img\[src\] \/anh-khong-co\.jpg: no such file/],
    [
      'a missing srcset candidate',
      '<img src="/anh.jpg" srcset="/anh.jpg 1x, /anh@2x.jpg 2x" alt="x">',
      /img\[srcset\] \/anh@2x\.jpg: no such file/,
    ],
    [
      'a missing stylesheet',
      '<link rel="stylesheet" href="/_astro/b.css">',
      /link\[href\] \/_astro\/b\.css: no such file/,
    ],
    [
      'a missing canonical on the own origin',
      `<link rel="canonical" href="${ORIGIN}/cu/">`,
      /link\[href\] https:\/\/congdoan\.example\.vn\/cu\/: no such file/,
    ],
    ['an empty href', '<a href="">x</a>', /empty URL/],
    ['href="#"', '<a href="#">x</a>', /leads nowhere/],
    ['a javascript: URL', '<a href="javascript:void(0)">x</a>', /javascript: URL/],
  ])('%s', (_name, body, expected) => {
    const found = reasons(body);
    if (expected)
      expect(
        found.some((r) => expected.test(r)),
        found.join('\n'),
      ).toBe(true);
    else expect(found).toEqual([]);
  });
});

describe('the built site', () => {
  const pages = readPages(testDist);
  const site = siteFilesOf(testDist, pages);
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(pages.find((p) => p.path === '/')!.html)?.[1];
  const origin = new URL(canonical ?? ORIGIN).origin;

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it('has no broken internal link or anchor on any page', () => {
    const problems = pages.flatMap((p) => checkPageLinks(p, site, origin, parseHtml(p.html)));
    expect(problems.map((p) => `${p.page}: ${p.where}="${p.url}" → ${p.reason}`)).toEqual([]);
  });
});
