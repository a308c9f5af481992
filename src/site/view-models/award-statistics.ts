/**
 * Award statistics as chart data: awards per year by form, per year by conferring level, and the
 * units with most awards in a period — for the statistics page (/khen-thuong/thong-ke/) and the
 * section on each unit's page. Each chart carries its own text alternative: a summary sentence and
 * the table of every number drawn. Revoked decisions are counted apart, as their own series
 * ("Đã thu hồi"), never among the awards in force. src/publishing/charts.ts draws the SVG.
 * Pure; see tests/unit/award-statistics.test.ts.
 */
import type { AwardEntry } from '#src/model/content-model.ts';
import { AWARD_FORMS, CONFERRER_LEVELS, type AwardForm, type ConferrerLevel } from '#src/model/vocabulary.ts';
import { vietnameseCollator } from '#src/text/vietnamese.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Crumb } from './parts.ts';

/** Series a chart tells apart by colour (CSS custom properties --chart-1 … --chart-6); more become "khác". */
export const MAX_SERIES = 6;
/** Units in the ranking. */
export const TOP_UNITS = 10;
/** The ranking's period: this many years, up to the latest year with an award. */
export const RANKING_YEARS = 5;

export const REVOKED_LABEL = 'Đã thu hồi';

export interface ChartSeries {
  key: string;
  label: string;
  /** Colour: 1…7, or the revoked decisions' own. */
  tone: number | 'revoked';
}

export interface ChartData {
  /** Prefix of the ids in the page (heading, summary, table). */
  id: string;
  title: string;
  /** What the chart shows, in one or two sentences: read by screen readers with the chart. */
  summary: string;
  /** Years across (vertical bars) or units down (horizontal bars). */
  orientation: 'vertical' | 'horizontal';
  categoryHeading: string;
  categories: { label: string; short?: string | undefined; href?: string | undefined }[];
  /** Stacking order; the revoked series, when there is one, is last. */
  series: ChartSeries[];
  /** counts[category][series] */
  counts: number[][];
}

const count = (n: number, what = 'khen thưởng') => `${new Intl.NumberFormat('vi-VN').format(n)} ${what}`;
const isRevoked = (a: AwardEntry) => a.data.status === 'revoked';

/** The series of a grouping: the most frequent keys (ties in vocabulary order), the rest as "khác". */
function pickSeries<K extends string>(
  awards: readonly AwardEntry[],
  keyOf: (a: AwardEntry) => K,
  order: readonly K[],
  labelOf: (k: K) => string,
  otherLabel: string,
): { series: ChartSeries[]; seriesOf: (a: AwardEntry) => number } {
  const totals = new Map<K, number>();
  for (const a of awards) if (!isRevoked(a)) totals.set(keyOf(a), (totals.get(keyOf(a)) ?? 0) + 1);
  const rank = (k: K) => order.indexOf(k);
  const byCount = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || rank(a) - rank(b));
  const needsOther = byCount.length > MAX_SERIES;
  const kept = (needsOther ? byCount.slice(0, MAX_SERIES - 1) : byCount).sort((a, b) => rank(a) - rank(b));
  const series: ChartSeries[] = kept.map((k, i) => ({ key: k, label: labelOf(k), tone: i + 1 }));
  if (needsOther) series.push({ key: 'khac', label: otherLabel, tone: series.length + 1 });
  const hasRevoked = awards.some(isRevoked);
  if (hasRevoked) series.push({ key: 'revoked', label: REVOKED_LABEL, tone: 'revoked' });
  const index = new Map(kept.map((k, i) => [k, i]));
  return {
    series,
    seriesOf: (a) => (isRevoked(a) ? series.length - 1 : (index.get(keyOf(a)) ?? kept.length)),
  };
}

