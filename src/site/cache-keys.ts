/**
 * Cache keys of the incremental build (astro.config.mjs: `experimental.incrementalBuild`).
 *
 * Astro copies a page returned by getStaticPaths() from the previous build, instead of rendering
 * it, when its `cacheKey` and the hash of its route's code are both unchanged. The code hash
 * leaves out the content-collection data modules, so the key alone must change whenever anything
 * the page shows from the content changes. A key here is a SHA-256 over:
 *
 * 1. the site-wide inputs of every page (`SiteWideInputs`: key version, site configuration,
 *    preview mode, share-image limit — the header, footer and navigation are code, covered by
 *    Astro's code hash; the site URL and base are in Astro's config hash);
 * 2. the page's view-model inputs, as passed by the route: its view model (what the page shows,
 *    computed by the same functions the page calls) plus the results of every site-wide index the
 *    page's components read beyond the view model (reverse indexes such as `childrenOf`,
 *    `awardsReceivedBy`, the share-image set, search facets), serialised stably;
 * 3. every content entry met in those inputs replaced by the digest of its **reference closure**:
 *    the entry (collection, id, data, file digest, rendered HTML) and, recursively, every entry its
 *    data references (units → parent, lineage; awards → recipients, conferrer, article; news →
 *    units, awards). Components look other entries up only by such references
 *    (`site.unitsById.get(ref.id)`) or through the reverse indexes of point 2, so a page's output
 *    is a function of its key's inputs and its code.
 *
 * The rule for a route (tests/build/incremental.test.ts checks it by building incrementally and
 * cold and comparing every file): pass the view model and every `site.*` result its components
 * read. Over-inclusion only costs a re-render; under-inclusion publishes a stale page.
 */
import { createHash } from 'node:crypto';

/** Bump when the key's construction changes: every page is rendered again once. */
export const CACHE_KEY_VERSION = 1;

/** What every page depends on besides its own inputs. */
export interface SiteWideInputs {
  /** Hash of the site configuration file, when there is one. */
  siteConfig?: string | undefined;
  /** Preview mode (astro dev): drafts and scheduled articles shown with badges. */
  preview: boolean;
  /** How many newest articles get their own share image (SHARE_IMAGE_LIMIT). */
  shareImageLimit: number;
}

/** The fields of a collection entry a key reads. */
interface KeyEntry {
  id: string;
  collection?: string | undefined;
  data: unknown;
  body?: string | undefined;
  digest?: string | number | undefined;
  rendered?: { html?: string | undefined } | undefined;
}

/** Where referenced entries are looked up (the site's id maps). */
export interface EntryLookup {
  newsById: ReadonlyMap<string, KeyEntry>;
  unitsById: ReadonlyMap<string, KeyEntry>;
  awardsById: ReadonlyMap<string, KeyEntry>;
}

const COLLECTIONS = ['news', 'units', 'awards'] as const;
type CollectionName = (typeof COLLECTIONS)[number];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A content entry (an object with an id and data), as opposed to a reference `{ id, collection }`. */
export const isEntry = (v: unknown): v is KeyEntry =>
  isRecord(v) && typeof v.id === 'string' && 'data' in v && isRecord(v.data);

/** A reference to another entry, as Astro resolves `reference()` fields. */
const isRef = (v: unknown): v is { id: string; collection: CollectionName } =>
  isRecord(v) &&
  typeof v.id === 'string' &&
  typeof v.collection === 'string' &&
  (COLLECTIONS as readonly string[]).includes(v.collection) &&
  !('data' in v);

/**
 * A deterministic text for any value: object keys sorted, Dates as ISO strings, Maps and Sets as
 * sorted entries, functions left out (they are code, covered by Astro's code hash), entries
 * replaced by `entryToken(entry)`.
 */
