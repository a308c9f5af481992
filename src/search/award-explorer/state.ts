/**
 * The award explorer's state and its URL (/khen-thuong/tra-cuu/?…): every filter, the sort and
 * the page live in the query string, so a link or a reload restores the same view. Keys are
 * Vietnamese, ASCII. Pure; see tests/unit/award-explorer.test.ts.
 */
import type { AwardForm, ConferrerLevel } from '#src/model/vocabulary.ts';

export const SORT_KEYS = ['year', 'form', 'recipient', 'conferrer', 'decision', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ExplorerState {
  /** Unit id: awards to this unit. */
  unit?: string | undefined;
  /** With the unit's predecessors (through lineage). */
  predecessors: boolean;
  /** With the unit's sub-units. */
  subUnits: boolean;
  /** Year range, inclusive. */
  from?: number | undefined;
  to?: number | undefined;
  form?: AwardForm | undefined;
  /** Conferring body's name. */
  conferrer?: string | undefined;
  level?: ConferrerLevel | undefined;
  province?: string | undefined;
  kind?: 'collective' | 'individual' | undefined;
  status?: 'in-force' | 'revoked' | undefined;
  /** A decision number or a recipient's name, however typed. */
  q: string;
  sort: SortKey;
  dir: SortDir;
  /** 1-based page of the table. */
  page: number;
}

export const DEFAULT_STATE: ExplorerState = {
  predecessors: false,
  subUnits: false,
  q: '',
  sort: 'year',
  dir: 'desc',
  page: 1,
};

/** URL parameter of each field. */
export const PARAMS = {
  unit: 'don-vi',
  predecessors: 'tien-than',
  subUnits: 'truc-thuoc',
  from: 'tu-nam',
  to: 'den-nam',
  form: 'hinh-thuc',
  conferrer: 'co-quan',
  level: 'cap',
  province: 'tinh',
  kind: 'loai',
  status: 'hieu-luc',
  q: 'q',
  sort: 'sap-xep',
  dir: 'chieu',
  page: 'trang',
} as const satisfies Record<keyof ExplorerState, string>;

const SORT_PARAM: Record<SortKey, string> = {
  year: 'nam',
  form: 'hinh-thuc',
  recipient: 'nguoi-nhan',
  conferrer: 'co-quan',
  decision: 'so-quyet-dinh',
  status: 'hieu-luc',
};
const KIND_PARAM = { collective: 'tap-the', individual: 'ca-nhan' } as const;
const STATUS_PARAM = { 'in-force': 'con-hieu-luc', revoked: 'da-thu-hoi' } as const;

const invert = <K extends string, V extends string>(o: Record<K, V>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k])) as Record<string, K>;
const SORT_OF = invert(SORT_PARAM);
const KIND_OF = invert(KIND_PARAM);
const STATUS_OF = invert(STATUS_PARAM);

const year = (v: string | null) => (v !== null && /^\d{4}$/.test(v) ? Number(v) : undefined);
const text = (v: string | null) => (v === null || v.trim() === '' ? undefined : v.trim());

/** Read the state from a query string; unknown or malformed values fall back to the defaults. */
export function decodeExplorerState(search: string | URLSearchParams): ExplorerState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const page = Number(p.get(PARAMS.page));
  const sort = SORT_OF[p.get(PARAMS.sort) ?? ''];
  const dir = p.get(PARAMS.dir);
  let from = year(p.get(PARAMS.from));
  let to = year(p.get(PARAMS.to));
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return {
    unit: text(p.get(PARAMS.unit)),
    predecessors: p.get(PARAMS.predecessors) === '1',
    subUnits: p.get(PARAMS.subUnits) === '1',
    from,
    to,
    form: text(p.get(PARAMS.form)) as AwardForm | undefined,
    conferrer: text(p.get(PARAMS.conferrer)),
    level: text(p.get(PARAMS.level)) as ConferrerLevel | undefined,
    province: text(p.get(PARAMS.province)),
    kind: KIND_OF[p.get(PARAMS.kind) ?? ''],
    status: STATUS_OF[p.get(PARAMS.status) ?? ''],
    q: (p.get(PARAMS.q) ?? '').trim(),
    sort: sort ?? DEFAULT_STATE.sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : sort ? 'asc' : DEFAULT_STATE.dir,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string of a state (defaults left out), "" for the default view. */
export function encodeExplorerState(state: ExplorerState): string {
  const p = new URLSearchParams();
  const set = (key: keyof ExplorerState, value: string | undefined) => {
    if (value !== undefined && value !== '') p.set(PARAMS[key], value);
  };
  set('unit', state.unit);
  if (state.unit && state.predecessors) set('predecessors', '1');
  if (state.unit && state.subUnits) set('subUnits', '1');
  set('from', state.from?.toString());
  set('to', state.to?.toString());
  set('form', state.form);
  set('conferrer', state.conferrer);
  set('level', state.level);
  set('province', state.province);
  set('kind', state.kind && KIND_PARAM[state.kind]);
  set('status', state.status && STATUS_PARAM[state.status]);
  set('q', state.q.trim());
  if (state.sort !== DEFAULT_STATE.sort || state.dir !== DEFAULT_STATE.dir) {
    set('sort', SORT_PARAM[state.sort]);
    set('dir', state.dir);
  }
  if (state.page > 1) set('page', String(state.page));
  const query = p.toString();
  return query ? `?${query}` : '';
}
