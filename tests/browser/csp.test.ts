/**
 * Gate: the site works in Chromium with its Content-Security-Policy enforced. The built site is
 * served on loopback with the headers of its own _headers file (as a static host would send
 * them); every kind of page loads without a single CSP violation, and search (Pagefind: WebAssembly
 * and a worker) returns results under the policy (tests/support/csp-check.ts, which
 * tests/base-path/deploy-nginx.test.ts runs against nginx serving the base-path build too).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER } from '#src/publishing/security-headers.ts';
import { launchChromium, serveStatic } from '../../scripts/lib/browser.ts';
import { describeSiteUnderPolicy, watchedContext } from '../support/csp-check.ts';
import { headersForPath, parseHeadersFile } from '../support/host-headers.ts';
import { pageKinds } from '../support/page-kinds.ts';
import { testDist } from '../../scripts/lib/paths.ts';

describe('CSP watcher (proven on a page that breaks the policy)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('sees inline script, inline style, style attributes and eval blocked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="vi"><head><title>x</title><style>p{color:red}</style></head><body>' +
        '<p style="color:blue">x</p><script>window.ran = true</script><script src="/eval.js"></script></body></html>',
    );
    writeFileSync(join(dir, 'eval.js'), 'try { eval("window.evaluated = true") } catch {}');
    const server = await serveStatic(dir, { headers: { 'content-security-policy': CSP_HEADER } });
    const { context, violations } = await watchedContext(browser);
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

describeSiteUnderPolicy('the built site under its own policy', testDist, async () => {
  const rules = parseHeadersFile(readFileSync(join(testDist, '_headers'), 'utf8'));
  // Reader's pages and their assets all get the headers of "/*" (the editor's /admin/* differs
  // and is tested in tests/browser/admin.test.ts); the loopback server sends those on every response.
  const headers = headersForPath(rules, '/');
  expect(headers['Content-Security-Policy']).toBe(CSP_HEADER);
  for (const { path } of pageKinds(testDist)) expect(headersForPath(rules, path.replace(/\?.*$/, ''))).toEqual(headers);
  // No HSTS on plain-HTTP loopback: it would only be ignored, and it is not what is under test.
  const { ['Strict-Transport-Security']: _hsts, ...rest } = headers;
  return serveStatic(testDist, { headers: rest });
});
