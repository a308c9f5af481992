/**
 * Client of the search page (/tim-kiem/). Loads the search index from `<base>pagefind/`, shard by
 * shard as the results shown need them (src/search/shards.ts), keeps
 * the whole state in the URL (search-state.ts), runs the exact and the d-folded query and merges
 * them (search-fold.ts, search-merge.ts), renders results with excerpts built from the page text
 * (search-highlight.ts), and browses award history by filters alone, grouped by year.
 * Renders with DOM APIs only (no innerHTML of index data).
 */
import { formatDate } from '#src/text/dates.ts';
import { foldedQuery, UNDATED_SORT_KEY } from './fold.ts';
import { groupByYear } from './group.ts';
import { buildExcerpt } from './highlight.ts';
import { mergeByRelevance, mergeBySortOrder, mergeCounts } from './merge.ts';
import {
  decodeSearchState,
  encodeSearchState,
  FILTER_KEYS,
  hasFilters,
  toggleFilter,
  toPagefindFilters,
  type FilterKey,
  type SearchState,
} from './state.ts';
import { vietnameseCollator } from '#src/text/vietnamese.ts';
import {
  hasEnoughResults,
  parseShardManifest,
  searchedScope,
  SHARD_FILTER,
  SHARD_MANIFEST,
  shardsToSearch,
  searchTiers,
  type ShardInfo,
  type ShardManifest,
} from './shards.ts';

/** Results per page: each one shown costs its page's fragment (its whole text), 1–3 KB. */
export const PAGE_SIZE = 10;

interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, o?: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** Typed shape of one rendered result, also read by tests through data attributes. */
interface ShownResult {
  id: string;
  fragment: PagefindFragment;
}

const $ = <T extends Element>(root: ParentNode, sel: string) => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`search page: missing ${sel}`);
  return el;
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: (Node | string)[]
) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

const number = new Intl.NumberFormat('vi-VN');

/**
 * The page's date sort key as src/components/SearchIndexMeta.astro writes it (fragments do not
 * carry sort keys): its date, else the end of its latest year, else the undated key.
 */
function sortDateOf(fragment: PagefindFragment): string {
  if (fragment.meta.date) return fragment.meta.date;
  const years = (fragment.filters.year ?? []).map(Number).filter(Number.isFinite);
  return years.length ? `${Math.max(...years)}-12-31T23:59:59+07:00` : UNDATED_SORT_KEY;
}

