/**
 * The search index in shards: which pages go into which shard (at build time), and which shards a
 * search needs, in which order (in the browser). Pure functions, shared by
 * src/integrations/pagefind.ts and the search page's client (src/search/client.ts).
 *
 * Shards are year ranges of the pages' date sort key (articles and award records of those years
 * together), plus one shard of the undated pages (unit profiles, records without a year). A year
 * with more pages than a shard holds is split into month ranges (a month is never split), so the
 * newest shard, which every first search loads, stays small however big a year is. Because
 * the ranges do not overlap, "newest first" across shards is the shards in order of their years,
 * each in Pagefind's own date order; nothing depends on how Pagefind orders merged results
 * (it re-sorts them by score). Ranges are closed from the oldest year on, so adding this year's
 * articles changes only the newest shard and every older shard can be reused from the cache.
 */

/** The manifest at `<base>pagefind/shards.json`; shard `id` is published at `<base>pagefind/<id>/`. */
export const SHARD_MANIFEST = 'shards.json';
export const UNDATED_SHARD_ID = 'khong-ro-nam';
/** Synthetic filter (Pagefind `mergeFilter`) that tags every page of a loaded shard with its id. */
export const SHARD_FILTER = 'shard';

/** A page as the build sees it: its year (of the date sort key, null if undated) and filters. */
export interface ShardPageInput {
  sourcePath: string;
  year: number | null;
  /** Month (1–12) of the date sort key; absent or null: the page's year is never split. */
  month?: number | null;
  /** Values of the page's `type` and `year` filters. */
  types: readonly string[];
  years: readonly string[];
}

export interface ShardInfo {
  id: string;
  /** First and last year of the shard's date sort keys; null for the undated shard. */
  from: number | null;
  to: number | null;
  /** Months of `from`…`to` when the shard is part of a year split by months (from = to). */
  months?: { from: number; to: number };
  pages: number;
  /** Values of the `type` and `year` filters present in the shard (to skip shards a filter excludes). */
  types: string[];
  years: string[];
}

export interface PlannedShard extends ShardInfo {
  sourcePaths: string[];
}

export interface ShardManifest {
  version: 1;
  /** In load order of a newest-first search: dated shards newest first, then the undated one. */
  shards: ShardInfo[];
}

