/**
 * The reader's pages, read from built sites:
 *  - the bundled content (.build-tmp/test-dist, built once by tests/support/global-setup.ts):
 *    every page kind exists with lang="vi", a title, a meta description and one h1; headings in
 *    order; search-index markup only on article, unit and award pages; the unit tree nests; an
 *    article and an award page show their fields;
 *  - a generated archive (bundled content + 41 articles, a revoked award and a renamed unit),
 *    built here: news pagination, a revoked award, a successor unit's inherited award history.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '#src/model/site-config.ts';

const SITE_NAME = DEFAULT_SITE.name;
import { formatLongDateTime, toVietnamIso } from '#src/text/dates.ts';
import { routes } from '#src/site/routes.ts';
import { AWARD_FORMS, CONFERRER_LEVELS, UNIT_LEVELS } from '#src/model/vocabulary.ts';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { bundledIds } from '../support/bundled-content.ts';
import { projectRoot, testContentOverlay, testDist } from '../../scripts/lib/paths.ts';
import { writeSearchArchive } from '../support/search-archive.ts';

// ---------------------------------------------------------------------------------------------
// Reading built HTML

const parse = (html: string) => unified().use(rehypeParse).parse(html) as Root;
const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';

function* walk(node: Root | Element, ancestors: Element[] = []): Generator<[Element, Element[]]> {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    yield [child, ancestors];
    yield* walk(child, [...ancestors, child]);
  }
}
const all = (node: Root | Element, test: (e: Element) => boolean) =>
  [...walk(node)].filter(([e]) => test(e)).map(([e]) => e);
const tag = (name: string) => (e: Element) => e.tagName === name;
const attr = (e: Element, name: string) => {
  const v = e.properties[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? undefined : String(v);
};
const hasClass = (e: Element, cls: string) => (attr(e, 'className') ?? '').split(' ').includes(cls);
function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (isElement(node) && ['script', 'style', 'template'].includes(node.tagName)) return '';
  if ('children' in node) return node.children.map((c) => textOf(c as RootContent)).join(' ');
  return '';
}
const text = (node: Root | RootContent | ElementContent) => textOf(node).replace(/\s+/g, ' ').trim();
/** The text with the spaces textOf adds between inline elements removed before punctuation. */
const prose = (node: Root | Element) => text(node).replace(/\s+([.,;:)])/g, '$1');

const fileOf = (dist: string, route: string) => join(dist, decodeURI(route), route.endsWith('/') ? 'index.html' : '');
const load = (dist: string, route: string) => parse(readFileSync(fileOf(dist, route), 'utf8'));
const page = (route: string) => load(testDist, route);

const newsIds = bundledIds('news');
const unitIds = bundledIds('units');
const awardIds = bundledIds('awards');

