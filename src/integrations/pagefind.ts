/**
 * Astro integration: build the Pagefind search index after every production build.
 *
 * Runs in `astro:build:done` on the folder Astro just wrote (the build's staging folder when
 * scripts/build.mjs passes --outDir), so the index is published together with the pages, never
 * through public/. Every HTML page is handed to Pagefind as it is, plus search-only extras that
 * are not published (see src/search/fold.ts): the `dfold` metadata that makes tone-free
 * queries with "d" find words written with "đ", and a fallback date sort key.
 * Any indexing error fails the build, so a site is never published with a broken search.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { iisPagefindWebConfig } from '#src/publishing/deploy/iis.ts';
import { dFoldField, extractIndexedText, UNDATED_SORT_KEY, withSearchExtras } from '#src/search/fold.ts';
import {
  pageShardFacts,
  planShards,
  SHARD_MANIFEST,
  type ShardInfo,
  type ShardManifest,
  type ShardPageInput,
} from '#src/search/shards.ts';

export interface PagefindIntegrationOptions {
  /** Index language (pages carry lang="vi"; forcing it keeps stray pages in one index). */
  language?: string;
  /** Folder inside the build output for the search bundle. */
  bundleDir?: string;
  /** Add the d-folded words field (default true; false only to measure what it costs). */
  dFold?: boolean;
  /**
   * Write the index in shards by year (default) with a manifest, `<bundleDir>/shards.json`; false
   * writes one Pagefind bundle to `<bundleDir>/` (benchmarks and the recall test compare the two).
   */
  sharded?: boolean;
  /** About how many pages a dated shard holds (a year is never split). */
  maxShardPages?: number;
  /**
   * Shards indexed at the same time, each in its own process running `worker` (one Pagefind
   * service each: a service handles one message at a time). 1 indexes in this process.
   */
  parallel?: number;
  /** Script that indexes one shard: `node <worker> --shard <spec.json>` (scripts/search-index.ts). */
  worker?: string;
  /**
   * Where finished shards are kept between builds, by the hash of their input; a shard whose pages
   * are unchanged is copied from here instead of indexed. Null: no cache.
   */
  cacheDir?: string | null;
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('pagefind') && entry.name !== '_astro') yield* htmlFiles(path);
    } else if (entry.isFile() && entry.name.endsWith('.html')) {
      yield path;
    }
  }
}

type Logger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;
const fail = (what: string, errors: string[]): never => {
  throw new SearchIndexError(`Pagefind could not ${what}:\n  ${errors.join('\n  ')}`);
};
const NOINDEX = /<meta\s+name=["']robots["']\s+content=["'][^"']*noindex/i;

interface IndexStats {
  pages: number;
  undated: number;
  folded: number;
  undatedExamples: string[];
}

/** What one shard's indexing is given (also the JSON a shard worker process reads). */
export interface ShardSpec {
  outDir: string;
  /** Page paths relative to outDir, with "/". */
  sourcePaths: string[];
  outputPath: string;
  language: string;
  dFold: boolean;
  /** Index whole pages (no page of the site marks its main content). */
  wholePage: boolean;
}

/**
 * Index the given pages into one Pagefind bundle at `outputPath`, with the search-only extras
 * (src/search/fold.ts). Pages are handed over one at a time: Pagefind's service handles one
 * message at a time, so more calls in flight would only queue (and hold their HTML in memory).
 */
export async function indexPages(spec: ShardSpec): Promise<IndexStats> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: spec.language });
  if (!index || errors.length) fail('start', errors);
  const stats: IndexStats = { pages: 0, undated: 0, folded: 0, undatedExamples: [] };
  for (const sourcePath of spec.sourcePaths) {
    const html = await readFile(join(spec.outDir, sourcePath), 'utf8');
    const extracted = extractIndexedText(html);
    const dfold = spec.dFold ? dFoldField(extracted.text) : '';
    const addDateSort = !extracted.hasDateSort;
    const response = await index!.addHTMLFile({ sourcePath, content: withSearchExtras(html, { dfold, addDateSort }) });
    if (response.errors.length) fail(`index ${sourcePath}`, response.errors);
    stats.pages++;
    if (dfold) stats.folded++;
    if (addDateSort) {
      stats.undated++;
      if (stats.undatedExamples.length < 5) stats.undatedExamples.push(sourcePath);
    }
  }
  const written = await index!.writeFiles({ outputPath: spec.outputPath });
  if (written.errors.length) fail('write the index', written.errors);
  await index!.deleteIndex();
  return stats;
}

