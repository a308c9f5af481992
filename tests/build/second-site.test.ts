/**
 * A second site: another union, with its own configuration (tests/fixtures/second-site/site.yaml),
 * its own owner unit and the base path /congdoan/ taken from that file (no SITE_BASE), built from
 * its own content tree and served by a real nginx with the generated configuration. The owner unit
 * leads the home page, header and footer; the identity, the address and the editor's backend come
 * from the file everywhere (pages, feed, JSON-LD, /admin); every link resolves over HTTP, every
 * kind of response carries its headers, the CSP holds in Chromium and search works under the base.
 */
// First: the environment the modules below read when they load.
import { SECOND_SITE_CONTENT } from '../support/second-site-env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { isolatedBuild } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { startBasePathNginx, type BasePathNginx } from '../support/base-path-site.ts';
import { describeSiteUnderPolicy } from '../support/csp-check.ts';
import { describeServedSite } from '../support/served-site.ts';
import { checkPageMeta, readPages, validateHtml } from '../support/site-gates.ts';

const fixture = SECOND_SITE_CONTENT;
const work = join(projectRoot, '.build-tmp', 'second-site-test');
const dist = join(work, 'dist');
const BASE = '/congdoan/';
const ORIGIN = 'https://vks.laocai.example.gov.vn';
const OWNER = 'cong-doan-vksnd-tinh-lao-cai';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The rules of the site's accessibility gate (tests/browser/a11y.test.ts). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// Built while the file is collected: the served-site and CSP gates list the build's pages when
// they register their tests. The base path and address come from site.yaml (second-site-env.ts).
if (!(process.env.REUSE_TEST_DIST === '1' && existsSync(join(dist, 'index.html')))) {
  const built = await isolatedBuild({ workDir: work, contentDir: fixture, outDir: dist });
  if (built.status !== 0) throw new Error(`The second site must build:\n${built.output.slice(-6000)}`);
}

const html = (path: string) => readFileSync(join(dist, path), 'utf8');

