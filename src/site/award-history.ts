/**
 * Award history: every award of a unit and of its predecessors, grouped year by year.
 * Pure; see tests/unit/award-history.test.ts.
 */
import type { AwardEntry, UnitEntry } from '#src/model/content-model.ts';
import { buildLineageGraph } from './lineage.ts';
import { AWARD_FORMS, type AwardForm, type ConferrerLevel } from '#src/model/vocabulary.ts';
import type { SiteIndex } from './site-index.ts';

export interface AwardHistoryYear {
  year: number;
  awards: AwardEntry[];
}

/** Whether a unit is named among an award's recipients (as collective or as an individual's unit). */
export function awardConcernsUnits(award: AwardEntry, unitIds: ReadonlySet<string>): boolean {
  return award.data.recipients.some((r) => r.unit !== undefined && unitIds.has(r.unit.id));
}

const formRank = new Map((Object.keys(AWARD_FORMS) as AwardForm[]).map((f, i) => [f, i]));

/** Stable order inside a year: form in vocabulary order (higher forms first), then id. */
export const byFormThenId = (a: AwardEntry, b: AwardEntry) =>
  (formRank.get(a.data.form) ?? 99) - (formRank.get(b.data.form) ?? 99) || a.id.localeCompare(b.id);

/**
 * Award records by achievement year (their `year` field), newest year first, and inside a year
 * in form order (byFormThenId). Search results are grouped by the year of their date in the
 * browser instead (src/search/group.ts: undated last, result order kept).
 */
export function awardsByYear(awards: readonly AwardEntry[]): AwardHistoryYear[] {
  const byYear = new Map<number, AwardEntry[]>();
  for (const a of awards) {
    if (!byYear.has(a.data.year)) byYear.set(a.data.year, []);
    byYear.get(a.data.year)!.push(a);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({ year, awards: [...list].sort(byFormThenId) }));
}

/** The award history of one unit, its predecessors' awards included, year by year. */
export function awardHistory(
  unitId: string,
  units: readonly UnitEntry[],
  awards: readonly AwardEntry[],
): AwardHistoryYear[] {
  const lineage = new Set([unitId, ...buildLineageGraph(units).predecessorsOf(unitId)]);
  return awardsByYear(awards.filter((a) => awardConcernsUnits(a, lineage)));
}

/** Group awards by form, in vocabulary order. */
export function groupByForm(awards: readonly AwardEntry[]): { form: AwardForm; awards: AwardEntry[] }[] {
  const byForm = new Map<AwardForm, AwardEntry[]>();
  for (const a of awards) {
    if (!byForm.has(a.data.form)) byForm.set(a.data.form, []);
    byForm.get(a.data.form)!.push(a);
  }
  return [...byForm.entries()]
    .sort(([a], [b]) => (formRank.get(a) ?? 99) - (formRank.get(b) ?? 99))
    .map(([form, list]) => ({
      form,
      awards: [...list].sort((x, y) => y.data.year - x.data.year || x.id.localeCompare(y.id)),
    }));
}

export interface Conferrer {
  /** The unit profile's name when the conferrer has one, else the named authority. */
  name: string;
  /** The conferrer's unit profile, to link to. */
  unit?: UnitEntry | undefined;
  level: ConferrerLevel;
}

/** Who conferred an award: its unit profile when it has one, else the named authority. */
export function conferrerOf(award: AwardEntry, site: Pick<SiteIndex, 'unitsById'>): Conferrer | undefined {
  const by = award.data.conferredBy;
  const unit = by?.unit ? site.unitsById.get(by.unit.id) : undefined;
  const name = unit?.data.name ?? by?.name;
  return by && name !== undefined ? { name, unit, level: by.level } : undefined;
}

/** The conferring body's name (see conferrerOf). */
export const conferrerName = (award: AwardEntry, site: Pick<SiteIndex, 'unitsById'>): string | undefined =>
  conferrerOf(award, site)?.name;

/** Display title of an award record: "Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022". */
export function awardDisplayTitle(award: AwardEntry): string {
  const form = AWARD_FORMS[award.data.form].label;
  const bare = award.data.title?.replace(/^[“"]|[”"]$/g, '');
  // A title that already names the form ("Cờ thi đua ngành Kiểm sát nhân dân") stands alone.
  if (bare && bare.toLocaleLowerCase('vi').startsWith(form.toLocaleLowerCase('vi')))
    return `${bare} năm ${award.data.year}`;
  const title = bare ? ` “${bare}”` : '';
  const base = award.data.form === 'hoan-thanh-xuat-sac-nhiem-vu' && !award.data.title ? form : `${form}${title}`;
  return `${base} năm ${award.data.year}`;
}
