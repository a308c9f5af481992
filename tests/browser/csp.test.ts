/**
 * Gate: the site works in Chromium with its Content-Security-Policy enforced. The built site is
 * served on loopback with the headers of its own _headers file (as a static host would send
 * them); every kind of page loads without a single CSP violation, and search (Pagefind: WebAssembly
 * and a worker) returns results under the policy.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER } from '#src/publishing/security-headers.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { headersForPath, parseHeadersFile } from '../support/host-headers.ts';
import { pageKinds } from '../support/page-kinds.ts';
import { testDist } from '../../scripts/lib/paths.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** A context that records every CSP violation: the DOM event and Chromium's console report. */
async function watchedContext(): Promise<{ context: BrowserContext; violations: (page: Page) => Promise<string[]> }> {
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

describe('CSP watcher (proven on a page that breaks the policy)', () => {
  it('sees inline script, inline style, style attributes and eval blocked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="vi"><head><title>x</title><style>p{color:red}</style></head><body>' +
        '<p style="color:blue">x</p><script>window.ran = true</script><script src="/eval.js"></script></body></html>',
    );
    writeFileSync(join(dir, 'eval.js'), 'try { eval("window.evaluated = true") } catch {}');
    const server = await serveStatic(dir, { headers: { 'content-security-policy': CSP_HEADER } });
    const { context, violations } = await watchedContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url('/'));
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { evaluated?: boolean }).evaluated)).toBeUndefined();
      const found = await violations(page);
      expect(found.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
      expect(found.some((v) => v.startsWith('style-src-elem blocked inline'))).toBe(true);
      expect(found.some((v) => v.startsWith('style-src-attr blocked inline'))).toBe(true);
      expect(found.some((v) => v.startsWith('script-src blocked eval'))).toBe(true);
    } finally {
      await context.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built site under its own policy', () => {
  const rules = parseHeadersFile(readFileSync(join(testDist, '_headers'), 'utf8'));
  const kinds = pageKinds(testDist);
  let site: StaticServer;
  let watched: Awaited<ReturnType<typeof watchedContext>>;

  beforeAll(async () => {
    // Reader's pages and their assets all get the headers of "/*" (the editor's /admin/* differs
    // and is tested in tests/browser/admin.test.ts); the loopback server sends those on every response.
    const headers = headersForPath(rules, '/');
    expect(headers['Content-Security-Policy']).toBe(CSP_HEADER);
    for (const { path } of kinds) expect(headersForPath(rules, path.replace(/\?.*$/, ''))).toEqual(headers);
    // No HSTS on plain-HTTP loopback: it would only be ignored, and it is not what is under test.
    const { ['Strict-Transport-Security']: _hsts, ...rest } = headers;
    site = await serveStatic(testDist, { headers: rest });
    watched = await watchedContext();
  });
  afterAll(async () => {
    await watched?.context.close();
    await site?.close();
  });

  it('serves the policy as a header', async () => {
    const response = await fetch(site.url('/'));
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(kinds)('$kind ($path) loads with no CSP violation', async ({ path, ready }) => {
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