describe('a second site built from its own configuration', () => {
  it('is built for the base path and address of its site.yaml', () => {
    const home = html('index.html');
    expect(home).toContain(`<link rel="canonical" href="${ORIGIN}${BASE}">`);
    expect(home).toMatch(/<link rel="stylesheet" href="\/congdoan\/_astro\/[^"]+\.css">/);
    expect(home).toContain('<title>Công đoàn VKSND tỉnh Lào Cai</title>');
    expect(home).toContain('<meta property="og:site_name" content="Công đoàn VKSND tỉnh Lào Cai">');
    expect(html('robots.txt')).toContain(`Sitemap: ${ORIGIN}${BASE}sitemap-index.xml`);
    // The logo and the share card of site.yaml, under the base path.
    expect(home).toContain(
      '<img class="site-name__logo" src="/congdoan/favicon.svg" alt="Biểu trưng Công đoàn Việt Nam"',
    );
    expect(home).toContain(`<meta property="og:image" content="${ORIGIN}${BASE}favicon.svg">`);
    expect(home).toContain('<meta property="og:image:alt" content="Công đoàn VKSND tỉnh Lào Cai">');
  });

  it('puts its owner unit at the centre of the home page', () => {
    const home = html('index.html');
    const main = home.slice(home.indexOf('<main'), home.indexOf('</main>'));
    expect(main).toMatch(/<h1[^>]*>Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Lào Cai<\/h1>/);
    // Its news (its sub-units' included), newest first, before anything else.
    const news = main.slice(
      main.indexOf('id="tin-don-vi"'),
      main.indexOf('</section>', main.indexOf('id="tin-don-vi"')),
    );
    expect([...news.matchAll(/href="\/congdoan\/tin-tuc\/([^/]+)\/"/g)].map((m) => m[1])).toEqual([
      'hoi-thao-nghiep-vu-kiem-sat-2024',
      'cong-doan-vksnd-tinh-lao-cai-nhan-bang-khen',
      'to-cong-doan-van-phong-tham-hoi-doan-vien',
      'dai-hoi-cong-doan-vksnd-tinh-lao-cai-lan-thu-vii',
    ]);
    expect(main.indexOf('id="tin-don-vi"')).toBeLessThan(main.indexOf('id="khen-thuong-don-vi"'));
    // Its award history, sub-units and contact; the hierarchy one click away.
    expect(main).toContain('Có thành tích xuất sắc trong phong trào thi đua năm 2023');
    expect(main).toContain(`href="${BASE}don-vi/${OWNER}/#lich-su-khen-thuong"`);
    expect(main).toContain(`href="${BASE}don-vi/to-cong-doan-van-phong/">Tổ công đoàn Văn phòng</a>`);
    expect(main).toContain(`href="${BASE}don-vi/to-cong-doan-nghiep-vu/">Tổ công đoàn Nghiệp vụ</a>`);
    expect(main).toContain('0214\u00a03820\u00a0000');
    expect(main).toContain(`href="${BASE}don-vi/lien-doan-lao-dong-tinh-lao-cai/">Liên đoàn Lao động tỉnh Lào Cai</a>`);
    expect(main).toContain(`href="${BASE}don-vi/">Hệ thống tổ chức công đoàn</a>`);
    // Not the portal's national view: news of other units only in the full list.
    expect(news).not.toContain('tap-huan-nghiep-vu-cong-doan-2025');
    expect(main).not.toContain('id="tin-moi"');
  });

  it('builds the header and footer around the owner', () => {
    const page = html(`tin-tuc/dai-hoi-cong-doan-vksnd-tinh-lao-cai-lan-thu-vii/index.html`);
    const nav = page.slice(page.indexOf('aria-label="Điều hướng chính"'), page.indexOf('</nav>'));
    expect([...nav.matchAll(/<a href="([^"]+)"[^>]*>\s*([^<]+?)\s*<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      [`${BASE}don-vi/${OWNER}/`, 'Giới thiệu'],
      [`${BASE}tin-tuc/`, 'Tin tức'],
      [`${BASE}don-vi/`, 'Hệ thống tổ chức'],
      [`${BASE}khen-thuong/`, 'Khen thưởng'],
      [`${BASE}tim-kiem/`, 'Tìm kiếm'],
    ]);
    const footer = page.slice(page.indexOf('<footer'));
    expect(footer).toContain('<strong>Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Lào Cai</strong>');
    expect(footer).toContain('Đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai');
    expect(footer).toContain('href="https://www.facebook.com/congdoanvkslaocai"');
    expect(footer).toContain('Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Lào Cai giữ bản quyền nội dung.');
    // The article's publisher in its JSON-LD is the site.
    expect(page).toMatch(
      /"publisher":\{"@type":"Organization","name":"Công đoàn VKSND tỉnh Lào Cai","url":"https:\/\/vks\.laocai\.example\.gov\.vn\/congdoan\/","logo":\{"@type":"ImageObject","url":"https:\/\/vks\.laocai\.example\.gov\.vn\/congdoan\/favicon\.svg"\}/,
    );
  });

  it('is valid HTML with complete metadata: the owner-centred home, and header and footer on every kind of page', async () => {
    // The whole site's HTML is gated on the bundled site (gates-html.test.ts); here the pages this
    // configuration shapes: the home page, and the chrome around the owner on a page of each kind.
    const shaped = new Set([
      '/',
      '/404.html',
      '/tin-tuc/',
      '/don-vi/',
      `/don-vi/${OWNER}/`,
      '/khen-thuong/',
      '/tim-kiem/',
    ]);
    const pages = readPages(dist).filter((p) => shaped.has(p.path) || /^\/tin-tuc\/[^/]+\/$/.test(p.path));
    expect(pages.length).toBeGreaterThanOrEqual(shaped.size + 5);
    const problems = (await Promise.all(pages.map(validateHtml))).flat();
    expect(problems.map((p) => `${p.page}:${p.line} ${p.rule}: ${p.message}`)).toEqual([]);
    expect(pages.flatMap((page) => checkPageMeta(page).map((p) => `${page.path}: ${JSON.stringify(p)}`))).toEqual([]);
  });

  it('names itself in the feed and points its web editor at its own repository', () => {
    expect(html('rss.xml')).toContain('<title>Công đoàn VKSND tỉnh Lào Cai</title>');
    const cms = parse(html('admin/config.yml'));
    expect(cms.backend).toEqual({
      name: 'gitea',
      repo: 'cong-doan/tin-vks-lao-cai',
      branch: 'main',
      base_url: 'https://git.laocai.example.gov.vn',
    });
    expect(cms.site_url).toBe(`${ORIGIN}${BASE}`);
    expect(cms.collections.map((c: { name: string }) => c.name)).toContain('settings');
  });
});

