/**
 * Gate: the site built under /congdoan/ (SITE_BASE) and served there by a real nginx (Debian's)
 * with the generated configuration (src/publishing/deploy/nginx.ts) holds its
 * Content-Security-Policy in Chromium on every kind of page, and search works under it: the CSP
 * gate of tests/support/csp-check.ts, run against nginx under the base path instead of the loopback
 * server at the root. The responses and links under /congdoan/: served.test.ts beside this file.
 */
import { TEST_SITE_BASE, testBaseDist } from '../../scripts/lib/paths.ts';
import { startBasePathNginx } from '../support/base-path-site.ts';
import { describeSiteUnderPolicy } from '../support/csp-check.ts';

describeSiteUnderPolicy(`the site built for ${TEST_SITE_BASE}, served there by nginx`, testBaseDist, async () => {
  const { site, close } = await startBasePathNginx();
  return { ...site, close };
});
