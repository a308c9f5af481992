/**
 * The award explorer in memory: the compact data of src/site/award-explorer-data.ts decoded
 * once, the text keys of every record computed once (decision numbers and names folded by
 * src/text/lookup-keys.ts), and a query that filters the records in one pass over a sort order
 * computed once per sort key, so a filter change costs one scan and no sort.
 * No DOM; see tests/unit/award-explorer.test.ts.
 */
import { AWARD_FORMS, AWARD_STATUSES, CONFERRER_LEVELS, RECIPIENT_KINDS } from '#src/model/vocabulary.ts';
import { formatCalendarDate } from '#src/text/dates.ts';
import { decisionNumberKey, keyMatches, nameKey } from '#src/text/lookup-keys.ts';
import { KIND_BITS, type ExplorerData } from '#src/site/award-explorer-data.ts';
import type { ExplorerState, SortDir, SortKey } from './state.ts';

/** One record as the table and the CSV show it. */
export interface ExplorerRow {
  index: number;
  id: string;
  year: number;
  form: string;
  title: string;
  /** Named recipients (people, unnamed collectives), "; "-separated. */
  names: string;
  /** "Tập thể", "Cá nhân", or both. */
  kind: string;
  /** Recipient units' names, "; "-separated. */
  units: string;
  provinces: string;
  conferrer: string;
  level: string;
  decision: string;
  /** dd/mm/yyyy, or "". */
  decisionDate: string;
  revoked: boolean;
  status: string;
  /** dd/mm/yyyy, or "". */
  revokedOn: string;
}

export interface ExplorerUnit {
  index: number;
  id: string;
  name: string;
  /** Depth in the unit tree, for indenting a list. */
  depth: number;
}

