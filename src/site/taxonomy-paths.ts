/**
 * getStaticPaths helpers for paged taxonomy lists: one path per page of each term,
 * "" for page 1 and "trang/N" after (see routes.ts).
 */
import { NEWS_PER_PAGE } from './consts.ts';
import { paginate, pageCount, type PageSlice } from './pagination.ts';
import { pageParam } from './taxonomy.ts';

export interface PagedProps<T, X> {
  slice: PageSlice<T>;
  extra: X;
}

/** Paths for every page of every list: `key` names the list's own params. */
export function pagedPaths<T, X, P extends Record<string, string>>(
  lists: { params: P; items: readonly T[]; extra: X }[],
  perPage = NEWS_PER_PAGE,
) {
  return lists.flatMap(({ params, items, extra }) =>
    Array.from({ length: pageCount(items.length, perPage) }, (_, i) => ({
      params: { ...params, page: pageParam(i + 1) },
      props: { slice: paginate(items, perPage, i + 1), extra } satisfies PagedProps<T, X>,
    })),
  );
}
