/**
 * The Content-Security-Policy gate in Chromium, for any server of the built site: the loopback
 * server sending the `_headers` headers (tests/browser/csp.test.ts) or a real nginx with the
 * generated configuration under a base path (tests/base-path/deploy-nginx.test.ts). Every kind of page loads without a
 * single CSP violation, and search (Pagefind: WebAssembly and a worker) returns results under it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER } from '#src/publishing/security-headers.ts';
import { launchChromium, type StaticServer } from '../../scripts/lib/browser.ts';
import { pageKinds } from './page-kinds.ts';

export interface WatchedContext {
  context: BrowserContext;
  /** The violations a page has reported since the last call. */
  violations: (page: Page) => Promise<string[]>;
}

/** A context that records every CSP violation: the DOM event and Chromium's console report. */
export async function watchedContext(browser: Browser): Promise<WatchedContext> {
  const context = await browser.newContext();
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  const consoleReports: string[] = [];
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleReports.push(m.text());
  });
  context.on('weberror', (e) => {
    if (/Content Security Policy/i.test(String(e.error()))) consoleReports.push(String(e.error()));
  });
  return {
    context,
    violations: async (page) => [
      ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
      ...consoleReports.splice(0),
    ],
  };
}

/**
 * Register the gate's tests for the site built in `dist`, served by what `serve` starts (in
 * beforeAll; closed in afterAll).
 */
export function describeSiteUnderPolicy(title: string, dist: string, serve: () => Promise<StaticServer>) {
  describe(title, () => {
    const kinds = pageKinds(dist);
    let browser: Browser;
    // A server that cannot start fails every test with its reason instead of leaving them skipped.
    let served: Promise<StaticServer>;
    let watched: WatchedContext;

    beforeAll(async () => {
      served = serve();
      served.catch(() => undefined);
      browser = await launchChromium();
      watched = await watchedContext(browser);
    });
    afterAll(async () => {
      await watched?.context.close();
      await browser?.close();
      await (await served?.catch(() => undefined))?.close();
    });

    it('serves the policy as a header', async () => {
      const site = await served;
      const response = await fetch(site.url('/'));
      expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it.each(kinds)('$kind ($path) loads with no CSP violation', async ({ path, ready }) => {
      const site = await served;
      const page = await watched.context.newPage();
      try {
        await page.goto(site.url(path));
        if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
        await page.waitForLoadState('load');
        expect(await watched.violations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('search finds results under the policy (Pagefind WebAssembly and worker allowed)', async () => {
      const site = await served;
      const page = await watched.context.newPage();
      try {
        await page.goto(site.url('/tim-kiem/?q=cong+doan'));
        await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 30_000 });
        expect(Number(await page.getAttribute('[data-search-app]', 'data-total'))).toBeGreaterThan(0);
        expect(await page.locator('[data-result-url]').count()).toBeGreaterThan(0);
        // A second search from the form, as a reader would.
        await page.fill('#search-q', 'Bằng khen');
        await page.press('#search-q', 'Enter');
        await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Bằng khen');
        await page.waitForSelector('[data-search-app][data-state="ready"]');
        expect(Number(await page.getAttribute('[data-search-app]', 'data-total'))).toBeGreaterThan(0);
        expect(await watched.violations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
}
