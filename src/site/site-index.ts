/**
 * The indexes every page needs, computed once per build from the visible content.
 * Pure; src/site/content.ts memoises one instance. The costlier indexes (related articles,
 * taxonomies, share images) are built on first use, then kept.
 */
import { awardsByYear, type AwardHistoryYear } from './award-history.ts';
import { buildLineageGraph, type LineageGraph } from './lineage.ts';
import { buildRelatedIndex, type RelatedIndex } from './related.ts';
import { articlesWithShareImage, DEFAULT_SHARE_IMAGE_LIMIT } from './share-images.ts';
import { buildTaxonomies, type Taxonomies } from './taxonomy.ts';
import {
  byNewestFirst,
  byUnitName,
  isVisibleAward,
  isVisibleNews,
  type AwardEntry,
  type NewsEntry,
  type PublicationOptions,
  type RawContent,
  type UnitEntry,
} from '#src/model/content-model.ts';

export interface SiteIndex {
  /** Visible news, newest first. */
  news: NewsEntry[];
  /** Visible award records, newest year first. */
  awards: AwardEntry[];
  /** All units, sorted by name. */
  units: UnitEntry[];
  newsById: Map<string, NewsEntry>;
  /**
   * Ids of the articles this build does not publish (drafts, scheduled): where content names one
   * (a unit's figures[].source), the page prints nothing of it, not even the id.
   */
  unpublishedNewsIds: ReadonlySet<string>;
  awardsById: Map<string, AwardEntry>;
  unitsById: Map<string, UnitEntry>;
  /** Direct sub-units of each unit, sorted by name. */
  childrenOf: Map<string, UnitEntry[]>;
  /** Units without a parent, the roots of the directory tree. */
  rootUnits: UnitEntry[];
  /** Who comes from whom: the one lineage graph of the build. */
  lineage: LineageGraph;
  /** News that names each unit. */
  newsByUnit: Map<string, NewsEntry[]>;
  /** Award history of each unit (predecessors included), computed lazily once. */
  historyOf(unitId: string): AwardHistoryYear[];
  /** Awards where the unit (not its predecessors) is a recipient. */
  awardsReceivedBy(unitId: string): AwardEntry[];
  /** Awards conferred by the unit. */
  awardsConferredBy(unitId: string): AwardEntry[];
  /** The unit's parents from the root down to the unit's parent. */
  ancestorsOf(unitId: string): UnitEntry[];
  /** Related articles of each visible article (drafts and scheduled ones are never suggested). */
  readonly related: RelatedIndex<NewsEntry>;
  /** Tags, authors, categories and date archives of the visible news. */
  readonly taxonomies: Taxonomies<NewsEntry>;
  /** Ids of the articles that get a share image of their own (src/site/share-images.ts). */
  readonly shareImageIds: ReadonlySet<string>;
}

export interface SiteOptions extends PublicationOptions {
  /** How many of the newest articles without a hero image get their own share image. */
  shareImageLimit?: number | undefined;
}

/** A value computed on first use, then kept. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

export function buildSiteIndex(raw: RawContent, opts: SiteOptions): SiteIndex {
  const news = raw.news.filter((n) => isVisibleNews(n.data, opts)).sort(byNewestFirst);
  const awards = raw.awards
    .filter((a) => isVisibleAward(a.data, opts))
    .sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id));
  const units = [...raw.units].sort(byUnitName);

  const unitsById = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string, UnitEntry[]>();
  const rootUnits: UnitEntry[] = [];
  for (const u of units) {
    const parent = u.data.parent?.id;
    if (parent && unitsById.has(parent)) {
      if (!childrenOf.has(parent)) childrenOf.set(parent, []);
      childrenOf.get(parent)!.push(u);
    } else rootUnits.push(u);
  }

  const newsByUnit = new Map<string, NewsEntry[]>();
  for (const n of news) {
    for (const r of n.data.units) {
      if (!newsByUnit.has(r.id)) newsByUnit.set(r.id, []);
      newsByUnit.get(r.id)!.push(n);
    }
  }

  const received = new Map<string, AwardEntry[]>();
  const conferred = new Map<string, AwardEntry[]>();
  for (const a of awards) {
    for (const id of new Set(a.data.recipients.flatMap((r) => (r.unit ? [r.unit.id] : [])))) {
      if (!received.has(id)) received.set(id, []);
      received.get(id)!.push(a);
    }
    const c = a.data.conferredBy?.unit?.id;
    if (c) {
      if (!conferred.has(c)) conferred.set(c, []);
      conferred.get(c)!.push(a);
    }
  }

  // Award history per unit from the indexes above: the lineage graph once, then only the awards
  // that name the unit or a predecessor (not a scan of every award for every unit page).
  const lineage = buildLineageGraph(units);
  const histories = new Map<string, AwardHistoryYear[]>();
  const related = once(() => buildRelatedIndex(news));
  const taxonomies = once(() => buildTaxonomies(news));
  const shareImageIds = once(() => articlesWithShareImage(news, opts.shareImageLimit ?? DEFAULT_SHARE_IMAGE_LIMIT));
  return {
    news,
    awards,
    units,
    newsById: new Map(news.map((n) => [n.id, n])),
    unpublishedNewsIds: new Set(raw.news.filter((n) => !isVisibleNews(n.data, opts)).map((n) => n.id)),
    awardsById: new Map(awards.map((a) => [a.id, a])),
    unitsById,
    childrenOf,
    rootUnits,
    lineage,
    newsByUnit,
    historyOf(unitId) {
      if (!histories.has(unitId)) {
        const lineageIds = [unitId, ...lineage.predecessorsOf(unitId)];
        const mine = new Set(lineageIds.flatMap((id) => received.get(id) ?? []));
        histories.set(unitId, awardsByYear([...mine]));
      }
      return histories.get(unitId)!;
    },
    awardsReceivedBy: (unitId) => received.get(unitId) ?? [],
    awardsConferredBy: (unitId) => conferred.get(unitId) ?? [],
    ancestorsOf(unitId) {
      const chain: UnitEntry[] = [];
      const seen = new Set([unitId]);
      let cursor = unitsById.get(unitId)?.data.parent?.id;
      while (cursor && !seen.has(cursor)) {
        seen.add(cursor);
        const u = unitsById.get(cursor);
        if (!u) break;
        chain.unshift(u);
        cursor = u.data.parent?.id;
      }
      return chain;
    },
    get related() {
      return related();
    },
    get taxonomies() {
      return taxonomies();
    },
    get shareImageIds() {
      return shareImageIds();
    },
  };
}