export function stableText(value: unknown, entryToken: (entry: KeyEntry) => string = ownDigest): string {
  const seen = new WeakSet<object>();
  const walk = (v: unknown): string => {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'u';
    if (v === null || typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Number.isFinite(v) ? `n${v}` : `n${String(v)}`;
    if (typeof v === 'bigint') return `b${v}`;
    if (typeof v === 'string') return JSON.stringify(v);
    if (v instanceof Date) return `d${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}`;
    if (v instanceof URL) return `l${JSON.stringify(v.href)}`;
    const o = v as object;
    if (isEntry(o)) return `e${entryToken(o)}`;
    if (seen.has(o)) return 'c';
    seen.add(o);
    let out: string;
    if (Array.isArray(o)) out = `[${o.map(walk).join(',')}]`;
    else if (o instanceof Map)
      out = `M[${[...o]
        .map(([k, x]) => `${walk(k)}:${walk(x)}`)
        .sort()
        .join(',')}]`;
    else if (o instanceof Set) out = `S[${[...o].map(walk).sort().join(',')}]`;
    else {
      const r = o as Record<string, unknown>;
      out = `{${Object.keys(r)
        .filter((k) => r[k] !== undefined && typeof r[k] !== 'function')
        .sort()
        .map((k) => `${JSON.stringify(k)}:${walk(r[k])}`)
        .join(',')}}`;
    }
    seen.delete(o);
    return out;
  };
  return walk(value);
}

const ownDigests = new WeakMap<object, string>();

/** The digest of one entry by itself: collection, id, data, file digest, body and rendered HTML. */
export function ownDigest(entry: KeyEntry): string {
  let d = ownDigests.get(entry);
  if (d === undefined) {
    const data = stableText(entry.data, (nested) => `${nested.collection ?? ''}/${nested.id}`);
    d = sha256(
      [
        entry.collection ?? '',
        entry.id,
        data,
        String(entry.digest ?? ''),
        entry.body ?? '',
        entry.rendered?.html ?? '',
      ].join('\u0000'),
    );
    ownDigests.set(entry, d);
  }
  return d;
}

/** Every reference in an entry's data (any depth: lists of recipients, lineage rows, …). */
export function referencesOf(data: unknown): { id: string; collection: CollectionName }[] {
  const out: { id: string; collection: CollectionName }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isRef(v)) out.push({ id: v.id, collection: v.collection });
    else if (isRecord(v) && !(v instanceof Date)) Object.values(v).forEach(walk);
  };
  walk(data);
  return out;
}

const LOOKUP: Record<CollectionName, keyof EntryLookup> = {
  news: 'newsById',
  units: 'unitsById',
  awards: 'awardsById',
};

/**
 * Keys for the pages of one build. `closureDigest` is memoised per entry for this keyer (one
 * site index per build); a reference to an entry that is not visible (a draft, a missing id)
 * contributes its id and "absent", so publishing it later changes the key.
 */
export function createPageKeyer(site: EntryLookup, siteWide: SiteWideInputs) {
  const siteWideText = stableText({ version: CACHE_KEY_VERSION, ...siteWide });
  const closures = new WeakMap<object, string>();

  const closureDigest = (entry: KeyEntry): string => {
    const known = closures.get(entry);
    if (known !== undefined) return known;
    const members = new Map<string, string>();
    const pending: KeyEntry[] = [entry];
    members.set(`${entry.collection ?? ''}/${entry.id}`, ownDigest(entry));
    while (pending.length) {
      const current = pending.pop()!;
      for (const ref of referencesOf(current.data)) {
        const name = `${ref.collection}/${ref.id}`;
        if (members.has(name)) continue;
        const target = site[LOOKUP[ref.collection]].get(ref.id);
        members.set(name, target ? ownDigest(target) : 'absent');
        if (target) pending.push(target);
      }
    }
    const digest = sha256(
      [...members]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, d]) => `${name}=${d}`)
        .join('\n'),
    );
    closures.set(entry, digest);
    return digest;
  };

  /** The cache key of a page from its inputs (see the module comment for what to pass). */
  const key = (...inputs: unknown[]): string => sha256(`${siteWideText}\n${stableText(inputs, closureDigest)}`);

  return {
    closureDigest,
    key,
    /**
     * The same, from a function returning the inputs: `astro dev` (which reads no key) does not
     * compute them (at 10,000 articles, the view model of every article on the first request).
     */
    keyOf: (inputs: () => unknown[]): string => key(...inputs()),
  };
}

export type PageKeyer = ReturnType<typeof createPageKeyer>;

/** Add a cache key to each path of a getStaticPaths result, computed from its props. */
export function withCacheKeys<P extends { props: Record<string, unknown> }>(
  paths: P[],
  keyOf: (props: P['props']) => string,
): (P & { cacheKey: string })[] {
  return paths.map((p) => ({ ...p, cacheKey: keyOf(p.props) }));
}
