/**
 * The production build (scripts/build.mjs: staging folder, then swap) as tests and scripts run
 * it: on the bundled content or another tree (CONTENT_DIR), with the clock pinned. For builds
 * that may run beside others in the same checkout, see isolated-build.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

/** The build clock (SITE_NOW) of tests and benchmarks: later than every date in the fixtures. */
export const PINNED_SITE_NOW = '2026-11-01T00:00:00+07:00';

export interface BuildResult {
  status: number;
  /** stdout, then stderr. */
  output: string;
}

/**
 * Build into `outDir` with the given environment, e.g. CONTENT_DIR for a fixture tree or TZ for
 * time-zone checks. `args`: more build flags, e.g. ['--force'] where the test needs every page
 * rendered in this build (the build is incremental: pages with unchanged keys are copied).
 */
export function buildSite(outDir: string, env: Record<string, string> = {}, args: string[] = []): BuildResult {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/build.mjs'), '--outDir', outDir, ...args], {
    cwd: projectRoot,
    // Not incremental: these builds share the project's cacheDir and test files run in parallel;
    // two builds writing one incremental cache at once could leave a page under another's key.
    // Incremental builds are tested in isolated roots (tests/build/incremental.test.ts).
    env: { ...process.env, SITE_NOW: PINNED_SITE_NOW, INCREMENTAL_BUILD: '0', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}
