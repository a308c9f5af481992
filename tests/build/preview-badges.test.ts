/**
 * `npm run dev` is the editors' preview: drafts and scheduled articles are listed and each is
 * marked ("Bản nháp", "Hẹn giờ đăng …"). The dev server runs in an isolated Astro root
 * (scripts/lib/isolated-build.ts) on a copy of the bundled content plus one draft and one
 * scheduled article, and the pages are fetched over loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareIsolatedRoot } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'preview-'));
const contentDir = join(work, 'content');
const buildDir = join(projectRoot, '.build-tmp/preview-badges');
const port = 4500 + Math.floor(Math.random() * 400);
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let log = '';

const article = (title: string, extra: string) =>
  `---\ntitle: ${title}\nsummary: Tóm tắt ${title.toLowerCase()}.\n${extra}\n---\n\nNội dung.\n`;

/** The environment of an editor's `npm run dev`: not vitest's (NODE_ENV=test, VITEST…). */
function devEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of Object.keys(env))
    if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key];
  return env;
}

/** Fetch `path` until its HTML contains `text` (the dev server sees an edit a moment after it is written). */
async function eventually(path: string, text: string): Promise<string> {
  let html = '';
  for (let i = 0; i < 120 && !html.includes(text); i++) {
    if (i) await new Promise((ok) => setTimeout(ok, 250));
    html = await fetch(`${origin}${path}`).then((r) => r.text());
  }
  return html;
}

async function get(path: string): Promise<string> {
  const response = await fetch(`${origin}${path}`);
  expect(response.status, `${path}\n${log.slice(-2000)}`).toBe(200);
  return response.text();
}

