/**
 * The award products on the built bundled site: the statistics page (SVG charts, a text
 * alternative for each, no script), the dossier table and its .docx (the same rows), the open data
 * (CSV read back by csv-parse, JSON and the Data Package validated with ajv, listed in the sitemap,
 * no draft), and the revoked award the test site adds (tests/fixtures/test-site/awards/)
 * marked as revoked on every surface.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { routes } from '#src/site/routes.ts';
import { testDist } from '../../scripts/lib/paths.ts';
import { bundledIds } from '../support/bundled-content.ts';
import { castRow, DATA_PACKAGE_SCHEMA, rowSchema, validator } from '../support/data-package.ts';
import { docxTables } from '../support/docx.ts';

const REVOKED = '2024-giay-khen-cdcs-vksnd-hai-phong-da-thu-hoi';
const REVOKED_UNIT = 'to-cong-doan-thanh-tra-va-khieu-to';
const REVOKED_NOTE = 'Đã thu hồi ngày 02/04/2025 theo Quyết định số 27/QĐ-CĐCS.';

const fileOf = (route: string) => join(testDist, decodeURI(route), route.endsWith('/') ? 'index.html' : '');
const read = (route: string) => readFileSync(fileOf(route), 'utf8');
const page = (route: string) => parseHTML(read(route)).document;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const csv = (route: string): Record<string, string>[] => parseCsv(read(route), { bom: true, columns: true });
const json = (route: string) => JSON.parse(read(route)) as Record<string, string | number>[];

/** The award records that have a page: the published ones (a draft has none). */
const awardPages = bundledIds('awards').filter((id) => existsSync(fileOf(routes.award(id))));

describe('statistics page', () => {
  const html = read(routes.awardStatistics());
  const doc = page(routes.awardStatistics());

  it('has three charts as SVG in the HTML, each an image named by its heading and described by its summary', () => {
    const charts = [...doc.querySelectorAll('section[data-chart]')];
    expect(charts.map((c) => c.getAttribute('data-chart'))).toEqual([
      'theo-hinh-thuc',
      'theo-cap',
      'don-vi-nhieu-nhat',
    ]);
    for (const chart of charts) {
      const svg = chart.querySelector('svg.chart-svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      const heading = doc.getElementById(svg.getAttribute('aria-labelledby')!)!;
      expect(heading.tagName).toBe('H2');
      expect(squash(doc.getElementById(svg.getAttribute('aria-describedby')!)?.textContent).length).toBeGreaterThan(40);
      // The text alternative: a table of the numbers drawn.
      const table = chart.querySelector('table')!;
      expect(table.querySelector('caption')?.textContent).toMatch(/^Số liệu: /);
      expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
      expect(svg.querySelectorAll('rect').length).toBeGreaterThan(0);
    }
  });

  it('runs no script and carries no inline style', () => {
    const scripts = [...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
    expect(scripts.map((s) => s.outerHTML)).toEqual([]);
    expect(html).not.toMatch(/\sstyle=/);
    expect(doc.querySelectorAll('style')).toHaveLength(0);
  });

  it('counts the revoked award apart, in its own column and series', () => {
    const byForm = doc.querySelector('section[data-chart="theo-hinh-thuc"]')!;
    const head = [...byForm.querySelectorAll('thead th')].map((th) => squash(th.textContent));
    const col = head.indexOf('Đã thu hồi');
    expect(col).toBeGreaterThan(0);
    const row2024 = [...byForm.querySelectorAll('tbody tr')].find(
      (tr) => squash(tr.querySelector('th')?.textContent) === '2024',
    )!;
    const cells = [...row2024.children].map((c) => squash(c.textContent));
    expect(cells[col]).toBe('1');
    expect(cells.at(-1)).toBe('0'); // not among the awards in force
    expect(byForm.querySelectorAll('rect.chart-tone-revoked')).toHaveLength(1);
    expect(squash(byForm.querySelector('.chart-summary')?.textContent)).toContain(
      '1 quyết định đã thu hồi được tính riêng',
    );
  });

  it('the unit page has its own chart section', () => {
    const unit = page(routes.unit('cong-doan-vksnd-tinh-quang-ngai'));
    const section = unit.querySelector('section[aria-labelledby="thong-ke-khen-thuong"]')!;
    expect(section.querySelector('svg.chart-svg[role="img"]')).not.toBeNull();
    expect(section.querySelector('table caption')).not.toBeNull();
    const links = [...unit.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining([
        routes.unitDossier('cong-doan-vksnd-tinh-quang-ngai'),
        routes.unitDossierDocx('cong-doan-vksnd-tinh-quang-ngai'),
        routes.unitAwardsData('cong-doan-vksnd-tinh-quang-ngai', 'csv'),
      ]),
    );
  });
});

/** The printable table's cells: each a list of texts (the content cell: the award, then its notes). */
function htmlDossierRows(unitId: string): string[][][] {
  const doc = page(routes.unitDossier(unitId));
  return [...doc.querySelectorAll('tr[data-dossier-row]')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td, i) =>
      i === 3
        ? [
            squash(td.querySelector('a')?.textContent),
            ...[...td.querySelectorAll('.dossier-note')].map((n) => squash(n.textContent)),
          ]
        : [squash(td.textContent)],
    ),
  );
}

