/**
 * The one data-access module between the collections and the pages. Pages never call
 * getCollection themselves: drafts, schedules and integrity checks are decided here, once.
 */
import { getCollection } from 'astro:content';
import { buildNow } from '#src/model/clock.ts';
import type { RawContent } from '#src/model/content-model.ts';
import { checkContentIntegrity, ContentIntegrityError } from '#src/model/integrity.ts';
import { createHash } from 'node:crypto';
import { createPageKeyer, stableText, type PageKeyer } from './cache-keys.ts';
import { memoUntilInvalidated } from './content-memo.ts';
import { siteConfig } from './site-config.ts';
import { shareImageLimit } from './share-images.ts';
import { buildSiteIndex, type SiteIndex } from './site-index.ts';

const site = memoUntilInvalidated(load);

/**
 * Everything the pages show, loaded and checked once per build; in `astro dev`, once per content
 * change: Astro sends `astro:content-changed` to the server's module runner whenever its content
 * store changes (the same signal clears its cache of getStaticPaths results), and the next request
 * loads the content again. Until then every request reuses the index (src/site/content-memo.ts).
 */
export function getSite(): Promise<SiteIndex> {
  return site.get();
}

if (import.meta.hot) import.meta.hot.on('astro:content-changed', () => site.invalidate());

async function load(): Promise<SiteIndex> {
  const [news, awards, units] = await Promise.all([
    getCollection('news'),
    getCollection('awards'),
    getCollection('units'),
  ]);
  const raw = { news, awards, units } as unknown as RawContent;
  const now = buildNow();
  const problems = checkContentIntegrity(raw, now);
  if (problems.length) throw new ContentIntegrityError(problems);
  return buildSiteIndex(raw, { now, preview: import.meta.env.DEV, shareImageLimit: shareImageLimit() });
}

let keyer: Promise<PageKeyer> | undefined;

/**
 * What every page shows of the site configuration (content/site.yaml, overrides applied): the
 * name, tagline, footer… and, around the owner unit, its name and contact in the header and
 * footer. A change to either renders every page again.
 */
function siteConfigDigest(site: SiteIndex): string {
  const config = siteConfig();
  const owner = config.owner ? site.unitsById.get(config.owner)?.data : undefined;
  return createHash('sha256').update(stableText({ config, owner })).digest('hex');
}

/**
 * Cache keys of this build's pages (src/site/cache-keys.ts), over the same site index the pages
 * render from. Every getStaticPaths route returns `cacheKey: keys.keyOf(() => […its view-model inputs])`
 * (or `keys.key(…)` where the inputs are at hand anyway).
 */
export function getPageKeys(): Promise<PageKeyer> {
  // astro dev renders on request and caches nothing: no key is read, so none is computed.
  if (import.meta.env.DEV) return Promise.resolve({ closureDigest: () => '', key: () => 'dev', keyOf: () => 'dev' });
  // preview is false outside astro dev (getSite: `preview: import.meta.env.DEV`).
  keyer ??= (async () => {
    const site = await getSite();
    return createPageKeyer(site, {
      siteConfig: siteConfigDigest(site),
      preview: false,
      shareImageLimit: shareImageLimit(),
    });
  })();
  return keyer;
}

export type { SiteIndex };
export type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';