/** Front matter field of a content file of the test site (simple `key: value` lines only). */
const frontMatter = (collection: string, id: string, key: string) => {
  const folder = [join(projectRoot, 'content', collection), join(testContentOverlay, collection)].find(
    (f) => existsSync(f) && readdirSync(f).some((name) => name.replace(/\.\w+$/, '') === id),
  )!;
  const file = readdirSync(folder).find((f) => f.replace(/\.\w+$/, '') === id)!;
  const m = new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(readFileSync(join(folder, file), 'utf8'));
  return m?.[1]?.trim().replace(/^["']|["']$/g, '');
};
const awardYears = [...new Set(awardIds.map((id) => Number(frontMatter('awards', id, 'year'))))];
const awardForms = [
  ...new Set(awardIds.map((id) => frontMatter('awards', id, 'form')!)),
] as (keyof typeof AWARD_FORMS)[];

type Kind =
  | 'home'
  | '404'
  | 'news-list'
  | 'article'
  | 'unit-directory'
  | 'unit-dossier'
  | 'award-statistics'
  | 'open-data'
  | 'unit'
  | 'award-index'
  | 'award-year'
  | 'award-form'
  | 'award';
const readerPages: [Kind, string][] = [
  ['home', routes.home()],
  ['404', '/404.html'],
  ['news-list', routes.newsList()],
  ...newsIds.map((id): [Kind, string] => ['article', routes.article(id)]),
  ['unit-directory', routes.unitDirectory()],
  ...unitIds.map((id): [Kind, string] => ['unit', routes.unit(id)]),
  ['award-index', routes.awardIndex()],
  ...awardYears.map((y): [Kind, string] => ['award-year', routes.awardYear(y)]),
  ...awardForms.map((f): [Kind, string] => ['award-form', routes.awardForm(f)]),
  ...awardIds.map((id): [Kind, string] => ['award', routes.award(id)]),
  ...unitIds.map((id): [Kind, string] => ['unit-dossier', routes.unitDossier(id)]),
  ['award-statistics', routes.awardStatistics()],
  ['open-data', routes.openData()],
];
const indexedKinds = new Set<Kind>(['article', 'unit', 'award']);

// ---------------------------------------------------------------------------------------------

describe('every reader page kind', () => {
  it('has content to check (articles, units, awards, years, forms)', () => {
    expect(newsIds.length).toBeGreaterThanOrEqual(5);
    expect(unitIds.length).toBeGreaterThan(5);
    expect(awardIds.length).toBeGreaterThan(10);
    expect(awardYears.length).toBeGreaterThan(1);
    expect(awardForms.length).toBeGreaterThan(1);
  });

  describe.each(readerPages)('%s %s', (kind, route) => {
    it('exists', () => {
      expect(existsSync(fileOf(testDist, route)), fileOf(testDist, route)).toBe(true);
    });

    it('is in Vietnamese with a title, a meta description and exactly one h1', () => {
      const doc = page(route);
      const [html] = all(doc, tag('html'));
      expect(attr(html!, 'lang')).toBe('vi');
      const titles = all(doc, tag('title'));
      expect(titles).toHaveLength(1);
      const title = text(titles[0]!);
      if (kind === 'home') expect(title).toBe(SITE_NAME);
      else expect(title).toMatch(new RegExp(`^\\S.* – ${SITE_NAME}$`));
      const descriptions = all(doc, (e) => e.tagName === 'meta' && attr(e, 'name') === 'description');
      expect(descriptions).toHaveLength(1);
      expect(attr(descriptions[0]!, 'content')!.length).toBeGreaterThan(30);
      expect(all(doc, tag('h1'))).toHaveLength(1);
      expect(text(all(doc, tag('h1'))[0]!)).not.toBe('');
    });

    it('has the skip link, landmarks, and keeps header, navigation and footer out of the index', () => {
      const doc = page(route);
      const skip = all(doc, (e) => e.tagName === 'a' && hasClass(e, 'skip-link'))[0]!;
      expect(text(skip)).toBe('Bỏ qua điều hướng');
      const target = attr(skip, 'href')!.slice(1);
      expect(all(doc, (e) => e.tagName === 'main' && attr(e, 'id') === target)).toHaveLength(1);
      for (const landmark of ['header', 'footer']) {
        const [el] = all(
          doc,
          (e) => e.tagName === landmark && (hasClass(e, 'site-header') || hasClass(e, 'site-footer')),
        );
        expect(attr(el!, 'dataPagefindIgnore'), landmark).toBe('all');
      }
      const nav = all(doc, (e) => e.tagName === 'nav' && attr(e, 'ariaLabel') === 'Điều hướng chính')[0]!;
      const links = all(nav, tag('a')).map((a) => [text(a), attr(a, 'href')]);
      expect(links).toEqual([
        ['Tin tức', routes.newsList()],
        ['Đơn vị', routes.unitDirectory()],
        ['Khen thưởng', routes.awardIndex()],
        ['Tìm kiếm', routes.search()],
      ]);
    });

    it('never glues a word to a link (a line break before a tag can lose its space)', () => {
      const html = readFileSync(fileOf(testDist, route), 'utf8');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main.match(/[\p{L}\d]<a\b[^>]*>[^<]*|<\/a>[\p{L}\d]+/gu) ?? []).toEqual([]);
    });

    it('has headings in order (no level skipped on the way down)', () => {
      const levels = all(page(route), (e) => /^h[1-6]$/.test(e.tagName)).map((h) => Number(h.tagName[1]));
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++)
        expect(levels[i]! - levels[i - 1]!, `h${levels[i - 1]} → h${levels[i]}`).toBeLessThanOrEqual(1);
    });

    it(
      indexedKinds.has(kind)
        ? 'wraps its main content in data-pagefind-body with filters'
        : 'is not in the search index',
      () => {
        const doc = page(route);
        const bodies = all(doc, (e) => attr(e, 'dataPagefindBody') !== undefined);
        if (!indexedKinds.has(kind)) {
          expect(bodies).toHaveLength(0);
          return;
        }
        expect(bodies).toHaveLength(1);
        const [h1] = all(bodies[0]!, tag('h1'));
        expect(attr(h1!, 'dataPagefindMeta')).toBe('title');
        const filters = all(bodies[0]!, (e) => attr(e, 'dataPagefindFilter') !== undefined).map(
          (e) => `${attr(e, 'dataPagefindFilter')!.replace('[data-value]', '')}=${attr(e, 'dataValue')}`,
        );
        const type = { article: 'Tin tức', unit: 'Đơn vị', award: 'Khen thưởng' }[kind as 'article' | 'unit' | 'award'];
        expect(filters).toContain(`type=${type}`);
        expect(filters.some((f) => f.startsWith('unit='))).toBe(true);
      },
    );
  });
});

