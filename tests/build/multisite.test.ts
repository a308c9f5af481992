/**
 * Multisite search (docs/performance.md, "A national portal over provincial sites"): two
 * provincial sites built on their own — different content, SITE_URL and base path — are served
 * from two origins, and a page of the first merges the second's Pagefind index with
 * `mergeIndex`, in real Chromium. The merged search must return pages of both sites with working
 * URLs, the per-site filter added by `mergeFilter` must select one site, and filter-only browsing
 * must work across sites.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedBuild } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { generateArchive } from '../../scripts/lib/synthetic-archive/index.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';

const work = join(projectRoot, '.build-tmp', 'multisite-test');
/** The provincial sites: A at the root of its origin, B under a base path on another origin. */
const SITES = {
  a: { name: 'Quảng Ngãi', base: '/', articles: 40, seed: 11 },
  b: { name: 'Lào Cai', base: '/lao-cai/', articles: 30, seed: 12 },
} as const;

let browser: Browser;
let page: Page;
let serverA: StaticServer;
let serverB: StaticServer;
const pages = { a: 0, b: 0 };

interface SearchOutcome {
  count: number;
  urls: string[];
  /** The site of each result, told by its URL. */
  sites: string[];
}

/** Run a search in the portal page (site A) with site B's index merged in. */
async function search(term: string | null, filters: Record<string, string> = {}): Promise<SearchOutcome> {
  return page.evaluate(
    async ({ term, filters, indexB, nameA, nameB }) => {
      type Pagefind = {
        options: (o: Record<string, unknown>) => Promise<void>;
        mergeIndex: (url: string, o: Record<string, unknown>) => Promise<void>;
        search: (
          t: string | null,
          o?: Record<string, unknown>,
        ) => Promise<{ results: { data: () => Promise<{ url: string; filters: Record<string, string[]> }> }[] }>;
      };
      const w = window as unknown as { __pagefind?: Promise<Pagefind> };
      w.__pagefind ??= (async () => {
        // Built from a string: the test runner rewrites import() in functions it compiles.
        const load = new Function('url', 'return import(url)') as (url: string) => Promise<Pagefind>;
        // Each site's index is in shards (src/search/shards.ts), listed in its shards.json.
        const shardsOf = async (bundle: string) =>
          ((await (await fetch(`${bundle}shards.json`)).json()) as { shards: { id: string }[] }).shards.map(
            (s) => `${bundle}${s.id}/`,
          );
        const [firstA, ...restA] = await shardsOf('/pagefind/');
        const pf = await load(`${firstA}pagefind.js`);
        // The portal's own index is tagged like the merged ones, so one filter selects a site.
        await pf.options({ basePath: firstA, baseUrl: '/', mergeFilter: { site: nameA } });
        for (const shard of restA) await pf.mergeIndex(shard, { baseUrl: '/', mergeFilter: { site: nameA } });
        for (const shard of await shardsOf(indexB)) await pf.mergeIndex(shard, { mergeFilter: { site: nameB } });
        return pf;
      })();
      const pf = await w.__pagefind;
      const found = await pf.search(term, { filters });
      const data = await Promise.all(found.results.map((r) => r.data()));
      // Pagefind does not list mergeFilter values in a result's filters: tell sites by URL.
      return {
        count: found.results.length,
        urls: data.map((d) => d.url),
        sites: data.map((d) => (d.url.startsWith(indexB.replace(/pagefind\/$/, '')) ? nameB : nameA)),
      };
    },
    { term, filters, indexB: serverB.url(`${SITES.b.base}pagefind/`), nameA: SITES.a.name, nameB: SITES.b.name },
  );
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Site B is served from a parent folder so that its base path exists on disk.
  const outDirs = { a: join(work, 'a', 'dist'), b: join(work, 'b', 'served', SITES.b.base.replace(/\//g, '')) };
  for (const key of ['a', 'b'] as const) {
    const site = SITES[key];
    const contentDir = join(work, key, 'content');
    const archive = await generateArchive({
      dir: contentDir,
      articles: site.articles,
      units: 12,
      awards: 10,
      seed: site.seed,
      images: 1,
    });
    pages[key] = archive.articles.filter((a) => !a.draft).length;
    const result = await isolatedBuild({
      workDir: join(work, key),
      contentDir,
      outDir: outDirs[key],
      env: { SITE_URL: `https://${key}.congdoan.example.vn` },
      args: site.base === '/' ? [] : ['--base', site.base],
    });
    if (result.status !== 0) throw new Error(`Build of site ${key} failed:\n${result.output.slice(-6000)}`);
  }
  serverA = await serveStatic(outDirs.a);
  // Another origin: the portal fetches B's index across origins, so B must allow it (CORS).
  serverB = await serveStatic(join(work, 'b', 'served'), { headers: { 'access-control-allow-origin': '*' } });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(serverA.url('/'));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await serverA?.close();
  await serverB?.close();
});

describe('a portal merging two separately built sites', () => {
  it('finds pages of both sites, with URLs on each site’s own origin and base path', async () => {
    const { urls, sites } = await search('công đoàn');
    const fromA = urls.filter((u) => u.startsWith('/') && !u.startsWith(SITES.b.base));
    const fromB = urls.filter((u) => u.startsWith(`${serverB.origin}${SITES.b.base}`));
    expect(fromA.length).toBeGreaterThanOrEqual(pages.a);
    expect(fromB.length).toBeGreaterThanOrEqual(pages.b);
    expect(fromA.length + fromB.length).toBe(urls.length);
    expect(new Set(sites)).toEqual(new Set([SITES.a.name, SITES.b.name]));
    // A result of the other site opens there.
    const article = fromB.find((u) => u.includes('/tin-tuc/'))!;
    const response = await page.request.get(article);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('<html lang="vi"');
  });

  it('selects one site with the filter mergeFilter adds', async () => {
    const onlyB = await search('công đoàn', { site: SITES.b.name });
    expect(onlyB.count).toBeGreaterThanOrEqual(pages.b);
    expect(onlyB.urls.every((u) => u.startsWith(`${serverB.origin}${SITES.b.base}`))).toBe(true);
    const onlyA = await search('công đoàn', { site: SITES.a.name });
    expect(onlyA.count).toBeGreaterThanOrEqual(pages.a);
    expect(onlyA.urls.every((u) => u.startsWith('/'))).toBe(true);
    const both = await search('công đoàn');
    expect(both.count).toBe(onlyA.count + onlyB.count);
  });

  it('browses by filter alone across sites (award records of both)', async () => {
    const awards = await search(null, { type: 'Khen thưởng' });
    const sites = new Set(awards.sites);
    expect(sites).toEqual(new Set([SITES.a.name, SITES.b.name]));
  });
});