export function startSearch(): void {
  const found = document.querySelector<HTMLElement>('[data-search-app]');
  if (!found) return;
  const app: HTMLElement = found;
  const base = (app.dataset.base ?? '/').replace(/\/?$/, '/');
  const form = $<HTMLFormElement>(app, '[data-search-form]');
  const input = $<HTMLInputElement>(app, '[data-search-input]');
  const sortSelect = $<HTMLSelectElement>(app, '[data-search-sort]');
  const ui = $<HTMLElement>(app, '[data-search-ui]');
  const unavailable = $<HTMLElement>(app, '[data-search-unavailable]');
  const status = $<HTMLElement>(app, '[data-search-status]');
  const resultsBox = $<HTMLElement>(app, '[data-search-results]');
  const resultsTitle = $<HTMLElement>(app, '[data-results-title]');
  const pager = $<HTMLElement>(app, '[data-search-pager]');
  const prev = $<HTMLAnchorElement>(pager, '[data-pager-prev]');
  const next = $<HTMLAnchorElement>(pager, '[data-pager-next]');
  const pagerInfo = $<HTMLElement>(pager, '[data-pager-info]');
  const clearButton = $<HTMLButtonElement>(app, '[data-search-clear]');

  const showUnavailable = (message: string) => {
    unavailable.textContent = message;
    unavailable.hidden = false;
    ui.hidden = true;
    app.dataset.state = 'unavailable';
  };

  if (app.dataset.dev === 'true') {
    showUnavailable(
      'Đang chạy ở chế độ phát triển (astro dev): chưa có chỉ mục tìm kiếm. Hãy chạy "npm run build" rồi "npm run preview" để thử tìm kiếm.',
    );
    return;
  }

  let primary: Promise<PagefindApi> | null = null;
  /** Shards whose filter data is loaded. */
  const filtersLoaded = new Set<string>();
  const sum = (a: number, b: number) => a + b;
  let manifest: Promise<ShardManifest> | null = null;
  const merged = new Map<string, Promise<void>>();
  let state: SearchState = decodeSearchState(location.search);
  let runId = 0;

  const pathFor = (s: SearchState) => `${location.pathname}${encodeSearchState(s)}`;

  const syncForm = () => {
    input.value = state.q;
    sortSelect.value = state.sort;
  };

  const navigate = (next: SearchState, { focusResults = false } = {}) => {
    state = next;
    const url = pathFor(state);
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    syncForm();
    void run({ focusResults });
  };

  const cacheTag = app.dataset.build ? `?ts=${encodeURIComponent(app.dataset.build)}` : '';
  /** The list of shards (src/search/shards.ts), fetched once. */
  const loadManifest = () =>
    (manifest ??= fetch(`${base}pagefind/${SHARD_MANIFEST}${cacheTag}`).then(async (r) => {
      if (!r.ok) throw new Error(`search: ${r.status} for the shard manifest`);
      return parseShardManifest(await r.json());
    }));

  /**
   * Load a shard once: the first becomes Pagefind's primary index (its WebAssembly is the only one
   * downloaded), the others are merged into it. Each is tagged with the synthetic `shard` filter,
   * so one shard's results can be asked for alone. Its filter data is loaded later (run()).
   */
  function loadShard(id: string): Promise<void> {
    const path = `${base}pagefind/${id}/`;
    const options = {
      baseUrl: base,
      excerptLength: 30,
      mergeFilter: { [SHARD_FILTER]: id },
      // metaCacheTag: the metadata file is otherwise re-fetched on every visit (cache-busting).
      ...(app.dataset.build && { metaCacheTag: app.dataset.build }),
    };
    let done = merged.get(id);
    if (!done) {
      if (!primary) {
        // The first shard asked for is the primary index: its WebAssembly serves every shard.
        primary = (async () => {
          const api = (await import(/* @vite-ignore */ `${path}pagefind.js`)) as PagefindApi;
          await api.options({ basePath: path, ...options });
          await api.init();
          return api;
        })();
        primary.catch(() => (primary = null));
        done = primary.then(() => {});
      } else {
        // Merged ones load side by side (Pagefind waits for the primary's WebAssembly itself).
        done = primary.then((api) => api.mergeIndex(path, options));
      }
      done.catch(() => merged.delete(id));
      merged.set(id, done);
    }
    return done;
  }

  interface TierResults {
    ids: string[];
    counts: Record<string, Record<string, number>>;
  }

  /** The results of one tier of shards for the state, in their order (relevance or date). */
  async function searchShards(
    api: PagefindApi,
    s: SearchState,
    shards: string[],
    byId: Map<string, PagefindResult>,
  ): Promise<TierResults> {
    const filters = { ...toPagefindFilters(s), [SHARD_FILTER]: { any: shards } };
    if (!s.q) {
      // Filter-only browsing (award history): every matching page, newest first.
      const r = await api.search(null, { filters, sort: { date: 'desc' } });
      return { ids: r?.results.map((x) => (byId.set(x.id, x), x.id)) ?? [], counts: r?.filters ?? {} };
    }
    const sort = s.sort === 'date' ? { date: 'desc' } : undefined;
    const exact = await api.search(s.q, { filters, ...(sort && { sort }) });
    const exactIds = exact?.results.map((x) => (byId.set(x.id, x), x.id)) ?? [];
    // The d-folded query ("đ" typed, page spelt with "d"), only when the query as typed finds
    // less than a page in this tier: its extra pages go after the exact ones.
    const folded = exactIds.length < PAGE_SIZE ? foldedQuery(s.q) : null;
    const extra = folded ? await api.search(folded, { filters, ...(sort && { sort }) }) : null;
    const extraIds = extra?.results.map((x) => (byId.has(x.id) || byId.set(x.id, x), x.id)) ?? [];
    let ids = exactIds;
    if (extra) {
      if (s.sort === 'date') {
        const order = await api.search(null, { filters, sort: { date: 'desc' } });
        ids = mergeBySortOrder(exactIds, extraIds, order?.results.map((x) => x.id) ?? []);
      } else ids = mergeByRelevance(exactIds, extraIds);
    }
    return { ids, counts: mergeCounts(exact?.filters ?? {}, extra?.filters ?? {}, Math.max) };
  }

  async function run({ focusResults = false } = {}) {
    const id = ++runId;
    const s = state;
    app.dataset.state = 'loading';
    app.dataset.filters = 'loading';
    app.setAttribute('aria-busy', 'true');
    const browsing = !s.q;
    const byDate = browsing || s.sort === 'date';
    const landing = browsing && !hasFilters(s);
    const ids: string[] = [];
    let counts: Record<string, Record<string, number>> = {};
    const byId = new Map<string, PagefindResult>();
    const seen = new Set<string>();
    let tiers: ShardInfo[];
    const searched: ShardInfo[] = [];
    const searchedTiers: string[][] = [];
    try {
      const { shards } = await loadManifest();
      tiers = shardsToSearch(shards, {
        byDate,
        types: s.filters.type ?? [],
        years: s.filters.year ?? [],
      });
      if (landing) {
        // Nothing asked yet: the filters of the newest shard and the undated one.
        const first = shardsToSearch(shards, { byDate: false }).slice(0, 2);
        await Promise.all(first.map((shard) => loadShard(shard.id)));
        counts = await (await primary!).filters();
        searched.push(...first);
        for (const shard of first) filtersLoaded.add(shard.id);
      } else {
        // Shard by shard in the order results are shown, until the page is full and it is known
        // whether a next page exists.
        for (const tier of searchTiers(tiers, byDate)) {
          if (hasEnoughResults(ids.length, s.page, PAGE_SIZE)) break;
          await Promise.all(tier.map((shard) => loadShard(shard.id)));
          if (id !== runId) return;
          const found = await searchShards(
            await primary!,
            s,
            tier.map((x) => x.id),
            byId,
          );
          for (const x of found.ids) {
            if (seen.has(x)) continue;
            seen.add(x);
            ids.push(x);
          }
          counts = mergeCounts(counts, found.counts, sum);
          searched.push(...tier);
          searchedTiers.push(tier.map((x) => x.id));
        }
      }
    } catch (error) {
      console.error(error);
      showUnavailable(
        'Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau, hoặc xem lịch sử khen thưởng ở trang Khen thưởng.',
      );
      return;
    }
    if (id !== runId) return; // a newer search started
    ui.hidden = false;
    const complete = landing || searched.length === tiers.length;
    const scope = searchedScope(searched);
    const unsearchedYears = tiers.filter((t) => !searched.includes(t)).flatMap((t) => t.years);

    renderFilters(counts, s, landing ? [] : unsearchedYears);
    const total = ids.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(s.page, pages);
    const slice = ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const shown: ShownResult[] = await Promise.all(
      slice.map(async (rid) => ({ id: rid, fragment: await byId.get(rid)!.data() })),
    );
    if (id !== runId) return;

    if (landing) {
      status.textContent = 'Nhập từ khoá hoặc chọn bộ lọc để bắt đầu.';
      resultsBox.replaceChildren();
    } else {
      const within = complete || !scope ? '' : ` trong ${scope}`;
      status.textContent =
        total === 0
          ? s.q
            ? `Không tìm thấy kết quả nào cho “${s.q}”.`
            : 'Không có kết quả nào với các bộ lọc đã chọn.'
          : `${number.format(total)} kết quả${s.q ? ` cho “${s.q}”` : ''}${within}${pages > 1 ? `, trang ${page}/${pages}` : ''}.` +
            (complete ? '' : ' Trang sau tìm tiếp trong thời gian trước đó.');
      resultsBox.replaceChildren(browsing ? renderGrouped(shown) : renderList(shown, s.q, 'h3'));
    }
    renderPager(page, pages, complete);
    clearButton.hidden = !hasFilters(s);
    app.dataset.state = 'ready';
    app.dataset.total = String(total);
    app.dataset.complete = String(complete);
    app.dataset.shards = searched.map((x) => x.id).join(' ');
    app.removeAttribute('aria-busy');
    if (focusResults) resultsTitle.focus();

    // search() counts only the filters whose data is loaded, and that data (unit names above all)
    // is not needed for the results: loaded after they are shown, then the same searches give
    // the counts (their word chunks are loaded already).
    if (searched.some((x) => !filtersLoaded.has(x.id))) {
      const api = await primary!;
      await api.filters();
      for (const shard of searched) filtersLoaded.add(shard.id);
      if (id !== runId) return;
      let fresh: Record<string, Record<string, number>> = {};
      for (const tier of searchedTiers)
        fresh = mergeCounts(fresh, (await searchShards(api, s, tier, new Map())).counts, sum);
      if (id !== runId) return;
      renderFilters(fresh, s, unsearchedYears);
    }
    app.dataset.filters = 'ready';
  }

  function renderFilters(counts: Record<string, Record<string, number>>, s: SearchState, unsearchedYears: string[]) {
    // Re-rendering replaces the checkboxes: keep keyboard focus on the one just toggled.
    const active = document.activeElement;
    const focused =
      active instanceof HTMLInputElement && active.type === 'checkbox' && app.contains(active)
        ? { name: active.name, value: active.value }
        : null;
    for (const key of FILTER_KEYS) {
      const group = $<HTMLElement>(app, `[data-filter-group="${key}"]`);
      const list = $<HTMLElement>(group, '[data-filter-options]');
      const selected = new Set(s.filters[key] ?? []);
      // Years of shards not searched yet: offered without a count (choosing one searches them),
      // also when a searched shard holds part of that year (a year split by months).
      const partial = new Set(key === 'year' ? unsearchedYears : []);
      const values: [string, number | null][] = Object.entries(counts[key] ?? {})
        .filter(([v, n]) => n > 0 || selected.has(v) || partial.has(v))
        .map(([v, n]): [string, number | null] => [v, partial.has(v) ? null : n]);
      for (const v of selected) if (!values.some(([x]) => x === v)) values.push([v, partial.has(v) ? null : 0]);
      for (const v of partial) if (!values.some(([x]) => x === v)) values.push([v, null]);
      values.sort(([a], [b]) => (key === 'year' ? Number(b) - Number(a) : vietnameseCollator.compare(a, b)));
      group.hidden = values.length === 0;
      if (selected.size) (group as HTMLDetailsElement).open = true;
      list.replaceChildren(
        ...values.map(([value, n]) => {
          const box = el('input', { type: 'checkbox', name: key, value });
          box.checked = selected.has(value);
          box.addEventListener('change', () => navigate(toggleFilter(state, key as FilterKey, value, box.checked)));
          return el(
            'li',
            {},
            el(
              'label',
              {},
              box,
              `${value} `,
              ...(n === null
                ? []
                : [el('span', { class: 'count', 'aria-label': `${n} kết quả` }, `(${number.format(n)})`)]),
            ),
          );
        }),
      );
    }
    restoreFilterFocus(focused);
  }

  function restoreFilterFocus(focused: { name: string; value: string } | null) {
    if (!focused) return;
    const box = [
      ...app.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(focused.name)}"]`),
    ].find((b) => b.value === focused.value);
    box?.focus();
  }

  function renderResult(r: ShownResult, query: string, heading: 'h3' | 'h4') {
    const { fragment } = r;
    const title = fragment.meta.title?.trim() || fragment.url;
    const link = el('a', { href: fragment.url }, title);
    const metaParts: string[] = [];
    const type = fragment.filters.type?.[0];
    if (type) metaParts.push(type);
    const date = fragment.meta.date ? new Date(fragment.meta.date) : null;
    if (date && !Number.isNaN(date.getTime())) metaParts.push(formatDate(date));
    else if (type === 'Khen thưởng' && fragment.filters.year?.length)
      metaParts.push(`Năm ${[...fragment.filters.year].sort().join(', ')}`);
    const excerpt = el('p', { class: 'result-excerpt' });
    for (const seg of buildExcerpt(fragment.content, query))
      excerpt.append(seg.mark ? el('mark', {}, seg.text) : seg.text);
    return el(
      'li',
      { class: 'result', 'data-result-url': fragment.url, 'data-result-date': sortDateOf(fragment) },
      el(heading, {}, link),
      ...(metaParts.length ? [el('p', { class: 'result-meta' }, metaParts.join(' · '))] : []),
      excerpt,
    );
  }

  function renderList(results: ShownResult[], query: string, heading: 'h3' | 'h4') {
    return el('ol', {}, ...results.map((r) => renderResult(r, query, heading)));
  }

  function renderGrouped(results: ShownResult[]) {
    const frag = document.createDocumentFragment();
    // Award records carry a year, not always a date.
    const dateOf = (r: ShownResult) =>
      r.fragment.meta.date ??
      (r.fragment.filters.year?.length ? `${[...r.fragment.filters.year].sort().at(-1)}-01-01` : undefined);
    for (const group of groupByYear(results, dateOf)) {
      const year = group.year === null ? 'Không rõ năm' : `Năm ${group.year}`;
      frag.append(
        el(
          'section',
          { class: 'year-group', 'data-year': String(group.year ?? '') },
          el('h3', {}, year),
          renderList(group.items, '', 'h4'),
        ),
      );
    }
    return frag;
  }

  function renderPager(page: number, pages: number, complete: boolean) {
    pager.hidden = pages <= 1;
    const link = (a: HTMLAnchorElement, target: number, enabled: boolean) => {
      if (enabled) {
        a.href = pathFor({ ...state, page: target });
        a.removeAttribute('aria-disabled');
      } else {
        a.removeAttribute('href');
        a.setAttribute('aria-disabled', 'true');
      }
      a.onclick = (e) => {
        e.preventDefault();
        if (enabled) navigate({ ...state, page: target }, { focusResults: true });
      };
    };
    link(prev, page - 1, page > 1);
    link(next, page + 1, page < pages);
    pagerInfo.textContent = complete ? `Trang ${page}/${pages}` : `Trang ${page}`;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate({
      ...state,
      q: input.value.normalize('NFC').replace(/\s+/g, ' ').trim(),
      sort: sortSelect.value === 'date' ? 'date' : 'relevance',
      page: 1,
    });
  });
  sortSelect.addEventListener('change', () =>
    navigate({ ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance', page: 1 }),
  );
  clearButton.addEventListener('click', () => {
    navigate({ ...state, filters: {}, page: 1 });
    input.focus();
  });
  window.addEventListener('popstate', () => {
    state = decodeSearchState(location.search);
    syncForm();
    void run();
  });

  syncForm();
  void run();
}
