/**
 * Grouping search results by the year of their date (award-history browsing, in the browser),
 * newest year first. Results keep their incoming (relevance or date) order inside a year;
 * undated results go last. Award records on the site's own pages are grouped by their
 * achievement year in src/site/award-history.ts (awardsByYear).
 */

export interface YearGroup<T> {
  /** The year, or null for results without a date. */
  year: number | null;
  items: T[];
}

/** Year of an ISO date string such as "2022-05-19" or "2022-05-19T08:00:00+07:00". */
export function yearOf(isoDate: string | undefined): number | null {
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(isoDate ?? '');
  const year = m ? Number(m[1]) : NaN;
  return Number.isFinite(year) && year > 0 ? year : null;
}

export function groupByYear<T>(items: readonly T[], dateOf: (item: T) => string | undefined): YearGroup<T>[] {
  const groups = new Map<number | null, T[]>();
  for (const item of items) {
    const year = yearOf(dateOf(item));
    const list = groups.get(year);
    if (list) list.push(item);
    else groups.set(year, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([year, list]) => ({ year, items: list }));
}
