/**
 * Charts drawn at build time: Observable Plot lays out the scales, axes and stacked bars in a
 * server-side DOM (linkedom) and the page gets plain SVG markup, no script. What Plot writes that
 * the site cannot keep is taken out here:
 * - its <style> elements and style attributes (the CSP allows no inline style: style-src 'self'),
 *   its fixed font and size: src/styles/charts.css styles the SVG instead;
 * - the colours: series get placeholder colours and leave with a class (chart-tone-N,
 *   chart-tone-revoked) that charts.css colours with custom properties, light, dark and print;
 * - the aria-label/aria-description/aria-hidden Plot puts on its <g> elements (axe reports
 *   aria-label on an element without a role): the <svg> is one image, role="img", named by the
 *   chart's heading and summary sentence, and the table under it holds every number.
 * Pure but for the DOM it makes (cachedChartSvg keeps drawn charts between builds); see
 * tests/unit/charts.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartData } from '#src/site/view-models/award-statistics.ts';

const WIDTH = 640;
const TONE_PREFIX = 'chart-tone-';
const toneClass = (tone: number | 'revoked') => `${TONE_PREFIX}${tone}`;

interface Datum {
  category: string;
  series: string;
  tone: string;
  n: number;
}

/** Integer ticks from 0 to max, at most about six. */
export function integerTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 5));
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

const shorten = (s: string, max = 34) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

export interface ChartIds {
  /** Ids of the elements that name and describe the chart (heading, summary). */
  labelledBy: string;
  describedBy?: string | undefined;
}

/** The chart as SVG markup, ready to be inlined in the page. */
export function chartSvg(chart: ChartData, ids: ChartIds): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = chart.categories.map((c) => c.short ?? c.label);
  const data: Datum[] = chart.categories
    .flatMap((_, i) =>
      chart.series.map((s, j) => ({
        category: labels[i]!,
        series: s.label,
        tone: toneClass(s.tone),
        n: chart.counts[i]![j]!,
      })),
    )
    .filter((d) => d.n > 0);
  const totals = chart.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const ticks = integerTicks(Math.max(1, ...totals));
  const color = { domain: chart.series.map((s) => s.label), range: chart.series.map((s) => toneClass(s.tone)) };
  const vertical = chart.orientation === 'vertical';
  const rotate = vertical && labels.length > 12;

  const svg = vertical
    ? Plot.plot({
        document,
        width: WIDTH,
        height: 320,
        marginBottom: rotate ? 48 : 32,
        x: { type: 'band', domain: labels, label: null, tickRotate: rotate ? -45 : 0, padding: 0.2 },
        y: {
          label: 'Số khen thưởng',
          ticks,
          tickFormat: (d: number) => String(d),
          grid: true,
          domain: [0, ticks.at(-1)!],
        },
        color,
        marks: [
          Plot.barY(data, Plot.stackY({ x: 'category', y: 'n', fill: 'series', order: color.domain, z: 'series' })),
          Plot.ruleY([0]),
        ],
      })
    : Plot.plot({
        document,
        width: WIDTH,
        height: Math.max(120, 28 * labels.length + 50),
        marginLeft: 230,
        y: { type: 'band', domain: labels, label: null, tickFormat: (d: string) => shorten(d), padding: 0.2 },
        x: {
          label: 'Số khen thưởng',
          ticks,
          tickFormat: (d: number) => String(d),
          grid: true,
          domain: [0, ticks.at(-1)!],
        },
        color,
        marks: [
          Plot.barX(data, Plot.stackX({ y: 'category', x: 'n', fill: 'series', order: color.domain, z: 'series' })),
          Plot.ruleX([0]),
        ],
      });
  return cleanSvg(svg as unknown as Element, ids);
}

/** Plot's SVG made fit for the page (see the module comment). */
function cleanSvg(svg: Element, ids: ChartIds): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) {
      if (name === 'style' || name.startsWith('aria-') || name === 'role') el.removeAttribute(name);
    }
    const fill = el.getAttribute('fill');
    if (fill?.startsWith(TONE_PREFIX)) {
      el.removeAttribute('fill');
      el.setAttribute('class', fill);
    }
  }
  for (const name of ['class', 'width', 'height', 'font-family', 'font-size']) svg.removeAttribute(name);
  svg.setAttribute('class', 'chart-svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', ids.labelledBy);
  if (ids.describedBy) svg.setAttribute('aria-describedby', ids.describedBy);
  svg.setAttribute('focusable', 'false');
  return svg.outerHTML;
}

/** Bump when the drawing above changes, so cached charts are drawn again. */
const DRAWING_VERSION = 1;

/** Where drawn charts are kept between builds (CHART_CACHE overrides). */
export function chartCacheDir(root = process.cwd()): string {
  return resolve(root, process.env.CHART_CACHE ?? 'node_modules/.cache/charts');
}

/** Content-hash file name: the same numbers, labels and ids give the same chart. */
export function chartKey(chart: ChartData, ids: ChartIds): string {
  return `${createHash('sha256')
    .update(JSON.stringify([DRAWING_VERSION, chart, ids]))
    .digest('hex')
    .slice(0, 20)}.svg`;
}

/**
 * chartSvg, drawn once and then reused while the chart's data is unchanged: Plot takes some
 * 25–35 ms a chart on this machine, once per unit page, which a warm build need not repeat.
 */
export function cachedChartSvg(
  chart: ChartData,
  ids: ChartIds,
  cacheDir = chartCacheDir(),
): { svg: string; cached: boolean } {
  const file = join(cacheDir, chartKey(chart, ids));
  try {
    return { svg: readFileSync(file, 'utf8'), cached: true };
  } catch {
    // Not drawn yet.
  }
  const svg = chartSvg(chart, ids);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, svg);
  renameSync(tmp, file);
  return { svg, cached: false };
}