interface SitePage extends ShardPageInput {
  /** Hash of the page's path and HTML: a shard's cache key is made of these. */
  hash: string;
}

/** Files read at once while listing the pages: reading overlaps the hashing and matching. */
const READ_AHEAD = 8;

/** Every page to index: pages marked `noindex` are skipped, and so are pages without `data-pagefind-body` when any page has it. */
async function sitePages(outDir: string): Promise<{ pages: SitePage[]; wholePage: boolean }> {
  const withBody: SitePage[] = [];
  const bodyless: SitePage[] = [];
  const files: string[] = [];
  for await (const file of htmlFiles(outDir)) files.push(file);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      // The hash over the bytes as read (the same digest as over the decoded text, without
      // encoding it back to UTF-8).
      const bytes = await readFile(file);
      const html = bytes.toString('utf8');
      if (NOINDEX.test(html)) continue;
      const sourcePath = relative(outDir, file).split(sep).join('/');
      const hash = createHash('sha256').update(sourcePath).update('\0').update(bytes).digest('hex');
      (html.includes('data-pagefind-body') ? withBody : bodyless).push({ sourcePath, hash, ...pageShardFacts(html) });
    }
  };
  await Promise.all(Array.from({ length: READ_AHEAD }, lane));
  const wholePage = withBody.length === 0;
  const pages = wholePage ? bodyless : withBody;
  pages.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
  return { pages, wholePage };
}

/** Hash of everything that decides a shard's output besides its pages: indexing code and options. */
function codeHash(options: object): string {
  const h = createHash('sha256').update(JSON.stringify(options));
  try {
    for (const file of [
      '../../node_modules/pagefind/package.json',
      './pagefind.ts',
      '../search/fold.ts',
      '../search/shards.ts',
    ])
      h.update(readFileSync(new URL(file, import.meta.url)));
  } catch {
    // Source not readable where this runs: never reuse a shard.
    h.update(String(Date.now()) + Math.random());
  }
  return h.digest('hex');
}

/** Pagefind's UI bundles, which the site does not use (its own page renders results). */
const UNUSED_BUNDLE_FILE = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

async function removeUnusedFiles(bundle: string) {
  for (const name of await readdir(bundle)) if (UNUSED_BUNDLE_FILE.test(name)) await rm(join(bundle, name));
}

/** Run shard jobs, at most `parallel` at once. */
async function runLimited<T>(jobs: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, lane));
  return results;
}

