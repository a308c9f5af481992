/**
 * Publishing in real Chromium on the bundled site (.build-tmp/test-dist): the print stylesheet
 * leaves only the article, and the light and dark colour schemes follow the system.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { testDist } from '../../scripts/lib/paths.ts';

let site: StaticServer;
let browser: Browser;
let articlePath: string;

beforeAll(async () => {
  site = await serveStatic(testDist);
  browser = await launchChromium();
  const rss = await (await fetch(site.url('/rss.xml'))).text();
  articlePath = new URL(/<item><title>[\s\S]*?<link>([^<]+)<\/link>/.exec(rss)![1]!).pathname;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('print', () => {
  it('prints the article alone: no header, navigation, breadcrumbs, related list or footer', async () => {
    const page = await browser.newPage();
    await page.goto(site.url(articlePath));
    const visible = (selector: string) =>
      page.$$eval(selector, (els) =>
        els.some((e) => getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetParent !== null),
      );
    // On screen, the chrome is there.
    for (const selector of ['.site-header', '.site-footer', '.breadcrumbs'])
      expect(await visible(selector), selector).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.breadcrumbs', '.related', '.skip-link']) {
      expect(await visible(selector), selector).toBe(false);
    }
    expect(await visible('article h1')).toBe(true);
    const colours = await page.$eval('body', (b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    // External links are written out on paper.
    const links = await page.$$eval('article a[href^="/"], article a[href^="http"]', (as) =>
      as.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const [href, content] of links) expect(content).toBe(`" (${href})"`);
    await page.close();
  });
});

describe('colour schemes follow the system', () => {
  it.each([
    ['light', 'rgb(255, 255, 255)'],
    ['dark', 'rgb(18, 20, 23)'],
  ] as const)('%s', async (scheme, background) => {
    const page = await browser.newPage({ colorScheme: scheme });
    await page.goto(site.url(articlePath));
    expect(await page.$eval('body', (b) => getComputedStyle(b).backgroundColor)).toBe(background);
    await page.close();
  });
});
