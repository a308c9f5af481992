/**
 * Crawl mode end to end: the local portal server (tests/support/portal-server.ts) serves five
 * portals (NukeViet listing with a numbered pager, Joomla blog with "Trang sau", a Liferay RSS feed,
 * a WordPress sitemap index, a home-made table site with rel=next) and the troubles of real ones.
 * The crawl imports every allowed article with its pictures, reports each skip and failure with
 * its reason, and a second run fetches no article or picture again and changes no file.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, formatCrawlReport, type CrawlOptions, type CrawlReport } from '#src/importer/crawl/crawl.ts';
import type { Manifest } from '#src/importer/manifest.ts';
import { projectRoot } from '../../../scripts/lib/paths.ts';
import { startPortalServer, type PortalServer } from '../../support/portal-server.ts';

const NODE = join(projectRoot, 'node_modules/.bin/node');
const CLI = join(projectRoot, 'scripts/import.ts');
/** The CLI run without blocking this process (the portal server answers from it). */
const cli = (args: string[]) =>
  new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = execFile(NODE, [CLI, ...args], { cwd: projectRoot, encoding: 'utf8' }, (_error, _stdout, stderr) =>
      resolve({ code: child.exitCode, stderr }),
    );
  });

let server: PortalServer;
let root: string;
const STARTS = [
  '/nukeviet/tin-tuc/',
  '/joomla/index.php/tin-tuc',
  '/liferay/rss',
  '/wordpress/sitemap_index.xml',
  '/homemade/tin-tuc.html',
];
/** Fast and still polite: no delay on the loopback, short backoff; the timeout leaves room for a loaded machine (the server shares the crawler's thread). */
const POLICY = { delayMs: 0, timeoutMs: 1000, retries: 1, backoffMs: 5, concurrency: 4 };

const options = (extra: Partial<CrawlOptions> = {}): CrawlOptions => ({
  starts: STARTS.map((p) => server.url(p)),
  outDir: join(root, 'content', 'news'),
  today: '2026-11-23',
  since: '2016-01-01',
  policy: POLICY,
  maxImageBytes: 1024 * 1024,
  ...extra,
});

