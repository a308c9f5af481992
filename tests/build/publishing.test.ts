/**
 * Publishing on a fixture content tree (tests/fixtures/publishing/content) that holds, besides
 * published articles, a draft, an article scheduled after the build's clock, one scheduled just
 * before it (so published) and a draft award record. Built once with buildSite(); every check
 * reads the built files: feeds through a real feed parser (feedsmith), the sitemap against the
 * pages on disk, and every file of the output (Pagefind's compressed index included) for leaks.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasNoindex, isOpenDataFile, pathOfHtmlFile } from '#src/publishing/sitemap.ts';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { parseHtml, stylesheetsOf } from '../support/site-gates.ts';

const SITE = 'https://congdoan.example.vn';
const fixture = resolve(projectRoot, 'tests/fixtures/publishing/content');
const outDir = resolve(projectRoot, '.build-tmp/publishing-dist');
const shareCache = mkdtempSync(join(tmpdir(), 'share-cache-'));

const PUBLISHED = ['bai-co-anh-hero', 'bai-khong-anh', 'bai-mdx', 'bai-vua-den-gio'];
/** Enough articles on one tag and in one month for two pages of 20. */
const SERIES = Array.from({ length: 23 }, (_, i) => `bai-chuoi-${String(i + 1).padStart(2, '0')}`);
const seriesArticle = (i: number) => `---
title: Bài trong chuỗi số ${i + 1} về Tháng Công nhân
summary: Bài số ${i + 1} của chuỗi bài về Tháng Công nhân năm 2025.
publishedAt: 2025-03-${String(i + 1).padStart(2, '0')}T08:00:00+07:00
category: dai-hoi-hoi-nghi
tags: [Tháng Công nhân]
---

Nội dung bài số ${i + 1} về Tháng Công nhân.
`;
/** What must never appear anywhere: words of the draft, the scheduled article and the draft award. */
const HIDDEN = {
  draft: ['Nhapkinxyz', 'ban-nhap-bi-mat', 'nhapkinxyz'],
  scheduled: ['Henchuaxyz', 'bai-hen-gio', 'henchuaxyz', 'luu-tru/2026/12'],
  'draft award': ['Khenthuongnhapxyz', '2023-co-thi-dua-nhap', 'khenthuongnhapxyz'],
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false });

let files: string[] = [];

// A stable folder, kept after the run: Astro's content cache (node_modules/.astro) remembers
// each entry's file path, and an entry whose text is unchanged keeps the path it was first
// seen at, so a deleted temporary folder would break later builds of the same articles.
const contentDir = resolve(projectRoot, '.build-tmp/publishing-content');

beforeAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
  cpSync(fixture, contentDir, { recursive: true });
  SERIES.forEach((id, i) => writeFileSync(join(contentDir, 'news', `${id}.md`), seriesArticle(i)));
  const { status, output } = buildSite(outDir, {
    CONTENT_DIR: contentDir,
    SITE_NOW: '2026-11-01T00:00:00+07:00',
    SHARE_IMAGE_CACHE: shareCache,
    // The newest 20 articles without a hero image get their own card, older ones the site's.
    SHARE_IMAGE_LIMIT: '20',
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

  it.each(Object.entries(HIDDEN))(
    '%s: not in any page, feed, sitemap, image name or search index file',
    (_kind, needles) => {
      const leaks = contents().flatMap(({ file, text }) =>
        needles.filter((n) => text.includes(n) || file.includes(n)).map((n) => `${file}: ${n}`),
      );
      expect(leaks).toEqual([]);
    },
  );

  it('the checks can see what they look for: published words are found in the search fragments and feeds', () => {
    // Search fragments, in one folder per shard of the index (pagefind/<shard>/fragment/).
    const fragments = contents().filter((c) => /^pagefind\/(?:[^/]+\/)?fragment\//.test(c.file));
    expect(fragments.length).toBeGreaterThanOrEqual(PUBLISHED.length);
    expect(fragments.some((c) => c.text.includes('Denhenvuaqua'))).toBe(true);
    expect(read('rss.xml')).toContain('Denhenvuaqua');
  });

  it('the draft award is in no open-data file and no dossier .docx (unzipped), which hold the others', async () => {
    const awardsCsv = read('du-lieu/khen-thuong.csv');
    expect(awardsCsv.split('\r\n').length).toBeGreaterThan(2);
    const docx = files.filter((f) => f.endsWith('.docx'));
    expect(docx.length).toBeGreaterThan(0);
    const needles = HIDDEN['draft award'];
    const leaks: string[] = [];
    for (const f of docx) {
      const xml = await (await JSZip.loadAsync(readFileSync(f))).file('word/document.xml')!.async('string');
      leaks.push(...needles.filter((n) => xml.includes(n)).map((n) => `${relative(outDir, f)}: ${n}`));
    }
    expect(leaks).toEqual([]);
  });

  /** The images only the draft, the .mdx draft and the scheduled article use (hero and body). */
  const HIDDEN_IMAGES = [
    'anh-nhap-nhapkinxyz.jpg',
    'anh-than-nhapkinxyz.jpg',
    'anh-mdx-nhapkinxyz.jpg',
    'anh-hen-gio-henchuaxyz.jpg',
    'anh-than-henchuaxyz.jpg',
  ];
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('their images (hero and body, .md and .mdx) are not in _astro/ nor anywhere: by name or by content', () => {
    const astroFiles = files.filter((f) => relative(outDir, f).startsWith('_astro/'));
    // The check can see what it looks for: the published article's hero is processed there.
    expect(astroFiles.some((f) => relative(outDir, f).includes('hoi-nghi'))).toBe(true);
    const hidden = new Map(
      HIDDEN_IMAGES.map((name) => [sha(readFileSync(join(fixture, 'news/images', name))), name] as const),
    );
    const leaks = files.flatMap((f) => {
      const file = relative(outDir, f);
      const byName = HIDDEN_IMAGES.filter((name) => file.includes(name.replace(/\.jpg$/, '')));
      const byContent = hidden.get(sha(readFileSync(f)));
      return [...byName, ...(byContent ? [byContent] : [])].map((name) => `${file}: ${name}`);
    });
    expect(leaks).toEqual([]);
  });

  it("a unit's figures name the draft and the scheduled article: their ids are not printed, a document's name is", () => {
    const page = read('don-vi/cong-doan-co-so-thu-nghiem/index.html');
    expect(page).toContain('Báo cáo tổng kết năm 2022');
    expect(page).not.toContain('ban-nhap-bi-mat');
    expect(page).not.toContain('bai-hen-gio');
  });

  it('no page exists for them, nor for their tags, authors or months', () => {
    for (const path of [
      'tin-tuc/ban-nhap-bi-mat',
      'tin-tuc/bai-hen-gio',
      'luu-tru/2026/12',
      'khen-thuong/2023-co-thi-dua-nhap',
    ]) {
      expect(existsSync(join(outDir, path)), path).toBe(false);
    }
    for (const path of PUBLISHED.map((id) => `tin-tuc/${id}/index.html`))
      expect(existsSync(join(outDir, path)), path).toBe(true);
  });
});

describe('feeds, read by a feed parser', () => {
  it('the site feed carries every published article with its full content and absolute URLs', () => {
    const feed = parseRssFeed(read('rss.xml'));
    expect(feed.title).toBe('Tin Công đoàn');
    expect(feed.language).toBe('vi-VN');
    const items = feed.items ?? [];
    // Newest first: the fixture's article of 31/10/2026, the series of 03/2025, then 2024.
    expect(items.map((i) => i.link)).toEqual(
      ['bai-vua-den-gio', ...[...SERIES].reverse(), 'bai-mdx', 'bai-khong-anh', 'bai-co-anh-hero'].map(
        (id) => `${SITE}/tin-tuc/${id}/`,
      ),
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
    expect(withHero.dc?.creators).toEqual(['Nguyễn Văn Thử, LĐLĐ tỉnh Thử Nghiệm']);
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

  it('lists every public page, the open-data files and nothing else', () => {
    const dataFiles = files.map((f) => relative(outDir, f)).filter(isOpenDataFile);
    expect(dataFiles).toEqual(expect.arrayContaining(['du-lieu/khen-thuong.csv', 'du-lieu/datapackage.json']));
    const pages = files
      .filter((f) => f.endsWith('.html') && !relative(outDir, f).startsWith('pagefind'))
      .map((f) => ({ path: pathOfHtmlFile(relative(outDir, f)), noindex: hasNoindex(readFileSync(f, 'utf8')) }));
    const expected = pages
      .filter((p) => !p.noindex && !p.path.startsWith('/admin/') && p.path !== '/404.html')
      .map((p) => `${SITE}${p.path}`)
      .concat(dataFiles.map((f) => `${SITE}/${f}`))
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
  it('one generated 1200×630 PNG per recent article without a hero image, cached between builds', async () => {
    const generated = readdirSync(join(outDir, 'anh-chia-se')).sort();
    // Newest first: bai-vua-den-gio, then the series from 23 down to 5 (20 in all).
    expect(generated).toEqual(['bai-vua-den-gio', ...SERIES.slice(4)].map((id) => `${id}.png`).sort());
    for (const f of generated) {
      const meta = await sharp(join(outDir, 'anh-chia-se', f)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    }
    // The cache holds content-hash names, one per image.
    const cached = readdirSync(shareCache);
    expect(cached).toHaveLength(20 + 1); // and the site's own card
    for (const f of cached) expect(f).toMatch(/^[0-9a-f]{20}\.png$/);
    expect(statSync(join(shareCache, cached[0]!)).size).toBeGreaterThan(5000);
  });
});

describe('taxonomies and archives', () => {
  it.each([
    ['chu-de/thang-cong-nhan/', 'Chủ đề: Tháng Công nhân'],
    ['luu-tru/2025/03/', 'Lưu trữ tháng 3/2025'],
    ['luu-tru/2025/', 'Lưu trữ năm 2025'],
  ])('%s is paginated: 20 articles, then the rest on trang/2/', (path, title) => {
    const first = read(`${path}index.html`);
    const second = read(`${path}trang/2/index.html`);
    const articles = (html: string) =>
      [...html.matchAll(/<h2><a href="\/tin-tuc\/(bai-chuoi-\d+)\/"/g)].map((m) => m[1]);
    expect(articles(first)).toEqual([...SERIES].reverse().slice(0, 20));
    expect(articles(second)).toEqual([...SERIES].reverse().slice(20));
    expect(first).toContain(`<h1>${title}</h1>`);
    expect(first).toContain(`<link rel="next" href="/${path}trang/2/">`);
    expect(second).toContain(`<link rel="prev" href="/${path}">`);
    expect(second).toContain(`<title>${title} – Trang 2 – Tin Công đoàn</title>`);
    expect(existsSync(join(outDir, path, 'trang/3'))).toBe(false);
  });

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

describe('social and structured metadata', () => {
  const meta = (html: string, key: string) =>
    [...html.matchAll(/<meta\s[^>]*>/g)]
      .map((m) => m[0])
      .find((t) => t.includes(`property="${key}"`) || t.includes(`name="${key}"`))
      ?.match(/content="([^"]*)"/)?.[1];
  const jsonLd = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1]!) as Record<string, unknown>,
    );
  const ofType = (html: string, type: string) => jsonLd(html).find((d) => d['@type'] === type);

  it('every public page names its canonical URL', () => {
    const pages = files.filter((f) => f.endsWith('index.html') && !/^(pagefind|admin)\//.test(relative(outDir, f)));
    expect(pages.length).toBeGreaterThan(20);
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      const url = `${SITE}${pathOfHtmlFile(relative(outDir, f))}`;
      expect(html, url).toContain(`<link rel="canonical" href="${url}">`);
      expect(meta(html, 'og:url'), url).toBe(url);
    }
  });

  it('an article with a hero image shares that image, with its size and alt text', () => {
    const html = read('tin-tuc/bai-co-anh-hero/index.html');
    const image = meta(html, 'og:image')!;
    expect(image).toMatch(new RegExp(`^${SITE}/_astro/.+\\.jpe?g$`));
    expect(existsSync(join(outDir, new URL(image).pathname))).toBe(true);
    expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual(['1200', '675']);
    expect(meta(html, 'og:image:alt')).toBe('Quang cảnh Hội nghị tổng kết');
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image')).toBe(image);
    expect(meta(html, 'article:published_time')).toBe('2024-05-10T09:00:00+07:00');
  });

  it('a recent article without one shares its generated image', () => {
    const html = read('tin-tuc/bai-vua-den-gio/index.html');
    expect(meta(html, 'og:image')).toBe(`${SITE}/anh-chia-se/bai-vua-den-gio.png`);
    expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual(['1200', '630']);
  });

  it.each([
    'tin-tuc/bai-khong-anh/index.html',
    'index.html',
    'chu-de/thi-dua/index.html',
    'don-vi/cong-doan-co-so-thu-nghiem/index.html',
  ])('%s (an older article, or not an article) shares the site image', async (page) => {
    const html = read(page);
    expect(meta(html, 'og:image')).toBe(`${SITE}/anh-chia-se.png`);
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    const png = await sharp(join(outDir, 'anh-chia-se.png')).metadata();
    expect([png.format, png.width, png.height]).toEqual(['png', 1200, 630]);
  });

  it('articles carry NewsArticle JSON-LD', () => {
    const ld = ofType(read('tin-tuc/bai-co-anh-hero/index.html'), 'NewsArticle')!;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Hội nghị tổng kết công tác công đoàn năm 2023 của Công đoàn Văn phòng tỉnh',
      datePublished: '2024-05-10T09:00:00+07:00',
      inLanguage: 'vi-VN',
      mainEntityOfPage: { '@id': `${SITE}/tin-tuc/bai-co-anh-hero/` },
      publisher: { '@type': 'Organization', name: 'Tin Công đoàn' },
      author: { '@type': 'Person', url: `${SITE}/tac-gia/nguyen-van-thu/` },
    });
    expect((ld.image as string[])[0]).toBe(meta(read('tin-tuc/bai-co-anh-hero/index.html'), 'og:image'));
  });

  it.each<[string, [string, string][]]>([
    [
      'tin-tuc/bai-co-anh-hero/index.html',
      [
        ['Trang chủ', '/'],
        ['Tin tức', '/tin-tuc/'],
        ['Hội nghị tổng kết công tác công đoàn năm 2023 của Công đoàn Văn phòng tỉnh', '/tin-tuc/bai-co-anh-hero/'],
      ],
    ],
    [
      'don-vi/cong-doan-co-so-thu-nghiem/index.html',
      [
        ['Trang chủ', '/'],
        ['Đơn vị', '/don-vi/'],
        ['LĐLĐ tỉnh Thử Nghiệm', '/don-vi/lien-doan-lao-dong-tinh-thu-nghiem/'],
        ['Công đoàn Văn phòng tỉnh Thử Nghiệm', '/don-vi/cong-doan-co-so-thu-nghiem/'],
      ],
    ],
  ])('%s carries its trail as BreadcrumbList JSON-LD', (file, crumbs) => {
    expect(ofType(read(file), 'BreadcrumbList')?.itemListElement).toEqual(
      crumbs.map(([name, path], i) => ({ '@type': 'ListItem', position: i + 1, name, item: `${SITE}${path}` })),
    );
  });

  it('units carry Organization JSON-LD with their parent and awards, and link their feed', () => {
    const html = read('don-vi/cong-doan-co-so-thu-nghiem/index.html');
    expect(ofType(html, 'Organization')).toMatchObject({
      name: 'Công đoàn cơ sở Văn phòng tỉnh Thử Nghiệm',
      url: `${SITE}/don-vi/cong-doan-co-so-thu-nghiem/`,
      parentOrganization: {
        '@type': 'Organization',
        name: 'Liên đoàn Lao động tỉnh Thử Nghiệm',
        url: `${SITE}/don-vi/lien-doan-lao-dong-tinh-thu-nghiem/`,
      },
      award: ['Bằng khen “Hoàn thành xuất sắc nhiệm vụ” của Liên đoàn Lao động tỉnh Thử Nghiệm (2023)'],
    });
    expect(html).toContain(`href="${SITE}/don-vi/cong-doan-co-so-thu-nghiem/rss.xml"`);
    expect(ofType(read('don-vi/lien-doan-lao-dong-tinh-thu-nghiem/index.html'), 'Organization')).toMatchObject({
      subOrganization: [{ name: 'Công đoàn cơ sở Văn phòng tỉnh Thử Nghiệm' }],
    });
  });
});

describe('the article page', () => {
  it('shows reading time, links its tags, category and author, and lists related articles', () => {
    const html = read('tin-tuc/bai-co-anh-hero/index.html');
    expect(html).toContain('1 phút đọc');
    expect(html).toContain('href="/chu-de/thi-dua/"');
    expect(html).toContain('href="/chuyen-muc/thi-dua-khen-thuong/"');
    expect(html).toContain('href="/tac-gia/nguyen-van-thu/"');
    const related = html.slice(html.indexOf('id="bai-lien-quan"'));
    // Shares the unit and the tag "thi đua" with both; the MDX article shares only the unit.
    const ids = [...related.matchAll(/href="\/tin-tuc\/([^/]+)\/"/g)].map((m) => m[1]);
    expect(ids.slice(0, 2).sort()).toEqual(['bai-khong-anh', 'bai-vua-den-gio']);
    expect(ids).toContain('bai-mdx');
  });

  it('serves responsive images: srcset, sizes, width and height; lazy below the fold', () => {
    const html = read('tin-tuc/bai-co-anh-hero/index.html');
    const imgs = [...html.matchAll(/<img\s[^>]*>/g)].map((m) => m[0]);
    expect(imgs).toHaveLength(2);
    for (const img of imgs) {
      expect(img).toMatch(/\ssrcset="[^"]*\.webp \d+w, /);
      expect(img).toMatch(/\ssizes="/);
      expect(img).toMatch(/\swidth="\d+"/);
      expect(img).toMatch(/\sheight="\d+"/);
      expect(img).toMatch(/\salt="[^"]+"/);
    }
    expect(imgs[0]).toContain('fetchpriority="high"');
    expect(imgs[1]).toContain('loading="lazy"');
  });
});

/**
 * The rules inside a stylesheet's `@media print { … }` blocks (flat rules and `@page`), selectors
 * without quotes, declarations without spaces: minified and source CSS read alike.
 */
function printRules(css: string): { selectors: string[]; declarations: string }[] {
  const rules: { selectors: string[]; declarations: string }[] = [];
  for (let at = css.indexOf('@media print'); at >= 0; at = css.indexOf('@media print', at + 1)) {
    const open = css.indexOf('{', at);
    let end = open;
    for (let depth = 0; end < css.length; end++) {
      if (css[end] === '{') depth++;
      else if (css[end] === '}' && --depth === 0) break;
    }
    for (const [, prelude, body] of css.slice(open + 1, end).matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      rules.push({
        selectors: prelude!.split(',').map((s) => s.trim().replace(/['"]/g, '')),
        declarations: body!.replace(/\s+/g, ''),
      });
    }
  }
  return rules;
}

describe('print stylesheet', () => {
  it.each([
    ['<link rel="stylesheet" href="/a.css"><link rel="icon" href="/i.svg">', ['/a.css']],
    ['<link rel="preload" as="style" href="/a.css"><link rel="alternate stylesheet" href="/b.css">', []],
    ['<link href="/a.css" rel="Stylesheet"><link rel="stylesheet" href="/b.css">', ['/a.css', '/b.css']],
  ])('finds the stylesheets a page applies: %s', (head, expected) => {
    expect(stylesheetsOf(parseHtml(`<!doctype html><html><head>${head}</head><body></body></html>`))).toEqual(expected);
  });

  it.each([
    ['@media screen{nav{display:none}}', []],
    [
      "@media print {\n  @page { margin: 1cm; }\n  nav, a[href^='#'] { display: none !important; }\n}",
      [
        { selectors: ['@page'], declarations: 'margin:1cm;' },
        { selectors: ['nav', 'a[href^=#]'], declarations: 'display:none!important;' },
      ],
    ],
  ])('reads the print rules of %j', (css, expected) => {
    expect(printRules(css)).toEqual(expected);
  });

  it.each(['tin-tuc/bai-co-anh-hero/index.html', 'tin-tuc/bai-mdx/index.html'])(
    '%s links a stylesheet that prints the article alone',
    (page) => {
      const hrefs = stylesheetsOf(parseHtml(read(page)));
      expect(hrefs.length).toBeGreaterThan(0);
      const rules = hrefs.flatMap((href) => printRules(read(href.replace(/^\//, ''))));
      expect(rules.find((r) => r.selectors.includes('@page'))?.declarations).toMatch(/^margin:/);
      const hidden = rules.filter((r) => r.declarations.includes('display:none!important')).flatMap((r) => r.selectors);
      expect(hidden).toEqual(
        expect.arrayContaining(['header[role=banner]', 'nav', 'footer', '.breadcrumbs', '.related', '.share']),
      );
    },
  );
});
