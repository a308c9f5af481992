import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { projectRoot, TEST_SITE_BASE, testBaseDist } from '../../scripts/lib/paths.ts';
import { writeTestContent } from './global-setup.ts';

/**
 * Build the test site (the bundled content with tests/fixtures/test-site/) once under the base path /congdoan/ (SITE_BASE) for the base-path project
 * (tests/base-path/): Vitest runs a project's global setup only when some of its test files run,
 * so this build costs nothing to a run of the other projects. REUSE_TEST_DIST=1 reuses it.
 */
export default function setup() {
  if (process.env.TEST_BASE_DIST_READY === '1') return;
  if (!(process.env.REUSE_TEST_DIST === '1' && existsSync(testBaseDist))) {
    const { status, output } = buildSite(testBaseDist, {
      SITE_BASE: TEST_SITE_BASE,
      CONTENT_DIR: writeTestContent(resolve(projectRoot, '.build-tmp/test-content-base')),
    });
    if (status !== 0) throw new Error(`Site build under ${TEST_SITE_BASE} failed:\n${output.slice(-8000)}`);
  }
  process.env.TEST_BASE_DIST_READY = '1';
}