function yearRange(awards: readonly AwardEntry[]): number[] {
  if (awards.length === 0) return [];
  const years = awards.map((a) => a.data.year);
  const [from, to] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function revokedSentence(awards: readonly AwardEntry[]): string {
  const revoked = awards.filter(isRevoked).length;
  return revoked ? ` ${count(revoked, 'quyết định')} đã thu hồi được tính riêng (${REVOKED_LABEL}).` : '';
}

function perYear(
  id: string,
  title: string,
  awards: readonly AwardEntry[],
  grouping: ReturnType<typeof pickSeries>,
  what: string,
): ChartData {
  const years = yearRange(awards);
  const counts = years.map(() => grouping.series.map(() => 0));
  for (const a of awards) counts[a.data.year - years[0]!]![grouping.seriesOf(a)]!++;
  const inForce = awards.filter((a) => !isRevoked(a)).length;
  const busiest = years
    .map((y, i) => ({
      y,
      n: grouping.series.reduce((s, se, j) => s + (se.tone === 'revoked' ? 0 : counts[i]![j]!), 0),
    }))
    .sort((a, b) => b.n - a.n || b.y - a.y)[0];
  const top = grouping.series
    .filter((s) => s.tone !== 'revoked')
    .map((s, j) => ({ s, n: counts.reduce((t, row) => t + row[j]!, 0) }))
    .sort((a, b) => b.n - a.n)[0];
  const summary =
    awards.length === 0
      ? 'Chưa có khen thưởng nào.'
      : `${count(inForce)} còn hiệu lực từ năm ${years[0]} đến năm ${years.at(-1)}, chia theo ${what}` +
        (busiest && busiest.n > 0 ? `; nhiều nhất là năm ${busiest.y} (${count(busiest.n)})` : '') +
        (top && top.n > 0 ? `; ${what} nhiều nhất: ${top.s.label} (${count(top.n)})` : '') +
        `.${revokedSentence(awards)}`;
  return {
    id,
    title,
    summary,
    orientation: 'vertical',
    categoryHeading: 'Năm',
    categories: years.map((y) => ({ label: String(y) })),
    series: grouping.series,
    counts,
  };
}

const FORM_ORDER = Object.keys(AWARD_FORMS) as AwardForm[];
const UNKNOWN_LEVEL = 'khong-ro';
type LevelKey = ConferrerLevel | typeof UNKNOWN_LEVEL;
const LEVEL_ORDER = [...(Object.keys(CONFERRER_LEVELS) as ConferrerLevel[]), UNKNOWN_LEVEL] as LevelKey[];
const levelLabel = (k: LevelKey) => (k === UNKNOWN_LEVEL ? 'Không rõ cấp' : CONFERRER_LEVELS[k]);

/** Awards per year, stacked by form. */
export function awardsPerYearByForm(awards: readonly AwardEntry[], id = 'theo-hinh-thuc'): ChartData {
  const grouping = pickSeries(
    awards,
    (a) => a.data.form,
    FORM_ORDER,
    (f) => AWARD_FORMS[f].label,
    'Hình thức khác',
  );
  return perYear(id, 'Khen thưởng theo năm và hình thức', awards, grouping, 'hình thức');
}

/** Awards per year, stacked by the conferring body's level. */
export function awardsPerYearByLevel(awards: readonly AwardEntry[], id = 'theo-cap'): ChartData {
  const grouping = pickSeries<LevelKey>(
    awards,
    (a) => a.data.conferredBy?.level ?? UNKNOWN_LEVEL,
    LEVEL_ORDER,
    levelLabel,
    'Cấp khác',
  );
  return perYear(id, 'Khen thưởng theo năm và cấp khen thưởng', awards, grouping, 'cấp khen thưởng');
}

/**
 * The units that received most awards in force in the last RANKING_YEARS years with awards
 * (as a collective or through their people), revoked decisions beside them.
 */
export function topUnits(
  site: Pick<SiteIndex, 'awards' | 'unitsById'>,
  id = 'don-vi-nhieu-nhat',
  limit = TOP_UNITS,
): ChartData {
  const to = site.awards.length ? Math.max(...site.awards.map((a) => a.data.year)) : 0;
  const from = to - RANKING_YEARS + 1;
  const inPeriod = site.awards.filter((a) => a.data.year >= from && a.data.year <= to);
  const tally = new Map<string, { inForce: number; revoked: number }>();
  for (const a of inPeriod) {
    for (const unitId of new Set(a.data.recipients.flatMap((r) => (r.unit ? [r.unit.id] : [])))) {
      const t = tally.get(unitId) ?? { inForce: 0, revoked: 0 };
      if (isRevoked(a)) t.revoked++;
      else t.inForce++;
      tally.set(unitId, t);
    }
  }
  const nameOf = (unitId: string) => site.unitsById.get(unitId)?.data.name ?? unitId;
  const ranked = [...tally.entries()]
    .filter(([, t]) => t.inForce > 0)
    .sort(([a, x], [b, y]) => y.inForce - x.inForce || vietnameseCollator.compare(nameOf(a), nameOf(b)))
    .slice(0, limit);
  const hasRevoked = ranked.some(([, t]) => t.revoked > 0);
  const series: ChartSeries[] = [
    { key: 'in-force', label: 'Còn hiệu lực', tone: 1 },
    ...(hasRevoked ? [{ key: 'revoked', label: REVOKED_LABEL, tone: 'revoked' as const }] : []),
  ];
  const title = `Đơn vị được khen thưởng nhiều nhất, ${from}–${to}`;
  const first = ranked[0];
  const summary = first
    ? `${ranked.length} đơn vị được khen thưởng nhiều nhất từ năm ${from} đến năm ${to} (tính các quyết định trao cho tập thể đơn vị hoặc cá nhân thuộc đơn vị, còn hiệu lực); dẫn đầu là ${nameOf(first[0])} với ${count(first[1].inForce)}.` +
      (hasRevoked ? ` Quyết định đã thu hồi được tính riêng (${REVOKED_LABEL}).` : '')
    : `Chưa có khen thưởng nào từ năm ${from} đến năm ${to}.`;
  return {
    id,
    title: site.awards.length ? title : 'Đơn vị được khen thưởng nhiều nhất',
    summary,
    orientation: 'horizontal',
    categoryHeading: 'Đơn vị',
    categories: ranked.map(([unitId]) => {
      const u = site.unitsById.get(unitId);
      return { label: nameOf(unitId), short: u?.data.shortName, href: u ? routes.unit(unitId) : undefined };
    }),
    series,
    counts: ranked.map(([, t]) => (hasRevoked ? [t.inForce, t.revoked] : [t.inForce])),
  };
}

/** The table under a chart: a row per category, a column per series, the total in force. */
export interface ChartTable {
  caption: string;
  head: string[];
  rows: { label: string; href?: string | undefined; cells: number[]; total: number }[];
  /** Column totals, "Tổng cộng". */
  totals: number[];
  total: number;
}

export function chartTable(chart: ChartData): ChartTable {
  const inForce = (row: number[]) => row.reduce((s, n, j) => s + (chart.series[j]!.tone === 'revoked' ? 0 : n), 0);
  return {
    caption: `Số liệu: ${chart.title.charAt(0).toLocaleLowerCase('vi')}${chart.title.slice(1)}`,
    head: [chart.categoryHeading, ...chart.series.map((s) => s.label), 'Tổng (còn hiệu lực)'],
    rows: chart.categories.map((c, i) => ({
      label: c.label,
      href: c.href,
      cells: chart.counts[i]!,
      total: inForce(chart.counts[i]!),
    })),
    totals: chart.series.map((_, j) => chart.counts.reduce((s, row) => s + row[j]!, 0)),
    total: chart.counts.reduce((s, row) => s + inForce(row), 0),
  };
}

export interface AwardStatisticsPage {
  title: string;
  description: string;
  crumbs: Crumb[];
  intro: string;
  charts: ChartData[];
}

export function awardStatisticsPage(site: Pick<SiteIndex, 'awards' | 'unitsById'>): AwardStatisticsPage {
  const revoked = site.awards.filter(isRevoked).length;
  const title = 'Thống kê khen thưởng';
  return {
    title,
    description: `Thống kê ${count(site.awards.length)} theo năm, hình thức, cấp khen thưởng và các đơn vị được khen thưởng nhiều nhất.`,
    crumbs: [{ href: routes.awardIndex(), label: 'Khen thưởng' }, { label: title }],
    intro:
      `${count(site.awards.length - revoked)} còn hiệu lực` +
      (revoked ? ` và ${count(revoked, 'quyết định')} đã thu hồi (tính riêng)` : '') +
      '. Mỗi biểu đồ có bảng số liệu đi kèm.',
    charts: site.awards.length
      ? [awardsPerYearByForm(site.awards), awardsPerYearByLevel(site.awards), topUnits(site)]
      : [],
  };
}

/** The unit page's section: its award history (predecessors included) per year by form. */
export function unitAwardChart(unitId: string, site: Pick<SiteIndex, 'historyOf'>): ChartData | undefined {
  const awards = site.historyOf(unitId).flatMap((y) => y.awards);
  return awards.length ? awardsPerYearByForm(awards, 'thong-ke-don-vi') : undefined;
}