/** Index one shard in a child process running `worker --shard <spec>`; its stats come back in a file. */
async function indexInWorker(worker: string, spec: ShardSpec): Promise<IndexStats> {
  const specFile = `${spec.outputPath}.spec.json`;
  await mkdir(dirname(specFile), { recursive: true });
  await writeFile(specFile, JSON.stringify(spec));
  try {
    const code = await new Promise<number | null>((done, reject) => {
      const child = spawn(process.execPath, [worker, '--shard', specFile], { stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (c) => done(c));
    });
    if (code !== 0)
      throw new SearchIndexError(`Indexing the shard ${basename(spec.outputPath)} failed (exit code ${code}).`);
    return JSON.parse(await readFile(`${specFile}.result`, 'utf8')) as IndexStats;
  } finally {
    await rm(specFile, { force: true });
    await rm(`${specFile}.result`, { force: true });
  }
}

/** Entry of a shard worker process: index the spec's pages and write the stats next to it. */
export async function runShardWorker(specFile: string): Promise<void> {
  const spec = JSON.parse(await readFile(specFile, 'utf8')) as ShardSpec;
  try {
    const stats = await indexPages(spec);
    await writeFile(`${specFile}.result`, JSON.stringify(stats));
  } finally {
    await pagefind.close();
  }
}

/**
 * Put a copy of the folder `from` at `to` as hard links (a shard is about 1,000 small files:
 * Node's recursive copy took 1.8 s for 4,000 of them, links a few hundredths), or copied where
 * links cannot be made (another file system). Safe because nothing writes into these files in
 * place: the cache and the published site only ever add, rename or delete whole files.
 */
export async function linkOrCopyTree(from: string, to: string): Promise<void> {
  try {
    await mkdir(to, { recursive: true });
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory()) await linkOrCopyTree(source, target);
      else await link(source, target);
    }
  } catch {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
  }
}

/** Unused cache entries older than this are deleted. */
const CACHE_KEEP_MS = 7 * 24 * 3600 * 1000;

async function pruneCache(cacheDir: string, used: Set<string>) {
  const now = Date.now();
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (used.has(name)) continue;
    const path = join(cacheDir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > CACHE_KEEP_MS) await rm(path, { recursive: true, force: true });
  }
}

export interface SearchIndexResult {
  pages: number;
  undated: number;
  folded: number;
  /** Sharded builds: each shard, and whether it was reused from the cache. */
  shards?: (ShardInfo & { reused: boolean })[];
}

/**
 * Index every page under `outDir` and write the search bundle to `<outDir>/<bundleDir>/`: by
 * default in shards by year (src/search/shards.ts) plus `shards.json`, each shard a Pagefind
 * bundle of its own, merged in the browser; with `sharded: false` one bundle.
 */
