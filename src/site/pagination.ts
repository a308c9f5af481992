/**
 * Pagination of long lists into numbered pages ("Trang 1, 2, 3 …"), and the getStaticPaths of
 * paged lists. Pure; see tests/unit/pagination.test.ts. Page 1 is the list's own URL, later
 * pages are "trang/N/" (routes.ts): a rest parameter `[...page]` that is undefined on page 1.
 */
import { NEWS_PER_PAGE } from './consts.ts';

export interface PageSlice<T> {
  /** The items shown on this page. */
  items: T[];
  /** 1-based number of this page. */
  page: number;
  /** Number of pages (at least 1, even for an empty list). */
  totalPages: number;
  /** Number of items across all pages. */
  total: number;
  /** 1-based position of the first item shown (0 when the list is empty). */
  first: number;
  /** 1-based position of the last item shown (0 when the list is empty). */
  last: number;
}

/** Number of pages a list of `total` items needs; an empty list still has one page. */
export function pageCount(total: number, perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  return Math.max(1, Math.ceil(total / perPage));
}

/** The slice of `items` shown on `page` (1-based). Throws for a page that does not exist. */
export function paginate<T>(items: readonly T[], perPage: number, page: number): PageSlice<T> {
  const totalPages = pageCount(items.length, perPage);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) {
    throw new RangeError(`page ${page} does not exist (1–${totalPages})`);
  }
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  return {
    items: slice,
    page,
    totalPages,
    total: items.length,
    first: slice.length ? start + 1 : 0,
    last: slice.length ? start + slice.length : 0,
  };
}

export type PageLink = number | 'gap';

/**
 * The page numbers to show in a pager: always the first and last pages, the current page
 * with `around` neighbours on each side, and 'gap' where numbers are left out. A gap never
 * stands for a single page (that page is shown instead).
 *   pageLinks(6, 12) → [1, 'gap', 5, 6, 7, 'gap', 12]
 */
export function pageLinks(current: number, totalPages: number, around = 1): PageLink[] {
  if (totalPages < 1) return [];
  const shown = new Set<number>([1, totalPages]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= totalPages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: PageLink[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) out.push(p - 1);
    else if (p - previous > 2) out.push('gap');
    out.push(p);
    previous = p;
  }
  return out;
}

/** The rest-parameter value of page N of a list: undefined for page 1, "trang/N" after. */
export const pageParam = (page: number): string | undefined => (page <= 1 ? undefined : `trang/${page}`);

/**
 * getStaticPaths of paged lists: one path per page of each list, its own params plus `page`
 * (pageParam), and as props the page's slice and the list's `extra` (what the page names).
 */
export function pagedPaths<T, X, P extends Record<string, string>>(
  lists: { params: P; items: readonly T[]; extra: X }[],
  perPage = NEWS_PER_PAGE,
) {
  return lists.flatMap(({ params, items, extra }) =>
    Array.from({ length: pageCount(items.length, perPage) }, (_, i) => ({
      params: { ...params, page: pageParam(i + 1) },
      props: { slice: paginate(items, perPage, i + 1), extra },
    })),
  );
}
