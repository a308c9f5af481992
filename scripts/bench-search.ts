/**
 * Search benchmark (npm run bench:search): on the bundled content and on a generated archive of
 * 10,000 articles, reports
 *   - pages indexed, index size on disk (by kind), and what the d-folded field costs;
 *   - bytes a query downloads in a fresh browser (page-side and web-worker requests under
 *     /pagefind/, counted by the server), split into bundle / index / fragments;
 *   - time to first results (navigation start → results rendered) in Chromium on loopback.
 * Usage: npm run bench:search [-- --articles 10000] [-- --skip-bundled] [-- --json out.json]
 *        npm run bench:search -- --dist <built site with pagefind/>   (measure an existing build)
 *        [-- --queries-only]   (skip the index statistics, which index the site twice more)
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { buildSearchIndex } from '#src/integrations/pagefind.ts';
import { launchChromium, serveStatic } from './lib/browser.ts';
import { buildSite } from './lib/build-site.ts';
import { dirSize } from './lib/dir-size.ts';
import { generateArchive } from './lib/synthetic-archive/index.ts';
import { projectRoot } from './lib/paths.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ARTICLES = Number(arg('articles') ?? 10_000);
const RUNS = Number(arg('runs') ?? 3);
const work = resolve(projectRoot, '.build-tmp/bench-search');

const QUERIES: { label: string; search: string }[] = [
  { label: 'cong doan (tone-free)', search: '?q=cong+doan' },
  { label: 'Công đoàn (accented)', search: `?q=${encodeURIComponent('Công đoàn')}` },
  { label: 'thi dua bac giang', search: '?q=thi+dua+bac+giang' },
  { label: 'bang khen quang ngai', search: '?q=bang+khen+quang+ngai' },
  // One older shard alone (the year filter skips the others): what one shard of its size costs.
  { label: 'cong doan, year 2020 (one shard)', search: '?q=cong+doan&year=2020' },
  { label: 'bằng khen, relevance', search: `?q=${encodeURIComponent('bằng khen')}` },
  { label: 'người lao động, by date', search: `?q=${encodeURIComponent('người lao động')}&sort=date` },
  { label: 'browse: Khen thưởng 2022', search: `?type=${encodeURIComponent('Khen thưởng')}&year=2022` },
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function kindOf(path: string): string {
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_filter')) return 'filters';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (/wasm\..*\.pagefind$/.test(path)) return 'wasm';
  if (/pagefind(-worker)?\.js$/.test(path)) return 'js';
  return 'other (unused UI bundles)';
}

interface QueryFigure {
  label: string;
  results: number;
  /** Index data (meta, index, filter and fragment files) downloaded when the first results show. */
  dataBytes: number;
  /** Shards searched for the first results. */
  shards: number;
  /** All bytes once the filter counts are shown too. */
  withCounts: number;
  bytes: number;
  split: Record<string, number>;
  requests: number;
  msToResults: number;
}