/** sha256 of every file under the content folder, by path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const paths = (list: { url: string }[]) => list.map((x) => new URL(x.url).pathname).sort();

let first: CrawlReport;
let firstRequests: string[];
let afterFirst: Record<string, string>;

beforeAll(async () => {
  server = await startPortalServer({ slowMs: 5000, hugeBytes: 3 * 1024 * 1024 });
  root = mkdtempSync(join(tmpdir(), 'crawl-test-'));
  mkdirSync(join(root, 'content', 'news'), { recursive: true });
  first = await crawl(options());
  firstRequests = [...server.requests];
  afterFirst = tree(join(root, 'content'));
});

afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const IMPORTED = [
  '/homemade/anh-lon.html',
  '/homemade/tin-1.html',
  '/homemade/tin-2.html',
  '/joomla/index.php/tin-tuc/hoi-nghi-nguoi-lao-dong', // a 429 first, then the page
  '/joomla/index.php/tin-tuc/phong-trao-thi-dua',
  '/joomla/index.php/tin-tuc/tap-huan-can-bo',
  '/joomla/private/cong-khai.html', // Allow beats the shorter Disallow
  '/liferay/web/guest/tin-tuc/-/asset_publisher/Xk8Pq2/content/tham-giao-vien-vung-cao',
  '/liferay/web/guest/tin-tuc/-/asset_publisher/Xk8Pq2/content/trao-ky-niem-chuong',
  '/nukeviet/tin-tuc/benh-vien-nhan-bang-khen-123.html',
  '/nukeviet/tin-tuc/dai-hoi-cong-doan-co-so-126.html',
  '/nukeviet/tin-tuc/hoi-thao-an-toan-lao-dong-124.html',
  '/nukeviet/tin-tuc/trao-qua-tet-doan-vien-125.html',
  '/wordpress/2023/03/08/ton-vinh-nu-doan-vien/',
  '/wordpress/2023/05/02/mai-am-cong-doan/',
  '/wordpress/2023/06/18/ngay-hoi-cong-nhan/',
];

describe('crawl of five portals', () => {
  it('reads every listing, pager, sitemap and feed', () => {
    expect(paths(first.listings)).toEqual(
      [
        '/homemade/tin-tuc-2.html',
        '/homemade/tin-tuc.html',
        '/joomla/index.php/tin-tuc',
        '/joomla/index.php/tin-tuc', // ?start=3, the "Trang sau" page
        '/liferay/rss',
        '/nukeviet/tin-tuc/',
        '/nukeviet/tin-tuc/page-2/',
        '/wordpress/category-sitemap.xml',
        '/wordpress/post-sitemap.xml',
        '/wordpress/sitemap_index.xml',
      ].sort(),
    );
    expect(first.listings.map((l) => l.kind).sort()).toEqual([
      'feed',
      'html',
      'html',
      'html',
      'html',
      'html',
      'html',
      'sitemap',
      'sitemap',
      'sitemap-index',
    ]);
  });

  it('imports every allowed article, each into a news file', () => {
    expect(paths(first.imported)).toEqual(IMPORTED);
    for (const a of first.imported) {
      const article = a.files.find((f) => f.path.includes(`${join('content', 'news')}`) && f.path.endsWith('.md'));
      expect(article?.outcome, a.url).toBe('created');
      expect(a.title.length, a.url).toBeGreaterThan(10);
    }
    const titles = first.imported.map((a) => a.title);
    expect(titles).toContain('Bệnh viện Đa khoa tỉnh nhận Bằng khen của Tổng Liên đoàn');
    expect(titles).toContain('Ngày hội công nhân Khu công nghiệp năm 2023');
    expect(titles).toContain('Công đoàn ngành Giáo dục thăm giáo viên vùng cao');
    // A page without og:url names the address it was crawled from; one with og:url keeps it.
    const homemade = first.imported.find((a) => a.url.endsWith('/homemade/tin-1.html'))!;
    const file = homemade.files.find((f) => f.path.endsWith('.md'))!.path;
    expect(readFileSync(join(projectRoot, file), 'utf8')).toContain(`url: "${server.url('/homemade/tin-1.html')}"`);
    const nukeviet = first.imported.find((a) => a.url.endsWith('/benh-vien-nhan-bang-khen-123.html'))!;
    const nukevietFile = nukeviet.files.find((f) => f.path.endsWith('.md'))!.path;
    expect(readFileSync(join(projectRoot, nukevietFile), 'utf8')).toContain(
      'url: "https://congdoannamdinh.vn/tin-tuc/benh-vien-nhan-bang-khen-123.html"',
    );
  });

  it('brings the pictures with their alt text, refuses the huge one and the HTML one with reasons', () => {
    const pictures = first.imported.flatMap((a) => a.images.map((i) => ({ ...i, page: new URL(a.url).pathname })));
    const stored = pictures.filter((p) => p.path);
    // One picture per article but the Joomla notice; the page with three keeps one.
    expect(stored).toHaveLength(15);
    expect(pictures).toHaveLength(17);
    for (const p of stored) {
      expect(p.alt, p.src).toBeTruthy();
      const file = join(root, 'content', 'news', p.path!);
      expect(statSync(file).size, p.src).toBeGreaterThan(1000);
    }
    const huge = pictures.find((p) => p.src.endsWith('anh-rat-lon.jpg'))!;
    expect(huge.path).toBeUndefined();
    expect(huge.reason).toMatch(/quá lớn/);
    const fake = pictures.find((p) => p.src.endsWith('khong-phai-anh.jpg'))!;
    expect(fake.outcome).toBe('refused');
    expect(fake.reason).toMatch(/HTML/);
    // The huge picture's download stopped at the cap: the server had more to send.
    const news = readFileSync(join(root, 'content', 'news', 'ngay-hoi-cong-nhan-khu-cong-nghiep-nam-2023.md'), 'utf8');
    expect(news).toMatch(/Công nhân tham gia ngày hội/);
  });

  it('skips robots.txt, off-site, --since and listing pages, each with its reason', () => {
    const byKind = (k: string) => paths(first.skipped.filter((s) => s.kind === k));
    expect(byKind('robots')).toEqual(['/joomla/private/bao-cao-noi-bo.html']);
    expect(byKind('off-site')).toEqual(['/lao-dong/bai-viet-ngoai.html']);
    expect(byKind('before-since')).toEqual([
      '/liferay/web/guest/tin-tuc/-/asset_publisher/Xk8Pq2/content/tong-ket-nam-hoc-2012',
      '/nukeviet/tin-tuc/giai-bong-da-cong-nhan-127.html',
    ]);
    expect(byKind('not-article')).toEqual(['/wordpress/category/tin-tuc/']);
    for (const s of first.skipped) expect(s.reason.length, s.url).toBeGreaterThan(10);
    // The feed dated the 2012 article: it was never fetched.
    expect(firstRequests.some((r) => r.includes('tong-ket-nam-hoc-2012'))).toBe(false);
    expect(firstRequests.some((r) => r.includes('bao-cao-noi-bo'))).toBe(false);
  });

  it('reports each failure with its reason: a 500, a timeout, a redirect loop', () => {
    const reasons = Object.fromEntries(first.failed.map((f) => [new URL(f.url).pathname, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      '/homemade/cham.html',
      '/homemade/loop-a.html',
      '/joomla/index.php/tin-tuc/loi-may-chu',
    ]);
    expect(reasons['/joomla/index.php/tin-tuc/loi-may-chu']).toMatch(/^HTTP 500 \(lỗi máy chủ\) \(thử 2 lần\)$/);
    expect(reasons['/homemade/cham.html']).toMatch(/quá thời gian chờ/);
    expect(reasons['/homemade/loop-a.html']).toMatch(
      /vòng chuyển hướng: .*loop-a\.html → .*loop-b\.html → .*loop-a\.html/,
    );
    // Retries: the 500 twice, the 429 page twice (then imported).
    expect(firstRequests.filter((r) => r.endsWith('/loi-may-chu'))).toHaveLength(2);
    expect(firstRequests.filter((r) => r.endsWith('/hoi-nghi-nguoi-lao-dong'))).toHaveLength(2);
    const summary = formatCrawlReport(first);
    expect(summary).toMatch(/✓ 16 bài nhập được\./);
    expect(summary).toMatch(/✗ 3 lỗi/);
    expect(summary).toMatch(/robots\.txt cấm: 1/);
  });

  it('records each imported URL with its files in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'content', '.import-manifest.json'), 'utf8'));
    const imported = Object.entries(manifest.pages as Record<string, { files: string[] }>).filter(
      ([, r]) => r.files.length > 0,
    );
    expect(imported.map(([u]) => new URL(u).pathname).sort()).toEqual(IMPORTED);
    for (const [url, r] of imported) for (const f of r.files) expect(manifest.files[f].source, url).toBe(url);
  });

  it('a second run fetches no article or picture again and changes nothing', async () => {
    server.reset();
    const second = await crawl(options());
    const fetched = server.requests.map((r) => r.replace(/^GET /, '').split('?')[0]!);
    // Listings, pagers, sitemaps and feeds are read again (they are how new articles are found),
    // the failures are tried again; nothing else.
    expect([...new Set(fetched)].sort()).toEqual(
      [
        '/robots.txt',
        ...new Set(paths(first.listings)),
        '/joomla/index.php/tin-tuc/loi-may-chu',
        '/homemade/cham.html',
        '/homemade/loop-a.html',
        '/homemade/loop-b.html',
      ].sort(),
    );
    expect(second.imported).toEqual([]);
    expect(paths(second.skipped.filter((s) => s.kind === 'already-imported'))).toEqual(IMPORTED);
    expect(tree(join(root, 'content'))).toEqual(afterFirst);
  });

  it('an interrupted crawl resumes: no article fetched twice, the same files in the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crawl-cut-'));
    try {
      const at = (extra: Partial<CrawlOptions>) => options({ outDir: join(dir, 'content', 'news'), ...extra });
      const stop = new AbortController();
      let lines = 0;
      server.reset();
      const cut = await crawl(
        at({
          signal: stop.signal,
          progressEveryMs: 0,
          progress: (line) => {
            if (line.startsWith('Thu thập:') && ++lines === 3) stop.abort();
          },
        }),
      );
      const cutRequests = [...server.requests];
      expect(cut.interrupted).toBe(true);
      expect(cut.imported.length).toBeGreaterThan(0);
      expect(cut.imported.length).toBeLessThan(IMPORTED.length);
      expect(cut.notes.join(' ')).toMatch(/Đã dừng giữa chừng sau \d+\/23 bài; chạy lại cùng lệnh để làm tiếp/);
      server.reset();
      const rest = await crawl(at({}));
      expect([...paths(cut.imported), ...paths(rest.imported)].sort()).toEqual(IMPORTED);
      const articleRequests = (list: string[]) =>
        list.filter((r) => IMPORTED.some((p) => r === `GET ${p}` || r.startsWith(`GET ${p}?`)));
      for (const r of articleRequests(server.requests))
        expect(articleRequests(cutRequests).includes(r) && !r.includes('hoi-nghi-nguoi-lao-dong'), r).toBe(false);
      const news = (t: Record<string, string>) =>
        Object.keys(t)
          .filter((k) => k.startsWith('news'))
          .sort();
      expect(news(tree(join(dir, 'content')))).toEqual(news(afterFirst));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after a hard kill, the journal restores what the manifest had not saved yet: nothing fetched twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crawl-kill-'));
    try {
      const at = options({ starts: [server.url('/nukeviet/tin-tuc/')], outDir: join(dir, 'content', 'news') });
      await crawl(at);
      // As if killed after the pages were written and journaled, before the manifest was saved.
      const manifestPath = join(dir, 'content', '.import-manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      const lines = Object.entries(manifest.pages!)
        .filter(([, r]) => r.files.length > 0)
        .map(([page, record]) => {
          const files = Object.fromEntries(Object.entries(manifest.files).filter(([, e]) => e.source === page));
          for (const k of Object.keys(files)) delete manifest.files[k];
          delete manifest.pages![page];
          return JSON.stringify({ page, record, files });
        });
      expect(lines).toHaveLength(4);
      writeFileSync(manifestPath, JSON.stringify(manifest));
      writeFileSync(`${manifestPath}.journal`, `${lines.join('\n')}\n{"page":"cut sh`);
      const before = Object.keys(tree(join(dir, 'content', 'news'))).sort();
      server.reset();
      const again = await crawl(at);
      expect(again.notes).toContain(
        'Lần thu thập trước bị dừng đột ngột: đã khôi phục 4 trang từ nhật ký vào sổ nhập bài, không tải lại.',
      );
      expect(again.imported).toEqual([]);
      expect(server.requests.filter((r) => r.includes('.html'))).toEqual([]);
      expect(Object.keys(tree(join(dir, 'content', 'news'))).sort()).toEqual(before);
      expect(existsSync(`${manifestPath}.journal`)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--limit caps the articles taken, counting those already imported', async () => {
    server.reset();
    const limited = await crawl(options({ starts: [server.url('/nukeviet/tin-tuc/')], limit: 2 }));
    expect(limited.counts.found).toBe(2);
    expect(limited.imported).toEqual([]);
    expect(limited.skipped.map((s) => s.kind)).toEqual(['already-imported', 'already-imported']);
    expect(limited.notes).toContain('Đã đủ 2 bài theo --limit: không tìm thêm (các trang danh sách sau không đọc).');
    // Two articles found on the first page: its pager is not followed.
    expect(server.requests).not.toContain('GET /nukeviet/tin-tuc/page-2/');
  });

  it('the CLI: progress and summary on stderr, the JSON report, a User-Agent with the version', async () => {
    server.reset();
    const out = join(root, 'cli', 'news');
    const reportFile = join(root, 'cli', 'report.json');
    const run = await cli([
      '--crawl',
      server.url('/nukeviet/tin-tuc/'),
      '--since',
      '01/01/2016',
      '--delay',
      '0',
      '--concurrency',
      '3',
      '--timeout',
      '5',
      '--out-dir',
      out,
      `--report=${reportFile}`,
      '--today',
      '2026-11-23',
    ]);
    expect(run.stderr).toMatch(/Thu thập: 5\/5 bài \(4 nhập, 1 bỏ qua, 0 lỗi\) · [\d.]+ bài\/giây/);
    expect(run.stderr).toMatch(/✓ 4 bài nhập được\./);
    expect(run.stderr).toContain(`Báo cáo đầy đủ (JSON): ${reportFile}`);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as CrawlReport;
    expect(report.since).toBe('2016-01-01');
    expect(report.counts).toMatchObject({ found: 5, imported: 4, skipped: 1, failed: 0 });
    const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string })
      .version;
    expect(server.agents.every((a) => a.startsWith(`congdoan-news-importer/${version} `))).toBe(true);
    expect(server.agents.length).toBe(server.requests.length);
  });

  it('the CLI refuses bad crawl options with a message in Vietnamese (exit code 2)', async () => {
    const cases: [string[], string][] = [
      [['--crawl', 'ftp://x.vn/'], '--crawl cần một địa chỉ http:// hoặc https://, không phải "ftp://x.vn/".'],
      [['--crawl', 'http://x.vn/', '--since', '31/02/2020'], '--since cần một ngày, ví dụ 25/11/2022 hoặc 2022-11-25'],
      [['--crawl', 'http://x.vn/', 'content/a.txt'], 'Không dùng --crawl cùng tệp hoặc thư mục (content/a.txt)'],
      [['--crawl', '--out-dir', 'tin'], '--crawl cần một giá trị.'],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(args)));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]![0].join(' ')).toBe(2);
      expect(run.stderr).toContain(cases[i]![1]);
    });
  });
});
