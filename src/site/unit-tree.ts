/**
 * The unit directory as a tree (lineage is in lineage.ts).
 * Pure; see tests/unit/unit-tree.test.ts.
 */
import type { UnitEntry } from '#src/model/content-model.ts';

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