async function measureQueries(dist: string): Promise<QueryFigure[]> {
  const browser = await launchChromium();
  const figures: QueryFigure[] = [];
  try {
    for (const { label, search } of QUERIES) {
      const runs: QueryFigure[] = [];
      for (let r = 0; r < RUNS; r++) {
        const split: Record<string, number> = {};
        /** Every request under /pagefind/ with the time the server received it (ms since the epoch). */
        const served: { at: number; kind: string; bytes: number }[] = [];
        const site = await serveStatic(dist, {
          onResponse: ({ path, bytes }) => {
            if (!path.startsWith('/pagefind/')) return;
            const kind = kindOf(path);
            served.push({ at: Date.now(), kind, bytes });
            split[kind] = (split[kind] ?? 0) + bytes;
          },
        });
        const context = await browser.newContext(); // fresh cache every run
        const page = await context.newPage();
        // The moment the results are shown, taken in the page when the client sets
        // data-state="ready" (polling for it afterwards would count what loads meanwhile, such as
        // the filter data fetched right after the results).
        await page.addInitScript(() => {
          const w = window as unknown as { __benchReady?: { wall: number; ms: number } };
          new MutationObserver(() => {
            if (w.__benchReady) return;
            if (document.querySelector('[data-search-app][data-state="ready"]'))
              w.__benchReady = { wall: Date.now(), ms: performance.now() };
          }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
        });
        try {
          await page.goto(site.url(`/tim-kiem/${search}`));
          await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 120_000 });
          const ready = await page.evaluate(
            () => (window as unknown as { __benchReady: { wall: number; ms: number } }).__benchReady,
          );
          const msToResults = ready.ms;
          const atResults: Record<string, number> = {};
          let requests = 0;
          for (const x of served.filter((x) => x.at <= ready.wall)) {
            atResults[x.kind] = (atResults[x.kind] ?? 0) + x.bytes;
            requests++;
          }
          const dataBytes = ['meta', 'index', 'filters', 'fragments'].reduce((n, k) => n + (atResults[k] ?? 0), 0);
          const results = Number(await page.getAttribute('[data-search-app]', 'data-total'));
          const shards = ((await page.getAttribute('[data-search-app]', 'data-shards')) ?? '')
            .split(' ')
            .filter(Boolean);
          // The filter counts come after the results (their data is loaded once results show).
          const bytesAtResults = Object.values(atResults).reduce((a, b) => a + b, 0);
          await page.waitForSelector('[data-search-app][data-filters="ready"]', { timeout: 120_000 }).catch(() => {});
          const withCounts = Object.values(split).reduce((a, b) => a + b, 0);
          runs.push({
            label,
            results,
            dataBytes,
            shards: shards.length,
            bytes: bytesAtResults,
            withCounts,
            split: atResults,
            requests,
            msToResults,
          });
        } finally {
          await context.close();
          await site.close();
        }
      }
      const mid = runs.find((x) => x.msToResults === median(runs.map((y) => y.msToResults)))!;
      figures.push(mid);
      console.log(
        `  ${label.padEnd(34)} ${String(mid.results).padStart(6)} results (${mid.shards} shard(s))  index data ${kb(mid.dataBytes).padStart(9)}; all ${kb(mid.bytes).padStart(10)} in ${mid.requests} requests ` +
          `(js+wasm ${kb((mid.split.js ?? 0) + (mid.split.wasm ?? 0))}, meta ${kb(mid.split.meta ?? 0)}, index ${kb(mid.split.index ?? 0)}, filters ${kb(mid.split.filters ?? 0)}, fragments ${kb(mid.split.fragments ?? 0)}); with filter counts ${kb(mid.withCounts)}  ` +
          `${Math.round(mid.msToResults)} ms to results`,
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/** A second query typed on an already loaded search page: what each further search costs. */
async function measureFollowUp(dist: string) {
  const browser = await launchChromium();
  const runs: { bytes: number; ms: number; requests: number }[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      let bytes = 0;
      let requests = 0;
      let counting = false;
      const site = await serveStatic(dist, {
        onResponse: ({ path, bytes: b }) => {
          if (counting && path.startsWith('/pagefind/')) {
            bytes += b;
            requests++;
          }
        },
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(site.url('/tim-kiem/?q=cong+doan'));
        await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 120_000 });
        counting = true;
        const t0 = performance.now();
        await page.fill('#search-q', 'thi đua khen thưởng');
        await page.press('#search-q', 'Enter');
        await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'thi đua khen thưởng');
        await page.waitForSelector('[data-search-app][data-state="ready"]', { timeout: 120_000 });
        runs.push({ bytes, requests, ms: performance.now() - t0 });
      } finally {
        await context.close();
        await site.close();
      }
    }
  } finally {
    await browser.close();
  }
  const mid = runs.find((x) => x.ms === median(runs.map((y) => y.ms)))!;
  console.log(
    `  follow-up query "thi đua khen thưởng" on the loaded page: ${kb(mid.bytes)} in ${mid.requests} requests, ${Math.round(mid.ms)} ms`,
  );
  return mid;
}

