#!/usr/bin/env node
// Production build that never leaves a half-published site: Astro builds into a fresh
// folder beside dist/, and only a successful build replaces dist/ (rename, then delete the old).
// Usage: node scripts/build.mjs [--outDir dist] [extra astro build flags]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--outDir');
const outDir = resolve(root, outIdx >= 0 ? args.splice(outIdx, 2)[1] : 'dist');
const staging = `${outDir}.staging-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;

/**
 * Always a production build. Astro reads import.meta.env.DEV/PROD/MODE from the process
 * environment, so a DEV or NODE_ENV inherited from the caller (vitest sets DEV=1, MODE=test)
 * would turn on preview mode, which publishes drafts and scheduled articles.
 */
function productionEnv(env) {
  const clean = { ...env, NODE_ENV: 'production' };
  for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete clean[key];
  return clean;
}

mkdirSync(dirname(outDir), { recursive: true });
rmSync(staging, { recursive: true, force: true });
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
// The search index is built after Astro has exited, in its own process (scripts/search-index.ts):
// at news scale the Astro process and Pagefind each take gigabytes, and inside astro:build:done
// both were alive at once. SEARCH_INDEX_IN_ASTRO=1 keeps the old in-build integration.
const indexAfter = process.env.SEARCH_INDEX_IN_ASTRO !== '1';
const env = { ...productionEnv(process.env), CONGDOAN_SEARCH_INDEX: indexAfter ? 'after-build' : 'in-build' };
let result = spawnSync(process.execPath, [astro, 'build', '--outDir', staging, ...args], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (result.status === 0 && indexAfter) {
  result = spawnSync(process.execPath, [resolve(root, 'scripts/search-index.ts'), staging], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
}
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed; ${outDir} was left as it was (bản dựng lỗi, trang đang xuất bản không bị thay đổi).`);
  process.exit(result.status ?? 1);
}
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
console.log(`Site written to ${outDir}`);
// Deleting the old site is cleanup once the new one is in place; at news scale it is tens of
// thousands of files (a minute and more on a busy disk), so it runs in the background.
if (existsSync(previous)) {
  const code = `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' }).unref();
}
