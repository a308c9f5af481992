/**
 * The sitemap: @astrojs/sitemap over the pages the build actually wrote, minus those that are
 * not public pages (the editors' CMS, the 404 page). Drafts and scheduled articles have no page
 * at all (src/lib/content-model.ts decides), so they can never be listed.
 */
import sitemap from '@astrojs/sitemap';

/** Paths that exist in dist but are not pages for readers or search engines. */
export const NOT_IN_SITEMAP = [/^\/admin(\/|$)/, /^\/404(\.html|\/)?$/];

export const isSitemapPage = (page: string) => {
  const path = new URL(page).pathname;
  return !NOT_IN_SITEMAP.some((re) => re.test(path));
};

export default function siteSitemap() {
  return sitemap({ filter: isSitemapPage });
}
