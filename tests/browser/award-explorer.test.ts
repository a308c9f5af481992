/**
 * The award explorer (/khen-thuong/tra-cuu/) in real Chromium, on the bundled content plus
 * tests/fixtures/award-explorer/ (a merged unit with its successor and a sub-unit, decision
 * numbers, a revoked award, an individual, a draft), built once here in an isolated root.
 * Expectations come from the content files, not from the explorer's data.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { isolatedBuild } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const work = join(projectRoot, '.build-tmp/award-explorer-test');
const content = join(work, 'content');
const dist = join(work, 'dist');
const fixture = join(projectRoot, 'tests/fixtures/award-explorer');

const PREDECESSOR = 'cong-doan-vks-khu-vuc-son-tinh';
const SUCCESSOR = 'cong-doan-vks-khu-vuc-1-quang-ngai';
const DECISION_38 = '2019-bang-khen-vks-son-tinh';
const DECISION_138 = '2025-bang-khen-vks-khu-vuc-1';
const REVOKED = '2021-giay-khen-vks-son-tinh-thu-hoi';
const PERSON = '2025-chien-si-thi-dua-dang-thi-hong';
const DRAFT = '2025-giay-khen-ban-nhap';

interface AwardFile {
  id: string;
  form: string;
  year: number;
  draft?: boolean;
  status?: string;
  decision?: { number?: string };
  recipients: { kind: string }[];
}

/** The published award records of the test content, from their YAML files. */
function awardFiles(): AwardFile[] {
  const dir = join(content, 'awards');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({
      id: f.replace(/\.yaml$/, ''),
      ...(parse(readFileSync(join(dir, f), 'utf8')) as Omit<AwardFile, 'id'>),
    }))
    .filter((a) => !a.draft);
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  for (const sub of ['units', 'awards']) cpSync(join(fixture, sub), join(content, sub), { recursive: true });
  const built = await isolatedBuild({ workDir: work, contentDir: content, outDir: dist });
  if (built.status !== 0) throw new Error(`Fixture build failed:\n${built.output.slice(-6000)}`);
  browser = await launchChromium();
  site = await serveStatic(dist);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openExplorer(search = '', page?: Page): Promise<Page> {
  const p = page ?? (await browser.newPage());
  await p.goto(site.url(`/khen-thuong/tra-cuu/${search}`));
  await p.waitForSelector('[data-award-explorer][data-state="ready"]', { timeout: 30_000 });
  return p;
}

/** Award ids of the rows shown, in order. */
const shownIds = (page: Page) =>
  page.$$eval('[data-explorer-rows] tr', (rows) => rows.map((r) => r.getAttribute('data-award-id')!));

/** Change a control as a reader does, then wait for the table to reflect it. */
async function choose(page: Page, field: string, value: string) {
  const control = page.locator(`[data-field="${field}"]`);
  const type = await control.getAttribute('type');
  if (type === 'checkbox') await control.setChecked(value === '1');
  else if (type === 'search') await control.fill(value);
  else await control.selectOption(value);
  await page.waitForFunction(
    () => document.querySelector('[data-award-explorer]')?.getAttribute('data-state') === 'ready',
  );
  // Typing waits a moment before filtering.
  if (type === 'search') await page.waitForTimeout(400);
}

