/**
 * The built site (.build-tmp/test-dist, built once by tests/support/global-setup.ts) against
 * the seed content: a page for every article, unit and award record; the award history of
 * Công đoàn cơ sở VKSND tỉnh Quảng Ngãi; and no portal chrome from the raw seeds anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { UNDATED_LABEL } from '#src/model/content-model.ts';
import { routes } from '#src/site/routes.ts';
import { bundledIds } from '../support/bundled-content.ts';
import { projectRoot, testDist } from '../../scripts/lib/paths.ts';

// The seed articles of content/news/ (the test site's overlay adds an imported article with
// pictures, checked by tests/browser/imported-images.test.ts).
const newsIds = bundledIds('news').filter((id) => existsSync(join(projectRoot, 'content/news', `${id}.md`)));
const unitIds = bundledIds('units');
const awardIds = bundledIds('awards');

/** The HTML file that serves a route ("/tin-tuc/x/" → test-dist/tin-tuc/x/index.html). */
const fileOf = (route: string) => join(testDist, decodeURI(route), route.endsWith('/') ? 'index.html' : '');
const read = (route: string) => readFileSync(fileOf(route), 'utf8');

const parse = (html: string) => unified().use(rehypeParse).parse(html) as Root;

const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';

/** Visible text of a node (script and style left out), whitespace collapsed. */
function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (isElement(node) && (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template'))
    return '';
  if ('children' in node) return node.children.map((c) => textOf(c as RootContent)).join(' ');
  return '';
}
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every element with its chain of ancestors (outermost first). */
function* walk(node: Root | Element, ancestors: Element[] = []): Generator<[Element, Element[]]> {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    yield [child, ancestors];
    yield* walk(child, [...ancestors, child]);
  }
}

/** All HTML files of the built site. */
function htmlFiles(dir = testDist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return htmlFiles(p);
    return d.name.endsWith('.html') ? [p] : [];
  });
}

describe('a page for every seed record', () => {
  it('has the content the test expects (5 articles, units, more than ten awards)', () => {
    expect(newsIds).toHaveLength(5);
    expect(unitIds.length).toBeGreaterThanOrEqual(10);
    expect(awardIds.length).toBeGreaterThan(10);
  });

  it.each([
    ...newsIds.map((id) => ['article', routes.article(id)] as const),
    ...unitIds.map((id) => ['unit', routes.unit(id)] as const),
    ...awardIds.map((id) => ['award', routes.award(id)] as const),
  ])('%s page %s', (_kind, route) => {
    expect(existsSync(fileOf(route)), `${fileOf(route)} is missing`).toBe(true);
    const doc = parse(read(route));
    const h1 = [...walk(doc)].filter(([el]) => el.tagName === 'h1');
    expect(h1, 'one h1 per page').toHaveLength(1);
  });
});

describe('article pages', () => {
  const frontmatterTitle = (id: string) => {
    const text = readFileSync(join(projectRoot, 'content/news', `${id}.md`), 'utf8');
    const m = /^title:\s*"?(.*?)"?\s*$/m.exec(text);
    return m![1]!;
  };

  it.each(newsIds)('%s shows its real title once, as the h1', (id) => {
    const doc = parse(read(routes.article(id)));
    const title = frontmatterTitle(id);
    const h1 = [...walk(doc)].find(([el]) => el.tagName === 'h1')![0];
    expect(collapse(textOf(h1))).toBe(title);
    // The scraped pages repeated the title as a paragraph: it must not come back.
    const repeated = [...walk(doc)].filter(([el]) => el.tagName === 'p' && collapse(textOf(el)) === title);
    expect(repeated).toEqual([]);
  });

  it('shows the stated date in Vietnam time', () => {
    const text = collapse(
      textOf(
        parse(read(routes.article('cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu'))),
      ),
    );
    expect(text).toContain('02/02/2023');
  });
  it.each([
    'cong-doan-vien-kiem-sat-nhan-dan-thanh-pho-hai-phong-thuc-hien-tot-dan-chu-o-co',
    'cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024',
  ])('%s (no date in the source) says so instead of inventing one', (id) => {
    const html = read(routes.article(id));
    expect(collapse(textOf(parse(html)))).toContain(UNDATED_LABEL);
    expect(html).not.toMatch(/1970|article:published_time/);
  });
});

