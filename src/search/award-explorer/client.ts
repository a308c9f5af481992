/**
 * Client of the award explorer (/khen-thuong/tra-cuu/). Fetches the explorer's JSON once, fills
 * the filter form from it, and on every change filters in memory (model.ts), writes the state to
 * the URL (state.ts; back and forward restore it), renders one page of the table and the counts,
 * and downloads the whole selection as CSV (csv.ts). Renders with DOM APIs only (no innerHTML of
 * data). After each render the root carries data-state="ready", data-total (rows matching) and
 * data-render-ms (script time of the last filter, sort or page change: query and new rows, before
 * style and layout), which tests and the benchmark read.
 */
import type { ExplorerData } from '#src/site/award-explorer-data.ts';
import { toCsv } from './csv.ts';
import { loadExplorer, type Explorer, type ExplorerRow } from './model.ts';
import { decodeExplorerState, DEFAULT_STATE, encodeExplorerState, type ExplorerState, type SortKey } from './state.ts';

/**
 * Rows per page of the table. Laying out the new rows is most of a filter change's cost (text
 * shaping and table layout grow with the rows; filtering 3,000 records takes about a millisecond),
 * so the table shows few rows at a time.
 */
export const PAGE_SIZE = 25;

const number = new Intl.NumberFormat('vi-VN');

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

const $ = <T extends Element>(root: ParentNode, sel: string) => {
  const found = root.querySelector<T>(sel);
  if (!found) throw new Error(`award explorer: missing ${sel}`);
  return found;
};

const option = (value: string, label: string) => el('option', { value }, label);

export function startAwardExplorer(): void {
  const root = document.querySelector<HTMLElement>('[data-award-explorer]');
  if (!root) return;
  const src = root.dataset.src!;
  fetch(src)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<ExplorerData>;
    })
    .then((data) => run(root, loadExplorer(data)))
    .catch((error: unknown) => {
      const notice = $<HTMLElement>(root, '[data-explorer-error]');
      notice.textContent = `Không tải được dữ liệu tra cứu (${String(error)}). Hãy xem danh sách khen thưởng theo năm và theo hình thức bên dưới.`;
      notice.hidden = false;
      root.dataset.state = 'error';
    });
}

