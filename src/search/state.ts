/**
 * The search page's whole state in its URL, so a search can be shared, bookmarked and restored:
 *   /tim-kiem/?q=cong+doan&type=Khen+thưởng&year=2022&year=2023&sort=date&page=2
 * Filter parameters use the index's filter keys; values are the filter values (Vietnamese labels).
 */

export const FILTER_KEYS = ['type', 'year', 'form', 'conferrer', 'unit', 'province'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Vietnamese labels of the filter groups, in display order. */
export const FILTER_LABELS: Record<FilterKey, string> = {
  type: 'Loại nội dung',
  year: 'Năm',
  form: 'Hình thức khen thưởng',
  conferrer: 'Cơ quan khen thưởng',
  unit: 'Đơn vị',
  province: 'Tỉnh, thành phố',
};

export type SortOrder = 'relevance' | 'date';

export const SORT_LABELS: Record<SortOrder, string> = { relevance: 'Phù hợp nhất', date: 'Mới nhất' };

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  /** Requested order; with no query results are always by date. */
  sort: SortOrder;
  /** 1-based result page. */
  page: number;
}

export const EMPTY_STATE: SearchState = { q: '', filters: {}, sort: 'relevance', page: 1 };

const MAX_QUERY = 200;

/** Read a state from URL search parameters; anything malformed falls back to defaults. */
export function decodeSearchState(params: URLSearchParams | string): SearchState {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const q = (p.get('q') ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        p
          .getAll(key)
          .map((v) => v.normalize('NFC').trim())
          .filter(Boolean),
      ),
    ];
    if (values.length) filters[key] = values.sort();
  }
  const sort: SortOrder = p.get('sort') === 'date' ? 'date' : 'relevance';
  const pageNum = Number.parseInt(p.get('page') ?? '1', 10);
  const page = Number.isFinite(pageNum) && pageNum >= 1 && pageNum <= 10_000 ? pageNum : 1;
  return { q, filters, sort, page };
}

/** Canonical query string for a state ("" for the empty state); defaults are omitted. */
export function encodeSearchState(state: SearchState): string {
  const p = new URLSearchParams();
  const q = state.q.trim();
  if (q) p.set('q', q);
  for (const key of FILTER_KEYS) {
    for (const value of [...new Set(state.filters[key] ?? [])].sort()) p.append(key, value);
  }
  if (state.sort === 'date') p.set('sort', 'date');
  if (state.page > 1) p.set('page', String(state.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Whether any filter value is selected. */
export function hasFilters(state: SearchState): boolean {
  return FILTER_KEYS.some((k) => (state.filters[k]?.length ?? 0) > 0);
}

/** Pagefind's filter object: values of one key are OR-ed, keys are AND-ed. */
export function toPagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (values?.length) out[key] = { any: values };
  }
  return out;
}

/** Toggle one filter value; any change of filters returns to page 1. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = new Set(state.filters[key] ?? []);
  if (on) current.add(value);
  else current.delete(value);
  const filters = { ...state.filters };
  if (current.size) filters[key] = [...current].sort();
  else delete filters[key];
  return { ...state, filters, page: 1 };
}
