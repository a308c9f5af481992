/**
 * Publishing on a fixture content tree (tests/fixtures/publishing/content) that holds, besides
 * published articles, a draft, an article scheduled after the build's clock, one scheduled just
 * before it (so published) and a draft award record. Built once with buildSite(); every check
 * reads the built files: feeds through a real feed parser (feedsmith), the sitemap against the
 * pages on disk, and every file of the output (Pagefind's compressed index included) for leaks.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasNoindex, pathOfHtmlFile } from '../../src/lib/sitemap';
import { buildSite } from '../support/build-site';
import { projectRoot } from '../support/paths';

const SITE = 'https://congdoan.example.vn';
const fixture = resolve(projectRoot, 'tests/fixtures/publishing/content');
const outDir = resolve(projectRoot, '.build-tmp/publishing-dist');
const shareCache = mkdtempSync(join(tmpdir(), 'share-cache-'));

const PUBLISHED = ['bai-co-anh-hero', 'bai-khong-anh', 'bai-mdx', 'bai-vua-den-gio'];
/** What must never appear anywhere: words of the draft, the scheduled article and the draft award. */
const HIDDEN = {
  draft: ['Nhapkinxyz', 'ban-nhap-bi-mat', 'nhapkinxyz'],
  scheduled: ['Henchuaxyz', 'bai-hen-gio', 'henchuaxyz', 'luu-tru/2026/12'],
  'draft award': ['Khenthuongnhapxyz', '2023-co-thi-dua-nhap', 'khenthuongnhapxyz'],
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false });

let files: string[] = [];

beforeAll(() => {
  const { status, output } = buildSite(outDir, {
    CONTENT_DIR: fixture,
    SITE_NOW: '2026-11-01T00:00:00+07:00',
    SHARE_IMAGE_CACHE: shareCache,
  });
  if (status !== 0) throw new Error(`Fixture build failed:\n${output.slice(-6000)}`);
  files = walk(outDir);
});

afterAll(() => rmSync(shareCache, { recursive: true, force: true }));

describe('drafts and scheduled articles leak nowhere', () => {
  /** Text of every output file; Pagefind's gzip-compressed index and fragments decompressed. */
  const contents = () =>
    files.map((f) => {
      const raw = readFileSync(f);
      const text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      return { file: relative(outDir, f), text };
    });

  it.each(Object.entries(HIDDEN))('%s: not in any page, feed, sitemap, image name or search index file', (_kind, needles) => {
    const leaks = contents().flatMap(({ file, text }) =>
      needles.filter((n) => text.includes(n) || file.includes(n)).map((n) => `${file}: ${n}`),
    );
    expect(leaks).toEqual([]);
  });

  it('the checks can see what they look for: published words are found in the search fragments and feeds', () => {
    const fragments = contents().filter((c) => c.file.startsWith('pagefind/fragment/'));
    expect(fragments.length).toBeGreaterThanOrEqual(PUBLISHED.length);
    expect(fragments.some((c) => c.text.includes('Denhenvuaqua'))).toBe(true);
    expect(read('rss.xml')).toContain('Denhenvuaqua');
  });

  it('no page exists for them, nor for their tags, authors or months', () => {
    for (const path of ['tin-tuc/ban-nhap-bi-mat', 'tin-tuc/bai-hen-gio', 'luu-tru/2026/12', 'khen-thuong/2023-co-thi-dua-nhap']) {
      expect(existsSync(join(outDir, path)), path).toBe(false);
    }
    for (const path of PUBLISHED.map((id) => `tin-tuc/${id}/index.html`)) expect(existsSync(join(outDir, path)), path).toBe(true);
  });
});

describe('feeds, read by a feed parser', () => {
  it('the site feed carries every published article with its full content and absolute URLs', () => {
    const feed = parseRssFeed(read('rss.xml'));
    expect(feed.title).toBe('Tin Công đoàn');
    expect(feed.language).toBe('vi-VN');
    const items = feed.items ?? [];
    expect(items.map((i) => i.link)).toEqual(
      ['bai-vua-den-gio', 'bai-mdx', 'bai-khong-anh', 'bai-co-anh-hero'].map((id) => `${SITE}/tin-tuc/${id}/`),
    );
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.description).toBeTruthy();
      expect(new Date(item.pubDate!).getTime()).not.toBeNaN();
      const html = item.content?.encoded ?? '';
      expect(html.length).toBeGreaterThan(40);
      // Every src/href is absolute.
      for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^https?:\/\//);
    }
    const withHero = items.find((i) => i.link?.endsWith('/bai-co-anh-hero/'))!;
    const images = [...withHero.content!.encoded!.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(images.length).toBe(2); // the hero and the image in the body
    for (const src of images) {
      expect(src.startsWith(`${SITE}/_astro/`)).toBe(true);
      expect(existsSync(join(outDir, new URL(src).pathname)), src).toBe(true);
    }
    expect(withHero.content!.encoded).toContain(`href="${SITE}/don-vi/lien-doan-lao-dong-tinh-thu-nghiem/"`);
    expect(withHero.dc?.creators ?? withHero.dc?.creator).toBeTruthy();
    // MDX renders through Astro: the expression is evaluated.
    expect(items.find((i) => i.link?.endsWith('/bai-mdx/'))!.content!.encoded).toContain('52 đoàn viên');
  });

  it("a unit's feed carries its news and the awards it received", () => {
    const feed = parseRssFeed(read('don-vi/cong-doan-co-so-thu-nghiem/rss.xml'));
    expect(feed.link).toBe(`${SITE}/don-vi/cong-doan-co-so-thu-nghiem/`);
    const links = (feed.items ?? []).map((i) => i.link);
    expect(links).toEqual([
      `${SITE}/tin-tuc/bai-vua-den-gio/`,
      `${SITE}/tin-tuc/bai-mdx/`,
      `${SITE}/tin-tuc/bai-khong-anh/`,
      `${SITE}/tin-tuc/bai-co-anh-hero/`,
      // Decision of 20/01/2024 comes before the articles of 2024.
      `${SITE}/khen-thuong/2023-bang-khen-ldld-thu-nghiem-cdcs-thu-nghiem/`,
    ]);
    const award = feed.items!.at(-1)!;
    expect(award.title).toBe('Bằng khen “Hoàn thành xuất sắc nhiệm vụ” của Liên đoàn Lao động tỉnh Thử Nghiệm (2023)');
    expect(award.content?.encoded).toContain('15/QĐ-LĐLĐ');
  });

  it('every unit has a feed, and the parent unit has only what names it', () => {
    const feed = parseRssFeed(read('don-vi/lien-doan-lao-dong-tinh-thu-nghiem/rss.xml'));
    expect((feed.items ?? []).map((i) => i.link)).toEqual([`${SITE}/tin-tuc/bai-co-anh-hero/`]);
  });
});