describe('home page', () => {
  it('leads into latest news, recent awards, units and the award history by year and form', () => {
    const hrefs = all(page(routes.home()), tag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toContain(routes.newsList());
    expect(hrefs.filter((h) => newsIds.some((id) => h === routes.article(id))).length).toBeGreaterThanOrEqual(5);
    expect(hrefs.some((h) => awardIds.some((id) => h === routes.award(id)))).toBe(true);
    for (const y of awardYears) expect(hrefs).toContain(routes.awardYear(y));
    for (const f of awardForms) expect(hrefs).toContain(routes.awardForm(f));
    expect(hrefs).toContain(routes.unit('tong-lien-doan-lao-dong-viet-nam'));
  });
});

describe('article page', () => {
  const id = 'cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu';

  it('shows the date in Vietnam time with an ISO datetime carrying +07:00', () => {
    const published = new Date(frontMatter('news', id, 'publishedAt')!);
    const times = all(page(routes.article(id)), tag('time'));
    expect(times.map((t) => [attr(t, 'dateTime'), text(t)])).toContainEqual([
      toVietnamIso(published),
      formatLongDateTime(published),
    ]);
    expect(formatLongDateTime(published)).toBe('Thứ năm, 02/02/2023 16:18');
  });

  it('links the units it concerns and the awards it announces', () => {
    const hrefs = all(page(routes.article(id)), tag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toContain(routes.unit('cong-doan-vksnd-tinh-quang-ngai'));
    expect(hrefs).toContain(routes.award('2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai'));
  });

  it('renders the Markdown body', () => {
    const [prose] = all(page(routes.article(id)), (e) => hasClass(e, 'prose'));
    expect(all(prose!, tag('p')).length).toBeGreaterThan(3);
    expect(text(prose!)).toContain('Công đoàn VKSND tỉnh Quảng Ngãi');
  });

  it.each(newsIds.filter((n) => !frontMatter('news', n, 'publishedAt')))(
    'says "Không rõ ngày đăng" for undated %s',
    (undated) => {
      const doc = page(routes.article(undated));
      const [meta] = all(doc, (e) => e.tagName === 'p' && hasClass(e, 'meta'));
      expect(text(meta!)).toContain('Không rõ ngày đăng');
      expect(all(doc, (e) => attr(e, 'dataPagefindSort') !== undefined)).toHaveLength(1);
    },
  );
});

describe('unit directory', () => {
  const doc = () => page(routes.unitDirectory());
  const tree = () => all(doc(), (e) => e.tagName === 'ul' && hasClass(e, 'unit-tree'))[0]!;
  /** The unit ids of the links on the path from the tree's root list down to a unit's link. */
  const pathTo = (unitId: string) => {
    const found = [...walk(tree())].find(([e]) => e.tagName === 'a' && attr(e, 'href') === routes.unit(unitId));
    expect(found, unitId).toBeDefined();
    return found![1]
      .filter((e) => e.tagName === 'li')
      .map((li) =>
        attr(
          li.children.find((c): c is Element => isElement(c) && c.tagName === 'a')!,
          'href',
        ),
      );
  };

  it('lists every unit exactly once', () => {
    const hrefs = all(tree(), tag('a')).map((a) => attr(a, 'href'));
    expect([...hrefs].sort()).toEqual(unitIds.map((id) => routes.unit(id)).sort());
  });

  it('nests units under their parents as lists within list items', () => {
    expect(pathTo('cong-doan-vksnd-tinh-quang-ngai')).toEqual([
      routes.unit('tong-lien-doan-lao-dong-viet-nam'),
      routes.unit('lien-doan-lao-dong-tinh-quang-ngai'),
      routes.unit('cong-doan-vien-chuc-tinh-quang-ngai'),
      routes.unit('cong-doan-vksnd-tinh-quang-ngai'),
    ]);
    expect(pathTo('tong-lien-doan-lao-dong-viet-nam')).toEqual([routes.unit('tong-lien-doan-lao-dong-viet-nam')]);
  });

  it('names each unit’s level', () => {
    expect(text(tree())).toContain(UNIT_LEVELS['cong-doan-co-so'].label);
  });
});

describe('unit profile', () => {
  const route = routes.unit('cong-doan-vksnd-tinh-quang-ngai');

  it('shows facts, parent and the award history year by year', () => {
    const doc = page(route);
    const facts = text(all(doc, (e) => e.tagName === 'dl' && hasClass(e, 'facts'))[0]!);
    expect(facts).toContain('Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi');
    expect(facts).toContain(UNIT_LEVELS['cong-doan-co-so'].label);
    expect(facts).toContain('Quảng Ngãi');
    expect(all(doc, tag('a')).map((a) => attr(a, 'href'))).toContain(
      routes.unit('cong-doan-vien-chuc-tinh-quang-ngai'),
    );
    const year = all(doc, (e) => e.tagName === 'section' && hasClass(e, 'history-year'))[0]!;
    expect(text(all(year, tag('h3'))[0]!)).toBe('Năm 2022');
    expect(all(year, tag('a')).map((a) => attr(a, 'href'))).toContain(
      routes.award('2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai'),
    );
  });

  it('gives every table a caption and header cells with scope', () => {
    for (const id of unitIds) {
      for (const table of all(page(routes.unit(id)), tag('table'))) {
        expect(all(table, tag('caption')), id).toHaveLength(1);
        for (const th of all(table, tag('th'))) expect(['col', 'row'], id).toContain(attr(th, 'scope'));
      }
    }
  });

  it('lists the sub-units of a unit that has them', () => {
    const doc = page(routes.unit('cong-doan-vien-chuc-tinh-quang-ngai'));
    const [section] = all(doc, (e) => e.tagName === 'section' && attr(e, 'ariaLabelledBy') === 'truc-thuoc');
    expect(all(section!, tag('a')).map((a) => attr(a, 'href'))).toContain(route);
  });
});

describe('award pages', () => {
  const id = '2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai';

  it('shows form, title, conferrer (linked), level, year, recipient, citation and the announcing article', () => {
    const doc = page(routes.award(id));
    expect(text(all(doc, tag('h1'))[0]!)).toBe('Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022');
    const facts = new Map(
      all(doc, tag('dt')).map((dt) => {
        const parent = [...walk(doc)].find(([e]) => e.children.includes(dt))![0];
        const dd = parent.children
          .slice(parent.children.indexOf(dt) + 1)
          .find((c): c is Element => isElement(c) && c.tagName === 'dd')!;
        return [text(dt), dd];
      }),
    );
    expect(text(facts.get('Hình thức')!)).toBe(AWARD_FORMS['bang-khen'].label);
    expect(text(facts.get('Danh hiệu, thành tích')!)).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(text(facts.get('Năm thành tích')!)).toBe('2022');
    expect(attr(all(facts.get('Cơ quan khen thưởng')!, tag('a'))[0]!, 'href')).toBe(
      routes.unit('lien-doan-lao-dong-tinh-quang-ngai'),
    );
    expect(text(facts.get('Cấp khen thưởng')!)).toBe(CONFERRER_LEVELS['lien-doan-tinh']);
    expect(text(facts.get('Tình trạng')!)).toBe('Còn hiệu lực');
    const hrefs = all(doc, tag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toContain(routes.unit('cong-doan-vksnd-tinh-quang-ngai'));
    expect(hrefs).toContain(
      routes.article('cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu'),
    );
    expect(text(all(doc, tag('blockquote'))[0]!)).toContain('Liên đoàn Lao động tỉnh Quảng Ngãi tặng Bằng khen');
    const filters = all(doc, (e) => attr(e, 'dataPagefindFilter') !== undefined).map(
      (e) => `${attr(e, 'dataPagefindFilter')}=${attr(e, 'dataValue')}`,
    );
    expect(filters).toEqual(
      expect.arrayContaining([
        'year[data-value]=2022',
        'form[data-value]=Bằng khen',
        'conferrer[data-value]=Liên đoàn Lao động tỉnh Quảng Ngãi',
        'unit[data-value]=Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
        'province[data-value]=Quảng Ngãi',
      ]),
    );
  });

  it('year and form pages list every award of that year or form', () => {
    for (const y of awardYears) {
      const hrefs = all(page(routes.awardYear(y)), tag('a')).map((a) => attr(a, 'href'));
      for (const a of awardIds.filter((i) => Number(frontMatter('awards', i, 'year')) === y))
        expect(hrefs, `${y}`).toContain(routes.award(a));
    }
    for (const f of awardForms) {
      const hrefs = all(page(routes.awardForm(f)), tag('a')).map((a) => attr(a, 'href'));
      for (const a of awardIds.filter((i) => frontMatter('awards', i, 'form') === f))
        expect(hrefs, f).toContain(routes.award(a));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Breadcrumbs: the trail a reader sees and the BreadcrumbList search engines read, written out here.

describe('breadcrumbs', () => {
  const SITE = 'https://congdoan.example.vn';
  const home = ['Trang chủ', '/'] as const;

  it.each<[string, string, (readonly [string, string])[]]>([
    [
      'a unit four levels down',
      '/don-vi/cong-doan-vksnd-tinh-quang-ngai/',
      [
        home,
        ['Đơn vị', '/don-vi/'],
        ['Tổng Liên đoàn', '/don-vi/tong-lien-doan-lao-dong-viet-nam/'],
        ['LĐLĐ tỉnh Quảng Ngãi', '/don-vi/lien-doan-lao-dong-tinh-quang-ngai/'],
        ['CĐVC tỉnh Quảng Ngãi', '/don-vi/cong-doan-vien-chuc-tinh-quang-ngai/'],
        ['Công đoàn VKSND tỉnh Quảng Ngãi', '/don-vi/cong-doan-vksnd-tinh-quang-ngai/'],
      ],
    ],
    [
      'an article',
      '/tin-tuc/cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu/',
      [
        home,
        ['Tin tức', '/tin-tuc/'],
        [
          'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh là đơn vị xuất sắc tiêu biểu trong nhiều phong trào thi đua',
          '/tin-tuc/cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu/',
        ],
      ],
    ],
    [
      'an award',
      '/khen-thuong/2020-guong-mat-cua-nam-cdvc-viet-nam/',
      [
        home,
        ['Khen thưởng', '/khen-thuong/'],
        ['Năm 2020', '/khen-thuong/nam/2020/'],
        ['Vinh danh, tôn vinh “Gương mặt của năm” năm 2020', '/khen-thuong/2020-guong-mat-cua-nam-cdvc-viet-nam/'],
      ],
    ],
  ])('%s (%s): the trail and its BreadcrumbList', (_name, route, crumbs) => {
    const [nav] = all(page(route), (e) => e.tagName === 'nav' && hasClass(e, 'breadcrumbs'));
    expect(nav).toBeDefined();
    // Seen: a link for each crumb but the last, which is the page itself.
    const items = all(nav!, tag('li'));
    expect(items.map((li) => text(li))).toEqual(crumbs.map(([name]) => name));
    expect(items.map((li) => all(li, tag('a')).map((a) => attr(a, 'href')))).toEqual(
      crumbs.map(([, path], i) => (i < crumbs.length - 1 ? [path] : [])),
    );
    expect(attr(items.at(-1)!, 'ariaCurrent')).toBe('page');
    // Read by search engines: the same crumbs, numbered from 1, with absolute URLs.
    const [script] = all(nav!, (e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json');
    const jsonLd = JSON.parse(script!.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map(([name, path], i) => ({
        '@type': 'ListItem',
        position: i + 1,
        name,
        item: `${SITE}${path}`,
      })),
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A generated archive: pagination, a revoked award, a renamed unit.

describe('generated archive', () => {
  const dir = resolve(projectRoot, '.build-tmp/pages-test-content');
  const dist = resolve(projectRoot, '.build-tmp/pages-test-dist');
  const EXTRA = 41;
  let total = 0;
  const successor = 'cong-doan-vksnd-tinh-quang-ngai-moi';
  const revoked = '2024-bang-khen-thu-hoi-thu-nghiem';
  const illustrated = 'bai-co-anh-thu-nghiem';
  const MANY_AWARDS = 60;

  beforeAll(async () => {
    const archive = writeSearchArchive(dir, EXTRA);
    // One more article, with a hero image beside it.
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#b1201b' } })
      .jpeg()
      .toFile(join(dir, 'news', 'anh-bia-thu-nghiem.jpg'));
    writeFileSync(
      join(dir, 'news', `${illustrated}.md`),
      [
        '---',
        'title: Bài viết có ảnh bìa',
        'summary: Bài thử nghiệm có ảnh bìa, chú thích và văn bản thay thế.',
        'publishedAt: 2026-10-01T08:00:00+07:00',
        'hero:',
        '  image: ./anh-bia-thu-nghiem.jpg',
        '  alt: Quang cảnh hội nghị tổng kết',
        '  caption: Quang cảnh hội nghị tổng kết năm.',
        '---',
        '',
        'Nội dung bài viết.',
        '',
      ].join('\n'),
    );
    total = archive.articles.length + 1;
    // 60 Giấy khen of 2019: more than one page (AWARDS_PER_PAGE) on the year and form lists.
    for (let i = 1; i <= MANY_AWARDS; i++) {
      writeFileSync(
        join(dir, 'awards', `2019-giay-khen-thu-nghiem-${String(i).padStart(2, '0')}.yaml`),
        [
          'form: giay-khen',
          `title: Thành tích thử nghiệm số ${i}`,
          'conferredBy:',
          '  unit: cong-doan-vksnd-thanh-pho-hai-phong',
          '  level: cong-doan-co-so',
          'year: 2019',
          'recipients:',
          '  - kind: individual',
          `    name: Người nhận ${i}`,
          '    unit: cong-doan-vksnd-thanh-pho-hai-phong',
          '',
        ].join('\n'),
      );
    }
    writeFileSync(
      join(dir, 'units', `${successor}.md`),
      [
        '---',
        'name: Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi (mới)',
        'level: cong-doan-co-so',
        'parent: cong-doan-vien-chuc-tinh-quang-ngai',
        'province: Quảng Ngãi',
        'lineage:',
        '  - relation: predecessor',
        '    unit: cong-doan-vksnd-tinh-quang-ngai',
        '    date: 2025-07-01',
        '    kind: renamed',
        '---',
        '',
        'Đơn vị thử nghiệm.',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'awards', `${revoked}.yaml`),
      [
        'form: giay-khen',
        'title: Hoàn thành tốt nhiệm vụ',
        'conferredBy:',
        '  name: Ủy ban nhân dân tỉnh Quảng Ngãi',
        '  level: tinh',
        'year: 2024',
        'decision:',
        '  number: 99/QĐ-UBND',
        '  date: 2025-01-15',
        'recipients:',
        '  - kind: individual',
        '    name: Nguyễn Văn A',
        '    role: Chủ tịch Công đoàn',
        '    unit: cong-doan-vksnd-tinh-quang-ngai',
        'status: revoked',
        'revocation:',
        '  date: 2025-03-01',
        '  reason: Hồ sơ đề nghị khen thưởng không đúng quy định.',
        '  decision: 12/QĐ-UBND',
        '',
      ].join('\n'),
    );
    const { status, output } = buildSite(dist, { CONTENT_DIR: dir });
    if (status !== 0) throw new Error(`Build of the generated archive failed:\n${output.slice(-6000)}`);
  }, 600_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  const articleLinks = (doc: Root) =>
    all(doc, (e) => e.tagName === 'ul' && hasClass(e, 'item-list'))
      .flatMap((ul) => all(ul, tag('a')))
      .map((a) => attr(a, 'href'));
  const relLink = (doc: Root, rel: string) =>
    all(doc, (e) => e.tagName === 'link' && attr(e, 'rel') === rel).map((l) => attr(l, 'href'));

  it('paginates the news list 20 per page with prev/next links and page numbers', () => {
    // The archive is made from content/ alone (not the test site's overlay).
    const bundled = readdirSync(join(projectRoot, 'content/news')).filter((f) => /\.mdx?$/.test(f)).length;
    expect(total).toBe(bundled + EXTRA + 1);
    const pages = Math.ceil(total / 20);
    expect(pages).toBe(3);
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const doc = load(dist, routes.newsList(p));
      const links = articleLinks(doc);
      expect(links, `page ${p}`).toHaveLength(p < pages ? 20 : total - 40);
      seen.push(...(links as string[]));
      expect(relLink(doc, 'prev')).toEqual(p > 1 ? [routes.newsList(p - 1)] : []);
      expect(relLink(doc, 'next')).toEqual(p < pages ? [routes.newsList(p + 1)] : []);
      const pager = all(doc, (e) => e.tagName === 'nav' && attr(e, 'ariaLabel') === 'Phân trang')[0]!;
      const pagerText = text(pager);
      expect(pagerText.includes('Trang trước')).toBe(p > 1);
      expect(pagerText.includes('Trang sau')).toBe(p < pages);
      const current = all(pager, (e) => attr(e, 'ariaCurrent') === 'page');
      expect(text(current[0]!)).toBe(`Trang ${p}`);
      if (p > 1) expect(text(all(doc, tag('title'))[0]!)).toBe(`Tin tức – Trang ${p} – ${SITE_NAME}`);
    }
    expect(new Set(seen).size).toBe(total);
    expect(existsSync(fileOf(dist, '/tin-tuc/trang/1/'))).toBe(false);
    expect(existsSync(fileOf(dist, routes.newsList(pages + 1)))).toBe(false);
  });

  it('paginates the award lists by year and by form, 50 per page, grouped under headings', () => {
    const awardLinks = (doc: Root) =>
      all(doc, (e) => e.tagName === 'ul' && hasClass(e, 'item-list'))
        .flatMap((ul) => all(ul, tag('a')))
        .map((a) => attr(a, 'href'))
        .filter((h) => h?.startsWith('/khen-thuong/'));
    const groupHeadings = (doc: Root) =>
      all(doc, (e) => e.tagName === 'section' && hasClass(e, 'history-year')).map((sec) =>
        text(all(sec, tag('h2'))[0]!),
      );

    const year1 = load(dist, routes.awardYear(2019));
    const year2 = load(dist, routes.awardYear(2019, 2));
    expect(routes.awardYear(2019, 2)).toBe('/khen-thuong/nam/2019/trang/2/');
    expect(awardLinks(year1)).toHaveLength(50);
    expect(awardLinks(year2)).toHaveLength(MANY_AWARDS - 50);
    expect(new Set([...awardLinks(year1), ...awardLinks(year2)]).size).toBe(MANY_AWARDS);
    expect(groupHeadings(year1)).toEqual(['Giấy khen (50)']);
    expect(relLink(year1, 'next')).toEqual([routes.awardYear(2019, 2)]);
    expect(relLink(year2, 'prev')).toEqual([routes.awardYear(2019)]);
    expect(text(all(year2, tag('h1'))[0]!)).toBe('Khen thưởng năm 2019 – Trang 2');
    expect(existsSync(fileOf(dist, routes.awardYear(2019, 3)))).toBe(false);

    // Form list: this test's revoked 2024 Giấy khen first (the newest year), then the sixty of 2019
    // (49 on page 1, 11 on page 2).
    const form1 = load(dist, routes.awardForm('giay-khen'));
    const form2 = load(dist, routes.awardForm('giay-khen', 2));
    expect(groupHeadings(form1)).toEqual(['Năm 2024 (1)', 'Năm 2019 (49)']);
    expect(groupHeadings(form2)).toEqual(['Năm 2019 (11)']);
    expect(relLink(form1, 'next')).toEqual([routes.awardForm('giay-khen', 2)]);
  });

  it('shows an article’s hero image through astro:assets, with alt text, size and caption', () => {
    const doc = load(dist, routes.article(illustrated));
    const [figure] = all(doc, (e) => e.tagName === 'figure' && hasClass(e, 'hero'));
    const [img] = all(figure!, tag('img'));
    expect(attr(img!, 'alt')).toBe('Quang cảnh hội nghị tổng kết');
    expect(attr(img!, 'src')).toMatch(/^\/_astro\/anh-bia-thu-nghiem\.[\w-]+\.webp$/);
    expect(attr(img!, 'srcSet')?.split(',').length).toBeGreaterThan(1);
    expect(Number(attr(img!, 'width'))).toBeGreaterThan(0);
    expect(Number(attr(img!, 'height'))).toBeGreaterThan(0);
    expect(text(all(figure!, tag('figcaption'))[0]!)).toBe('Quang cảnh hội nghị tổng kết năm.');
  });

  it('shows a revoked award clearly, with its date and reason', () => {
    const doc = load(dist, routes.award(revoked));
    const [notice] = all(doc, (e) => hasClass(e, 'notice--revoked'));
    expect(prose(notice!)).toBe(
      'Đã thu hồi ngày 01/03/2025 theo Quyết định số 12/QĐ-UBND. Lý do: Hồ sơ đề nghị khen thưởng không đúng quy định.',
    );
    const recipients = prose(
      all(doc, (e) => e.tagName === 'section' && attr(e, 'ariaLabelledBy') === 'nguoi-nhan')[0]!,
    );
    expect(recipients).toContain(
      'Cá nhân Nguyễn Văn A, Chủ tịch Công đoàn — Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
    );
    expect(recipients).toContain('Đơn vị kế thừa: Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi (mới)');
    // Listed with a badge wherever awards are listed.
    const yearPage = load(dist, routes.awardYear(2024));
    expect(text(all(yearPage, (e) => hasClass(e, 'badge'))[0]!)).toBe('Đã thu hồi');
  });

  it('a renamed unit inherits its predecessor’s award history and shows its lineage', () => {
    const doc = load(dist, routes.unit(successor));
    const history = all(doc, (e) => e.tagName === 'section' && attr(e, 'ariaLabelledBy') === 'lich-su-khen-thuong')[0]!;
    const hrefs = all(history, tag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toContain(routes.award('2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai'));
    expect(hrefs).toContain(routes.award(revoked));
    expect(prose(history)).toContain(
      'Trao cho đơn vị tiền thân: Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi.',
    );
    const lineage = all(doc, (e) => e.tagName === 'section' && attr(e, 'ariaLabelledBy') === 'qua-trinh')[0]!;
    expect(prose(lineage)).toContain(
      'Đơn vị tiền thân Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi — Đổi tên, ngày 01/07/2025',
    );
    const unitFilters = all(doc, (e) => attr(e, 'dataPagefindFilter') === 'unit[data-value]').map((e) =>
      attr(e, 'dataValue'),
    );
    expect(unitFilters).toContain('Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi');
    // The dossier table includes and marks the predecessor's awards.
    const dossier = prose(load(dist, routes.unitDossier(successor)));
    expect(dossier).toContain('Đơn vị tiền thân: Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi.');
    expect(dossier).toContain(
      'Gồm cả khen thưởng của đơn vị tiền thân: Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi.',
    );
    // …and the predecessor names its successor.
    const old = load(dist, routes.unit('cong-doan-vksnd-tinh-quang-ngai'));
    expect(all(old, tag('a')).map((a) => attr(a, 'href'))).toContain(routes.unit(successor));
  });
});
