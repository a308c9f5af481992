import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from '../../scripts/lib/paths.ts';

export interface BuildResult {
  status: number;
  output: string;
}

/**
 * Run the production build (scripts/build.mjs: staging folder, then swap) with the given
 * environment, e.g. CONTENT_DIR for a fixture tree or TZ for time-zone checks.
 */
export function buildSite(outDir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [resolve(projectRoot, 'scripts/build.mjs'), '--outDir', outDir], {
    cwd: projectRoot,
    env: { ...process.env, SITE_NOW: '2026-11-01T00:00:00+07:00', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}
