/**
 * Search in real Chromium against built sites: the bundled content (.build-tmp/test-dist) and a
 * generated archive of a few hundred articles built once here with CONTENT_DIR.
 * Tone-free queries ("cong doan", "d" for "đ") must return every page the accented query returns;
 * before the d-folding fix Pagefind lost every page that lacked the unrelated word "do".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { buildSite, PINNED_SITE_NOW } from '../../scripts/lib/build-site.ts';
import { projectRoot, testDist } from '../../scripts/lib/paths.ts';
import { generateArchive, type GeneratedArchive } from '../../scripts/lib/synthetic-archive/index.ts';
import { PAGE_SIZE } from '../../src/search/client.ts';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { extractIndexedText } from '../../src/search/fold.ts';
import { mergeAllShardsScript } from '../support/search-shards.ts';

/** Accented query → the same query typed without marks and with d for đ. */
const QUERY_PAIRS: [string, string][] = [
  ['Công đoàn', 'cong doan'],
  ['đoàn', 'doan'],
  ['thi đua', 'thi dua'],
  ['người lao động', 'nguoi lao dong'],
];

const foldPlain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .toLowerCase();

async function openSearch(page: Page, site: StaticServer, search: string) {
  await page.goto(site.url(`/tim-kiem/${search}`));
  await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 30_000 });
}

/**
 * Every result URL for a search, following the pager. The page searches older shards only when a
 * later page needs them, so the total is final (data-complete) on the last page.
 */
async function allResults(page: Page, site: StaticServer, search: string): Promise<string[]> {
  await openSearch(page, site, search);
  const urls: string[] = [];
  for (;;) {
    urls.push(...(await page.$$eval('[data-result-url]', (els) => els.map((e) => e.getAttribute('data-result-url')!))));
    const next = page.locator('[data-pager-next][href]');
    if ((await next.count()) === 0) break;
    const pageNo = Math.ceil(urls.length / PAGE_SIZE) + 1;
    await next.click();
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('page') === String(n), pageNo);
    await page.waitForSelector('[data-search-app][data-state="ready"]');
  }
  expect(await page.getAttribute('[data-search-app]', 'data-complete')).toBe('true');
  const total = Number(await page.getAttribute('[data-search-app]', 'data-total'));
  expect(urls.length).toBe(total);
  expect(new Set(urls).size).toBe(urls.length);
  return urls;
}

const q = (text: string) => `?q=${encodeURIComponent(text)}`;

/**
 * A field of every result of a query, straight from the site's Pagefind shards in the page, all
 * merged into one instance (tests/support/search-shards.ts). Evaluated from a string: vitest would
 * rewrite a dynamic import() inside a function.
 */