beforeAll(async () => {
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  writeFileSync(
    join(contentDir, 'news/bai-nhap-thu.md'),
    article('Bài nháp thử', 'publishedAt: 2024-05-01T08:00:00+07:00\ndraft: true'),
  );
  writeFileSync(
    join(contentDir, 'news/bai-hen-gio-thu.md'),
    article('Bài hẹn giờ thử', 'publishedAt: 2099-01-02T08:30:00+07:00'),
  );
  // A published article linking to the draft, the scheduled article and a page that does not exist:
  // the build would refuse these links; the preview marks them.
  writeFileSync(
    join(contentDir, 'news/bai-lien-ket-thu.md'),
    `---\ntitle: Bài liên kết thử\nsummary: Tóm tắt.\npublishedAt: 2024-05-02T08:00:00+07:00\n---\n\nXem [bản nháp](/tin-tuc/bai-nhap-thu/), [bài hẹn giờ](/tin-tuc/bai-hen-gio-thu/) và [trang lạ](/trang-khong-co/).\n`,
  );
  // A draft holding raw HTML outside the content policy: the guard does not run in preview, the
  // Markdown pipeline still renders it as text.
  writeFileSync(
    join(contentDir, 'news/bai-nhap-html-thu.md'),
    `---\ntitle: Bài nháp HTML thử\nsummary: Tóm tắt.\ndraft: true\n---\n\n<script>window.chayMa = 1</script>\n\n<iframe src="https://evil.example/"></iframe>\n\n[bấm](javascript:alert(1)) <b onclick="alert(1)">đậm</b>\n`,
  );
  // The article the edit test changes, naming the unit whose name it changes.
  writeFileSync(
    join(contentDir, 'news/bai-sua-thu.md'),
    `---\ntitle: Bài sửa thử\nsummary: Tóm tắt.\npublishedAt: 2024-05-03T08:00:00+07:00\nunits:\n  - to-cong-doan-thanh-tra-va-khieu-to\n---\n\nNội dung.\n`,
  );
  const { rootDir } = prepareIsolatedRoot({ workDir: buildDir });
  server = spawn(
    process.execPath,
    [
      join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--root',
      rootDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd: projectRoot, env: devEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  // Ready once it serves the news list (it answers 404 while it is still starting).
  for (let i = 0; i < 240; i++) {
    const status = await fetch(`${origin}/tin-tuc/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error(`astro dev did not start:\n${log.slice(-4000)}`);
}, 180_000);

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

describe('npm run dev previews unpublished articles, marked as such', () => {
  it('the news list shows the draft and the scheduled article with their badges', async () => {
    const html = await get('/tin-tuc/');
    expect(html).toContain('Bài nháp thử');
    expect(html).toContain('Bài hẹn giờ thử');
    expect(html).toMatch(/class="publication-badge draft[^"]*"[^>]*>\s*Bản nháp\s*</);
    expect(html).toMatch(/class="publication-badge scheduled[^"]*"[^>]*>\s*Hẹn giờ đăng 02\/01\/2099 08:30\s*</);
  });

  it.each([
    ['/tin-tuc/bai-nhap-thu/', /Bản nháp/],
    ['/tin-tuc/bai-hen-gio-thu/', /Hẹn giờ đăng 02\/01\/2099 08:30/],
  ])('%s is marked', async (path, badge) => {
    expect(await get(path)).toMatch(badge);
  });

  it('published articles carry no badge', async () => {
    const html = await get('/tin-tuc/cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024/');
    const header = /<header class="article-header"[\s\S]*?<\/header>/.exec(html)?.[0];
    expect(header).toContain('Công đoàn VKSND tối cao');
    expect(header).not.toMatch(/class="publication-badge/);
  });

  it("marks the links the build would refuse on the article's page, with the guard's message", async () => {
    const html = await get('/tin-tuc/bai-lien-ket-thu/');
    const note = /<aside class="preview-link-warnings[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect(note).toContain('Xem thử:');
    const text = note.replace(/&quot;|&#34;/g, '"');
    expect(text).toContain('liên kết "/tin-tuc/bai-nhap-thu/" trỏ tới bài "bai-nhap-thu" còn là bản nháp');
    expect(note).toContain('được hẹn giờ, chưa đến giờ đăng');
    expect(note).toContain('trỏ tới một trang không có trên trang web');
    // A published article without such links carries no note.
    expect(await get('/tin-tuc/cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024/')).not.toContain(
      '<aside class="preview-link-warnings',
    );
  });

  it('renders raw HTML outside the policy as text even in preview, where the guard does not run', async () => {
    const html = await get('/tin-tuc/bai-nhap-html-thu/');
    const body = /<div class="prose"[^>]*>([\s\S]*?)<footer class="article-footer"/.exec(html)?.[1] ?? '';
    expect(body).toContain('&lt;script&gt;window.chayMa = 1');
    // Parsed with a real HTML parser: no script or frame element, no handler, no javascript: URL.
    const elements: { tagName: string; properties: Record<string, unknown> }[] = [];
    const walk = (node: {
      type: string;
      tagName?: string;
      properties?: Record<string, unknown>;
      children?: unknown[];
    }) => {
      if (node.type === 'element') elements.push({ tagName: node.tagName!, properties: node.properties ?? {} });
      (node.children as (typeof node)[] | undefined)?.forEach(walk);
    };
    walk(unified().use(rehypeParse, { fragment: true }).parse(body));
    expect(elements.map((e) => e.tagName)).toEqual(expect.arrayContaining(['p', 'a']));
    expect(elements.filter((e) => ['script', 'iframe'].includes(e.tagName))).toEqual([]);
    for (const { tagName, properties } of elements) {
      expect(
        Object.keys(properties).filter((k) => /^on/i.test(k)),
        tagName,
      ).toEqual([]);
      expect(String(properties.href ?? ''), tagName).not.toMatch(/^javascript:/i);
    }
  });

  it('serves the web editor and its generated configuration', async () => {
    expect(await get('/admin/config.yml')).toMatch(/^collections:/m);
    expect(await get('/admin/')).toContain('/admin/sveltia-cms.js');
  });

  // The site index is kept between requests and built again when the content changes
  // (src/site/content.ts): an edit must show at the next reload, on every page that shows it.
  it("shows an edited article's title and a unit's new name on the article naming the unit", async () => {
    const path = '/tin-tuc/bai-sua-thu/';
    expect(await get(path)).toContain('Tổ công đoàn Thanh tra &amp; Khiếu tố');
    const articleFile = join(contentDir, 'news/bai-sua-thu.md');
    writeFileSync(
      articleFile,
      readFileSync(articleFile, 'utf8')
        .replace('title: Bài sửa thử', 'title: Bài đã sửa thử')
        .replace('Nội dung.', 'Nội dung đã sửa.'),
    );
    expect(await eventually(path, 'Bài đã sửa thử'), log.slice(-2000)).toContain('Bài đã sửa thử');
    // The body too (in dev it is rendered on request, src/content.config.ts).
    expect(await eventually(path, 'Nội dung đã sửa.')).toContain('Nội dung đã sửa.');
    expect(await get('/tin-tuc/')).toContain('Bài đã sửa thử');
    const unitFile = join(contentDir, 'units/to-cong-doan-thanh-tra-va-khieu-to.md');
    writeFileSync(
      unitFile,
      readFileSync(unitFile, 'utf8').replace(
        'name: Tổ công đoàn Thanh tra & Khiếu tố',
        'name: Tổ công đoàn Kiểm sát thử',
      ),
    );
    const html = await eventually(path, 'Tổ công đoàn Kiểm sát thử');
    expect(html, log.slice(-2000)).toContain('Tổ công đoàn Kiểm sát thử');
    expect(html).not.toContain('Tổ công đoàn Thanh tra &amp; Khiếu tố');
  });
});
