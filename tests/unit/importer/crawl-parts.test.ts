/**
 * The crawler's pure parts, table-driven: robots.txt rules, URL keys of listings, pager and
 * teaser links of listing pages, article-or-listing, sitemaps and feeds, Retry-After, page charsets.
 */
import { describe, expect, it } from 'vitest';
import { parseRobots } from '#src/importer/crawl/robots.ts';
import {
  documentKind,
  listingKey,
  normaliseUrl,
  readFeed,
  readSitemap,
  scanHtml,
  xmlText,
} from '#src/importer/crawl/discover.ts';
import { retryAfterMs } from '#src/importer/crawl/fetcher.ts';
import { decodePage, pageCharset } from '#src/importer/page.ts';

const AGENT = 'congdoan-news-importer';

describe('robots.txt', () => {
  const robots = `
# comment
User-agent: BadBot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/public.html
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: congdoan-news-importer
User-agent: OtherBot
Disallow: /admin
Allow: /
Crawl-delay: 0.5
`;
  const star = parseRobots(robots.replace(/User-agent: congdoan-news-importer\n/, ''), AGENT);
  const ours = parseRobots(robots, AGENT);
  it.each([
    ['/tin-tuc/bai-1.html', true],
    ['/private/x.html', false],
    ['/private/public.html', true], // the longer Allow wins
    ['/files/a.pdf', false],
    ['/files/a.pdf?x=1', true], // "$" anchors the end
    ['/search?q=1', false],
    ['/searching', true],
    ['/robots.txt', true],
    ['/private/%78.html', false], // percent-encoded unreserved characters compare decoded
  ])('the "*" group: %s → %s', (path, allowed) => {
    expect(star.allows(path)).toBe(allowed);
  });
  it('a group naming the tool replaces "*": its own rules and Crawl-delay', () => {
    expect(ours.allows('/private/x.html')).toBe(true);
    expect(ours.allows('/admin/users')).toBe(false);
    expect(ours.crawlDelay).toBe(0.5);
    expect(star.crawlDelay).toBe(2);
  });
  it.each([
    ['', '/x', true],
    ['User-agent: *\nDisallow:', '/x', true],
    ['User-agent: *\nDisallow: /', '/x', false],
    ['User-agent: *\nDisallow: /\nAllow: /$', '/', true],
    ['User-agent: *\nDisallow: /a\nAllow: /a', '/a', true], // a tie: Allow
    ['Disallow: /x', '/x', true], // a rule outside any group is ignored
  ])('%j: %s → %s', (text, path, allowed) => {
    expect(parseRobots(text, AGENT).allows(path)).toBe(allowed);
  });
});

describe('URLs', () => {
  it.each([
    ['HTTP://WWW.Example.VN:80/a#top', 'http://www.example.vn/a'],
    ['/b?utm_source=rss&id=2', 'http://x.vn/b?id=2'],
    ['mailto:a@b.vn', null],
    ['javascript:void(0)', null],
  ])('normaliseUrl(%s) → %s', (href, out) => {
    expect(normaliseUrl(href, 'http://x.vn/')).toBe(out);
  });
  it.each([
    ['http://x.vn/tin-tuc/page-2/', 'http://x.vn/tin-tuc'],
    ['http://x.vn/tin-tuc/', 'http://x.vn/tin-tuc'],
    ['http://x.vn/index.php/tin-tuc?start=3', 'http://x.vn/index.php/tin-tuc'],
    ['http://x.vn/category/tin/page/4/', 'http://x.vn/category/tin'],
    ['http://x.vn/web/tin?_101_INSTANCE_ab_cur=2&id=5', 'http://x.vn/web/tin?id=5'],
    ['http://x.vn/tin-tuc/trang-3.html', 'http://x.vn/tin-tuc.html'],
    ['http://x.vn/bai-viet-123.html', 'http://x.vn/bai-viet-123.html'],
  ])('listingKey(%s) → %s', (url, key) => {
    expect(listingKey(url)).toBe(key);
  });
});

