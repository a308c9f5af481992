/**
 * Code blocks without inline styles (issue 13, item 8): fenced code in Markdown and MDX is
 * highlighted with classes (Prism, astro.config.mjs) and coloured by src/styles/code.css, so the
 * CSP's style-src 'self' blocks nothing. Shiki, Astro's default, wrote every colour as a style
 * attribute, and the block rendered unstyled under the policy.
 *
 * A tiny tree (the bad-content corpus's valid/ tree plus code blocks) is built in an isolated root
 * and opened in Chromium, with the page's own CSP meta tag, in light and dark mode.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { isolatedBuild } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { findInlineCode, readPages } from '../support/site-gates.ts';

const work = resolve(projectRoot, '.build-tmp/code-blocks-test');
const contentDir = join(work, 'content');
const dist = join(work, 'dist');

const CODE = [
  '',
  'Cấu hình mẫu:',
  '',
  '```js',
  '// Ghi chú',
  'const soDoanVien = 42;',
  'function chao(ten) {',
  '  return `Xin chào ${ten}`;',
  '}',
  '```',
  '',
  '```yaml',
  'ten: "Công đoàn cơ sở"',
  'nam: 2023',
  '```',
  '',
  '```diff',
  '- cũ',
  '+ mới',
  '```',
  '',
  '```ngon-ngu-khong-co',
  'khối của một ngôn ngữ không có',
  '```',
  '',
  '```',
  'khối không ghi ngôn ngữ',
  '```',
  '',
].join('\n');

/** WCAG relative luminance and contrast of two "#rrggbb" colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = hex
      .slice(1)
      .match(/../g)!
      .map((x) => parseInt(x, 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('code blocks', () => {
  let site: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    cpSync(resolve(projectRoot, 'tests/fixtures/bad-content/valid'), contentDir, { recursive: true });
    const article = join(contentDir, 'news/bai-mau.md');
    const text = readFileSync(article, 'utf8');
    writeFileSync(article, text + CODE);
    // The same body as MDX: .mdx goes through the MDX renderer, which highlights on its own.
    writeFileSync(
      join(contentDir, 'news/bai-mdx.mdx'),
      text.replace('title: Công đoàn Văn phòng tỉnh Mẫu tổng kết năm 2022', 'title: Bài MDX có khối mã') + CODE,
    );
    const built = await isolatedBuild({ workDir: work, contentDir, outDir: dist });
    if (built.status !== 0) throw new Error(`build failed:\n${built.output.slice(-4000)}`);
    site = await serveStatic(dist);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const articlePage = (id: string) => readFileSync(join(dist, 'tin-tuc', id, 'index.html'), 'utf8');

  it.each(['bai-mau', 'bai-mdx'])('%s: every block is a <pre class="language-…"> with token classes', (id) => {
    const html = articlePage(id);
    for (const lang of ['js', 'yaml', 'diff', 'ngon-ngu-khong-co', 'plaintext']) {
      expect(html).toContain(`<pre class="language-${lang}" data-language="${lang}">`);
    }
    expect(html).toContain('<span class="token keyword">const</span>');
    expect(html).toContain('<span class="token comment">// Ghi chú</span>');
    expect(html).toContain('khối của một ngôn ngữ không có');
  });

  it('no page, and no feed, has a style attribute or an inline style', () => {
    const pages = readPages(dist);
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['/tin-tuc/bai-mau/', '/tin-tuc/bai-mdx/']));
    expect(pages.flatMap((p) => findInlineCode(p)).map((f) => `${f.page}: ${f.what}`)).toEqual([]);
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).not.toMatch(/style=/);
  });

  it.each(['light', 'dark'] as const)(
    '%s mode: the tokens are coloured by the linked stylesheet, with no CSP violation',
    async (colorScheme) => {
      const context = await browser.newContext({ colorScheme });
      // Init scripts run through the DevTools protocol, outside the page's CSP.
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.effectiveDirective} blocked`));
      });
      const page = await context.newPage();
      const reports: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) reports.push(m.text());
      });
      await page.goto(site.url('/tin-tuc/bai-mau/'));
      const violations = [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...reports];
      expect(violations).toEqual([]);
      const colours = await page.evaluate(() => {
        const colour = (selector: string) => {
          const el = document.querySelector(selector);
          return el ? getComputedStyle(el).color : null;
        };
        const pre = document.querySelector('pre.language-js')!;
        return {
          pre: getComputedStyle(pre).color,
          background: getComputedStyle(pre).backgroundColor,
          body: getComputedStyle(document.body).backgroundColor,
          keyword: colour('pre.language-js .token.keyword'),
          comment: colour('pre.language-js .token.comment'),
          string: colour('pre.language-yaml .token.string'),
          number: colour('pre.language-js .token.number'),
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        };
      });
      await context.close();
      expect(colours.csp).toContain("style-src 'self'");
      const tokenColours = [colours.keyword, colours.comment, colours.string, colours.number];
      // Four token kinds, four colours, none of them the block's plain text colour.
      expect(new Set(tokenColours).size).toBe(4);
      for (const c of tokenColours) expect(c).not.toBe(colours.pre);
      expect(colours.background).not.toBe('rgba(0, 0, 0, 0)');
      const expected = colorScheme === 'light' ? 'rgb(179, 38, 30)' : 'rgb(255, 143, 133)'; // --code-keyword
      expect(colours.keyword).toBe(expected);
    },
  );

  it.each(['light', 'dark'])(
    '%s mode: every colour of src/styles/code.css is at least 4.5:1 on the block',
    (scheme) => {
      const css = readFileSync(resolve(projectRoot, 'src/styles/code.css'), 'utf8');
      const dark = css.indexOf('@media (prefers-color-scheme: dark)');
      const block = scheme === 'light' ? css.slice(0, dark) : css.slice(dark);
      const vars = Object.fromEntries(
        [...block.matchAll(/--code-([a-z]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]),
      );
      expect(Object.keys(vars).length).toBeGreaterThan(8);
      const low = Object.entries(vars)
        .filter(([name]) => name !== 'bg')
        .map(([name, colour]) => [name, Number(contrast(colour, vars.bg!).toFixed(2))] as const)
        .filter(([, ratio]) => ratio < 4.5);
      expect(low).toEqual([]);
    },
  );
});