const FILTER_VALUE = /data-pagefind-filter=["'](type|year)\[data-value\]["']\s+data-value=["']([^"']*)["']/g;
const DATE_SORT = /data-pagefind-sort=["']date:(\d{4})(?:-(\d{2}))?/;

/**
 * What sharding needs to know of a built page: the year of its date sort key (null when undated,
 * `0000-…`, or without one) and its `type` and `year` filter values (written by
 * src/components/SearchIndexMeta.astro).
 */
export function pageShardFacts(html: string): Omit<ShardPageInput, 'sourcePath'> {
  const types = new Set<string>();
  const years = new Set<string>();
  for (const m of html.matchAll(FILTER_VALUE)) (m[1] === 'type' ? types : years).add(m[2]!);
  const sort = DATE_SORT.exec(html);
  const y = Number(sort?.[1] ?? 0);
  const m = Number(sort?.[2] ?? 0);
  return {
    year: y > 0 ? y : null,
    month: y > 0 && m >= 1 && m <= 12 ? m : null,
    types: [...types],
    years: [...years],
  };
}

const shardId = (from: number, to: number) => (from === to ? `nam-${from}` : `nam-${from}-${to}`);
const two = (n: number) => String(n).padStart(2, '0');
const monthsId = (year: number, from: number, to: number) =>
  `nam-${year}-thang-${from === to ? two(from) : `${two(from)}-${two(to)}`}`;

const sortedUnique = (xs: Iterable<string>, cmp?: (a: string, b: string) => number) => [...new Set(xs)].sort(cmp);
const byYearDesc = (a: string, b: string) => Number(b) - Number(a) || a.localeCompare(b);

/**
 * Split pages into shards of about `maxPages` pages: consecutive years from the oldest, a shard
 * closed as soon as it holds `maxPages` or more, then the undated pages. A year of more than
 * `maxPages` pages gets shards of its own, month ranges closed the same way from January (a month
 * is never split), so adding this year's pages changes only the newest shard, and that shard
 * holds at most about `maxPages` pages. Returned newest first (the manifest order). A site that
 * fits in one shard gets one, undated pages included (they sort last inside it): splitting it
 * would only add a shard's fixed costs.
 */
export function planShards(pages: readonly ShardPageInput[], { maxPages = 1000 } = {}): PlannedShard[] {
  const byYear = new Map<number, ShardPageInput[]>();
  const undated: ShardPageInput[] = [];
  for (const page of pages) {
    if (page.year === null) undated.push(page);
    else {
      const list = byYear.get(page.year);
      if (list) list.push(page);
      else byYear.set(page.year, [page]);
    }
  }
  const make = (
    id: string,
    from: number | null,
    to: number | null,
    list: ShardPageInput[],
    months?: { from: number; to: number },
  ): PlannedShard => ({
    id,
    from,
    to,
    ...(months && { months }),
    pages: list.length,
    types: sortedUnique(list.flatMap((p) => p.types)),
    years: sortedUnique(
      list.flatMap((p) => p.years),
      byYearDesc,
    ),
    sourcePaths: list.map((p) => p.sourcePath).sort(),
  });
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (pages.length <= maxPages && years.length && undated.length)
    return [make(shardId(years[0]!, years.at(-1)!), years[0]!, years.at(-1)!, [...pages])];
  const dated: PlannedShard[] = [];
  let current: ShardPageInput[] = [];
  let from: number | null = null;
  for (const year of years) {
    const list = byYear.get(year)!;
    if (list.length > maxPages && list.every((p) => p.month)) {
      if (current.length) dated.push(make(shardId(from!, current.at(-1)!.year!), from, current.at(-1)!.year!, current));
      current = [];
      from = null;
      dated.push(...splitByMonths(year, list, maxPages, make));
      continue;
    }
    from ??= year;
    current.push(...list);
    if (current.length >= maxPages || year === years.at(-1)) {
      dated.push(make(shardId(from, year), from, year, current));
      current = [];
      from = null;
    }
  }
  const shards = dated.reverse();
  if (undated.length) shards.push(make(UNDATED_SHARD_ID, null, null, undated));
  return shards;
}

/** A year's pages in month ranges of `maxPages` or more, closed from January; the rest last. */
function splitByMonths(
  year: number,
  list: readonly ShardPageInput[],
  maxPages: number,
  make: (
    id: string,
    from: number,
    to: number,
    list: ShardPageInput[],
    months?: { from: number; to: number },
  ) => PlannedShard,
): PlannedShard[] {
  const byMonth = new Map<number, ShardPageInput[]>();
  for (const p of list) {
    const m = byMonth.get(p.month!);
    if (m) m.push(p);
    else byMonth.set(p.month!, [p]);
  }
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const parts: { from: number; to: number; pages: ShardPageInput[] }[] = [];
  let current: ShardPageInput[] = [];
  let first: number | null = null;
  for (const month of months) {
    first ??= month;
    current.push(...byMonth.get(month)!);
    if (current.length >= maxPages || month === months.at(-1)) {
      parts.push({ from: first, to: month, pages: current });
      current = [];
      first = null;
    }
  }
  // One part (all the pages in one month, or the year just over the size): the year's own shard.
  if (parts.length === 1) return [make(shardId(year, year), year, year, [...list])];
  return parts.map((p) => make(monthsId(year, p.from, p.to), year, year, p.pages, { from: p.from, to: p.to }));
}

export interface ShardQuery {
  /** Results by date (a date-sorted query or filter-only browsing) or by relevance. */
  byDate: boolean;
  /** Selected values of the `type` and `year` filters (empty: any). */
  types?: readonly string[];
  years?: readonly string[];
}

/**
 * The shards a search must look at, in the order their results are shown ("tiers"): shards that
 * cannot hold a page the filters select are left out. By date: dated shards newest first, the
 * undated shard last (undated pages sort last). By relevance: the newest shard and the undated one
 * (unit profiles) first, then older years. The page loads and searches them one at a time, only as
 * far as the results shown need.
 */
export function shardsToSearch(shards: readonly ShardInfo[], query: ShardQuery): ShardInfo[] {
  const types = query.types ?? [];
  const years = query.years ?? [];
  const candidates = shards.filter(
    (s) =>
      (!types.length || s.types.some((t) => types.includes(t))) &&
      (!years.length || s.years.some((y) => years.includes(y))),
  );
  const dated = candidates
    .filter((s) => s.to !== null)
    .sort((a, b) => b.to! - a.to! || (b.from ?? 0) - (a.from ?? 0) || (b.months?.to ?? 12) - (a.months?.to ?? 12));
  const undated = candidates.filter((s) => s.to === null);
  return query.byDate ? [...dated, ...undated] : [...dated.slice(0, 1), ...undated, ...dated.slice(1)];
}

/**
 * The shards of `shardsToSearch` in groups searched together ("tiers"). By relevance the newest
 * shard and the undated one (unit profiles) form the first tier, their results merged by
 * Pagefind's score, so a unit's profile is not pushed behind a page of this year's articles;
 * every other shard is a tier of its own, shown after the tiers before it.
 */
export function searchTiers(ordered: readonly ShardInfo[], byDate: boolean): ShardInfo[][] {
  const [first, second, ...rest] = ordered;
  if (!first) return [];
  if (!byDate && second && first.to !== null && second.to === null) return [[first, second], ...rest.map((s) => [s])];
  return ordered.map((s) => [s]);
}

/**
 * Whether the results found so far fill the requested page and tell whether a next page exists
 * (one result more than the page needs), so searching further shards can wait.
 */
export function hasEnoughResults(found: number, page: number, pageSize: number): boolean {
  return found > page * pageSize;
}

/** Years covered by the shards searched so far, for the status line ("2024–2025"). */
export function searchedYears(searched: readonly ShardInfo[]): { from: number; to: number } | null {
  const dated = searched.filter((s) => s.from !== null && s.to !== null);
  if (!dated.length) return null;
  return { from: Math.min(...dated.map((s) => s.from!)), to: Math.max(...dated.map((s) => s.to!)) };
}

/**
 * The time the shards searched so far cover, in Vietnamese, for the status line: "các năm
 * 2024–2025", or with months when the oldest or newest of them is part of a year ("tháng 9/2025
 * – 12/2025"). Null when no dated shard was searched.
 */
export function searchedScope(searched: readonly ShardInfo[]): string | null {
  const dated = searched.filter((s) => s.from !== null && s.to !== null);
  if (!dated.length) return null;
  const oldest = dated.reduce((a, b) =>
    b.from! < a.from! || (b.from === a.from && (b.months?.from ?? 1) < (a.months?.from ?? 1)) ? b : a,
  );
  const newest = dated.reduce((a, b) =>
    b.to! > a.to! || (b.to === a.to && (b.months?.to ?? 12) > (a.months?.to ?? 12)) ? b : a,
  );
  const fromMonth = oldest.months?.from ?? 1;
  const toMonth = newest.months?.to ?? 12;
  if (fromMonth === 1 && toMonth === 12)
    return `các năm ${oldest.from === newest.to ? oldest.from : `${oldest.from}–${newest.to}`}`;
  return `tháng ${fromMonth}/${oldest.from} – ${toMonth}/${newest.to}`;
}

/** Read and check a manifest fetched by the browser; throws on anything unexpected. */
export function parseShardManifest(json: unknown): ShardManifest {
  const m = json as Partial<ShardManifest> | null;
  if (!m || m.version !== 1 || !Array.isArray(m.shards) || !m.shards.length)
    throw new Error('search: malformed shard manifest');
  for (const s of m.shards) {
    if (typeof s?.id !== 'string' || !/^[a-z0-9-]+$/.test(s.id)) throw new Error('search: malformed shard id');
  }
  return m as ShardManifest;
}
