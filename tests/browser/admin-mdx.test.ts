/**
 * The MDX articles in the web editor (/admin, Sveltia CMS): a collection of their own over
 * content/news/, beside the .md articles. Saved through Sveltia's local-repository workflow
 * (the browser's File System Access API, handed a folder in the page's private file system):
 * the same serialisation a commit to GitHub, GitLab or Gitea gets, with a file to read back.
 *
 * The repository is the test site's content (tests/fixtures/test-site/ over content/) with the
 * MDX articles of tests/fixtures/admin/news/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_CSP } from '#src/publishing/security-headers.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { projectRoot, testContentDir, testDist } from '../../scripts/lib/paths.ts';

const MDX_FIXTURES = join(projectRoot, 'tests/fixtures/admin/news');

let site: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic(testDist, { headers: { 'content-security-policy': ADMIN_CSP } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every file of a folder, by path relative to it. */
function filesOf(dir: string, prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /\.(jpe?g|png|webp|avif)$/i.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    files[`${prefix}/${relative(dir, path)}`] = readFileSync(path, 'utf8');
  }
  return files;
}

/** The repository handed to the editor: the test site's content and the MDX articles. */
const repository = (): Record<string, string> => ({
  '.git/HEAD': 'ref: refs/heads/main\n',
  ...filesOf(testContentDir, 'content'),
  ...filesOf(MDX_FIXTURES, 'content/news'),
});

interface Editor {
  page: Page;
  problems: string[];
  read: (path: string) => Promise<string>;
}

/** /admin on a local repository held in the page's private file system. */
async function openLocalRepository(files: Record<string, string>): Promise<Editor> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // GitHub's status API is called before sign-in; this machine has no Internet, so answer it.
  await context.route('https://www.githubstatus.com/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"status":{"indicator":"none"}}' }),
  );
  await page.goto(site.url('/admin/'));
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
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => repo;
  }, files);
  await page.getByRole('button', { name: 'Làm việc với kho mã nguồn cục bộ' }).click();
  const read = (path: string) =>
    page.evaluate(async (path) => {
      const parts = path.split('/');
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
    }, path);
  return { page, problems, read };
}

const titleOf = (text: string) => /^title: "?(.*?)"?$/m.exec(text)![1]!;

describe('MDX articles in /admin', () => {
  it('lists every .mdx article of the site in their own collection, and only those', async () => {
    const files = repository();
    const mdx = Object.keys(files).filter((p) => p.endsWith('.mdx'));
    const md = Object.keys(files).filter((p) => p.startsWith('content/news/') && p.endsWith('.md'));
    expect(mdx.length).toBeGreaterThan(1);
    const { page, problems } = await openLocalRepository(files);
    await page.getByText('Tin tức (MDX)', { exact: true }).first().click();
    const list = page.getByRole('main').or(page.locator('body'));
    for (const path of mdx) {
      const title = titleOf(files[path]!);
      await expect.poll(() => list.getByText(title).count(), { message: title }).toBeGreaterThan(0);
    }
    const text = await page.locator('body').innerText();
    for (const path of md) expect(text).not.toContain(titleOf(files[path]!));
    // The collection's note, and no button to start an MDX article (they start as .md).
    expect(text).toContain('giữ nguyên mọi thẻ <…>, dấu {…} và các dòng import/export');
    expect(await page.getByRole('button', { name: /Tạo Bài viết MDX mới/ }).count()).toBe(0);
    expect(problems.filter((p) => !p.includes('githubstatus'))).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['Tin tức (MDX)', 'hien-mau-tinh-nguyen-2024.mdx', 'Nội dung (MDX)'],
    ['Tin tức (MDX)', 'giai-bong-da-cong-doan-2024.mdx', 'Nội dung (MDX)'],
    // A bundled article with YAML comments and its keys in an order of its own.
    ['Tin tức', 'cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024.md', 'Nội dung'],
  ])('%s: opens %s and saves it unchanged, the file stays byte-identical', async (collection, name, bodyLabel) => {
    const files = repository();
    const path = `content/news/${name}`;
    // Sveltia's rich-text editor (the .md body) writes emphasis as _…_ whatever the file had
    // (*…*): the only change it makes to a body it was not asked to change. The MDX body is
    // plain text and compared as it is, like every front matter.
    const comparable = (text: string) =>
      name.endsWith('.md') ? text.replace(/(?<=\n)\*([^*\n]+)\*(?=\n)/g, '_$1_') : text;
    const original = files[path]!;
    const title = titleOf(original);
    const { page, problems, read } = await openLocalRepository(files);
    const open = async (shown: string) => {
      await page.getByText(collection, { exact: true }).first().click();
      await page.getByText(shown, { exact: true }).first().click();
      const titleBox = page.getByRole('textbox', { name: /Tiêu đề/ }).first();
      await expect.poll(() => titleBox.inputValue(), { timeout: 20_000 }).toBe(shown);
      return titleBox;
    };
    const save = page.getByRole('button', { name: 'Lưu' });

    const titleBox = await open(title);
    // The body is shown as written. The editor renders fields as they are scrolled into view.
    const body = page.getByRole('textbox', { name: bodyLabel, exact: true });
    for (let i = 0; i < 20 && (await body.count()) === 0; i++) {
      await page.mouse.move(300, 500);
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(100);
    }
    if (name.endsWith('.mdx')) {
      // Plain text, with the note on what not to touch.
      expect(await body.first().inputValue()).toBe(/\n---\n\n([\s\S]*)\n$/.exec(original)![1]);
      expect(await page.locator('body').innerText()).toContain('Nội dung MDX, sửa dạng văn bản thuần');
    }
    // Opening an MDX article changes nothing: there is nothing to save. (Sveltia's rich-text
    // editor, once it has rendered the .md body, may already count its _…_ as a change.)
    if (name.endsWith('.mdx')) expect(await save.isDisabled()).toBe(true);

    // Sveltia saves only a changed entry: change the title and save (only that line changes),
    // then put it back and save again (the file is the original, byte for byte).
    await titleBox.fill(`${title} (sửa)`);
    await save.click();
    await expect.poll(() => read(path), { timeout: 20_000 }).toContain(`${title} (sửa)`);
    expect(comparable(await read(path))).toBe(comparable(original.replace(title, `${title} (sửa)`)));
    const again = await open(`${title} (sửa)`);
    await again.fill(title);
    await expect.poll(() => save.isDisabled()).toBe(false);
    await save.click();
    await expect.poll(() => read(path), { timeout: 20_000 }).not.toContain(`${title} (sửa)`);
    expect(comparable(await read(path))).toBe(comparable(original));
    expect(problems.filter((p) => !p.includes('githubstatus'))).toEqual([]);
    await page.context().close();
  });
});
