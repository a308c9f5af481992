/**
 * Gate: no axe-core violation on any kind of page, in Debian's Chromium, in light mode on a
 * desktop window and in dark mode on a 390 px phone (contrast is checked in both). axe runs with
 * its WCAG 2.x A/AA rules and best practices. The page's own CSP would block the injected axe
 * script, so these contexts bypass CSP; tests/browser/csp.test.ts checks the policy itself.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { pageKinds } from '../support/page-kinds.ts';
import { testDist } from '../../scripts/lib/paths.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, AXE_TAGS);
}

const describeViolations = (vs: AxeViolation[]) =>
  vs.map((v) => {
    const targets = v.nodes.slice(0, 5).map((n) => n.target.join(' '));
    const more = v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : '';
    return `${v.id} (${v.impact}): ${v.help} — ${targets.join(', ')}${more}`;
  });

let browser: Browser;
let site: StaticServer;
const kinds = pageKinds(testDist);

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveStatic(testDist);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('axe checker (proven on a broken page)', () => {
  it('reports missing lang, alt text, button name, label and contrast', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html><head><title>x</title></head><body><main><h1>Lỗi</h1>' +
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button><input type="text">' +
        '<p style="color:#bbb;background:#fff">Chữ nhạt</p></main></body></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(
      expect.arrayContaining(['html-has-lang', 'image-alt', 'button-name', 'label', 'color-contrast']),
    );
    await context.close();
  });
});

describe.each([
  { mode: 'light, desktop', colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } },
  { mode: 'dark, 390 px phone', colorScheme: 'dark' as const, viewport: { width: 390, height: 844 } },
])('every kind of page ($mode)', ({ colorScheme, viewport }) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ bypassCSP: true, colorScheme, viewport, locale: 'vi-VN' });
  });
  afterAll(async () => context?.close());

  it.each(kinds)('$kind ($path) has no axe violation', async ({ path, ready }) => {
    const page = await context.newPage();
    try {
      const response = await page.goto(site.url(path));
      expect(response?.status()).toBe(path.startsWith('/trang-nay') ? 404 : 200);
      if (ready) await page.waitForSelector(ready, { timeout: 30_000 });
      expect(describeViolations(await axeViolations(page))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
