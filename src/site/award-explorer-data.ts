/**
 * The award explorer's data (/khen-thuong/tra-cuu/du-lieu.json): every visible award record
 * (drafts never: the site index holds none) in a compact form the explorer's client
 * (src/search/award-explorer/) filters in the browser. Short field names, one column per field
 * (repeated values compress well), and every unit, form, level, conferrer, province and title
 * stored once and referred to by its index. Version `v` changes with the shape.
 * Pure; see tests/unit/award-explorer-data.test.ts.
 */
import type { AwardForm, ConferrerLevel } from '#src/model/vocabulary.ts';
import type { SiteIndex } from './site-index.ts';
import { awardRows, type AwardRow } from './view-models/award-rows.ts';

export const EXPLORER_DATA_VERSION = 1;

/** Recipient kinds as bits of `a.k`. */
export const KIND_BITS = { collective: 1, individual: 2 } as const;

export interface ExplorerData {
  v: typeof EXPLORER_DATA_VERSION;
  /** Forms (vocabulary ids) the records use. */
  f: AwardForm[];
  /** Conferrer levels (vocabulary ids) the records use. */
  l: ConferrerLevel[];
  /** Provinces of the units. */
  p: string[];
  /** Conferring bodies' names. */
  c: string[];
  /** Titles (achievements) of the records. */
  t: string[];
  /** Units, sorted by name: [id, name, parent index or -1, province index or -1]. */
  u: [string, string, number, number][];
  /** Each unit with predecessors (through lineage, transitively): [unit index, …its predecessors' indexes]. */
  pr: number[][];
  /** The records, one array per field, in the site index's order (newest year first). */
  a: {
    /** Award ids: the page is routes.award(id). */
    id: string[];
    /** Achievement year. */
    y: number[];
    /** Form index into `f`. */
    f: number[];
    /** Title index into `t`, or -1. */
    t: number[];
    /** Conferrer index into `c`, or -1. */
    c: number[];
    /** Conferrer level index into `l`, or -1. */
    l: number[];
    /** Recipient units' indexes into `u` (a number for one unit). */
    r: (number | number[])[];
    /** Recipient kinds: KIND_BITS or-ed. */
    k: number[];
    /** Named recipients (people, collectives without a profile), "; "-separated, or "". */
    n: string[];
    /** Decision number as recorded, or "". */
    d: string[];
    /** Decision date YYYY-MM-DD, or "". */
    dd: string[];
    /** Revoked records: record index → revocation date (YYYY-MM-DD). */
    x: Record<string, string>;
  };
}

/** A value → index table that grows as values are met. */
function dictionary<T>() {
  const list: T[] = [];
  const index = new Map<T, number>();
  return {
    list,
    of(value: T | undefined): number {
      if (value === undefined || value === '') return -1;
      let i = index.get(value);
      if (i === undefined) index.set(value, (i = list.push(value) - 1));
      return i;
    },
  };
}

type DataSite = Pick<SiteIndex, 'awards' | 'units' | 'unitsById' | 'lineage'>;

export function awardExplorerData(
  site: DataSite,
  rows: readonly AwardRow[] = awardRows(site.awards, site),
): ExplorerData {
  const unitIndex = new Map(site.units.map((u, i) => [u.id, i]));
  const provinces = dictionary<string>();
  const units = site.units.map((u): [string, string, number, number] => [
    u.id,
    u.data.name,
    u.data.parent ? (unitIndex.get(u.data.parent.id) ?? -1) : -1,
    provinces.of(u.data.province),
  ]);
  const predecessors: number[][] = [];
  site.units.forEach((u, i) => {
    const preds = site.lineage.predecessorsOf(u.id).flatMap((id) => unitIndex.get(id) ?? []);
    if (preds.length) predecessors.push([i, ...preds]);
  });

  const forms = dictionary<AwardForm>();
  const levels = dictionary<ConferrerLevel>();
  const conferrers = dictionary<string>();
  const titles = dictionary<string>();
  const a: ExplorerData['a'] = { id: [], y: [], f: [], t: [], c: [], l: [], r: [], k: [], n: [], d: [], dd: [], x: {} };
  rows.forEach((row, i) => {
    a.id.push(row.id);
    a.y.push(row.year);
    a.f.push(forms.of(row.form));
    a.t.push(titles.of(row.title));
    a.c.push(conferrers.of(row.conferrer));
    a.l.push(levels.of(row.conferrerLevel));
    const recipientUnits = [
      ...new Set(row.recipients.flatMap((r) => (r.unitId ? (unitIndex.get(r.unitId) ?? []) : []))),
    ];
    a.r.push(recipientUnits.length === 1 ? recipientUnits[0]! : recipientUnits);
    a.k.push(row.recipients.reduce((bits, r) => bits | KIND_BITS[r.kind], 0));
    a.n.push(row.recipients.flatMap((r) => (r.name ? [r.name] : [])).join('; '));
    a.d.push(row.decisionNumber ?? '');
    a.dd.push(row.decisionDate ?? '');
    if (row.status === 'revoked') a.x[String(i)] = row.revokedOn ?? '';
  });
  return {
    v: EXPLORER_DATA_VERSION,
    f: forms.list,
    l: levels.list,
    p: provinces.list,
    c: conferrers.list,
    t: titles.list,
    u: units,
    pr: predecessors,
    a,
  };
}