const page = (body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const onSite = (u: URL) => u.host === 'x.vn';
const LONG = 'Công đoàn cơ sở tổ chức hội nghị người lao động với sự tham gia của đông đảo đoàn viên. '.repeat(6);

describe('listing pages', () => {
  it.each([
    [
      'rel=next link',
      '<a href="/a/bai-so-1.html">Bài viết số một về công đoàn</a>',
      '<link rel="next" href="/tin/page/2/">',
      ['http://x.vn/tin/page/2/'],
    ],
    [
      '"Trang sau" text',
      '<div class="pager"><a href="/tin/?page=2">Trang sau »</a></div>',
      '',
      ['http://x.vn/tin/?page=2'],
    ],
    ['a "»" arrow', '<a href="/tin/?page=2">»</a>', '', ['http://x.vn/tin/?page=2']],
    ['title="Trang sau"', '<a title="Trang sau" href="/tin?start=10">›</a>', '', ['http://x.vn/tin?start=10']],
    [
      'a numbered pager of the same listing',
      '<div class="pagination"><strong>1</strong> <a href="/tin/?page=2">2</a> <a href="/tin/?page=3">3</a></div>',
      '',
      ['http://x.vn/tin/?page=2', 'http://x.vn/tin/?page=3'],
    ],
    [
      "a calendar's day links are no pager",
      '<table class="cal"><tr><td><a href="/2024/03/05/">5</a></td></tr></table>',
      '',
      [],
    ],
    ['an off-site "next" is not followed', '<a href="http://y.vn/tin/?page=2">Trang sau</a>', '', []],
  ])('%s', (_name, body, head, pager) => {
    expect(scanHtml(page(body, head), 'http://x.vn/tin/', onSite).pager).toEqual(pager);
  });

  it('teaser links, not menus, footers, pagers or files; off-site ones kept for the report', () => {
    const scan = scanHtml(
      page(`
      <nav><a href="/gioi-thieu/lich-su-cong-doan-tinh">Lịch sử Công đoàn tỉnh qua các thời kỳ</a></nav>
      <div id="menu-top"><a href="/lien-he/ban-bien-tap-cong">Liên hệ với Ban biên tập cổng</a></div>
      <article><header class="entry-header"><h2><a href="/2023/bai-mot/">Hội nghị người lao động năm 2023</a></h2></header></article>
      <div class="item"><h3><a href="/bai-hai.html">Ngắn</a></h3></div>
      <div class="item"><a href="/bai-ba.html">Trao quà Tết cho đoàn viên khó khăn</a> <a href="/bai-ba.html">Xem tiếp</a></div>
      <a href="/files/bao-cao-tong-ket-nam.pdf">Báo cáo tổng kết năm 2023 (PDF)</a>
      <a href="http://bao.vn/tin-ngoai.html">Tin tức công đoàn cả nước hôm nay</a>
      <div class="pagination"><a href="/tin/?page=2">2</a></div>
      <footer><a href="/ban-quyen-va-dieu-khoan">Bản quyền và điều khoản sử dụng cổng</a></footer>`),
      'http://x.vn/tin/',
      onSite,
    );
    expect(scan.articles.map((a) => a.url)).toEqual([
      'http://x.vn/2023/bai-mot/',
      'http://x.vn/bai-hai.html',
      'http://x.vn/bai-ba.html',
      'http://bao.vn/tin-ngoai.html',
    ]);
    expect(scan.isArticle).toBe(false);
  });

  it.each([
    ['og:type article', page('<p>Ngắn.</p>', '<meta property="og:type" content="article">'), true],
    [
      'article:published_time',
      page('<p>Ngắn.</p>', '<meta property="article:published_time" content="2023-01-01">'),
      true,
    ],
    ['JSON-LD NewsArticle', page('<script type="application/ld+json">{"@type":"NewsArticle"}</script><p>x</p>'), true],
    ['one long run of prose', page(`<h1>Tiêu đề</h1><div class="content"><p>${LONG}</p><p>${LONG}</p></div>`), true],
    [
      'teasers with summaries',
      page(
        `<div class="list">${Array.from({ length: 8 }, (_, i) => `<h3><a href="/b${i}.html">Tin hoạt động công đoàn số ${i} trong tháng</a></h3><p>${LONG.slice(0, 120)}</p>`).join('')}</div>`,
      ),
      false,
    ],
  ])('article or listing: %s → %s', (_name, html, isArticle) => {
    expect(scanHtml(html, 'http://x.vn/a', onSite).isArticle).toBe(isArticle);
  });
});

describe('sitemaps and feeds', () => {
  it.each([
    ['<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', 'sitemap'],
    ['<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?><sitemapindex></sitemapindex>', 'sitemap-index'],
    ['<rss version="2.0"><channel></channel></rss>', 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed'],
    ['<rdf:RDF xmlns:rdf="x"></rdf:RDF>', 'feed'],
    ['<!doctype html><html><body><p>x</p></body></html>', 'html'],
    ['%PDF-1.4', 'other'],
  ])('documentKind(%j) → %s', (text, kind) => {
    expect(documentKind(text, null)).toBe(kind);
  });

  it('a sitemap is read whole, beyond the 2 MB an article may have, in its declared encoding', () => {
    const urls = Array.from(
      { length: 40_000 },
      (_, i) => `<url><loc>http://x.vn/tin-tuc/bai-viet-so-${i}.html</loc></url>`,
    );
    const big = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><urlset>${urls.join('')}</urlset>`);
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(readSitemap(xmlText(big, 'application/xml')!, 'http://x.vn/').urls).toHaveLength(40_000);
    const latin = new Uint8Array(
      [
        ...'<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><link>http://x.vn/caf\xe9</link></item></channel></rss>',
      ].map((c) => c.charCodeAt(0)),
    );
    expect(xmlText(latin, null)).toContain('café');
    expect(xmlText(new TextEncoder().encode('<!doctype html><p>x</p>'), 'text/html')).toBeNull();
  });

  it('a sitemap index and a sitemap: locations (relative ones too) with their lastmod day in Vietnam', () => {
    expect(
      readSitemap(
        '<sitemapindex><sitemap><loc>/post-sitemap.xml</loc></sitemap></sitemapindex>',
        'http://x.vn/sitemap.xml',
      ),
    ).toEqual({ sitemaps: [{ url: 'http://x.vn/post-sitemap.xml', day: null }], urls: [] });
    expect(
      readSitemap(
        '<urlset><url><loc> http://x.vn/a.html </loc><lastmod>2023-06-18T18:00:00+00:00</lastmod></url><url><loc>http://x.vn/b.html</loc></url></urlset>',
        'http://x.vn/',
      ).urls,
    ).toEqual([
      { url: 'http://x.vn/a.html', day: '2023-06-19' }, // 18:00 UTC is the next morning in Vietnam
      { url: 'http://x.vn/b.html', day: null },
    ]);
  });

  it('RSS 2.0, Atom and RSS 1.0 items with their publication day', () => {
    expect(
      readFeed(
        '<rss><channel><item><title><![CDATA[A]]></title><link>/a?utm_source=rss</link><pubDate>Fri, 25 Nov 2022 20:00:00 GMT</pubDate></item><item><guid>http://x.vn/g</guid></item></channel></rss>',
        'http://x.vn/rss',
      ),
    ).toEqual([
      { url: 'http://x.vn/a', day: '2022-11-26' },
      { url: 'http://x.vn/g', day: null },
    ]);
    expect(
      readFeed(
        '<feed><entry><link rel="self" href="/self"/><link rel="alternate" href="/b"/><published>2023-01-02T08:00:00+07:00</published></entry></feed>',
        'http://x.vn/atom',
      ),
    ).toEqual([{ url: 'http://x.vn/b', day: '2023-01-02' }]);
    expect(
      readFeed(
        '<rdf:RDF><item rdf:about="http://x.vn/c"><dc:date>2021-05-04</dc:date></item></rdf:RDF>',
        'http://x.vn/',
      ),
    ).toEqual([{ url: 'http://x.vn/c', day: '2021-05-04' }]);
  });
});

describe('HTTP details', () => {
  it.each([
    ['5', 5000],
    [' 0 ', 0],
    ['Wed, 02 Dec 2026 10:00:30 GMT', 30_000],
    ['soon', null],
    [null, null],
  ])('Retry-After %j → %s ms', (value, ms) => {
    expect(retryAfterMs(value, Date.parse('Wed, 02 Dec 2026 10:00:00 GMT'))).toBe(ms);
  });

  const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
  it.each([
    ['text/html; charset=windows-1252', '<p>x</p>', 'windows-1252'],
    ['text/html', '<meta charset="ISO-8859-1"><p>x</p>', 'iso-8859-1'],
    [null, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', 'utf-8'],
    [null, '<p>x</p>', null],
  ])('the charset of %s + %j → %s', (header, html, charset) => {
    expect(pageCharset(latin1(html), header)).toBe(charset);
  });

  it('a page in a legacy charset decodes as its header says; an unknown charset is a clear error', () => {
    const bytes = latin1('<html><body><p>Caf\xe9 \x93ch\xe0o\x94</p></body></html>');
    const { text, kind } = decodePage({ bytes, url: 'http://x.vn/a', contentType: 'text/html; charset=windows-1252' });
    expect(kind).toBe('html');
    expect(text).toContain('Café “chào”');
    expect(() => decodePage({ bytes, url: 'http://x.vn/a', contentType: 'text/html; charset=x-klingon' })).toThrow(
      /bảng mã "x-klingon"/,
    );
  });
});