export interface Explorer {
  size: number;
  units: ExplorerUnit[];
  forms: { id: string; label: string; count: number }[];
  levels: { id: string; label: string; count: number }[];
  conferrers: { name: string; count: number }[];
  provinces: { name: string; count: number }[];
  years: number[];
  revokedCount: number;
  /** Indexes of the matching records, in the state's sort order. */
  query(state: ExplorerState): number[];
  row(index: number): ExplorerRow;
  isRevoked(index: number): boolean;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const formRank = new Map(Object.keys(AWARD_FORMS).map((f, i) => [f, i]));

export function loadExplorer(data: ExplorerData): Explorer {
  const { a } = data;
  const size = a.id.length;
  const recipientsOf: number[][] = a.r.map((r) => (typeof r === 'number' ? [r] : r));
  const revokedOn = new Map(Object.entries(a.x).map(([i, d]) => [Number(i), d]));
  const unitCount = data.u.length;

  // Unit tree and lineage, by unit index.
  const children: number[][] = Array.from({ length: unitCount }, () => []);
  data.u.forEach(([, , parent], i) => {
    if (parent >= 0) children[parent]!.push(i);
  });
  const predecessors = new Map(data.pr.map(([unit, ...preds]) => [unit!, preds]));
  const depthOf = (i: number) => {
    let depth = 0;
    const seen = new Set([i]);
    for (let p = data.u[i]![2]; p >= 0 && !seen.has(p); p = data.u[p]![2]) {
      seen.add(p);
      depth++;
    }
    return depth;
  };

  // Text keys, once: a decision number and the recipients' names, however typed.
  const decisionKeys = a.d.map(decisionNumberKey);
  const nameKeys = a.n.map((names, i) => nameKey([names, ...recipientsOf[i]!.map((u) => data.u[u]![1])].join(' ')));
  const provincesOf = recipientsOf.map((units) => [...new Set(units.map((u) => data.u[u]![3]).filter((p) => p >= 0))]);

  // Sort orders, computed on first use: primary key in the asked direction, then year (newest
  // first), form (vocabulary order) and data order, so equal rows keep a stable order.
  const rankOf = (values: string[]) => {
    const distinct = [...new Set(values)].sort((x, y) => (x === '' ? 1 : y === '' ? -1 : collator.compare(x, y)));
    const rank = new Map(distinct.map((v, i) => [v, i]));
    return values.map((v) => rank.get(v)!);
  };
  const formRanks = a.f.map((f) => formRank.get(data.f[f]!) ?? 99);
  const primary: Record<SortKey, () => number[]> = {
    year: () => a.y,
    form: () => formRanks,
    recipient: () => rankOf(a.n.map((n, i) => n || data.u[recipientsOf[i]![0] ?? -1]?.[1] || '')),
    conferrer: () => rankOf(a.c.map((c) => (c >= 0 ? data.c[c]! : ''))),
    decision: () => rankOf(a.d),
    status: () => Array.from({ length: size }, (_, i) => (revokedOn.has(i) ? 1 : 0)),
  };
  const orders = new Map<string, number[]>();
  const orderOf = (key: SortKey, dir: SortDir) => {
    const cacheKey = `${key}:${dir}`;
    let order = orders.get(cacheKey);
    if (!order) {
      const values = primary[key]();
      const sign = dir === 'asc' ? 1 : -1;
      order = Array.from({ length: size }, (_, i) => i).sort(
        (i, j) => sign * (values[i]! - values[j]!) || a.y[j]! - a.y[i]! || formRanks[i]! - formRanks[j]! || i - j,
      );
      orders.set(cacheKey, order);
    }
    return order;
  };

  const unitsFor = (state: ExplorerState): Set<number> | undefined => {
    if (!state.unit) return undefined;
    const start = data.u.findIndex(([id]) => id === state.unit);
    const set = new Set<number>(start >= 0 ? [start] : []);
    const queue = [...set];
    while (queue.length) {
      const u = queue.pop()!;
      const next = [
        ...(state.predecessors ? (predecessors.get(u) ?? []) : []),
        ...(state.subUnits ? children[u]! : []),
      ];
      for (const v of next) {
        if (!set.has(v)) {
          set.add(v);
          queue.push(v);
        }
      }
    }
    return set;
  };

  const count = (indexes: number[], n: number) => {
    const counts = new Array<number>(n).fill(0);
    for (const i of indexes) if (i >= 0) counts[i]!++;
    return counts;
  };
  const formCounts = count(a.f, data.f.length);
  const levelCounts = count(a.l, data.l.length);
  const conferrerCounts = count(a.c, data.c.length);
  const provinceCounts = count(provincesOf.flat(), data.p.length);
  const byName = <T extends { name: string }>(x: T, y: T) => collator.compare(x.name, y.name);

  return {
    size,
    units: data.u.map(([id, name], index) => ({ index, id, name, depth: depthOf(index) })),
    forms: data.f
      .map((id, i) => ({ id, label: AWARD_FORMS[id]?.label ?? id, count: formCounts[i]! }))
      .sort((x, y) => (formRank.get(x.id) ?? 99) - (formRank.get(y.id) ?? 99)),
    levels: (Object.keys(CONFERRER_LEVELS) as (keyof typeof CONFERRER_LEVELS)[]).flatMap((id) => {
      const i = data.l.indexOf(id);
      return i >= 0 ? [{ id, label: CONFERRER_LEVELS[id], count: levelCounts[i]! }] : [];
    }),
    conferrers: data.c.map((name, i) => ({ name, count: conferrerCounts[i]! })).sort(byName),
    provinces: data.p.map((name, i) => ({ name, count: provinceCounts[i]! })).sort(byName),
    years: [...new Set(a.y)].sort((x, y) => y - x),
    revokedCount: revokedOn.size,

    query(state) {
      const units = unitsFor(state);
      const form = state.form === undefined ? undefined : data.f.indexOf(state.form);
      const level = state.level === undefined ? undefined : data.l.indexOf(state.level);
      const conferrer = state.conferrer === undefined ? undefined : data.c.indexOf(state.conferrer);
      const province = state.province === undefined ? undefined : data.p.indexOf(state.province);
      const kind = state.kind === undefined ? 0 : KIND_BITS[state.kind];
      const q = nameKey(state.q);
      const out: number[] = [];
      for (const i of orderOf(state.sort, state.dir)) {
        if (state.from !== undefined && a.y[i]! < state.from) continue;
        if (state.to !== undefined && a.y[i]! > state.to) continue;
        if (form !== undefined && a.f[i] !== form) continue;
        if (level !== undefined && a.l[i] !== level) continue;
        if (conferrer !== undefined && a.c[i] !== conferrer) continue;
        if (kind && !(a.k[i]! & kind)) continue;
        if (state.status !== undefined && revokedOn.has(i) !== (state.status === 'revoked')) continue;
        if (province !== undefined && !provincesOf[i]!.includes(province)) continue;
        if (units && !recipientsOf[i]!.some((u) => units.has(u))) continue;
        if (q && !keyMatches(decisionKeys[i]!, q) && !keyMatches(nameKeys[i]!, q)) continue;
        out.push(i);
      }
      return out;
    },

    isRevoked: (i) => revokedOn.has(i),

    row(i) {
      const units = recipientsOf[i]!.map((u) => data.u[u]!);
      const kinds = (Object.keys(KIND_BITS) as (keyof typeof KIND_BITS)[]).filter((k) => a.k[i]! & KIND_BITS[k]);
      const revoked = revokedOn.has(i);
      return {
        index: i,
        id: a.id[i]!,
        year: a.y[i]!,
        form: AWARD_FORMS[data.f[a.f[i]!]!]?.label ?? '',
        title: a.t[i]! >= 0 ? data.t[a.t[i]!]! : '',
        names: a.n[i]!,
        kind: kinds.map((k) => RECIPIENT_KINDS[k]).join(', '),
        units: units.map(([, name]) => name).join('; '),
        provinces: provincesOf[i]!.map((p) => data.p[p]!).join('; '),
        conferrer: a.c[i]! >= 0 ? data.c[a.c[i]!]! : '',
        level: a.l[i]! >= 0 ? CONFERRER_LEVELS[data.l[a.l[i]!]!] : '',
        decision: a.d[i]!,
        decisionDate: a.dd[i] ? formatCalendarDate(a.dd[i]) : '',
        revoked,
        status: AWARD_STATUSES[revoked ? 'revoked' : 'in-force'],
        revokedOn: revoked ? formatCalendarDate(revokedOn.get(i)!) : '',
      };
    },
  };
}