describe('award explorer', () => {
  it('filters by a unit, then with its predecessors, then with its sub-units', async () => {
    const page = await openExplorer(`?don-vi=${SUCCESSOR}`);
    expect(await shownIds(page)).toEqual([DECISION_138]);
    await choose(page, 'predecessors', '1');
    expect((await shownIds(page)).sort()).toEqual([DECISION_38, REVOKED, DECISION_138].sort());
    await choose(page, 'subUnits', '1');
    expect((await shownIds(page)).sort()).toEqual([DECISION_38, REVOKED, DECISION_138, PERSON].sort());
    await page.waitForFunction(
      () => location.search.includes('tien-than=1') && location.search.includes('truc-thuoc=1'),
    );
    // The predecessor alone has only its own awards.
    await choose(page, 'unit', PREDECESSOR);
    expect((await shownIds(page)).sort()).toEqual([DECISION_38, REVOKED].sort());
    await page.close();
  });

  it('a unit page links to its awards in the explorer, predecessors included', async () => {
    const page = await browser.newPage();
    await page.goto(site.url(`/don-vi/${SUCCESSOR}/`));
    await page.click('#lich-su-khen-thuong ~ p a[href*="/khen-thuong/tra-cuu/"]');
    await page.waitForSelector('[data-award-explorer][data-state="ready"]');
    expect((await shownIds(page)).sort()).toEqual([DECISION_38, REVOKED, DECISION_138].sort());
    expect(await page.isChecked('[data-field="predecessors"]')).toBe(true);
    await page.close();
  });

  it('filters by a year range and by form, with the counts of the content files', async () => {
    const page = await openExplorer();
    const files = awardFiles();
    expect(Number(await page.getAttribute('[data-award-explorer]', 'data-total'))).toBe(files.length);
    await choose(page, 'from', '2021');
    await choose(page, 'to', '2022');
    const inRange = files.filter((a) => a.year >= 2021 && a.year <= 2022).map((a) => a.id);
    expect(inRange.length).toBeGreaterThan(1);
    expect((await shownIds(page)).sort()).toEqual(inRange.sort());
    await choose(page, 'form', 'bang-khen');
    const both = files.filter((a) => a.year >= 2021 && a.year <= 2022 && a.form === 'bang-khen').map((a) => a.id);
    expect(both.length).toBeGreaterThan(0);
    expect((await shownIds(page)).sort()).toEqual(both.sort());
    await choose(page, 'from', '');
    await choose(page, 'to', '');
    expect((await shownIds(page)).sort()).toEqual(
      files
        .filter((a) => a.form === 'bang-khen')
        .map((a) => a.id)
        .sort(),
    );
    await page.close();
  });

  it('downloads as CSV exactly the rows shown, with a BOM, and marks the revoked award revoked', async () => {
    const page = await openExplorer(`?don-vi=${SUCCESSOR}&tien-than=1&truc-thuoc=1`);
    const revokedRow = page.locator(`[data-explorer-rows] tr[data-award-id="${REVOKED}"]`);
    expect(await revokedRow.getAttribute('data-revoked')).toBe('true');
    expect(await revokedRow.innerText()).toContain('Đã thu hồi');
    expect(await page.locator('[data-explorer-rows] tr[data-revoked]').count()).toBe(1);
    expect(await page.textContent('[data-explorer-status]')).toContain('1 đã thu hồi');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-explorer-csv]')]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsv(bytes.toString('utf8').slice(1));
    const col = (name: string) => header!.indexOf(name);
    expect(header).toEqual(expect.arrayContaining(['Năm', 'Hình thức', 'Số quyết định', 'Hiệu lực', 'Đường dẫn']));

    // Same rows, same order, same cells as the table.
    const table = await page.$$eval('[data-explorer-rows] tr', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-award-id')!,
        cells: [...(tr as HTMLTableRowElement).cells].map((td) => td.innerText),
      })),
    );
    expect(rows.map((r) => new URL(r[col('Đường dẫn')]!).pathname)).toEqual(table.map((t) => `/khen-thuong/${t.id}/`));
    rows.forEach((r, i) => {
      const [year, what, , , decision, validity] = table[i]!.cells;
      expect(r[col('Năm')]).toBe(year);
      expect(what).toContain(r[col('Hình thức')]);
      expect(decision).toContain(r[col('Số quyết định')]);
      expect(validity).toContain(r[col('Hiệu lực')]);
    });
    const revoked = rows.find((r) => r[col('Đường dẫn')]!.includes(REVOKED))!;
    expect(revoked[col('Hiệu lực')]).toBe('Đã thu hồi');
    expect(revoked[col('Ngày thu hồi')]).toBe('02/05/2023');
    expect(rows.filter((r) => r[col('Hiệu lực')] === 'Đã thu hồi')).toHaveLength(1);
    await page.close();
  });

  it('a URL restores the same view: filters, text, sort and table', async () => {
    const page = await openExplorer();
    await choose(page, 'form', 'bang-khen');
    await choose(page, 'from', '2019');
    await choose(page, 'q', 'vkstc');
    await page.click('button[data-sort="decision"]');
    await page.waitForFunction(() => location.search.includes('sap-xep=so-quyet-dinh'));
    const url = page.url();
    const before = {
      ids: await shownIds(page),
      status: await page.textContent('[data-explorer-status]'),
      sort: await page.getAttribute('th[data-sort-key="decision"]', 'aria-sort'),
    };
    expect(before.ids).toEqual([DECISION_38, DECISION_138]);

    const fresh = await browser.newPage();
    await fresh.goto(url);
    await fresh.waitForSelector('[data-award-explorer][data-state="ready"]');
    expect(await shownIds(fresh)).toEqual(before.ids);
    expect(await fresh.textContent('[data-explorer-status]')).toBe(before.status);
    expect(await fresh.getAttribute('th[data-sort-key="decision"]', 'aria-sort')).toBe(before.sort);
    expect(await fresh.inputValue('[data-field="form"]')).toBe('bang-khen');
    expect(await fresh.inputValue('[data-field="from"]')).toBe('2019');
    expect(await fresh.inputValue('[data-field="q"]')).toBe('vkstc');
    // Back restores the view before the sort.
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('sap-xep'));
    expect(await page.getAttribute('th[data-sort-key="decision"]', 'aria-sort')).toBeNull();
    await page.close();
    await fresh.close();
  });

  it.each(['38/QĐ-VKSTC', '38/QD-VKSTC', '38 qđ vkstc', '38/qd-vkstc'])(
    'the decision number typed “%s” finds its record (and not 138/QĐ-VKSTC)',
    async (typed) => {
      const page = await openExplorer(`?q=${encodeURIComponent(typed)}`);
      expect(await shownIds(page)).toEqual([DECISION_38]);
      await page.close();
    },
  );

  it.each(['Đặng Thị Hồng', 'dang thi hong', 'Dang Thi Hong', 'đặng thị'])(
    'the name typed “%s” finds the person',
    async (typed) => {
      const page = await openExplorer();
      await choose(page, 'q', typed);
      expect(await shownIds(page)).toEqual([PERSON]);
      await page.close();
    },
  );

  it('filters revoked awards and awards to individuals', async () => {
    const page = await openExplorer('?hieu-luc=da-thu-hoi');
    const revoked = awardFiles()
      .filter((a) => a.status === 'revoked')
      .map((a) => a.id);
    expect(revoked).toContain(REVOKED);
    expect((await shownIds(page)).sort()).toEqual(revoked.sort());
    expect(await page.locator('[data-explorer-rows] tr[data-revoked="true"]').count()).toBe(revoked.length);
    await choose(page, 'status', '');
    await choose(page, 'kind', 'individual');
    const individual = awardFiles()
      .filter((a) => a.recipients.some((r) => r.kind === 'individual'))
      .map((a) => a.id);
    expect(individual).toContain(PERSON);
    expect((await shownIds(page)).sort()).toEqual(individual.sort());
    await page.close();
  });

  it('never holds a draft, and every published record once', async () => {
    const data = JSON.parse(readFileSync(join(dist, 'khen-thuong/tra-cuu/du-lieu.json'), 'utf8')) as {
      a: { id: string[]; n: string[]; d: string[] };
    };
    expect(data.a.id).not.toContain(DRAFT);
    expect(data.a.n.join(' ')).not.toContain('Bản Ghi Nháp');
    expect(data.a.d).not.toContain('99/QĐ-NHAP');
    expect([...data.a.id].sort()).toEqual(
      awardFiles()
        .map((a) => a.id)
        .sort(),
    );
  });

  it('without JavaScript, points to the award lists by year and by form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/khen-thuong/tra-cuu/'));
    expect(await page.locator('[data-explorer-form]').isVisible()).toBe(false);
    const links = await page.$$eval('[data-explorer-fallback] a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toContain('/khen-thuong/nam/2019/');
    expect(links).toContain('/khen-thuong/hinh-thuc/bang-khen/');
    await context.close();
  });
});

