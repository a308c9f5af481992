import { existsSync } from 'node:fs';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { testDist } from '../../scripts/lib/paths.ts';

/** Build the bundled site once for the build and browser projects (skip with REUSE_TEST_DIST=1). */
export default function setup() {
  // Both the build and browser projects name this setup; build once per test run.
  if (process.env.TEST_DIST_READY === '1') return;
  if (!(process.env.REUSE_TEST_DIST === '1' && existsSync(testDist))) {
    const { status, output } = buildSite(testDist);
    if (status !== 0) throw new Error(`Site build failed:\n${output.slice(-8000)}`);
  }
  process.env.TEST_DIST_READY = '1';
}