async function docxRows(unitId: string): Promise<string[][][]> {
  const zip = await JSZip.loadAsync(readFileSync(fileOf(routes.unitDossierDocx(unitId))));
  const [table] = docxTables(await zip.file('word/document.xml')!.async('string'));
  return table!.slice(1);
}

describe('dossier table', () => {
  it.each(bundledIds('units'))('%s: the .docx holds the same rows as the printable table', async (unitId) => {
    const rows = htmlDossierRows(unitId);
    // A unit without awards has an empty table and no Word file.
    if (rows.length === 0) expect(existsSync(fileOf(routes.unitDossierDocx(unitId)))).toBe(false);
    else expect(await docxRows(unitId)).toEqual(rows);
  });

  it('numbers the rows from 1, oldest year first', () => {
    const rows = htmlDossierRows('cong-doan-vksnd-tinh-quang-ngai');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[0]![0])).toEqual(rows.map((_, i) => String(i + 1)));
    const years = rows.map((r) => Number(r[1]![0]));
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});

describe('open data', () => {
  const awardsCsv = csv(routes.awardsData('csv'));
  const awardsJson = json(routes.awardsData('json'));
  const descriptor = JSON.parse(read(routes.dataPackage()));

  it('the CSV is UTF-8 with a BOM and lists exactly the published award pages (no draft)', () => {
    expect(readFileSync(fileOf(routes.awardsData('csv')))[0]).toBe(0xef);
    expect(awardsCsv.map((r) => r.id).sort()).toEqual(awardPages);
    expect(awardsJson.map((r) => r.id).sort()).toEqual(awardPages);
    // Each row names its page by its absolute address.
    for (const r of awardsJson) expect(new URL(String(r.page)).pathname).toBe(routes.award(String(r.id)));
  });

  it('the Data Package is valid, and every file it lists is valid against its Table Schema', () => {
    expect(validator(DATA_PACKAGE_SCHEMA)(descriptor)).toEqual([]);
    for (const resource of descriptor.resources) {
      const route = routes.openData() + resource.path;
      const rows = resource.format === 'csv' ? csv(route).map((r) => castRow(resource.schema, r)) : json(route);
      expect(rows.length, resource.path).toBeGreaterThan(0);
      const valid = validator(rowSchema(resource.schema));
      for (const r of rows) expect(valid(r), `${resource.path} ${r.id}`).toEqual([]);
    }
    expect(csv(routes.awardsData('csv')).map((r) => castRow(descriptor.resources[0].schema, r))).toEqual(awardsJson);
  });

  it('each unit’s files hold its history, the same as the site-wide rows', () => {
    const byId = new Map(awardsJson.map((r) => [r.id, r]));
    for (const unitId of bundledIds('units')) {
      const rows = json(routes.unitAwardsData(unitId, 'json'));
      expect(csv(routes.unitAwardsData(unitId, 'csv')).map((r) => r.id)).toEqual(rows.map((r) => r.id));
      for (const r of rows) expect(r).toEqual(byId.get(r.id as string));
    }
  });

  it('is linked from the award pages and listed in the sitemap', () => {
    const hrefs = (route: string) => [...page(route).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs(routes.awardIndex())).toEqual(
      expect.arrayContaining([routes.openData(), routes.awardsData('csv'), routes.awardStatistics()]),
    );
    expect(hrefs(routes.award(REVOKED))).toEqual(expect.arrayContaining([routes.openData(), routes.awardsData('csv')]));
    expect(hrefs(routes.openData())).toEqual(expect.arrayContaining([routes.dataPackage(), routes.unitsData('csv')]));
    const sitemap = read('/sitemap-0.xml');
    for (const route of [
      routes.openData(),
      routes.awardStatistics(),
      routes.dataPackage(),
      routes.awardsData('csv'),
      routes.unitsData('json'),
      routes.unitAwardsData(REVOKED_UNIT, 'csv'),
      routes.unitDossier(REVOKED_UNIT),
    ])
      expect(sitemap, route).toContain(`${route}</loc>`);
  });
});

