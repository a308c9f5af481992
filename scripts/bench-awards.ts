/**
 * Award explorer benchmark (npm run bench:awards): for the bundled content and for synthetic
 * archives of 3,000 and 30,000 award records (scripts/lib/synthetic-archive/, few articles so the
 * builds stay short), builds the site in an isolated root, serves it gzip-compressed as the
 * deployment recipes do (src/publishing/deploy/responses.ts), and measures in Debian's Chromium:
 *   - firstView: bytes transferred (compressed, bodies) and uncompressed from navigating to
 *     /khen-thuong/tra-cuu/ until the table is shown (data-state="ready"), and how long that took;
 *   - filterChange: the time a filter change takes, from the change event to the table and counts
 *     rendered with style and layout done (`blockingMs`), and to the next frame painted
 *     (`paintedMs`), and the script part alone (`scriptMs`: query and new rows), median and maximum over a fixed sequence of changes (form, years, unit with
 *     predecessors and sub-units, decision number typed in another form, kind, validity);
 *   - firstSortMs: the first sort by the decision-number column (its order is computed once).
 * Prints one JSON line per size and a summary table; figures in docs/performance.md.
 *
 *   npm run bench:awards [-- --sizes bundled,3000,30000] [--runs 5] [--work DIR] [--keep] [--reuse]
 * --reuse: keep an earlier build of the same size in DIR instead of building again.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium, serveStatic } from './lib/browser.ts';
import { isolatedBuild } from './lib/isolated-build.ts';
import { projectRoot } from './lib/paths.ts';
import { generateArchive } from './lib/synthetic-archive/index.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'bundled,3000,30000' },
    runs: { type: 'string', default: '5' },
    work: { type: 'string', default: join(projectRoot, '.build-tmp/bench-awards') },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const workDir = resolve(values.work);
const runs = Math.max(1, Number(values.runs));
const sizes = values.sizes.split(',').map((s) => s.trim());

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** Build (or reuse) the site of one size; returns its folder and the content tree. */
async function siteFor(size: string): Promise<{ dist: string; content: string }> {
  const dir = join(workDir, size);
  const content = size === 'bundled' ? join(projectRoot, 'content') : join(dir, 'content');
  const dist = join(dir, 'dist');
  if (values.reuse && existsSync(join(dist, 'khen-thuong/tra-cuu/du-lieu.json'))) return { dist, content };
  if (size !== 'bundled') {
    const awards = Number(size);
    if (!Number.isInteger(awards) || awards <= 0)
      throw new Error(`--sizes: "${size}" is neither "bundled" nor a number`);
    // Few articles (the explorer reads awards and units only), units growing with the awards.
    await generateArchive({
      dir: content,
      articles: 40,
      units: Math.min(1000, Math.max(60, awards / 10)),
      awards,
      seed: 1,
    });
  }
  const started = performance.now();
  const built = await isolatedBuild({ workDir: dir, contentDir: content, outDir: dist });
  if (built.status !== 0) throw new Error(`Build of ${size} failed:\n${built.output.slice(-4000)}`);
  console.error(`[bench:awards] ${size}: built in ${round((performance.now() - started) / 1000)} s`);
  return { dist, content };
}

/** A decision number of the content, and how a reader might type it otherwise ("38 qđ vkstc"). */
function someDecisionNumber(content: string): string | undefined {
  const dir = join(content, 'awards');
  for (const f of readdirSync(dir).sort()) {
    const data = parse(readFileSync(join(dir, f), 'utf8')) as { decision?: { number?: string }; draft?: boolean };
    if (!data.draft && data.decision?.number) return data.decision.number;
  }
  return undefined;
}

interface Change {
  label: string;
  /** Field name (data-field) and value to set. */
  field: string;
  value: string;
}

async function measure(page: Page, url: string, changes: Change[]) {
  const blocking: number[] = [];
  const painted: number[] = [];
  const script: number[] = [];
  await page.goto(url);
  await page.waitForSelector('[data-award-explorer][data-state="ready"]', { timeout: 120_000 });
  for (const change of changes) {
    const [b, p, s] = await page.evaluate(async ({ field, value }) => {
      const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${field}"]`)!;
      const t0 = performance.now();
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === '1';
      else control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
      void document.body.offsetHeight; // style and layout of the new table
      const t1 = performance.now();
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const t2 = performance.now();
      const root = document.querySelector<HTMLElement>('[data-award-explorer]')!;
      return [t1 - t0, t2 - t0, Number(root.dataset.renderMs)];
    }, change);
    blocking.push(b);
    painted.push(p);
    script.push(s);
  }
  const firstSortMs = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector<HTMLButtonElement>('button[data-sort="decision"]')!.click();
    void document.body.offsetHeight;
    return performance.now() - t0;
  });
  return { blocking, painted, script, firstSortMs };
}

