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
// The index is written in shards by year (src/search/shards.ts), two shards at a time, each in a
// child process of its own running this script with --shard (a Pagefind service handles one
// message at a time, so two services are what uses both cores). A shard whose pages are unchanged
// is copied from the cache, node_modules/.cache/search-shards (SEARCH_SHARD_CACHE overrides;
// keep it between builds, in CI too). SEARCH_INDEX_PARALLEL sets how many shards at once,
// SEARCH_SHARD_PAGES about how many pages a shard holds (default 1,000).
//
// Usage: node scripts/search-index.ts <built site folder>
//        node scripts/search-index.ts --shard <spec.json>   (one shard; run by the above)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const time = () => new Date().toTimeString().slice(0, 8);
const logger = {
  info: (message: string) => console.log(`${time()} [congdoan:pagefind] ${message}`),
  warn: (message: string) => console.warn(`${time()} [WARN] [congdoan:pagefind] ${message}`),
};
const fatal = (error: unknown) => {
  console.error(`${time()} [ERROR] [congdoan:pagefind] ${(error as Error).message}`);
  process.exit(1);
};

const { buildSearchIndex, runShardWorker } = await import('#src/integrations/pagefind.ts');

if (process.argv[2] === '--shard') {
  await runShardWorker(process.argv[3]!).catch(fatal);
} else {
  const dir = process.argv[2];
  if (!dir || !existsSync(resolve(dir))) {
    console.error(`Usage: node scripts/search-index.ts <built site folder> (got "${dir ?? ''}")`);
    process.exit(2);
  }
  try {
    logger.info(`indexing ${resolve(dir)} in its own process`);
    await buildSearchIndex(resolve(dir), logger, {
      parallel: Number(process.env.SEARCH_INDEX_PARALLEL ?? 2),
      ...(process.env.SEARCH_SHARD_PAGES && { maxShardPages: Number(process.env.SEARCH_SHARD_PAGES) }),
      worker: fileURLToPath(import.meta.url),
      cacheDir: resolve(process.env.SEARCH_SHARD_CACHE ?? 'node_modules/.cache/search-shards'),
    });
  } catch (error) {
    fatal(error);
  }
}
