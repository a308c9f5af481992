#!/usr/bin/env node
// The search index as its own step of the production build: scripts/build.mjs runs this on the
// staging folder after `astro build` has exited, before the swap into dist/.
//
// Why a separate process: inside `astro:build:done` the Astro process still holds the whole
// build (content store, page modules, caches: about 2.5 GB at 10,000 articles) while Pagefind's
// indexer grows to about the same again, so the peak was the sum of the two. In a fresh process
// the peak is the larger of the two. Same indexing code (src/integrations/pagefind.ts); the
// integration stays in astro.config.mjs for plain `astro build` and is switched off by
// scripts/build.mjs (CONGDOAN_SEARCH_INDEX=after-build). See docs/performance.md.
//
// Usage: node scripts/search-index.ts <built site folder>
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = process.argv[2];
if (!dir || !existsSync(resolve(dir))) {
  console.error(`Usage: node scripts/search-index.ts <built site folder> (got "${dir ?? ''}")`);
  process.exit(2);
}

const time = () => new Date().toTimeString().slice(0, 8);
const logger = {
  info: (message: string) => console.log(`${time()} [congdoan:pagefind] ${message}`),
  warn: (message: string) => console.warn(`${time()} [WARN] [congdoan:pagefind] ${message}`),
};

const { buildSearchIndex } = await import('#src/integrations/pagefind.ts');
try {
  logger.info(`indexing ${resolve(dir)} in its own process`);
  await buildSearchIndex(resolve(dir), logger);
} catch (error) {
  console.error(`${time()} [ERROR] [congdoan:pagefind] ${(error as Error).message}`);
  process.exit(1);
}