describe('sitemap and robots.txt', () => {
  const sitemapUrls = () => {
    const index = xml.parse(read('sitemap-index.xml'));
    const maps = [index.sitemapindex.sitemap].flat();
    return maps.flatMap((m: { loc: string }) => {
      const set = xml.parse(read(new URL(m.loc).pathname));
      return [set.urlset.url ?? []].flat().map((u: { loc: string }) => u.loc);
    });
  };

  it('lists every public page and nothing else', () => {
    const pages = files
      .filter((f) => f.endsWith('.html') && !relative(outDir, f).startsWith('pagefind'))
      .map((f) => ({ path: pathOfHtmlFile(relative(outDir, f)), noindex: hasNoindex(readFileSync(f, 'utf8')) }));
    const expected = pages
      .filter((p) => !p.noindex && !p.path.startsWith('/admin/') && p.path !== '/404.html')
      .map((p) => `${SITE}${p.path}`)
      .sort();
    const listed = sitemapUrls();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(expected);
    // Sanity: the lists are not trivially equal.
    expect(listed).toEqual(expect.arrayContaining(PUBLISHED.map((id) => `${SITE}/tin-tuc/${id}/`)));
    expect(listed).toContain(`${SITE}/don-vi/cong-doan-co-so-thu-nghiem/`);
    expect(listed).toContain(`${SITE}/chu-de/thi-dua/`);
    expect(listed).toContain(`${SITE}/luu-tru/2024/05/`);
    expect(listed.some((u) => /\/admin\/|404|tim-kiem/.test(u))).toBe(false);
  });

  it('robots.txt points at the sitemap with the site URL and keeps robots out of the CMS', () => {
    const robots = read('robots.txt');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toMatch(/^User-agent: \*$/m);
  });
});

describe('share images', () => {
  it('one generated 1200×630 PNG per published article without a hero image, cached between builds', async () => {
    const generated = readdirSync(join(outDir, 'anh-chia-se')).sort();
    expect(generated).toEqual(['bai-khong-anh.png', 'bai-mdx.png', 'bai-vua-den-gio.png']);
    for (const f of generated) {
      const meta = await sharp(join(outDir, 'anh-chia-se', f)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    }
    // The cache holds content-hash names, one per image.
    const cached = readdirSync(shareCache);
    expect(cached).toHaveLength(3);
    for (const f of cached) expect(f).toMatch(/^[0-9a-f]{20}\.png$/);
    expect(statSync(join(shareCache, cached[0]!)).size).toBeGreaterThan(5000);
  });
});

describe('taxonomies and archives', () => {
  it.each([
    ['chu-de/thi-dua/index.html', ['bai-co-anh-hero', 'bai-khong-anh', 'bai-vua-den-gio'], ['bai-mdx']],
    ['chuyen-muc/hoat-dong-cong-doan/index.html', ['bai-khong-anh', 'bai-mdx'], ['bai-co-anh-hero']],
    ['tac-gia/nguyen-van-thu/index.html', ['bai-co-anh-hero'], ['bai-mdx']],
    ['luu-tru/2024/index.html', ['bai-co-anh-hero', 'bai-khong-anh', 'bai-mdx'], ['bai-vua-den-gio']],
    ['luu-tru/2024/05/index.html', ['bai-co-anh-hero'], ['bai-khong-anh']],
    ['luu-tru/2026/10/index.html', ['bai-vua-den-gio'], ['bai-mdx']],
  ])('%s lists its articles', (page, present, absent) => {
    const html = read(page);
    for (const id of present) expect(html).toContain(`href="/tin-tuc/${id}/"`);
    for (const id of absent) expect(html).not.toContain(`href="/tin-tuc/${id}/"`);
  });
});