const browser = await launchChromium();
const results: Record<string, unknown>[] = [];
try {
  for (const size of sizes) {
    const { dist, content } = await siteFor(size);
    const data = JSON.parse(readFileSync(join(dist, 'khen-thuong/tra-cuu/du-lieu.json'), 'utf8')) as {
      a: { id: string[]; r: (number | number[])[] };
      u: [string, string, number, number][];
      pr: number[][];
    };
    const records = data.a.id.length;
    // A unit with predecessors (else the unit with most awards) for the unit filter.
    const unitWithPredecessors = data.pr[0] ? data.u[data.pr[0][0]!]![0] : data.u[0]![0];
    const decision = someDecisionNumber(content);
    const retyped = decision?.toLowerCase().replace(/[/-]/g, ' ') ?? '';
    const changes: Change[] = [
      { label: 'form', field: 'form', value: 'bang-khen' },
      { label: 'from year', field: 'from', value: '2015' },
      { label: 'to year', field: 'to', value: '2020' },
      { label: 'form cleared', field: 'form', value: '' },
      { label: 'unit', field: 'unit', value: unitWithPredecessors },
      { label: 'with predecessors', field: 'predecessors', value: '1' },
      { label: 'with sub-units', field: 'subUnits', value: '1' },
      { label: 'unit cleared', field: 'unit', value: '' },
      { label: 'years cleared', field: 'from', value: '' },
      { label: 'to cleared', field: 'to', value: '' },
      { label: 'decision number', field: 'q', value: retyped },
      { label: 'text cleared', field: 'q', value: '' },
      { label: 'individuals', field: 'kind', value: 'individual' },
      { label: 'revoked', field: 'status', value: 'revoked' },
      { label: 'kind cleared', field: 'kind', value: '' },
      { label: 'status cleared', field: 'status', value: '' },
    ];

    const blocking: number[] = [];
    const painted: number[] = [];
    const script: number[] = [];
    const sorts: number[] = [];
    const firstView: { bytes: number; rawBytes: number; requests: number; readyMs: number }[] = [];
    for (let run = 0; run < runs; run++) {
      let bytes = 0;
      let requests = 0;
      let rawBytes = 0;
      const sizes = new Map<string, number>();
      const site = await serveStatic(dist, {
        compress: true,
        onResponse: ({ path, bytes: b }) => {
          bytes += b;
          requests++;
          sizes.set(path, b);
        },
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        const url = site.url('/khen-thuong/tra-cuu/');
        const started = Date.now();
        await page.goto(url);
        await page.waitForSelector('[data-award-explorer][data-state="ready"]', { timeout: 120_000 });
        const readyMs = Date.now() - started;
        for (const path of sizes.keys()) {
          const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
          rawBytes += existsSync(file) ? readFileSync(file).length : 0;
        }
        firstView.push({ bytes, rawBytes, requests, readyMs });
        const m = await measure(page, url, changes);
        blocking.push(...m.blocking);
        painted.push(...m.painted);
        script.push(...m.script);
        sorts.push(m.firstSortMs);
      } finally {
        await context.close();
        await site.close();
      }
    }
    const view = firstView[0]!;
    const result = {
      size,
      records,
      units: data.u.length,
      dataBytes: readFileSync(join(dist, 'khen-thuong/tra-cuu/du-lieu.json')).length,
      firstView: {
        transferredKB: round(view.bytes / 1024),
        uncompressedKB: round(view.rawBytes / 1024),
        requests: view.requests,
        readyMsMedian: Math.round(median(firstView.map((v) => v.readyMs))),
      },
      filterChange: {
        samples: blocking.length,
        scriptMsMedian: round(median(script)),
        scriptMsMax: round(Math.max(...script)),
        blockingMsMedian: round(median(blocking)),
        blockingMsMax: round(Math.max(...blocking)),
        paintedMsMedian: round(median(painted)),
        paintedMsMax: round(Math.max(...painted)),
      },
      firstSortMsMedian: round(median(sorts)),
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    };
    results.push(result);
    console.log(JSON.stringify(result));
  }
} finally {
  await browser.close();
  if (!values.keep) rmSync(workDir, { recursive: true, force: true });
}

console.error(
  [
    '',
    '| content | records | first view transferred (KB) | uncompressed (KB) | ready (ms) | script, median / max (ms) | filter change, median / max (ms) | to next paint, median / max (ms) |',
    '| --- | --: | --: | --: | --: | --: | --: | --: |',
    ...results.map((r) => {
      const v = r.firstView as Record<string, number>;
      const f = r.filterChange as Record<string, number>;
      return `| ${String(r.size)} | ${String(r.records)} | ${v.transferredKB} | ${v.uncompressedKB} | ${v.readyMsMedian} | ${f.scriptMsMedian} / ${f.scriptMsMax} | ${f.blockingMsMedian} / ${f.blockingMsMax} | ${f.paintedMsMedian} / ${f.paintedMsMax} |`;
    }),
  ].join('\n'),
);
