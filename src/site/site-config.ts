/**
 * The site's configuration (content/site.yaml, src/model/site-config.ts) for pages, feeds and
 * share images: read once per build, again on every call in `astro dev` so an edit shows at
 * the next reload. The content guard has already refused an invalid file before any page is
 * rendered; here a problem (in dev) is thrown with the same Vietnamese messages.
 */
import { contentRootOf, loadSiteConfig, type SiteConfig } from '#src/model/site-config.ts';

let cached: SiteConfig | undefined;

export function siteConfig(): SiteConfig {
  if (import.meta.env?.DEV) return loadSiteConfig(contentRootOf());
  cached ??= loadSiteConfig(contentRootOf());
  return cached;
}

export type { SiteConfig };
