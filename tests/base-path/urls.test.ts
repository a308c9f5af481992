/**
 * Gate: in the site built under /congdoan/ (SITE_BASE), every URL of the site that any built file
 * names starts with the base: links, assets, responsive images, share images, canonical and
 * og: addresses, JSON-LD, the search page's Pagefind prefix, feeds, the sitemap, robots.txt,
 * stylesheets (fonts) and the web editor's configuration. A URL written by hand instead of
 * through src/site/routes.ts fails here with the file that holds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SITE_BASE, testBaseDist } from '../../scripts/lib/paths.ts';
import { urlProblemsOfFile, urlsOfFile } from '../support/base-urls.ts';

const files = (readdirSync(testBaseDist, { recursive: true }) as string[])
  .map((f) => f.split(sep).join('/'))
  .filter((f) => !f.startsWith('pagefind/'))
  .sort();
const read = (file: string) => readFileSync(join(testBaseDist, file), 'utf8');
const home = read('index.html');
const origin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(home)![1]!).origin;

describe(`the build under ${TEST_SITE_BASE}`, () => {
  it('names no URL of the site outside the base path, in any file', () => {
    let checked = 0;
    const problems = files.flatMap((file) => {
      const text = urlsOfFile(file, '') === undefined ? undefined : read(file);
      if (text === undefined) return [];
      checked += urlsOfFile(file, text)!.length;
      return urlProblemsOfFile(file, text, TEST_SITE_BASE, origin);
    });
    expect(problems.map((p) => `${p.file}: "${p.url}" → ${p.reason}`)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('writes every kind of URL under the base (the gate above saw them)', () => {
    const article = files.find((f) => /^tin-tuc\/[a-z0-9-]+\/index\.html$/.test(f) && !f.startsWith('tin-tuc/trang'))!;
    const page = read(article);
    expect(page).toContain(`<link rel="canonical" href="${origin}${TEST_SITE_BASE}tin-tuc/`);
    expect(page).toMatch(new RegExp(`<meta property="og:image" content="${origin}${TEST_SITE_BASE}`));
    expect(page).toMatch(new RegExp(`<link rel="stylesheet" href="${TEST_SITE_BASE}_astro/`));
    expect(page).toContain(`"@id":"${origin}${TEST_SITE_BASE}`);
    expect(read('tim-kiem/index.html')).toContain(`data-base="${TEST_SITE_BASE}"`);
    expect(read('404.html')).toContain(`href="${TEST_SITE_BASE}"`);
    expect(read('sitemap-index.xml')).toContain(`<loc>${origin}${TEST_SITE_BASE}sitemap-0.xml</loc>`);
    expect(read('rss.xml')).toContain(`<link>${origin}${TEST_SITE_BASE}</link>`);
    expect(read('robots.txt')).toContain(`Sitemap: ${origin}${TEST_SITE_BASE}sitemap-index.xml`);
    expect(read('admin/config.yml')).toContain(`site_url: ${origin}${TEST_SITE_BASE}`);
    expect(read('admin/index.html')).toContain(`src="${TEST_SITE_BASE}admin/sveltia-cms.js"`);
    expect(read('admin/sveltia-cms.js')).toContain(`${TEST_SITE_BASE}admin/fonts/`);
    expect(read('_headers')).toMatch(new RegExp(`^${TEST_SITE_BASE}admin/\\*$`, 'm'));
  });
});
