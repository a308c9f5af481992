/**
 * The article page view model (src/site/view-models/article-page.ts): header links and the
 * facts under the body, from a small site index, against hand-written expectations.
 */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { articlePage } from '#src/site/view-models/article-page.ts';
import { award, news, unit } from '../support/entries.ts';

const at = (iso: string) => new Date(iso);
const full = {
  ...news('bai-day-du', {
    title: 'Công đoàn tổng kết năm',
    summary: 'Tóm tắt bài.',
    publishedAt: at('2024-01-10T08:00:00+07:00'),
    author: 'Tô Thị Ái, Công đoàn Viên chức tỉnh',
    source: { name: 'Báo Lao Động', url: 'https://laodong.vn/bai' },
    category: 'thi-dua-khen-thuong',
    units: ['cdcs', 'khong-co'],
    awards: ['2023-bang-khen'],
    tags: ['Thi đua', 'Đại hội'],
  }),
  body: Array.from({ length: 460 }, () => 'chữ').join(' '),
};
const bare = news('bai-gon', { publishedAt: at('2024-01-09T08:00:00+07:00'), source: { name: 'Theo kiemsat.vn' } });
const site = buildSiteIndex(
  {
    units: [unit('cdcs', { name: 'Công đoàn cơ sở A' })],
    news: [full, bare, news('lien-quan', { publishedAt: at('2023-12-01T08:00:00+07:00'), units: ['cdcs'] })],
    awards: [award('2023-bang-khen', { form: 'bang-khen', year: 2023 })],
  },
  { now: at('2026-06-01T00:00:00+07:00'), preview: false },
);

describe('articlePage', () => {
  const page = articlePage(full, site);

  it('header: category, byline linked to the author page', () => {
    expect(page).toMatchObject({
      title: 'Công đoàn tổng kết năm',
      summary: 'Tóm tắt bài.',
      crumbs: [{ href: '/tin-tuc/', label: 'Tin tức' }, { label: 'Công đoàn tổng kết năm' }],
      category: { href: '/chuyen-muc/thi-dua-khen-thuong/', text: 'Thi đua, khen thưởng' },
      author: { href: '/tac-gia/to-thi-ai/', text: 'Tô Thị Ái, Công đoàn Viên chức tỉnh' },
    });
  });

  it('facts: source, category, known units, awards reported, tags', () => {
    expect(page.facts).toEqual([
      { term: 'Nguồn', text: 'Báo Lao Động', href: 'https://laodong.vn/bai', rel: 'external noopener' },
      { term: 'Chuyên mục', text: 'Thi đua, khen thưởng', href: '/chuyen-muc/thi-dua-khen-thuong/' },
      { term: 'Đơn vị', list: { links: [{ href: '/don-vi/cdcs/', text: 'Công đoàn cơ sở A' }] } },
      {
        term: 'Khen thưởng được đưa tin',
        list: { links: [{ href: '/khen-thuong/2023-bang-khen/', text: 'Bằng khen năm 2023' }] },
      },
      {
        term: 'Từ khóa',
        list: {
          links: [
            { href: '/chu-de/thi-dua/', text: 'Thi đua' },
            { href: '/chu-de/dai-hoi/', text: 'Đại hội' },
          ],
          class: 'tag-list',
        },
      },
    ]);
  });

  it('related articles from the site index', () => {
    expect(page.related.map((n) => n.id)).toEqual(['lien-quan']);
  });

  it('an article without byline, units, awards or tags, its source unlinked', () => {
    const p = articlePage(bare, site);
    expect(p.author).toBeUndefined();
    expect(p.facts).toEqual([
      { term: 'Nguồn', text: 'Theo kiemsat.vn', href: undefined, rel: undefined },
      { term: 'Chuyên mục', text: 'Tin tức', href: '/chuyen-muc/tin-tuc/' },
    ]);
    expect(p.related).toEqual([]);
  });
});