describe('the second site served by nginx under /congdoan/', () => {
  let started: Promise<BasePathNginx>;
  beforeAll(() => {
    started = startBasePathNginx(dist, BASE);
    started.catch(() => undefined);
  });
  afterAll(async () => {
    await (await started.catch(() => undefined))?.close();
  });

  // Every response case and the link checker over HTTP (the site was built for /congdoan/).
  describeServedSite(BASE, dist, async () => (await started).server, BASE);

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('finds the owner’s articles, tone-free too, with result URLs under the base that open', async () => {
      const { site } = await started;
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      for (const query of ['đại hội', 'dai hoi']) {
        await page.goto(site.url(`/tim-kiem/?q=${encodeURIComponent(query)}`));
        await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 30_000 });
        const urls = await page.$$eval('[data-result-url]', (els) =>
          els.map((e) => e.getAttribute('data-result-url')!),
        );
        expect(urls, query).toContain(`${BASE}tin-tuc/dai-hoi-cong-doan-vksnd-tinh-lao-cai-lan-thu-vii/`);
        expect(urls.every((u) => u.startsWith(BASE))).toBe(true);
      }
      expect(requested.filter((p) => p.includes('pagefind')).every((p) => p.startsWith(`${BASE}pagefind/`))).toBe(true);
      const opened = await page.request.get(site.url('/tin-tuc/dai-hoi-cong-doan-vksnd-tinh-lao-cai-lan-thu-vii/'));
      expect(opened.status()).toBe(200);
      await page.close();
    });

    it.each([
      { mode: 'light, desktop', colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } },
      { mode: 'dark, 390 px phone', colorScheme: 'dark' as const, viewport: { width: 390, height: 844 } },
    ])(
      'the owner-centred home page and an article have no axe violation ($mode)',
      async ({ colorScheme, viewport }) => {
        const { site } = await started;
        // The page's CSP would block the injected axe script (the policy itself: the gate below).
        const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport });
        for (const path of ['/', '/tin-tuc/dai-hoi-cong-doan-vksnd-tinh-lao-cai-lan-thu-vii/']) {
          const page = await context.newPage();
          await page.goto(site.url(path));
          await page.addScriptTag({ path: axePath });
          const violations = await page.evaluate(async (tags) => {
            const axe = (
              window as unknown as {
                axe: {
                  run: (
                    d: Document,
                    o: object,
                  ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
                };
              }
            ).axe;
            const result = await axe.run(document, {
              runOnly: { type: 'tag', values: tags },
              resultTypes: ['violations'],
            });
            return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }, AXE_TAGS);
          expect(violations, path).toEqual([]);
          await page.close();
        }
        await context.close();
      },
    );
  });
});

// The Content-Security-Policy on every kind of page of the second site, under nginx.
describeSiteUnderPolicy('the second site under its Content-Security-Policy, served by nginx', dist, async () => {
  const { site, close } = await startBasePathNginx(dist, BASE);
  return { ...site, close };
});
