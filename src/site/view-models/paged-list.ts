/**
 * One page of a paged list (news, tags, categories, authors, archives, award years and forms):
 * its title, description, trail and pager links, as src/layouts/PagedListLayout.astro renders
 * them, and the sentence under each kind of list's heading.
 * Pure; see tests/unit/paged-list.test.ts.
 */
import { AWARD_FORMS } from '#src/model/vocabulary.ts';
import type { AwardEntry } from '#src/model/content-model.ts';
import { AWARDS_PER_PAGE } from '../consts.ts';
import type { PageSlice } from '../pagination.ts';
import type { Crumb } from './parts.ts';

export interface PagedListInput<T> {
  /** The list's title; later pages add "– Trang N". */
  title: string;
  /**
   * The list's description; later pages add "Trang N/M.". A function gives each page's whole
   * description instead.
   */
  description: string | ((slice: PageSlice<T>) => string);
  slice: PageSlice<T>;
  /** URL of page N of this list. */
  pageHref: (page: number) => string;
  /** The trail between "Trang chủ" and this list; without it the page has no breadcrumbs. */
  crumbs?: Crumb[] | undefined;
  /** This list in the trail (defaults to the title); later pages add "(trang N)". */
  crumbLabel?: string | undefined;
}

export interface PagedList<T> {
  title: string;
  description: string;
  /** The whole trail after "Trang chủ", this page last; undefined: no breadcrumbs. */
  crumbs?: Crumb[] | undefined;
  items: T[];
  page: number;
  totalPages: number;
  pageHref: (page: number) => string;
  /** <link rel="prev|next"> of the page. */
  prevHref?: string | undefined;
  nextHref?: string | undefined;
}

export function pagedList<T>(input: PagedListInput<T>): PagedList<T> {
  const { title, description, slice, pageHref, crumbs, crumbLabel = title } = input;
  const { page, totalPages } = slice;
  const later = page > 1;
  return {
    title: later ? `${title} – Trang ${page}` : title,
    description:
      typeof description === 'function'
        ? description(slice)
        : later
          ? `${description} Trang ${page}/${totalPages}.`
          : description,
    crumbs: crumbs && [...crumbs, { label: later ? `${crumbLabel} (trang ${page})` : crumbLabel }],
    items: slice.items,
    page,
    totalPages,
    pageHref,
    prevHref: later ? pageHref(page - 1) : undefined,
    nextHref: page < totalPages ? pageHref(page + 1) : undefined,
  };
}

/** Under an article list's heading: "Bài 21–40 trong 57 bài, mới nhất trước." or "5 bài, mới nhất trước." */
export function articleListSummary(slice: PageSlice<unknown>): string {
  return slice.totalPages > 1
    ? `Bài ${slice.first}–${slice.last} trong ${slice.total} bài, mới nhất trước.`
    : `${slice.total} bài, mới nhất trước.`;
}

/** How an award list is ordered: by form on a year's list, by year on a form's list. */
export type AwardGrouping = 'form' | 'year';

/** Under an award list's heading: what is shown and in which order. */
export function awardListSummary(slice: PageSlice<unknown>, groupBy: AwardGrouping): string {
  const order = groupBy === 'form' ? 'xếp theo hình thức' : 'theo năm, gần nhất trước';
  return slice.totalPages > 1
    ? `Khen thưởng ${slice.first}–${slice.last} trong ${slice.total}, ${order}; ${AWARDS_PER_PAGE} mục mỗi trang.`
    : `${slice.total} khen thưởng, ${order}.`;
}

export interface AwardRun {
  /** Form id or year: the section's anchor is "nhom-<key>". */
  key: string;
  /** "Bằng khen" or "Năm 2022" */
  label: string;
  awards: AwardEntry[];
}

/** A page's awards (already in list order) cut into runs of one form or one year, each under its heading. */
export function awardRuns(awards: readonly AwardEntry[], groupBy: AwardGrouping): AwardRun[] {
  const runs: AwardRun[] = [];
  for (const a of awards) {
    const key = groupBy === 'form' ? a.data.form : String(a.data.year);
    const last = runs.at(-1);
    if (last?.key === key) last.awards.push(a);
    else
      runs.push({
        key,
        label: groupBy === 'form' ? AWARD_FORMS[a.data.form].label : `Năm ${a.data.year}`,
        awards: [a],
      });
  }
  return runs;
}