function run(root: HTMLElement, explorer: Explorer): void {
  const form = $<HTMLFormElement>(root, '[data-explorer-form]');
  const field = <T extends HTMLElement>(name: keyof ExplorerState) => $<T>(form, `[data-field="${name}"]`);
  const unitSelect = field<HTMLSelectElement>('unit');
  const awardHref = (id: string) => root.dataset.awardBase!.replace('__id__', id);
  const absolute = (id: string) => new URL(awardHref(id), location.href).href;

  // Options from the data. Units indented by depth in the tree (sorted by name within the data).
  for (const u of explorer.units) unitSelect.append(option(u.id, `${'\u2003'.repeat(Math.min(u.depth, 4))}${u.name}`));
  for (const y of explorer.years) {
    field('from').append(option(String(y), String(y)));
    field('to').append(option(String(y), String(y)));
  }
  for (const f of explorer.forms) field('form').append(option(f.id, `${f.label} (${number.format(f.count)})`));
  for (const l of explorer.levels) field('level').append(option(l.id, `${l.label} (${number.format(l.count)})`));
  for (const c of explorer.conferrers)
    field('conferrer').append(option(c.name, `${c.name} (${number.format(c.count)})`));
  for (const p of explorer.provinces) field('province').append(option(p.name, `${p.name} (${number.format(p.count)})`));

  const status = $<HTMLElement>(root, '[data-explorer-status]');
  const tbody = $<HTMLTableSectionElement>(root, '[data-explorer-rows]');
  const pager = $<HTMLElement>(root, '[data-explorer-pager]');
  const prev = $<HTMLButtonElement>(pager, '[data-pager-prev]');
  const next = $<HTMLButtonElement>(pager, '[data-pager-next]');
  const pagerInfo = $<HTMLElement>(pager, '[data-pager-info]');

  let state = decodeExplorerState(location.search);
  let matches: number[] = [];

  /** Put the state into the form controls. */
  const showState = () => {
    const set = (name: keyof ExplorerState, value: string) => {
      const control = field<HTMLInputElement | HTMLSelectElement>(name);
      control.value = value;
      // A value the data does not have (an old link): fall back to "all".
      if (control.value !== value) control.value = '';
    };
    set('unit', state.unit ?? '');
    field<HTMLInputElement>('predecessors').checked = state.predecessors;
    field<HTMLInputElement>('subUnits').checked = state.subUnits;
    set('from', state.from?.toString() ?? '');
    set('to', state.to?.toString() ?? '');
    set('form', state.form ?? '');
    set('level', state.level ?? '');
    set('conferrer', state.conferrer ?? '');
    set('province', state.province ?? '');
    set('kind', state.kind ?? '');
    set('status', state.status ?? '');
    set('q', state.q);
  };

  /** Read the form controls into a state (sort kept, page back to 1). */
  const readState = (): ExplorerState => {
    const value = (name: keyof ExplorerState) => field<HTMLInputElement | HTMLSelectElement>(name).value;
    const year = (v: string) => (v ? Number(v) : undefined);
    let from = year(value('from'));
    let to = year(value('to'));
    if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
    return {
      unit: value('unit') || undefined,
      predecessors: field<HTMLInputElement>('predecessors').checked,
      subUnits: field<HTMLInputElement>('subUnits').checked,
      from,
      to,
      form: (value('form') || undefined) as ExplorerState['form'],
      level: (value('level') || undefined) as ExplorerState['level'],
      conferrer: value('conferrer') || undefined,
      province: value('province') || undefined,
      kind: (value('kind') || undefined) as ExplorerState['kind'],
      status: (value('status') || undefined) as ExplorerState['status'],
      q: value('q').trim(),
      sort: state.sort,
      dir: state.dir,
      page: 1,
    };
  };

  const renderRow = (row: ExplorerRow) => {
    const meta = (text: string) => el('span', { class: 'cell-meta' }, text);
    const what = el('td', {}, el('a', { href: awardHref(row.id) }, row.form));
    if (row.title) what.append(meta(row.title));
    const who = el('td', {});
    if (row.names) who.append(row.names);
    if (row.units) who.append(row.names ? meta(row.units) : row.units);
    who.append(meta(row.kind));
    const decision = el('td', {}, row.decision);
    if (row.decisionDate) decision.append(meta(`ngày ${row.decisionDate}`));
    const validity = row.revoked
      ? el(
          'td',
          {},
          el('span', { class: 'revoked-label' }, row.status),
          ...(row.revokedOn ? [meta(`từ ${row.revokedOn}`)] : []),
        )
      : el('td', {}, row.status);
    const conferrer = el('td', {}, row.conferrer);
    if (row.level) conferrer.append(meta(row.level));
    return el(
      'tr',
      { 'data-award-id': row.id, ...(row.revoked ? { class: 'revoked', 'data-revoked': 'true' } : {}) },
      el('td', {}, String(row.year)),
      what,
      who,
      conferrer,
      decision,
      validity,
    );
  };

  const render = (started: number) => {
    matches = explorer.query(state);
    const pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
    if (state.page > pages) state = { ...state, page: pages };
    const first = (state.page - 1) * PAGE_SIZE;
    const shown = matches.slice(first, first + PAGE_SIZE);
    tbody.replaceChildren(...shown.map((i) => renderRow(explorer.row(i))));

    let revoked = 0;
    for (const i of matches) if (explorer.isRevoked(i)) revoked++;
    status.textContent =
      matches.length === 0
        ? 'Không có quyết định khen thưởng nào khớp bộ lọc.'
        : `${number.format(matches.length)} / ${number.format(explorer.size)} quyết định khen thưởng` +
          (revoked ? ` (${number.format(revoked)} đã thu hồi)` : '') +
          (pages > 1 ? `; hiện ${number.format(first + 1)}–${number.format(first + shown.length)}.` : '.');

    for (const th of root.querySelectorAll<HTMLElement>('th[data-sort-key]')) {
      if (th.dataset.sortKey === state.sort)
        th.setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    pager.hidden = pages <= 1;
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    pagerInfo.textContent = `Trang ${state.page} / ${pages}`;

    root.dataset.total = String(matches.length);
    root.dataset.state = 'ready';
    root.dataset.renderMs = (performance.now() - started).toFixed(2);
  };

  /**
   * Apply a new state: render, then record it in the URL (a new history entry, or in place)
   * once the new table is painted: pushState saves the scroll position, which forces a layout
   * of the new table before the browser would do it anyway (measured: 30–50 ms on a busy machine).
   */
  const apply = (next: ExplorerState, how: 'push' | 'replace' | 'none' = 'push') => {
    const started = performance.now();
    state = next;
    render(started);
    if (how === 'none') return;
    const url = `${location.pathname}${encodeExplorerState(state)}`;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (url === `${location.pathname}${location.search}`) return;
        if (how === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }, 0),
    );
  };

  form.addEventListener('change', () => apply(readState()));
  let typing: ReturnType<typeof setTimeout> | undefined;
  field('q').addEventListener('input', () => {
    clearTimeout(typing);
    // Typing replaces the history entry instead of adding one per key.
    typing = setTimeout(() => apply(readState(), 'replace'), 120);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(readState());
  });
  $(root, '[data-explorer-reset]').addEventListener('click', () => {
    apply({ ...DEFAULT_STATE });
    showState();
  });
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-sort]')) {
    button.addEventListener('click', () => {
      const key = button.dataset.sort as SortKey;
      const dir = state.sort === key ? (state.dir === 'asc' ? 'desc' : 'asc') : key === 'year' ? 'desc' : 'asc';
      apply({ ...state, sort: key, dir, page: 1 });
    });
  }
  prev.addEventListener('click', () => apply({ ...state, page: state.page - 1 }));
  next.addEventListener('click', () => apply({ ...state, page: state.page + 1 }));
  $(root, '[data-explorer-csv]').addEventListener('click', () => {
    const csv = toCsv(
      matches.map((i) => explorer.row(i)),
      absolute,
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { href: url, download: 'khen-thuong-tra-cuu.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  window.addEventListener('popstate', () => {
    apply(decodeExplorerState(location.search), 'none');
    showState();
  });

  showState();
  $<HTMLElement>(root, '[data-explorer-fallback]').hidden = true;
  form.hidden = false;
  $<HTMLElement>(root, '[data-explorer-results]').hidden = false;
  apply(state, 'replace');
}
