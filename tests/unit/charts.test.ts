/**
 * Charts drawn at build time (src/publishing/charts.ts): SVG from Observable Plot, made fit for
 * the CSP and for axe — no <style>, no style attribute, no ARIA on inner elements, one image named
 * by the chart's heading and summary, series coloured by class.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedChartSvg, chartKey, chartSvg, integerTicks } from '#src/publishing/charts.ts';
import { awardsPerYearByForm, topUnits } from '#src/site/view-models/award-statistics.ts';
import { site } from '../support/award-site.ts';

const parse = (markup: string) => parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;

describe('integer ticks', () => {
  it.each([
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [5, [0, 1, 2, 3, 4, 5]],
    [7, [0, 2, 4, 6, 8]],
    [23, [0, 5, 10, 15, 20, 25]],
  ])('%i → %j', (max, ticks) => {
    expect(integerTicks(max)).toEqual(ticks);
  });
});

describe.each([
  ['per year by form', awardsPerYearByForm(site.awards), 4],
  ['units ranking', topUnits(site), 4],
])('chart SVG (%s)', (_, chart, bars) => {
  const markup = chartSvg(chart, { labelledBy: 'a-title', describedBy: 'a-summary' });
  const doc = parse(markup);
  const svg = doc.querySelector('svg')!;
  const all = [...svg.querySelectorAll('*')];

  it('is one image named by the heading and described by the summary', () => {
    expect(doc.querySelectorAll('svg')).toHaveLength(1);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('a-title');
    expect(svg.getAttribute('aria-describedby')).toBe('a-summary');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 640 \d+$/);
  });

  it('has no <style>, no style attribute and no ARIA on inner elements', () => {
    expect(svg.querySelectorAll('style')).toHaveLength(0);
    expect(markup).not.toMatch(/\sstyle=/);
    for (const el of all) {
      for (const name of el.getAttributeNames()) expect(name, el.tagName).not.toMatch(/^(aria-|role$)/);
    }
  });

  it('colours bars by class, not by fixed colours, and keeps text in the page’s colour', () => {
    const rects = all.filter((el) => el.tagName.toLowerCase() === 'rect');
    expect(rects).toHaveLength(bars);
    for (const r of rects) {
      expect(r.getAttribute('class')).toMatch(/^chart-tone-(\d|revoked)$/);
      expect(r.hasAttribute('fill')).toBe(false);
    }
    expect(rects.filter((r) => r.getAttribute('class') === 'chart-tone-revoked')).toHaveLength(1);
    expect(svg.getAttribute('fill')).toBe('currentColor');
    expect(markup).not.toMatch(/#[0-9a-f]{6}/i);
  });
});

it('draws an axis label in Vietnamese and years without thousands separators', () => {
  const markup = chartSvg(awardsPerYearByForm(site.awards), { labelledBy: 'x' });
  expect(markup).toContain('Số khen thưởng');
  expect(markup).toContain('>2021<');
  expect(markup).not.toContain('2,021');
});

it('keeps a drawn chart between builds and draws it again when its numbers change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'charts-'));
  try {
    const chart = awardsPerYearByForm(site.awards);
    const ids = { labelledBy: 'x' };
    const first = cachedChartSvg(chart, ids, dir);
    const again = cachedChartSvg(chart, ids, dir);
    expect([first.cached, again.cached]).toEqual([false, true]);
    expect(again.svg).toBe(first.svg);
    expect(again.svg).toBe(chartSvg(chart, ids));
    const changed = { ...chart, counts: chart.counts.map((row) => row.map((n) => n + 1)) };
    expect(cachedChartSvg(changed, ids, dir).cached).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([chartKey(chart, ids), chartKey(changed, ids)].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