describe('site search finds award records by decision number and by name', () => {
  async function searchUrls(query: string): Promise<string[]> {
    const page = await browser.newPage();
    await page.goto(site.url(`/tim-kiem/?q=${encodeURIComponent(query)}`));
    await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 30_000 });
    const urls = await page.$$eval('[data-result-url]', (els) => els.map((e) => e.getAttribute('data-result-url')!));
    await page.close();
    return urls;
  }

  it.each(['38/QĐ-VKSTC', '38/QD-VKSTC', '38 qđ vkstc', '38/qd-vkstc'])('“%s”', async (typed) => {
    expect(await searchUrls(typed)).toContain(`/khen-thuong/${DECISION_38}/`);
  });

  it.each(['Đặng Thị Hồng', 'dang thi hong'])('“%s”', async (typed) => {
    expect(await searchUrls(typed)).toContain(`/khen-thuong/${PERSON}/`);
  });
});

describe('axe on the explorer showing a revoked award', () => {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  it.each([
    { colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } },
    { colorScheme: 'dark' as const, viewport: { width: 390, height: 844 } },
  ])('$colorScheme: no violation', async ({ colorScheme, viewport }) => {
    const context = await browser.newContext({ colorScheme, viewport, bypassCSP: true });
    const page = await openExplorer(`?don-vi=${SUCCESSOR}&tien-than=1`, await context.newPage());
    expect(await page.locator('tr[data-revoked]').count()).toBe(1);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