function pagefindField(site: StaticServer, query: string, field: 'url' | 'content'): Promise<string[]> {
  // A page of its own: the search page's client has loaded the same pagefind.js module already.
  return browser.newPage().then(async (page) => {
    try {
      await page.goto(site.url('/'));
      return await page.evaluate(`(async () => {
        ${mergeAllShardsScript('/pagefind/')}
        const r = await pagefind.search(${JSON.stringify(query)});
        return Promise.all(r.results.map(async (x) => (await x.data())[${JSON.stringify(field)}]));
      })()`);
    } finally {
      await page.close();
    }
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The test builds' clock (scripts/lib/build-site.ts pins SITE_NOW). */
const SITE_NOW = new Date(PINNED_SITE_NOW);

/**
 * Published Markdown articles of a content tree whose title, summary or body contains the phrase
 * (accents as typed, case-insensitive): a lower bound of what the search must find.
 */
function articlesContaining(newsDir: string, phrase: string): string[] {
  return readdirSync(newsDir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => {
      const [, front = '', body = ''] =
        /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(newsDir, f), 'utf8')) ?? [];
      const data = parse(front) as { title?: string; summary?: string; draft?: boolean; publishedAt?: string };
      if (data.draft || (data.publishedAt && new Date(data.publishedAt) > SITE_NOW)) return false;
      const text = `${data.title ?? ''} ${data.summary ?? ''} ${body}`.replace(/\s+/g, ' ').toLowerCase();
      return text.includes(phrase.toLowerCase());
    })
    .map((f) => f.replace(/\.md$/, ''));
}

/**
 * Every result URL of a query straight from the site's Pagefind bundle (fast on big archives),
 * checked against the total the search page reports for the same query.
 */
async function indexResults(page: Page, site: StaticServer, query: string): Promise<string[]> {
  // A page far beyond the last makes the page search every shard: its total is then complete.
  await openSearch(page, site, `${q(query)}&page=9999`);
  expect(await page.getAttribute('[data-search-app]', 'data-complete')).toBe('true');
  const shown = Number(await page.getAttribute('[data-search-app]', 'data-total'));
  const urls = await pagefindField(site, query, 'url');
  // The page shows at least the index's results (it may add d-folded ones after them).
  expect(shown).toBeGreaterThanOrEqual(urls.length);
  return urls;
}

function checkSameResults(siteFn: () => StaticServer, newsDir: () => string, mode: 'ui' | 'index') {
  it.each(QUERY_PAIRS)(
    '“%s” and “%s” find the same pages, every article containing it included',
    async (accented, plain) => {
      const page = await browser.newPage();
      try {
        const site = siteFn();
        const collect =
          mode === 'ui'
            ? (text: string) => allResults(page, site, q(text))
            : (text: string) => indexResults(page, site, text);
        const exact = await collect(accented);
        const folded = await collect(plain);
        // Every article whose text contains the accented phrase is found by both queries.
        const expected = articlesContaining(newsDir(), accented).map((id) => `/tin-tuc/${id}/`);
        expect(expected.length).toBeGreaterThan(0);
        for (const url of expected) {
          expect(exact, `${accented}: ${url}`).toContain(url);
          expect(folded, `${plain}: ${url}`).toContain(url);
        }
        // The tone-free query misses nothing the accented one finds.
        expect(exact.filter((u) => !folded.includes(u))).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
}

describe('search on the bundled content', () => {
  let site: StaticServer;
  beforeAll(async () => {
    site = await serveStatic(testDist);
  });
  afterAll(async () => {
    await site?.close();
  });

  checkSameResults(
    () => site,
    () => join(projectRoot, 'content/news'),
    'ui',
  );

  it('highlights the terms in excerpts, also when matched through đ → d', async () => {
    const page = await browser.newPage();
    await openSearch(page, site, q('cong doan'));
    const marks = await page.$$eval('[data-search-results] mark', (els) => els.map((e) => e.textContent ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    const words = marks.map((m) => foldPlain(m).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    expect(
      words.every((m) => /^(cong|doan)/.test(m)),
      words.join(' '),
    ).toBe(true);
    expect(marks.some((m) => m.includes('đoàn') || m.includes('Đoàn'))).toBe(true);
    await page.close();
  });

  it('indexes main content only: header, navigation and footer text are in no result', async () => {
    const article = readdirSync(join(projectRoot, 'content/news'))
      .find((f) => f.endsWith('.md'))!
      .replace(/\.md$/, '');
    const html = readFileSync(resolve(testDist, `tin-tuc/${article}/index.html`), 'utf8');
    expect(html).toMatch(/<header[^>]*data-pagefind-ignore/);
    expect(html).toMatch(/<footer[^>]*data-pagefind-ignore/);
    expect(html).toContain('data-pagefind-body');
    const page = await browser.newPage();
    await openSearch(page, site, '');
    const contents = await pagefindField(site, 'cong doan', 'content');
    expect(contents.length).toBeGreaterThan(5);
    for (const text of contents) {
      expect(text).not.toContain('Bỏ qua điều hướng');
      expect(text).not.toContain('Điều hướng chính');
      expect(text).not.toMatch(/Trang chủ Tin tức Đơn vị Khen thưởng Tìm kiếm/);
    }
    await page.close();
  });

  it('browses award history with filters only, grouped by year', async () => {
    const awardsDir = join(projectRoot, 'content/awards');
    const awards = readdirSync(awardsDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({
        id: f.replace(/\.yaml$/, ''),
        ...(parse(readFileSync(join(awardsDir, f), 'utf8')) as { form: string; year: number }),
      }));
    const expected = awards
      .filter((a) => a.form === 'bang-khen' && a.year === 2022)
      .map((a) => `/khen-thuong/${a.id}/`);
    expect(expected.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    const urls = await allResults(
      page,
      site,
      `?type=${encodeURIComponent('Khen thưởng')}&form=${encodeURIComponent('Bằng khen')}&year=2022`,
    );
    expect(urls.sort()).toEqual(expected.sort());
    expect(await page.$$eval('.year-group', (els) => els.map((e) => e.getAttribute('data-year')))).toEqual(['2022']);
    // Compact HTML (<dt>…</dt><dd>…</dd>) is indexed as separate words: no "thứcBằng".
    const excerpts = await page.$$eval('.result-excerpt', (els) => els.map((e) => e.textContent ?? ''));
    expect(excerpts.filter((t) => /\p{Ll}\p{Lu}/u.test(t))).toEqual([]);
    // Every year with awards, newest first, when only the type is chosen.
    await openSearch(page, site, `?type=${encodeURIComponent('Khen thưởng')}`);
    const years = (
      await page.$$eval('.year-group', (els) => els.map((e) => Number(e.getAttribute('data-year'))))
    ).filter(Boolean);
    expect(years.length).toBeGreaterThan(1);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/kết quả/);
    await page.close();
  });

  it('restores a search from its URL, and back/forward restore the previous state', async () => {
    const page = await browser.newPage();
    await openSearch(page, site, `?q=thi+dua&sort=date`);
    expect(await page.inputValue('#search-q')).toBe('thi dua');
    expect(await page.inputValue('#search-sort')).toBe('date');
    const first = await page.$$eval('[data-result-url]', (els) => els.map((e) => e.getAttribute('data-result-url')));
    expect(first.length).toBeGreaterThan(0);
    // Results by date: the shown dates (or award years) never increase; units show none.
    const years = (
      await page.$$eval('.result-meta', (els) =>
        els.map((e) => Number(/(\d{4})\s*$/.exec(e.textContent ?? '')?.[1] ?? 0)),
      )
    ).filter(Boolean);
    expect(years.length).toBeGreaterThan(1);
    expect([...years].sort((a, b) => b - a)).toEqual(years);

    // A new search from the keyboard updates the URL ...
    await page.fill('#search-q', 'Bằng khen');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Bằng khen');
    await page.waitForSelector('[data-search-app][data-state="ready"]');
    // ... and Back restores the previous one.
    await page.goBack();
    await page.waitForFunction(() => (document.querySelector('#search-q') as HTMLInputElement).value === 'thi dua');
    await page.waitForSelector('[data-search-app][data-state="ready"]');
    const restored = await page.$$eval('[data-result-url]', (els) => els.map((e) => e.getAttribute('data-result-url')));
    expect(restored).toEqual(first);
    await page.close();
  });

  it('is usable with the keyboard and announces the result count', async () => {
    const page = await browser.newPage();
    await openSearch(page, site, '');
    expect(await page.getAttribute('form[data-search-form]', 'role')).toBe('search');
    expect(await page.getAttribute('[data-search-status]', 'aria-live')).toBe('polite');
    expect(await page.locator('label[for="search-q"]').count()).toBe(1);
    await page.focus('#search-q');
    await page.keyboard.type('cong doan');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /kết quả cho “cong doan”/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
    );
    // A filter checkbox can be reached and toggled from the keyboard.
    const box = page.locator('[data-filter-group="type"] input[type=checkbox]').first();
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('type'));
    await page.waitForSelector('[data-search-app][data-state="ready"]');
    // Focus stays on the toggled checkbox although the filter list was re-rendered.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('type');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
    await page.close();
  });

  it('works under the strict Content-Security-Policy', async () => {
    const strict = await serveStatic(testDist, {
      headers: {
        'content-security-policy':
          "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
      },
    });
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    try {
      await openSearch(page, strict, q('cong doan'));
      expect(Number(await page.getAttribute('[data-search-app]', 'data-total'))).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
      await strict.close();
    }
  });
});

describe('search on a generated archive', () => {
  const archiveDir = resolve(projectRoot, '.build-tmp/search-archive-content');
  const archiveDist = resolve(projectRoot, '.build-tmp/search-archive-dist');
  let site: StaticServer;
  let archive: GeneratedArchive;
  beforeAll(async () => {
    archive = await generateArchive({
      dir: archiveDir,
      articles: 400,
      base: join(projectRoot, 'content'),
      images: 3,
      heroShare: 0.05,
    });
    // Small shards (about 60 pages), so that the archive's 2014–2025 spread over many of them.
    const { status, output } = buildSite(archiveDist, { CONTENT_DIR: archiveDir, SEARCH_SHARD_PAGES: '60' });
    if (status !== 0) throw new Error(`Archive build failed:\n${output.slice(-6000)}`);
    // The same pages in one index, as before sharding: what the shards must find too.
    await buildSearchIndex(
      archiveDist,
      { info: () => {}, warn: () => {} },
      { sharded: false, bundleDir: 'pagefind-single' },
    );
    site = await serveStatic(archiveDist);
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  checkSameResults(
    () => site,
    () => join(archiveDir, 'news'),
    'index',
  );

  it('is built in many shards of year ranges, a year bigger than a shard in month ranges', () => {
    const { shards } = JSON.parse(readFileSync(join(archiveDist, 'pagefind/shards.json'), 'utf8')) as {
      shards: { id: string; from: number | null; months?: { from: number; to: number } }[];
    };
    expect(shards.filter((s) => s.from !== null).length).toBeGreaterThanOrEqual(4);
    // So the walk over every page below also crosses the parts of one year.
    expect(shards.filter((s) => s.months).map((s) => s.id)).not.toEqual([]);
  });

  it('finds with the shards every page the single index finds', async () => {
    const searches: [string | null, Record<string, { any: string[] }>][] = [
      ...QUERY_PAIRS.flat().map((text): [string, Record<string, never>] => [text, {}]),
      ['bằng khen', {}],
      ['hai phong', {}],
      ['khen thưởng', { year: { any: ['2022'] } }],
      [null, { type: { any: ['Khen thưởng'] }, year: { any: ['2022'] } }],
      [null, { type: { any: ['Đơn vị'] } }],
    ];
    const urlsOf = async (script: string) => {
      const page = await browser.newPage();
      try {
        await page.goto(site.url('/'));
        return await page.evaluate(`(async () => {
          ${script}
          const out = [];
          for (const [term, filters] of ${JSON.stringify(searches)}) {
            const r = await pagefind.search(term, { filters });
            out.push((await Promise.all(r.results.map(async (x) => (await x.data()).url))).sort());
          }
          return out;
        })()`);
      } finally {
        await page.close();
      }
    };
    const single = (await urlsOf(`const pagefind = await import('/pagefind-single/pagefind.js');`)) as string[][];
    const sharded = (await urlsOf(mergeAllShardsScript('/pagefind/'))) as string[][];
    searches.forEach(([term, filters], i) => {
      const what = `${term} ${JSON.stringify(filters)}`;
      expect(single[i]!.length, what).toBeGreaterThan(0);
      if (term === null) {
        expect(sharded[i], what).toEqual(single[i]);
        return;
      }
      // Pagefind also extends a query word to longer words ("thi" → "thiện") found in the index
      // chunks it loads, and chunk boundaries differ between one index and several: such
      // prefix-only matches may differ. Every page that has each query word as a word is in both.
      const words = foldPlain(term).split(' ');
      const hasEveryWord = (url: string) => {
        const text = foldPlain(extractIndexedText(readFileSync(join(archiveDist, url, 'index.html'), 'utf8')).text);
        const inText = new Set(text.split(/[^\p{L}\p{N}]+/u));
        return words.every((w) => inText.has(w));
      };
      const missing = single[i]!.filter((u) => !sharded[i]!.includes(u));
      expect(missing.filter(hasEveryWord), what).toEqual([]);
      expect(missing.length, what).toBeLessThanOrEqual(Math.ceil(single[i]!.length * 0.01));
      const extra = sharded[i]!.filter((u) => !single[i]!.includes(u));
      expect(extra.filter((u) => !hasEveryWord(u)).length, what).toBeLessThanOrEqual(
        Math.ceil(single[i]!.length * 0.01),
      );
    });
  });

  it('shows every result across shards newest first, walking the pages', async () => {
    const page = await browser.newPage();
    await openSearch(page, site, '?q=cong+doan&sort=date');
    const first = await page.getAttribute('[data-search-app]', 'data-shards');
    expect(first!.split(' ').length).toBeLessThan(
      (JSON.parse(readFileSync(join(archiveDist, 'pagefind/shards.json'), 'utf8')) as { shards: unknown[] }).shards
        .length,
    );
    const urls: string[] = [];
    const dates: string[] = [];
    for (let n = 1; ; n++) {
      urls.push(
        ...(await page.$$eval('[data-result-url]', (els) => els.map((e) => e.getAttribute('data-result-url')!))),
      );
      dates.push(
        ...(await page.$$eval('[data-result-date]', (els) => els.map((e) => e.getAttribute('data-result-date')!))),
      );
      const next = page.locator('[data-pager-next][href]');
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForFunction((k) => new URL(location.href).searchParams.get('page') === String(k), n + 1);
      await page.waitForSelector('[data-search-app][data-state="ready"]');
    }
    expect(new Set(urls).size).toBe(urls.length);
    // The same pages as all shards merged in one instance (compared with the single index above),
    // in date order across shards (undated pages last).
    expect([...urls].sort()).toEqual((await pagefindField(site, 'cong doan', 'url')).sort());
    expect(dates.length).toBe(urls.length);
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.close();
  });

  it('browses one year of Bằng khen records of the archive', async () => {
    const page = await browser.newPage();
    const year = 2022;
    const expected = archive.awards.filter((a) => a.form === 'bang-khen' && a.year === year && !a.draft).length;
    const urls = await allResults(
      page,
      site,
      `?type=${encodeURIComponent('Khen thưởng')}&form=${encodeURIComponent('Bằng khen')}&year=${year}`,
    );
    // Generated records plus the bundled ones of that year.
    expect(urls.length).toBeGreaterThanOrEqual(expected);
    expect(urls.every((u) => u.startsWith('/khen-thuong/'))).toBe(true);
    await page.close();
  });

  it('ranks pages with the exact diacritics first', async () => {
    const page = await browser.newPage();
    await openSearch(page, site, q('Công đoàn'));
    const firstMarks = await page.$$eval('[data-search-results] li:first-child mark', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(firstMarks.some((m) => /^(công|đoàn)/i.test(m.replace(/[^\p{L}]/gu, '')))).toBe(true);
    await page.close();
  });
});
