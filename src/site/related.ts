/**
 * Related articles from shared units, awards and tags.
 *
 * The index is built ONCE per build from the visible news (one pass, postings per feature);
 * each article's related list is then computed on demand from its own features only and
 * memoised, so a page costs O(features × window), never a rescan of the archive.
 *
 * Scoring: every shared feature adds weight / log2(1 + documentFrequency), so a unit or tag
 * that appears on thousands of articles counts less than a rare one. Awards weigh most (same
 * announcement), then units, then tags. Ties go to the article closest in time.
 * For features shared by very many articles only the WINDOW neighbours nearest in publication
 * order are considered (they are the most relevant anyway), which bounds the cost at scale.
 */
import { foldForMatch } from '#src/text/vietnamese.ts';

export interface RelatableArticle {
  id: string;
  data: {
    /** Absent for an undated article. */
    publishedAt?: Date | undefined;
    units: { id: string }[];
    awards: { id: string }[];
    tags: string[];
  };
}

export const FEATURE_WEIGHTS = { award: 4, unit: 3, tag: 1 } as const;
type FeatureKind = keyof typeof FEATURE_WEIGHTS;

export interface RelatedOptions {
  /** How many related articles to return. */
  limit?: number;
  /** Neighbours on each side considered in a large posting list. */
  window?: number;
}

export interface RelatedIndex<A extends RelatableArticle> {
  /** Related articles of one article, best first; empty for an unknown id. */
  relatedTo(id: string): A[];
  /** Number of distinct features indexed (for tests and diagnostics). */
  readonly featureCount: number;
}

/** The features of an article, as "kind:key" strings (tags folded, so "Thi đua" = "thi dua"). */
export function articleFeatures(a: RelatableArticle): { key: string; kind: FeatureKind }[] {
  const out = new Map<string, FeatureKind>();
  for (const r of a.data.awards) out.set(`award:${r.id}`, 'award');
  for (const r of a.data.units) out.set(`unit:${r.id}`, 'unit');
  for (const t of a.data.tags) {
    const k = foldForMatch(t);
    if (k) out.set(`tag:${k}`, 'tag');
  }
  return [...out].map(([key, kind]) => ({ key, kind }));
}

/**
 * Build the index. `articles` should be the visible news, newest first (as SiteIndex.news is);
 * drafts and scheduled articles must not be passed in, so they can never be suggested.
 */
export function buildRelatedIndex<A extends RelatableArticle>(
  articles: readonly A[],
  options: RelatedOptions = {},
): RelatedIndex<A> {
  const limit = options.limit ?? 4;
  const window = options.window ?? 60;

  const position = new Map<string, number>();
  articles.forEach((a, i) => position.set(a.id, i));

  // Postings: feature → article positions, ascending (i.e. in the order given).
  const postings = new Map<string, number[]>();
  const features: { key: string; kind: FeatureKind }[][] = [];
  articles.forEach((a, i) => {
    const fs = articleFeatures(a);
    features.push(fs);
    for (const f of fs) {
      let list = postings.get(f.key);
      if (!list) postings.set(f.key, (list = []));
      list.push(i);
    }
  });

  const memo = new Map<string, A[]>();

  function compute(i: number): A[] {
    const scores = new Map<number, number>();
    for (const f of features[i]!) {
      const list = postings.get(f.key)!;
      if (list.length < 2) continue;
      const weight = FEATURE_WEIGHTS[f.kind] / Math.log2(1 + list.length);
      let from = 0;
      let to = list.length;
      if (list.length > 2 * window + 1) {
        const at = lowerBound(list, i);
        from = Math.max(0, at - window);
        to = Math.min(list.length, at + window + 1);
      }
      for (let k = from; k < to; k++) {
        const j = list[k]!;
        if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
      }
    }
    const time = (j: number) => articles[j]!.data.publishedAt?.getTime() ?? 0;
    const t = time(i);
    return [...scores]
      .sort(([ja, sa], [jb, sb]) => sb - sa || Math.abs(time(ja) - t) - Math.abs(time(jb) - t) || ja - jb)
      .slice(0, limit)
      .map(([j]) => articles[j]!);
  }

  return {
    relatedTo(id) {
      const i = position.get(id);
      if (i === undefined) return [];
      let out = memo.get(id);
      if (!out) memo.set(id, (out = compute(i)));
      return out;
    },
    featureCount: postings.size,
  };
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
