/**
 * The web editor of the site built under /congdoan/, served there by nginx (with the editor's own
 * Content-Security-Policy from the generated configuration), in Chromium: it loads its script,
 * fonts and translations from /congdoan/admin/, asks the server for nothing outside the base
 * path and gets no error answer, and shows the collections with Sveltia's in-browser test
 * repository. The full editor tests on the root build: tests/browser/admin.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { TEST_SITE_BASE, testBaseDist } from '../../scripts/lib/paths.ts';
import { startBasePathNginx, type BasePathNginx } from '../support/base-path-site.ts';

let served: BasePathNginx;
let browser: Browser;
beforeAll(async () => {
  served = await startBasePathNginx();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The editor's own files, and the admin page's module script (the front-matter format) that Astro bundles. */
const insideAdmin = (path: string) =>
  path.startsWith(`${TEST_SITE_BASE}admin/`) ||
  path.startsWith(`${TEST_SITE_BASE}_astro/index.astro_astro_type_script_`);

interface Watched {
  page: Page;
  problems: string[];
  /** Paths of the requests made to the site. */
  requested: string[];
}

async function openAdmin(backend?: Record<string, unknown>): Promise<Watched> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems: string[] = [];
  const requested: string[] = [];
  const origin = served.server.origin;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (r.url().startsWith(origin)) requested.push(new URL(r.url()).pathname);
    else if (!/^(blob|data):/.test(r.url())) problems.push(`off-site request: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.url().startsWith(origin) && r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  // GitHub's status API is called before sign-in; this machine has no Internet, so answer it.
  await context.route('https://www.githubstatus.com/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"status":{"indicator":"none"}}' }),
  );
  if (backend) {
    const config = parse(readFileSync(join(testBaseDist, 'admin/config.yml'), 'utf8'));
    config.backend = backend;
    // As src/editor/cms-config.ts writes it for a backend without Sveltia's editorial workflow.
    for (const collection of config.collections) delete collection.publish_mode;
    await page.route(
      (url) => url.pathname === `${TEST_SITE_BASE}admin/config.yml`,
      (route) => route.fulfill({ contentType: 'application/yaml', body: stringify(config) }),
    );
  }
  await page.goto(served.site.url('/admin/'));
  return { page, problems, requested };
}

describe(`the web editor under ${TEST_SITE_BASE}admin/`, () => {
  it('offers GitHub sign-in with the built configuration, loading nothing outside the base path', async () => {
    const { page, problems, requested } = await openAdmin();
    try {
      await expect.poll(() => page.getByRole('button', { name: /Đăng nhập bằng.*GitHub/ }).count()).toBe(1);
      expect(requested).toContain(`${TEST_SITE_BASE}admin/config.yml`);
      expect(requested).toContain(`${TEST_SITE_BASE}admin/sveltia-cms.js`);
      expect(requested.filter((p) => !insideAdmin(p))).toEqual([]);
      expect(problems.filter((p) => !p.startsWith('off-site request: https://www.githubstatus.com/'))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('shows the three collections with the test repository, fonts and translations from the base path', async () => {
    const { page, problems, requested } = await openAdmin({ name: 'test-repo' });
    try {
      await page.getByRole('button', { name: 'Làm việc với kho mã nguồn thử nghiệm' }).click();
      const nav = page.getByRole('navigation').or(page.locator('body'));
      for (const collection of ['Tin tức', 'Khen thưởng', 'Đơn vị']) {
        await expect.poll(() => nav.getByText(collection, { exact: true }).count()).toBeGreaterThan(0);
      }
      await page.waitForLoadState('networkidle');
      expect(requested.some((p) => p.startsWith(`${TEST_SITE_BASE}admin/fonts/`))).toBe(true);
      expect(requested.filter((p) => !insideAdmin(p))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
