/**
 * Merging the exact and the d-folded result lists (see search-fold.ts).
 * Pure: works on result ids, so no fragment is downloaded to order results.
 */

/**
 * Relevance order: every exact-query hit first, in Pagefind's order (which already boosts
 * exact diacritics), then the pages only the folded query found, in their order.
 */
export function mergeByRelevance(exact: readonly string[], folded: readonly string[]): string[] {
  const seen = new Set(exact);
  return [...exact, ...folded.filter((id) => !seen.has(id) && (seen.add(id), true))];
}

/**
 * Date order: the union of both lists, ordered by `globalOrder` (every page id in sort order,
 * from a query-less sorted search). Ids missing from `globalOrder` keep their relative place
 * after the known ones.
 */
export function mergeBySortOrder(
  exact: readonly string[],
  folded: readonly string[],
  globalOrder: readonly string[],
): string[] {
  const rank = new Map(globalOrder.map((id, i) => [id, i]));
  const union = mergeByRelevance(exact, folded);
  return union
    .map((id, i) => ({ id, r: rank.get(id) ?? globalOrder.length + i }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.id);
}

/** Filter counts of two searches: `combine` is max (two queries over the same pages) or sum (different shards). */
export function mergeCounts(
  a: Record<string, Record<string, number>>,
  b: Record<string, Record<string, number>>,
  combine: (x: number, y: number) => number,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const src of [a, b]) {
    for (const [key, values] of Object.entries(src)) {
      const target = (out[key] ??= {});
      for (const [value, n] of Object.entries(values)) target[value] = value in target ? combine(target[value]!, n) : n;
    }
  }
  return out;
}
