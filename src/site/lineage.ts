/**
 * The lineage graph of the units: who comes from whom (renamed from, merged from, split from),
 * from declarations on either side. Built once per build on the site index (site.lineage) and
 * used by every caller: unit profiles, award pages, award histories, search facets.
 * Pure; see tests/unit/lineage.test.ts.
 */
import type { UnitEntry } from '#src/model/content-model.ts';
import type { LineageKind } from '#src/model/vocabulary.ts';

export interface LineageLink {
  /** The other unit's id. */
  unitId: string;
  /** "YYYY-MM-DD". */
  date: string;
  kind: LineageKind;
  note?: string | undefined;
}

export interface UnitLineage {
  /** Units this unit comes from (renamed from, merged from, split from), oldest first. */
  predecessors: LineageLink[];
  /** Units that came from this unit, oldest first. */
  successors: LineageLink[];
}

export interface LineageGraph {
  /** The unit's direct links in both directions; empty for a unit without lineage. */
  of(unitId: string): UnitLineage;
  /** Every unit the unit comes from, transitively, nearest first; the unit itself excluded. */
  predecessorsOf(unitId: string): string[];
  /** Every unit that came from the unit, transitively, nearest first; the unit itself excluded. */
  successorsOf(unitId: string): string[];
}

const EMPTY: UnitLineage = { predecessors: [], successors: [] };

/**
 * The graph from every unit's `lineage`: A lists B as predecessor, or B lists A as successor —
 * both mean B → A. A link declared on both sides counts once. A cycle cannot loop a walk.
 */
export function buildLineageGraph(units: readonly UnitEntry[]): LineageGraph {
  const index = new Map<string, UnitLineage>();
  const slot = (id: string) => {
    let l = index.get(id);
    if (!l) index.set(id, (l = { predecessors: [], successors: [] }));
    return l;
  };
  const add = (list: LineageLink[], link: LineageLink) => {
    if (!list.some((l) => l.unitId === link.unitId && l.date === link.date)) list.push(link);
  };
  for (const u of units) {
    for (const l of u.data.lineage) {
      const { date, kind, note } = l;
      const [from, to] = l.relation === 'predecessor' ? [l.unit.id, u.id] : [u.id, l.unit.id];
      add(slot(to).predecessors, { unitId: from, date, kind, note });
      add(slot(from).successors, { unitId: to, date, kind, note });
    }
  }
  const byDate = (a: LineageLink, b: LineageLink) => a.date.localeCompare(b.date) || a.unitId.localeCompare(b.unitId);
  for (const l of index.values()) {
    l.predecessors.sort(byDate);
    l.successors.sort(byDate);
  }

  const of = (unitId: string) => index.get(unitId) ?? EMPTY;
  const walk = (start: string, side: keyof UnitLineage): string[] => {
    const out: string[] = [];
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      for (const link of of(queue.shift()!)[side]) {
        if (seen.has(link.unitId)) continue;
        seen.add(link.unitId);
        out.push(link.unitId);
        queue.push(link.unitId);
      }
    }
    return out;
  };
  return {
    of,
    predecessorsOf: (unitId) => walk(unitId, 'predecessors'),
    successorsOf: (unitId) => walk(unitId, 'successors'),
  };
}