async function measureIndex(dist: string) {
  const bundle = join(dist, 'pagefind');
  const size = dirSize(bundle, kindOf);
  // Indexing time with the field, and the same pages without it, to show what the fix costs.
  const quiet = { info: () => {}, warn: () => {} };
  let t0 = performance.now();
  await buildSearchIndex(dist, quiet, { bundleDir: 'pagefind-bench-fold' });
  const foldSeconds = (performance.now() - t0) / 1000;
  rmSync(join(dist, 'pagefind-bench-fold'), { recursive: true, force: true });
  t0 = performance.now();
  const bare = await buildSearchIndex(dist, quiet, { bundleDir: 'pagefind-bench-nofold', dFold: false });
  const bareSeconds = (performance.now() - t0) / 1000;
  console.log(`  indexing: ${foldSeconds.toFixed(1)} s with the d-folded field, ${bareSeconds.toFixed(1)} s without`);
  const bareSize = dirSize(join(dist, 'pagefind-bench-nofold'), kindOf);
  rmSync(join(dist, 'pagefind-bench-nofold'), { recursive: true, force: true });
  const data = (s: typeof size) =>
    (s.byKind.index ?? 0) + (s.byKind.meta ?? 0) + (s.byKind.filters ?? 0) + (s.byKind.fragments ?? 0);
  console.log(
    `  pages ${bare.pages}; bundle ${kb(size.bytes)} in ${size.files} files; index data ${kb(data(size))} ` +
      `(index ${kb(size.byKind.index ?? 0)}, fragments ${kb(size.byKind.fragments ?? 0)}, filters ${kb(size.byKind.filters ?? 0)}, meta ${kb(size.byKind.meta ?? 0)}); ` +
      `without the d-folded field ${kb(data(bareSize))} (+${(((data(size) - data(bareSize)) / data(bareSize)) * 100).toFixed(1)} %)`,
  );
  // Hosts compress JavaScript; Pagefind's index files are gzip already.
  // Every shard carries the same scripts and WebAssembly; a visit downloads one copy.
  const firstShard = existsSync(join(bundle, 'shards.json'))
    ? join(
        bundle,
        (JSON.parse(readFileSync(join(bundle, 'shards.json'), 'utf8')) as { shards: { id: string }[] }).shards[0]!.id,
      )
    : bundle;
  const jsGzip = ['pagefind.js', 'pagefind-worker.js'].reduce(
    (n, f) => n + gzipSync(readFileSync(join(firstShard, f))).length,
    0,
  );
  const one = dirSize(firstShard, kindOf);
  console.log(
    `  pagefind.js + pagefind-worker.js: ${kb(one.byKind.js ?? 0)} raw, ${kb(jsGzip)} gzip; wasm ${kb(one.byKind.wasm ?? 0)} (compressed)`,
  );
  return { pages: bare.pages, size, bareSize, jsGzip, foldSeconds, bareSeconds };
}

async function corpus(name: string, dist: string, build: () => void) {
  console.log(`\n== ${name}`);
  const t0 = performance.now();
  build();
  console.log(`  built (site + index) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const index = args.includes('--queries-only') ? null : await measureIndex(dist);
  const queries = await measureQueries(dist);
  const followUp = await measureFollowUp(dist);
  return { name, index, queries, followUp };
}

async function writeArchive(dir: string, count: number) {
  // The corpus generator shared with the performance benchmarks (issue 6).
  await generateArchive({ dir, articles: count, base: join(projectRoot, 'content') });
  return 'scripts/lib/synthetic-archive/';
}

const report: unknown[] = [];
const existing = arg('dist');
if (existing) {
  const dist = resolve(existing);
  report.push(await corpus(`existing build ${dist}`, dist, () => {}));
} else {
  if (!args.includes('--skip-bundled')) {
    const dist = join(work, 'bundled-dist');
    report.push(
      await corpus('bundled content', dist, () => {
        const r = buildSite(dist);
        if (r.status !== 0) throw new Error(`build failed:\n${r.output.slice(-4000)}`);
      }),
    );
  }
  {
    const dir = join(work, `archive-${ARTICLES}-content`);
    const dist = join(work, `archive-${ARTICLES}-dist`);
    const generator = await writeArchive(dir, ARTICLES);
    report.push(
      await corpus(`${ARTICLES} generated articles (${generator})`, dist, () => {
        const r = buildSite(dist, { CONTENT_DIR: dir });
        if (r.status !== 0) throw new Error(`build failed:\n${r.output.slice(-4000)}`);
      }),
    );
  }
}
const json = arg('json');
if (json) writeFileSync(json, JSON.stringify(report, null, 2));
