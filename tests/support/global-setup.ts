import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { projectRoot, testContentDir, testContentOverlay, testDist } from '../../scripts/lib/paths.ts';

/**
 * The test site's content: a fresh copy of the bundled content/ with tests/fixtures/test-site/
 * laid over it. Also called by tests that build the same tree elsewhere.
 */
export function writeTestContent(to = testContentDir) {
  rmSync(to, { recursive: true, force: true });
  cpSync(join(projectRoot, 'content'), to, { recursive: true });
  cpSync(testContentOverlay, to, { recursive: true });
  return to;
}

/** Build the test site once for the build and browser projects (skip with REUSE_TEST_DIST=1). */
export default function setup() {
  // Both the build and browser projects name this setup; build once per test run.
  if (process.env.TEST_DIST_READY === '1') return;
  if (!(process.env.REUSE_TEST_DIST === '1' && existsSync(testDist))) {
    const { status, output } = buildSite(testDist, { CONTENT_DIR: writeTestContent() });
    if (status !== 0) throw new Error(`Site build failed:\n${output.slice(-8000)}`);
  }
  process.env.TEST_DIST_READY = '1';
}
