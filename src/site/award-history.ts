/**
 * Awards as readers see them: grouped by year (a unit's award history, site.historyOf, is its
 * own and its predecessors' awards grouped here) and by form, display titles, conferrers.
 * Pure; see tests/unit/award-history.test.ts.
 */
import type { AwardEntry, UnitEntry } from '#src/model/content-model.ts';
import { AWARD_FORMS, type AwardForm, type ConferrerLevel } from '#src/model/vocabulary.ts';
import type { SiteIndex } from './site-index.ts';

export interface AwardHistoryYear {
  year: number;
  awards: AwardEntry[];
}

const formRank = new Map((Object.keys(AWARD_FORMS) as AwardForm[]).map((f, i) => [f, i]));

/** Stable order inside a year: form in vocabulary order (higher forms first), then id. */
const byFormThenId = (a: AwardEntry, b: AwardEntry) =>
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
