/**
 * Search in real Chromium on the site built under /congdoan/ (SITE_BASE) and served there by nginx:
 * the search page loads Pagefind from /congdoan/pagefind/ (never from the domain's /pagefind/),
 * every result URL carries the base and opens its page, a tone-free query finds every article the
 * accented one finds, the pager stays on the page under the base, and browsing award history by
 * filters alone works. The full search suite on the root build: tests/browser/search.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { projectRoot, TEST_SITE_BASE } from '../../scripts/lib/paths.ts';
import { startBasePathNginx, type BasePathNginx } from '../support/base-path-site.ts';

let browser: Browser;
let served: BasePathNginx;
beforeAll(async () => {
  served = await startBasePathNginx();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** A page that records the path of every request it makes. */
async function recordedPage(): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  return { page, requested };
}

async function openSearch(page: Page, search: string) {
  await page.goto(served.site.url(`/tim-kiem/${search}`));
  await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 30_000 });
}

const resultUrls = (page: Page) =>
  page.$$eval('[data-result-url]', (els) => els.map((e) => e.getAttribute('data-result-url')!));

/**
 * Every result URL of a search, following the pager to its last page (the index is in shards,
 * searched as later pages need them: the total is final, data-complete, on the last page); the
 * pager's links must stay under the base.
 */
async function allResults(page: Page, search: string): Promise<string[]> {
  await openSearch(page, search);
  const urls: string[] = [];
  for (;;) {
    urls.push(...(await resultUrls(page)));
    const next = page.locator('[data-pager-next][href]');
    if ((await next.count()) === 0) break;
    const href = (await next.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${TEST_SITE_BASE}tim-kiem/\\?`));
    const pageNo = new URL(href, 'http://site').searchParams.get('page');
    await next.click();
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('page') === n, pageNo);
    await page.waitForSelector('[data-search-app][data-state="ready"]');
  }
  expect(await page.getAttribute('[data-search-app]', 'data-complete')).toBe('true');
  expect(urls.length).toBe(Number(await page.getAttribute('[data-search-app]', 'data-total')));
  return urls;
}

/** Published articles of the bundled content whose text contains the phrase. */
function articlesContaining(phrase: string): string[] {
  const dir = join(projectRoot, 'content/news');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => {
      const [, front = '', body = ''] =
        /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(dir, f), 'utf8')) ?? [];
      const data = parse(front) as { title?: string; summary?: string; draft?: boolean; publishedAt?: string };
      if (data.draft || (data.publishedAt && new Date(data.publishedAt) > new Date('2026-11-01T00:00:00+07:00')))
        return false;
      return `${data.title ?? ''} ${data.summary ?? ''} ${body}`.replace(/\s+/g, ' ').toLowerCase().includes(phrase);
    })
    .map((f) => f.replace(/\.md$/, ''));
}

describe(`search on the site served under ${TEST_SITE_BASE}`, () => {
  it('loads Pagefind from the base path and shows results whose URLs carry the base', async () => {
    const { page, requested } = await recordedPage();
    try {
      await openSearch(page, '?q=cong+doan');
      expect(Number(await page.getAttribute('[data-search-app]', 'data-total'))).toBeGreaterThan(0);
      const pagefind = requested.filter((p) => /\/pagefind\//.test(p));
      // The index is in shards (pagefind/<shard>/, listed in pagefind/shards.json): Pagefind's
      // script comes from the first shard loaded, under the base like everything else.
      expect(pagefind).toContain(`${TEST_SITE_BASE}pagefind/shards.json`);
      expect(pagefind.some((p) => new RegExp(`^${TEST_SITE_BASE}pagefind/[^/]+/pagefind\\.js$`).test(p))).toBe(true);
      expect(pagefind.filter((p) => !p.startsWith(`${TEST_SITE_BASE}pagefind/`))).toEqual([]);
      const urls = await resultUrls(page);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((u) => !u.startsWith(TEST_SITE_BASE))).toEqual([]);
      const hrefs = await page.$$eval('[data-search-results] a[href]', (els) =>
        els.map((e) => e.getAttribute('href')!),
      );
      expect(hrefs.filter((u) => !u.startsWith(TEST_SITE_BASE))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens a result: the reader lands on the page, served under the base', async () => {
    const page = await browser.newPage();
    try {
      await openSearch(page, '?q=thi+dua');
      const first = page.locator('[data-search-results] a[href]').first();
      const href = (await first.getAttribute('href'))!;
      const [response] = await Promise.all([page.waitForNavigation(), first.click()]);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(href);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('“Công đoàn” and “cong doan” find the same pages, every article containing it included', async () => {
    const page = await browser.newPage();
    try {
      const exact = await allResults(page, `?q=${encodeURIComponent('Công đoàn')}`);
      const folded = await allResults(page, '?q=cong+doan');
      const expected = articlesContaining('công đoàn').map((id) => `${TEST_SITE_BASE}tin-tuc/${id}/`);
      expect(expected.length).toBeGreaterThan(0);
      for (const url of expected) {
        expect(exact, url).toContain(url);
        expect(folded, url).toContain(url);
      }
      expect(exact.filter((u) => !folded.includes(u))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('browses award history with filters only, the results under the base', async () => {
    const page = await browser.newPage();
    try {
      const urls = await allResults(page, `?type=${encodeURIComponent('Khen thưởng')}`);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((u) => !u.startsWith(`${TEST_SITE_BASE}khen-thuong/`))).toEqual([]);
      expect(await page.locator('.year-group').count()).toBeGreaterThan(1);
    } finally {
      await page.close();
    }
  });
});