describe('award history of Công đoàn cơ sở VKSND tỉnh Quảng Ngãi', () => {
  const awardId = '2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai';

  it('shows the 2022 Bằng khen from Liên đoàn Lao động tỉnh Quảng Ngãi, under 2022', () => {
    const doc = parse(read(routes.unit('cong-doan-vksnd-tinh-quang-ngai')));
    const elements = [...walk(doc)];
    const linkIndex = elements.findIndex(
      ([el]) => el.tagName === 'a' && el.properties['href'] === routes.award(awardId),
    );
    expect(linkIndex, `no link to ${routes.award(awardId)} on the unit page`).toBeGreaterThanOrEqual(0);

    // The entry (the link's nearest list item, row or article) names the form and the conferrer.
    const [link, ancestors] = elements[linkIndex]!;
    const entry = [...ancestors].reverse().find((a) => ['li', 'tr', 'article', 'dd'].includes(a.tagName)) ?? link;
    const entryText = collapse(textOf(entry));
    expect(entryText).toMatch(/Bằng khen/);
    expect(entryText).toMatch(/Liên đoàn Lao động tỉnh Quảng Ngãi|LĐLĐ tỉnh Quảng Ngãi/);

    // The nearest heading before it is the year 2022.
    const headingBefore = elements
      .slice(0, linkIndex)
      .reverse()
      .find(([el]) => /^h[2-6]$/.test(el.tagName) && /\b(19|20)\d\d\b/.test(textOf(el)));
    expect(headingBefore && collapse(textOf(headingBefore[0]))).toMatch(/2022/);
  });

  it('the award page names conferrer, recipient, year and the announcing article', () => {
    const doc = parse(read(routes.award(awardId)));
    const text = collapse(textOf(doc));
    expect(text).toMatch(/Bằng khen/);
    expect(text).toMatch(/Hoàn thành xuất sắc nhiệm vụ/);
    expect(text).toMatch(/2022/);
    expect(text).toMatch(/Liên đoàn Lao động tỉnh Quảng Ngãi|LĐLĐ tỉnh Quảng Ngãi/);
    const hrefs = [...walk(doc)].filter(([el]) => el.tagName === 'a').map(([el]) => el.properties['href']);
    expect(hrefs).toContain(routes.unit('cong-doan-vksnd-tinh-quang-ngai'));
    expect(hrefs).toContain(
      routes.article('cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu'),
    );
  });
});

describe('no portal chrome on any page', () => {
  // Strings of the raw seeds (tests/fixtures/seeds) that are portal furniture, not article text.
  const CHROME = [
    'Ý kiến bạn đọc',
    'Mã bảo mật',
    'Tổng số điểm của bài viết',
    'Click để đánh giá bài viết',
    'Đang truy cập',
    'Máy chủ tìm kiếm',
    'Khách viếng thăm',
    'Tháng hiện tại',
    'Tổng lượt truy cập',
    'Thăm dò ý kiến',
    'Bạn biết đến Website này',
    'duy trì trạng thái đăng nhập',
    'Thời gian chờ: 60 giây',
    'ẢNH HOẠT ĐỘNG',
    'Ca khúc: Người lái đò trên dòng đời',
    'Giới thiệu...',
    'lên đầu trang',
    '(0) Bình luận',
    'Bài viết chưa có bình luận nào',
    'leftcenterrightdel',
    'HN CBCC',
    'ĐC Vuong tạng qua tet',
    'Công đoàn Lạng Sơn tiếp tục đổi mới nội dung và phương thức hoạt động công đoàn',
    '(kiemsat.vn)',
    'TUV- Bí thư',
    'PGS-TS',
    'Tin & ảnh:',
    '¬',
  ];
  const pages = htmlFiles();
  const texts = new Map<string, string>();
  const pageText = (file: string) => {
    if (!texts.has(file)) texts.set(file, collapse(textOf(parse(readFileSync(file, 'utf8')))));
    return texts.get(file)!;
  };

  it('the site has pages to check', () => {
    expect(pages.length).toBeGreaterThan(newsIds.length + unitIds.length + awardIds.length);
  });

  it.each(CHROME)('"%s" appears on no page', (chrome) => {
    const hits = pages.filter((file) => pageText(file).includes(chrome));
    expect(hits.map((f) => f.slice(testDist.length))).toEqual([]);
  });

  it('every page is NFC', () => {
    const bad = pages.filter((file) => {
      const html = readFileSync(file, 'utf8');
      return html !== html.normalize('NFC');
    });
    expect(bad.map((f) => f.slice(testDist.length))).toEqual([]);
  });
});
