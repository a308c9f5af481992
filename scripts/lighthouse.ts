#!/usr/bin/env node
/**
 * Lighthouse on the built site, in Debian's Chromium, offline on a loopback server:
 * an article page and a unit page (mobile emulation, simulated slow 4G, Lighthouse's defaults),
 * performance, accessibility, best practices and SEO each required to be ≥ 95.
 *
 *   npm run lighthouse                         # builds the bundled content, then audits
 *   npm run lighthouse -- --dist dist          # audits an existing build
 *   npm run lighthouse -- --content tests/fixtures/publishing/content --article bai-co-anh-hero --unit cong-doan-co-so-thu-nghiem
 *   npm run lighthouse -- --json               # one JSON line with every score
 *
 * CHROME_PATH (default /usr/bin/chromium) picks the browser; reports go to .build-tmp/lighthouse/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, serveStatic } from './lib/browser.ts';
import { projectRoot } from './lib/paths.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MINIMUM = 95;

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    content: { type: 'string' },
    article: { type: 'string' },
    unit: { type: 'string', default: 'cong-doan-vksnd-tinh-quang-ngai' },
    json: { type: 'boolean', default: false },
  },
});

const log = (...args: unknown[]) => console.error(...args);

let dist = values.dist ? resolve(values.dist) : resolve(projectRoot, '.build-tmp/lighthouse-dist');
if (!values.dist) {
  log(`Building the site into ${dist} …`);
  const env = { ...process.env, ...(values.content ? { CONTENT_DIR: resolve(values.content) } : {}) };
  const build = spawnSync(process.execPath, [resolve(projectRoot, 'scripts/build.mjs'), '--outDir', dist], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
dist = resolve(dist);

/** The newest article, unless one is named: read from the feed the build wrote. */
async function newestArticle(origin: string): Promise<string> {
  const rss = await (await fetch(`${origin}/rss.xml`)).text();
  const link = /<item><title>[\s\S]*?<link>([^<]+)<\/link>/.exec(rss)?.[1];
  if (!link) throw new Error('No article in rss.xml: build the site with some content first.');
  return new URL(link).pathname;
}

const server = await serveStatic(dist);
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chrome = await chromeLauncher.launch({
  chromePath,
  // Lighthouse drives its own headless session; the project's usual flags otherwise.
  chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new'],
});

const pages = [
  { kind: 'article', path: values.article ? `/tin-tuc/${values.article}/` : await newestArticle(server.origin) },
  { kind: 'unit', path: `/don-vi/${values.unit}/` },
];

const results: { kind: string; path: string; scores: Record<string, number>; failing: string[] }[] = [];
try {
  mkdirSync(resolve(projectRoot, '.build-tmp/lighthouse'), { recursive: true });
  for (const page of pages) {
    const url = server.url(page.path);
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = runner;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    // Audits that cost points, to say what to fix.
    const failing = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 0.9)
        .map((r) => `${c}: ${r.id} (${lhr.audits[r.id]?.displayValue ?? lhr.audits[r.id]?.score})`),
    );
    writeFileSync(resolve(projectRoot, `.build-tmp/lighthouse/${page.kind}.html`), runner.report as string);
    results.push({ ...page, scores, failing });
    log(`${page.kind.padEnd(8)} ${page.path}\n         ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(' · ')}`);
    for (const f of failing) log(`         ✗ ${f}`);
  }
} finally {
  chrome.kill();
  await server.close();
}

if (values.json) console.log(JSON.stringify({ minimum: MINIMUM, results }));
const low = results.flatMap((r) =>
  CATEGORIES.filter((c) => r.scores[c]! < MINIMUM).map((c) => `${r.kind} ${c} ${r.scores[c]}`),
);
if (low.length) {
  log(`Below ${MINIMUM}: ${low.join(', ')} (reports in .build-tmp/lighthouse/)`);
  process.exit(1);
}
log(`All scores ≥ ${MINIMUM} (reports in .build-tmp/lighthouse/).`);
