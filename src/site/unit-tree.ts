/**
 * The unit directory as a tree, and each unit's lineage in both directions.
 * Pure; see tests/unit/unit-tree.test.ts.
 */
import type { UnitEntry } from '#src/model/content-model.ts';
import type { LineageKind } from '#src/model/vocabulary.ts';

export interface UnitTreeNode {
  unit: UnitEntry;
  /** 0 for the roots. */
  depth: number;
  children: UnitTreeNode[];
}

/**
 * Nest units from the roots down through `childrenOf`. A unit appears once: a cycle in the
 * parent links (which the integrity check reports anyway) cannot loop forever.
 */
export function buildUnitTree(
  roots: readonly UnitEntry[],
  childrenOf: ReadonlyMap<string, readonly UnitEntry[]>,
): UnitTreeNode[] {
  const placed = new Set<string>();
  const grow = (unit: UnitEntry, depth: number): UnitTreeNode => {
    placed.add(unit.id);
    const children = (childrenOf.get(unit.id) ?? []).filter((c) => !placed.has(c.id)).map((c) => grow(c, depth + 1));
    return { unit, depth, children };
  };
  return roots.filter((r) => !placed.has(r.id)).map((r) => grow(r, 0));
}

/** Number of units in a tree. */
export function countUnits(tree: readonly UnitTreeNode[]): number {
  return tree.reduce((n, node) => n + 1 + countUnits(node.children), 0);
}

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

const EMPTY: UnitLineage = { predecessors: [], successors: [] };

/**
 * Lineage of every unit, from declarations on either side: A lists B as predecessor, or B
 * lists A as successor — both mean B → A. Duplicates (declared on both sides) are merged.
 * Computed once for all units; look a unit up with `.get(id) ?? { predecessors: [], successors: [] }`.
 */
export function buildLineageIndex(units: readonly UnitEntry[]): Map<string, UnitLineage> {
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
  return index;
}

/** The lineage of one unit from an index built by buildLineageIndex. */
export function lineageOf(index: ReadonlyMap<string, UnitLineage>, unitId: string): UnitLineage {
  return index.get(unitId) ?? EMPTY;
}

/** Every unit reachable by following successor links (transitively), excluding the start. */
export function allSuccessors(index: ReadonlyMap<string, UnitLineage>, unitId: string): string[] {
  return walk(index, unitId, 'successors');
}

/** Every unit reachable by following predecessor links (transitively), excluding the start. */
export function allPredecessors(index: ReadonlyMap<string, UnitLineage>, unitId: string): string[] {
  return walk(index, unitId, 'predecessors');
}

function walk(index: ReadonlyMap<string, UnitLineage>, start: string, side: keyof UnitLineage): string[] {
  const out: string[] = [];
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const link of lineageOf(index, queue.shift()!)[side]) {
      if (seen.has(link.unitId)) continue;
      seen.add(link.unitId);
      out.push(link.unitId);
      queue.push(link.unitId);
    }
  }
  return out;
}
