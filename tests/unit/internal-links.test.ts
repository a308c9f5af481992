/**
 * Internal links (src/model/internal-links.ts): the one rule the content guard fails a build on
 * and the preview marks on the article's page (previewLinkWarnings).
 */
import { describe, expect, it } from 'vitest';
import { internalLinkProblem, siteLinksOf } from '#src/model/internal-links.ts';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { previewLinkWarnings } from '#src/site/view-models/article-page.ts';
import { award, news, unit } from '../support/entries.ts';

const NOW = new Date('2026-06-01T00:00:00+07:00');
const content = {
  news: [
    news('bai', { publishedAt: new Date('2026-01-01T08:00:00+07:00') }),
    news('nhap', { draft: true }),
    news('hen-gio', { publishedAt: new Date('2027-01-01T08:00:00+07:00') }),
  ],
  units: [unit('cdcs')],
  awards: [
    award('2022-bk', { recipients: [{ unit: 'cdcs' }] }),
    award('2022-nhap', { draft: true, recipients: [{ unit: 'cdcs' }] }),
  ],
};
const targets = {
  news: new Map(content.news.map((n) => [n.id, n])),
  units: new Set(['cdcs']),
  awards: new Map(content.awards.map((a) => [a.id, a])),
};

describe('internalLinkProblem', () => {
  it.each<[string, RegExp | undefined]>([
    ['/tin-tuc/bai/', undefined],
    ['/tin-tuc/bai/#muc-2', undefined],
    ['/tin-tuc/', undefined],
    ['/tin-tuc/trang/2/', undefined],
    ['/don-vi/cdcs/', undefined],
    ['/don-vi/cdcs/rss.xml', undefined],
    ['/khen-thuong/2022-bk/', undefined],
    ['/khen-thuong/nam/2022/', undefined],
    ['/chu-de/thi-dua/', undefined],
    ['/', undefined],
    ['/tin-tuc/nhap/', /bài "nhap" còn là bản nháp.*Hãy xuất bản bài đó trước/],
    ['/tin-tuc/hen-gio/', /bài "hen-gio" được hẹn giờ, chưa đến giờ đăng/],
    ['/tin-tuc/khong-co/', /bài "khong-co" không có trong content\/news\//],
    ['/don-vi/khong-co/', /đơn vị "khong-co" không có trong content\/units\//],
    ['/khen-thuong/2022-nhap/', /quyết định khen thưởng "2022-nhap" còn là bản nháp/],
    ['/khen-thuong/khong-co/', /quyết định khen thưởng "khong-co" không có/],
    ['/trang-la/', /trỏ tới một trang không có trên trang web/],
  ])('%s', (url, problem) => {
    const found = internalLinkProblem(url, targets, NOW);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe('siteLinksOf', () => {
  it('finds inline links to paths of the site, with their line, and nothing else', () => {
    expect(
      siteLinksOf(
        'Xem [a](/tin-tuc/a/) và [b](https://x.vn/)\n\n[c](</don-vi/c/> "tiêu đề") [d](//x.vn/) ![e](/anh.jpg)',
      ),
    ).toEqual([
      { url: '/tin-tuc/a/', line: 1 },
      { url: '/don-vi/c/', line: 3 },
      { url: '/anh.jpg', line: 3 },
    ]);
  });
});

describe('previewLinkWarnings (npm run dev marks what the build would refuse)', () => {
  const site = buildSiteIndex(content, { now: NOW, preview: true });
  it('marks links to the draft, the scheduled article and an unknown page, with their line', () => {
    const article = {
      ...news('bai'),
      body: '\n[nháp](/tin-tuc/nhap/) [đã đăng](/tin-tuc/bai/)\n\n[hẹn](/tin-tuc/hen-gio/) [lạ](/la/)\n',
    };
    const warnings = previewLinkWarnings(article, site, NOW);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(
      /^dòng 2 của nội dung: liên kết "\/tin-tuc\/nhap\/" trỏ tới bài "nhap" còn là bản nháp/,
    );
    expect(warnings[1]).toMatch(/^dòng 4 .*"\/tin-tuc\/hen-gio\/" trỏ tới bài "hen-gio" được hẹn giờ/);
    expect(warnings[2]).toMatch(/^dòng 4 .*"\/la\/" trỏ tới một trang không có/);
  });
});
