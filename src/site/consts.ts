/**
 * Constants of the site's pages. The site's identity (name, tagline, description, owner…) is
 * not here: it is the site configuration, content/site.yaml (src/site/site-config.ts).
 */

/** Items per page on news lists. */
export const NEWS_PER_PAGE = 20;

/** Award records per page on the award lists by year and by form. */
export const AWARDS_PER_PAGE = 50;
