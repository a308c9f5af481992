/**
 * The web editor at /admin in Debian's Chromium, served from the built site under a strict
 * Content-Security-Policy: it loads with no console error and no request leaving the site,
 * shows the three collections, and opens the article form with the fields of the news schema.
 *
 * Sveltia's "test-repo" backend (an in-browser repository) stands in for GitHub, which this
 * machine cannot reach: the built config.yml is served as it is, with only its backend swapped.
 * The built config (GitHub backend) is also loaded, to check both sign-in paths are offered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { siteConfigFromData } from '#src/model/site-config.ts';
import { ADMIN_CSP, ADMIN_CSP_META } from '#src/publishing/security-headers.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { projectRoot, testDist } from '../../scripts/lib/paths.ts';

let site: StaticServer;
let browser: Browser;
const builtConfig = () => readFileSync(join(testDist, 'admin/config.yml'), 'utf8');

beforeAll(async () => {
  site = await serveStatic(testDist, { headers: { 'content-security-policy': ADMIN_CSP } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Watched {
  page: Page;
  problems: string[];
}

/** A Vietnamese-speaking editor's page, recording console errors, page errors and off-site requests. */
async function openAdmin(backend?: Record<string, unknown>): Promise<Watched> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(site.origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
      problems.push(`off-site request: ${r.url()}`);
    }
  });
  // GitHub's status API is called before sign-in; this machine has no Internet, so answer it.
  await context.route('https://www.githubstatus.com/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"status":{"indicator":"none"}}' }),
  );
  if (backend) {
    const config = parse(builtConfig());
    config.backend = backend;
    // As src/editor/cms-config.ts writes it for a backend without Sveltia's editorial workflow.
    for (const collection of config.collections) delete collection.publish_mode;
    await page.route(
      (url) => url.pathname === '/admin/config.yml',
      (route) => route.fulfill({ contentType: 'application/yaml', body: stringify(config) }),
    );
  }
  await page.goto(site.url('/admin/'));
  return { page, problems };
}

