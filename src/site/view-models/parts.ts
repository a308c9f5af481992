/**
 * The pieces view models are made of: plain data that section components render as they are.
 * No Astro imports; every string is what the reader sees.
 */
import { formatCalendarDate } from '#src/text/dates.ts';

/** A link: a site path (or an external, tel: or mailto: URL) and its text. */
export interface Link {
  href: string;
  text: string;
}

/** One crumb of the breadcrumb trail; no href for the current page. */
export interface Crumb {
  label: string;
  /** Site path; omit for the current page. */
  href?: string | undefined;
}

/** A calendar date for <time datetime="YYYY-MM-DD">, with its text ("19/05/2022"). */
export interface CalendarDate {
  iso: string;
  text: string;
}

export const calendarDate = (iso: string): CalendarDate => ({ iso, text: formatCalendarDate(iso) });

/**
 * One term and description of a facts list (<dl class="facts">). The description is the text,
 * shown as a date (`date`), a link (`href`, with `rel` for external ones), in bold (`strong`),
 * or a list of links (`list`) instead.
 */
export interface Fact {
  term: string;
  text?: string | undefined;
  date?: CalendarDate | undefined;
  href?: string | undefined;
  rel?: string | undefined;
  strong?: boolean | undefined;
  list?: { links: Link[]; class?: string | undefined } | undefined;
}

/** The facts whose value is present, in order: `[cond && fact, …]` reads like the page. */
export const facts = (...rows: (Fact | false | undefined | null | '' | 0)[]): Fact[] =>
  rows.filter((r): r is Fact => !!r);

/** A list cut to what a page shows, with a link to the rest when there is more. */
export interface Shortlist<T> {
  shown: T[];
  total: number;
  /** Where the rest is (search with a filter); only when some are left out. */
  moreHref?: string | undefined;
}

export function shortlist<T>(items: readonly T[], limit: number, moreHref: string): Shortlist<T> {
  return {
    shown: items.slice(0, limit),
    total: items.length,
    ...(items.length > limit ? { moreHref } : {}),
  };
}

/** A telephone number as a fact: dialled without its spaces, shown with non-breaking ones (one line). */
export const phoneFact = (phone: string): Fact => ({
  term: 'Điện thoại',
  text: phone.replace(/ /g, '\u00a0'),
  href: `tel:${phone.replace(/[^\d+]/g, '')}`,
});
