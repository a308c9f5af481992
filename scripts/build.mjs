#!/usr/bin/env node
// Production build that never leaves a half-published site and never lets two builds write the
// same output: see scripts/lib/publish/build.ts. The entry keeps its name (package.json, the
// benchmarks and the tests call scripts/build.mjs).
// Usage: node scripts/build.mjs [--outDir dist] [--base /x/] [--site URL] [--root DIR] [--force] [--verbose|--silent]
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from './lib/publish/build.ts';

await runBuild(process.argv.slice(2), resolve(dirname(fileURLToPath(import.meta.url)), '..'));