describe('/admin (Sveltia CMS)', () => {
  it('serves the generated configuration and the self-hosted editor, with no CDN', () => {
    const html = readFileSync(join(testDist, 'admin/index.html'), 'utf8');
    expect(html).toContain('<script defer src="/admin/sveltia-cms.js"></script>');
    expect(html).toMatch(/rel="cms-config-url"/);
    expect(html).toMatch(/noindex/);
    // Nothing loaded from elsewhere (the CSP meta names the backend's hosts: allowed, not loaded).
    const loaded = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(loaded).not.toMatch(/unpkg|jsdelivr|https?:\/\/(?!congdoan)/);
    expect(parse(builtConfig()).collections.map((c: { name: string }) => c.name)).toEqual([
      'news',
      'news-mdx',
      'awards',
      'units',
      'settings',
    ]);
    const bundle = readFileSync(join(testDist, 'admin/sveltia-cms.js'), 'utf8');
    expect(bundle).not.toContain('cdn.jsdelivr.net');
  });

  it('carries its own Content-Security-Policy in a meta, first in <head>, enforced without any header', async () => {
    const html = readFileSync(join(testDist, 'admin/index.html'), 'utf8');
    const head = /<head>([\s\S]*?)<\/head>/.exec(html)![1]!;
    const metas = [...head.matchAll(/<meta [^>]*>/g)].map((m) => m[0]);
    expect(metas[0]).toMatch(/charset="utf-8"/);
    expect(metas[1]).toMatch(/^<meta http-equiv="Content-Security-Policy" content="/);
    const content = /content="([^"]*)"/
      .exec(metas[1]!)![1]!
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
    expect(content).toBe(ADMIN_CSP_META);
    // A host that ignores _headers: the meta alone stops a request to a host that is not the backend.
    const bare = await serveStatic(testDist);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
      await page.goto(bare.url('/admin/'));
      const blocked = await page.evaluate(
        () =>
          new Promise<string>((done) => {
            document.addEventListener('securitypolicyviolation', (e) => done(`${e.violatedDirective} ${e.blockedURI}`));
            void fetch('https://gitlab.example/api/v4').catch(() => undefined);
          }),
      );
      expect(blocked).toBe('connect-src https://gitlab.example/api/v4');
    } finally {
      await context.close();
      await bare.close();
    }
  });

  it('offers GitHub sign-in and the local-repository workflow with the built configuration', async () => {
    const { page, problems } = await openAdmin();
    await expect.poll(() => page.getByRole('button', { name: 'Làm việc với kho mã nguồn cục bộ' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /Đăng nhập bằng.*GitHub/ }).count()).toBe(1);
    expect(await page.title()).toContain('Biên tập nội dung');
    expect(problems.filter((p) => !p.startsWith('off-site request: https://www.githubstatus.com/'))).toEqual([]);
    await page.context().close();
  });

  it('shows the three collections and opens the article form, with no console error under the CSP', async () => {
    const { page, problems } = await openAdmin({ name: 'test-repo' });
    await page.getByRole('button', { name: 'Làm việc với kho mã nguồn thử nghiệm' }).click();

    const nav = page.getByRole('navigation').or(page.locator('body'));
    for (const collection of ['Tin tức', 'Khen thưởng', 'Đơn vị']) {
      await expect.poll(() => nav.getByText(collection, { exact: true }).count()).toBeGreaterThan(0);
    }
    await page.getByRole('button', { name: 'Tạo bài viết mới' }).first().click();

    // Labels come from src/editor/cms-config.ts, fields from src/model/schemas/news.ts.
    for (const label of [
      'Tiêu đề',
      'Tóm tắt',
      'Ngày giờ đăng',
      'Đơn vị liên quan',
      'Khen thưởng được công bố',
      'Chuyên mục',
      'Ảnh đại diện',
      'Bản nháp',
      'Nội dung',
    ]) {
      await expect.poll(() => page.getByText(label, { exact: true }).count(), { message: label }).toBeGreaterThan(0);
    }
    // The form's heading: "Tạo" + the collection's singular label (Sveltia isolates it with U+2068/U+2069).
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Tạo \u2068?Bài viết/);
    const text = await page.locator('body').innerText();
    // Date-times are entered in Vietnam time whatever the computer's zone.
    expect(text).toContain('(+07:00)');
    expect(text).toContain('Giờ Việt Nam (UTC+7)');
    // The category select's default is shown with its Vietnamese label.
    expect(text).toContain('Tin tức');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('saves a new article filled in the form, with the date-time in +07:00', async () => {
    const { page, problems } = await openAdmin({ name: 'test-repo' });
    await page.getByRole('button', { name: 'Làm việc với kho mã nguồn thử nghiệm' }).click();
    await page.getByRole('button', { name: 'Tạo bài viết mới' }).first().click();
    await page
      .getByRole('textbox', { name: /Tiêu đề/ })
      .first()
      .fill('Đại hội Công đoàn cơ sở nhiệm kỳ 2025–2030');
    await page
      .getByRole('textbox', { name: /Tóm tắt/ })
      .first()
      .fill('Đại hội bầu Ban Chấp hành nhiệm kỳ mới.');
    await page.getByRole('button', { name: 'Hiện tại' }).first().click();
    // The preview pane shows the value as it will be stored.
    await expect.poll(() => page.locator('body').innerText()).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00/);
    // The Markdown editor is rendered when scrolled into view.
    const body = page.getByRole('textbox', { name: /Nội dung/ });
    for (let i = 0; i < 20 && (await body.count()) === 0; i++) {
      await page.mouse.move(300, 500);
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(100);
    }
    await body.first().click();
    await page.keyboard.type('Nội dung bài viết.');
    await expect.poll(() => body.first().innerText()).toContain('Nội dung bài viết.');
    await page.getByRole('button', { name: 'Lưu' }).click();
    // Back to the list: the new article is there.
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toMatch(/có một bài viết/);
    expect(await page.locator('body').innerText()).toContain('Đại hội Công đoàn cơ sở nhiệm kỳ 2025–2030');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('edits the settings page and saves a valid content/site.yaml (local repository)', async () => {
    const { page, problems } = await openAdmin();
    // Sveltia's local-repository workflow asks for a folder (File System Access API); the test
    // hands it a copy of the repository's content in the page's private file system.
    const files: Record<string, string> = {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'content/site.yaml': readFileSync(join(projectRoot, 'content/site.yaml'), 'utf8'),
    };
    for (const id of ['cong-doan-vksnd-tinh-quang-ngai', 'lien-doan-lao-dong-tinh-quang-ngai'])
      files[`content/units/${id}.md`] = readFileSync(join(projectRoot, `content/units/${id}.md`), 'utf8');
    await page.evaluate(async (files) => {
      const root = await navigator.storage.getDirectory();
      const repo = await root.getDirectoryHandle('repo', { create: true });
      for (const [path, text] of Object.entries(files)) {
        const parts = path.split('/');
        let dir = repo;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
      for (const folder of ['news', 'awards'])
        await (await repo.getDirectoryHandle('content')).getDirectoryHandle(folder, { create: true });
      (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => repo;
    }, files);
    await page.getByRole('button', { name: 'Làm việc với kho mã nguồn cục bộ' }).click();
    // The collection in the sidebar, then its one file in the list.
    const settings = page.getByText('Cấu hình trang', { exact: true });
    await settings.first().click();
    await expect.poll(() => settings.count()).toBe(3);
    await settings.last().click();

    const name = page.getByRole('textbox', { name: /Tên trang/ }).first();
    await expect.poll(() => name.inputValue(), { timeout: 20_000 }).toBe('Tin Công đoàn');
    await name.fill('Công đoàn VKSND tỉnh Quảng Ngãi');
    await page.getByRole('button', { name: 'Lưu' }).click();

    const saved = async () =>
      page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        const repo = await root.getDirectoryHandle('repo');
        const content = await repo.getDirectoryHandle('content');
        return (await (await content.getFileHandle('site.yaml')).getFile()).text();
      });
    await expect.poll(saved, { timeout: 20_000 }).toContain('Công đoàn VKSND tỉnh Quảng Ngãi');
    const { config, problems: configProblems } = siteConfigFromData(parse(await saved()), {});
    expect(configProblems).toEqual([]);
    expect(config).toMatchObject({
      name: 'Công đoàn VKSND tỉnh Quảng Ngãi',
      url: 'https://congdoan.example.vn',
      editor: { backend: 'github', repo: 'cong-doan/congdoan-news', branch: 'main' },
    });
    expect(problems.filter((p) => !p.startsWith('off-site request: https://www.githubstatus.com/'))).toEqual([]);
    await page.context().close();
  });
});