export async function buildSearchIndex(
  outDir: string,
  logger: Logger,
  {
    language = 'vi',
    bundleDir = 'pagefind',
    dFold = true,
    sharded = true,
    maxShardPages = 1000,
    parallel = 1,
    worker,
    cacheDir = null,
  }: PagefindIntegrationOptions = {},
): Promise<SearchIndexResult> {
  const started = performance.now();
  // Where the time goes, for the log (the benchmark reads the total from the "Search index:" line).
  const steps: [string, number][] = [];
  let stepStart = started;
  const step = (name: string) => {
    const now = performance.now();
    steps.push([name, now - stepStart]);
    stepStart = now;
  };
  try {
    const { pages, wholePage } = await sitePages(outDir);
    step('pages read and hashed');
    if (wholePage && pages.length) {
      // No page marks its main content yet: index whole pages, as Pagefind itself would.
      logger.warn(
        'No page carries data-pagefind-body: indexing whole pages, navigation included. Mark the main content of articles, units and awards.',
      );
    }
    const bundle = join(outDir, bundleDir);
    await rm(bundle, { recursive: true, force: true });
    const base = { outDir, language, dFold, wholePage };
    let totals: IndexStats;
    let shards: SearchIndexResult['shards'];
    if (!sharded) {
      totals = await indexPages({ ...base, sourcePaths: pages.map((p) => p.sourcePath), outputPath: bundle });
      await removeUnusedFiles(bundle);
    } else {
      const planned = planShards(pages, { maxPages: maxShardPages });
      const code = codeHash({ language, dFold, wholePage });
      const hashes = new Map(pages.map((p) => [p.sourcePath, p.hash]));
      const keyOf = (shard: (typeof planned)[number]) => {
        const h = createHash('sha256').update(code).update(shard.id);
        for (const path of shard.sourcePaths) h.update(hashes.get(path)!);
        return h.digest('hex').slice(0, 32);
      };
      const keys = planned.map(keyOf);
      const reused = await Promise.all(
        planned.map(async (shard, i) => {
          if (!cacheDir) return false;
          const cached = join(cacheDir, keys[i]!);
          if (!existsSync(join(cached, 'pagefind-entry.json'))) return false;
          await linkOrCopyTree(cached, join(bundle, shard.id));
          const now = new Date();
          await utimes(cached, now, now).catch(() => {});
          return true;
        }),
      );
      step('unchanged shards copied');
      const jobs = planned
        .map((shard, i) => ({ shard, i }))
        .filter(({ i }) => !reused[i])
        .map(({ shard, i }) => async () => {
          const spec: ShardSpec = { ...base, sourcePaths: shard.sourcePaths, outputPath: join(bundle, shard.id) };
          const stats = worker && parallel > 1 ? await indexInWorker(worker, spec) : await indexPages(spec);
          await removeUnusedFiles(spec.outputPath);
          if (cacheDir) {
            // Written beside and renamed, so a concurrent build never copies half a shard.
            const tmp = join(cacheDir, `${keys[i]}.tmp-${process.pid}`);
            await rm(tmp, { recursive: true, force: true });
            await linkOrCopyTree(spec.outputPath, tmp);
            await rename(tmp, join(cacheDir, keys[i]!)).catch(() => rm(tmp, { recursive: true, force: true }));
          }
          return stats;
        });
      if (cacheDir) await mkdir(cacheDir, { recursive: true });
      const indexed = await runLimited(jobs, worker ? parallel : 1);
      step(`${jobs.length} shard(s) indexed`);
      totals = { pages: 0, undated: 0, folded: 0, undatedExamples: [] };
      for (const s of indexed) {
        totals.pages += s.pages;
        totals.undated += s.undated;
        totals.folded += s.folded;
        totals.undatedExamples.push(...s.undatedExamples.slice(0, 5 - totals.undatedExamples.length));
      }
      // Reused shards were indexed with the same code: count their pages, not their warnings.
      totals.pages += planned.filter((_, i) => reused[i]).reduce((n, s) => n + s.pages, 0);
      const manifest: ShardManifest = {
        version: 1,
        shards: planned.map(({ sourcePaths: _, ...info }) => info),
      };
      await mkdir(bundle, { recursive: true });
      await writeFile(join(bundle, SHARD_MANIFEST), JSON.stringify(manifest));
      // IIS sets headers by folder, and only this step knows the shard folders.
      await writeFile(join(bundle, 'web.config'), iisPagefindWebConfig(planned.map((p) => p.id)));
      shards = planned.map(({ sourcePaths: _, ...info }, i) => ({ ...info, reused: reused[i]! }));
      if (cacheDir) await pruneCache(cacheDir, new Set(keys));
    }
    if (totals.undated) {
      logger.warn(
        `${totals.undated} indexed page(s) have no date sort key; given ${UNDATED_SORT_KEY} so "newest first" keeps them (last). ` +
          `E.g. ${totals.undatedExamples.join(', ')}`,
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const shardNote = shards
      ? ` in ${shards.length} shard(s) (${shards.filter((s) => s.reused).length} reused unchanged: ${
          shards
            .filter((s) => s.reused)
            .map((s) => s.id)
            .join(', ') || 'none'
        })`
      : '';
    step('rest');
    logger.info(`Search index steps: ${steps.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    logger.info(
      `Search index: ${totals.pages} pages (${totals.folded} with d-folded words)${shardNote} in ${seconds} s → ${bundleDir}/`,
    );
    return { pages: totals.pages, undated: totals.undated, folded: totals.folded, ...(shards && { shards }) };
  } catch (cause) {
    if (cause instanceof SearchIndexError) throw cause;
    throw new SearchIndexError(`Building the search index failed: ${(cause as Error)?.message ?? cause}`, { cause });
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'congdoan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger, options);
      },
    },
  };
}