describe('a revoked award is shown as revoked everywhere', () => {
  it('on its page', () => {
    const notice = page(routes.award(REVOKED)).querySelector('.notice--revoked');
    expect(squash(notice?.textContent)).toContain('Đã thu hồi ngày 02/04/2025 theo Quyết định số 27/QĐ-CĐCS.');
  });

  it.each([
    ['the year list', routes.awardYear(2024)],
    ['the form list', routes.awardForm('giay-khen')],
    ['the award index', routes.awardIndex()],
    ['the unit’s award history', routes.unit(REVOKED_UNIT)],
  ])('in %s, with a badge', (_, route) => {
    const link = [...page(route).querySelectorAll('a')].find((a) => a.getAttribute('href') === routes.award(REVOKED))!;
    expect(squash(link.parentElement?.querySelector('.badge')?.textContent)).toBe('Đã thu hồi');
  });

  it('in the statistics, apart from the awards in force (see above) and in the unit’s own chart', () => {
    const section = page(routes.unit(REVOKED_UNIT)).querySelector('section[data-chart]')!;
    expect(section.querySelectorAll('rect.chart-tone-revoked')).toHaveLength(1);
    expect(squash(section.querySelector('.chart-summary')?.textContent)).toBe(
      '0 khen thưởng còn hiệu lực từ năm 2024 đến năm 2024, chia theo hình thức. 1 quyết định đã thu hồi được tính riêng (Đã thu hồi).',
    );
  });

  it('in the exports', () => {
    for (const rows of [
      csv(routes.awardsData('csv')),
      json(routes.awardsData('json')),
      json(routes.unitAwardsData(REVOKED_UNIT, 'json')),
    ]) {
      expect(rows.find((r) => r.id === REVOKED)).toMatchObject({
        status: 'revoked',
        status_label: 'Đã thu hồi',
        revocation_date: '2025-04-02',
        revocation_decision: '27/QĐ-CĐCS',
      });
    }
  });

  it('in the dossier table and its .docx', async () => {
    const doc = page(routes.unitDossier(REVOKED_UNIT));
    const row = doc.querySelector('tr.dossier-row--revoked')!;
    expect(squash(row.querySelector('.dossier-note--revoked')?.textContent)).toBe(REVOKED_NOTE);
    expect(squash(doc.querySelector('.dossier-summary')?.textContent)).toContain('1 quyết định đã bị thu hồi');
    const [docxRow] = await docxRows(REVOKED_UNIT);
    expect(docxRow![3]).toContain(REVOKED_NOTE);
  });
});
