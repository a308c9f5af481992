/**
 * Build benchmark at news scale (issue 6).
 *
 *   npm run bench -- --articles 10000 [--units 500] [--awards 3000] [--seed 1] [--mdx-share 0.1]
 *                    [--images 12] [--no-rebuild] [--keep] [--work DIR] [--profile] [--concurrency C]
 *                    [--compare-hugo]
 *
 * Generates a synthetic archive (scripts/lib/synthetic-archive/) in a temporary folder, runs
 * the production build on it (scripts/build.mjs, CONTENT_DIR pointing at the archive) with its
 * own caches (Astro's cacheDir, the share-image cache) so that the first build is really cold
 * and other builds in the checkout do not interfere, then edits one article and builds again
 * (warm: caches kept). Prints ONE JSON line on stdout; progress goes to stderr, full build logs
 * to <work>/cold.log and <work>/warm.log.
 *
 * Phases come from the build's log lines, time-stamped by this script as they arrive:
 *   startup       process start → "[content] Syncing content" (config, integrations)
 *   contentSync   "Syncing content" → "Synced content" (parse, validate, render Markdown/MDX)
 *   bundling      "Synced content" → "generating static routes" (types, Vite builds)
 *   rendering     "generating static routes" → its "Completed" (every page and endpoint)
 *   images        "generating optimized images" → its "Completed" (astro:assets + sharp)
 *   searchIndex   as reported by the Pagefind integration ("Search index: … in X s")
 *   otherHooks    the rest of the astro:build:done hooks (sitemap, web-editor config)
 *   finish        "N page(s) built" → exit (Astro's teardown, scripts/build.mjs's swap), less
 *                 the search index when scripts/build.mjs runs it as its own step
 *   other         whatever no marker accounts for (gaps between phases)
 * plus `renderingByRoute`: milliseconds of rendering summed by the first URL segment, and for the
 * rebuild `reusedPages`: outputs copied from the incremental cache ("(restored)" in Astro's log).
 * peakRssMB is the peak of the summed resident memory of the whole process tree (polled from
 * /proc every 200 ms), the Pagefind binary included; every sample goes to <work>/cold.rss.tsv
 * and warm.rss.tsv (milliseconds since the build started, MB), and the log lines with their
 * times to cold.lines.tsv and warm.lines.tsv.
 *
 * --compare-hugo: after our builds, Hugo builds the same articles and the project's Pagefind CLI
 * indexes Hugo's output, in the same run (scripts/lib/hugo-compare.ts); `hugo` in the JSON has its
 * times and `ratioToHugo` is our cold total over theirs. Needs Debian's Hugo: `apt-get install hugo`.
 */
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  createWriteStream,
  existsSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { PINNED_SITE_NOW } from './lib/build-site.ts';
import { ARCHIVE_FLAGS, archiveSize, benchFlags } from './lib/bench-args.ts';
import { dirSize } from './lib/dir-size.ts';
import { prepareIsolatedRoot } from './lib/isolated-build.ts';
import { projectRoot } from './lib/paths.ts';
import { generateArchive } from './lib/synthetic-archive/index.ts';
import { compareWithHugo, hugoMissing, type HugoComparison } from './lib/hugo-compare.ts';

// ---------------------------------------------------------------------------------------------
// Process-tree memory

const PAGE_KB = 4;

function processTable(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMB(pid: number): number {
  const children = processTable();
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const statm = readFileSync(`/proc/${p}/statm`, 'utf8').split(' ');
      kb += Number(statm[1]) * PAGE_KB;
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

// ---------------------------------------------------------------------------------------------
// Build runs

export interface BuildRun {
  ok: boolean;
  totalSeconds: number;
  /** User + system CPU time of the build's process tree. */
  cpuSeconds?: number | undefined;
  peakRssMB: number;
  phases: Record<string, number>;
  renderingByRoute: Record<string, number>;
  peakRssMBByPhase: Record<string, number>;
  pages?: number | undefined;
  /** Outputs copied from the incremental cache (the rest were rendered). */
  reusedPages?: number | undefined;
  searchPages?: number | undefined;
  log: string;
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Turn time-stamped log lines into phases (seconds). Exported for tests. */
export function phasesFromLog(
  lines: { t: number; text: string }[],
  totalSeconds: number,
  rssSamples: { t: number; mb: number }[] = [],
) {
  const at = (re: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i]!.text)) return i;
    return -1;
  };
  const time = (i: number) => (i >= 0 ? lines[i]!.t : undefined);
  const iSync = at(/\[content\] Syncing content/);
  const iSynced = at(/\[content\] Synced content/);
  const iRoutes = at(/generating static routes/);
  const iRoutesDone = iRoutes >= 0 ? at(/✓ Completed in/, iRoutes) : -1;
  const iImages = at(/generating optimized images/);
  const iImagesDone = iImages >= 0 ? at(/✓ Completed in/, iImages) : -1;
  const span = (a: number, b: number) => {
    const ta = time(a);
    const tb = time(b);
    return ta !== undefined && tb !== undefined ? (tb - ta) / 1000 : 0;
  };
  const iBuilt = at(/\d+ page\(s\) built in/);
  const lastWork = Math.max(iRoutesDone, iImagesDone);
  const phases: Record<string, number> = {
    startup: time(iSync) !== undefined ? time(iSync)! / 1000 : 0,
    contentSync: span(iSync, iSynced),
    bundling: span(iSynced, iRoutes),
    rendering: span(iRoutes, iRoutesDone),
    images: span(iImages, iImagesDone),
    searchIndex: 0,
    otherHooks: 0,
    finish: time(iBuilt) !== undefined ? Math.max(0, totalSeconds - time(iBuilt)! / 1000) : 0,
  };
  const hooks = span(lastWork, iBuilt);
  // Peak memory within each stretch of the build (the search index is in buildDone).
  const windows: Record<string, [number | undefined, number | undefined]> = {
    startup: [0, time(iSync)],
    contentSync: [time(iSync), time(iSynced)],
    bundling: [time(iSynced), time(iRoutes)],
    rendering: [time(iRoutes), time(iRoutesDone)],
    images: [time(iImages), time(iImagesDone)],
    buildDone: [time(lastWork), time(iBuilt)],
  };
  // The search index in its own process after Astro (scripts/search-index.ts), when so built.
  const iIndexStep = at(/\[congdoan:pagefind\] indexing .* in its own process/);
  const iIndexDone = iIndexStep >= 0 ? at(/Search index: \d+ pages/, iIndexStep) : -1;
  if (iIndexStep >= 0) windows.searchIndex = [time(iIndexStep), time(iIndexDone) ?? totalSeconds * 1000];
  const peakRssMBByPhase: Record<string, number> = {};
  for (const [name, [from, to]] of Object.entries(windows)) {
    if (from === undefined || to === undefined) continue;
    const inside = rssSamples.filter((s) => s.t >= from && s.t <= to).map((s) => s.mb);
    if (inside.length) peakRssMBByPhase[name] = Math.round(Math.max(...inside));
  }
  let searchPages: number | undefined;
  let pages: number | undefined;
  /** Outputs copied from the incremental cache instead of rendered. */
  let reusedPages = 0;
  const renderingByRoute: Record<string, number> = {};
  for (const { text } of lines) {
    const search = /Search index: (\d+) pages.* in ([\d.]+) s/.exec(text);
    if (search) {
      searchPages = Number(search[1]);
      phases.searchIndex = Number(search[2]);
    }
    const guard = /content checked in (\d+) ms/.exec(text);
    if (guard) phases.contentGuard = Number(guard[1]) / 1000;
    const built = /(\d+) page\(s\) built in/.exec(text);
    if (built) pages = Number(built[1]);
    if (/[├└]─ \/\S* \((restored|cached)\)/.test(text)) reusedPages++;
    const route = /[├└]─ \/([^/ ]*)\S* \(\+([\d.]+)(m?s)\)/.exec(text);
    if (route) {
      const key = route[1]!.replace(/\.html$/, '') || '/';
      const ms = Number(route[2]) * (route[3] === 's' ? 1000 : 1);
      renderingByRoute[key] = (renderingByRoute[key] ?? 0) + ms;
    }
  }
  // Indexing inside astro:build:done is part of the hooks; as its own step, part of finish.
  if (iIndexStep >= 0) {
    phases.finish = Math.max(0, phases.finish! - phases.searchIndex!);
    phases.otherHooks = hooks;
  } else phases.otherHooks = Math.max(0, hooks - phases.searchIndex!);
  // The content guard runs inside startup (astro:config:done).
  if (phases.contentGuard) phases.startup = Math.max(0, phases.startup! - phases.contentGuard);
  const known = Object.values(phases).reduce((s, v) => s + v, 0);
  phases.other = Math.max(0, totalSeconds - known);
  for (const k of Object.keys(phases)) phases[k] = round(phases[k]!);
  for (const k of Object.keys(renderingByRoute)) renderingByRoute[k] = Math.round(renderingByRoute[k]!);
  return { phases, renderingByRoute, pages, reusedPages, searchPages, peakRssMBByPhase };
}

const round = (n: number, d = 1) => Number(n.toFixed(d));

function runBuild(args: {
  outDir: string;
  rootDir: string;
  env: Record<string, string>;
  logFile: string;
  label: string;
}): Promise<BuildRun> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const command = [
      process.execPath,
      join(projectRoot, 'scripts/build.mjs'),
      '--outDir',
      args.outDir,
      '--root',
      args.rootDir,
    ];
    // /usr/bin/time reports the CPU time of the whole tree (meaningful when the machine is busy).
    const timed = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'BENCH_CPU %U %S', ...command] : command;
    const child = spawn(timed[0]!, timed.slice(1), {
      cwd: projectRoot,
      env: { ...process.env, ...args.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(args.logFile);
    const lines: { t: number; text: string }[] = [];
    const take = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const t = performance.now() - started;
        log.write(chunk);
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        for (const p of parts) lines.push({ t, text: p.replace(ANSI, '') });
      });
      stream.on('end', () => {
        if (rest) lines.push({ t: performance.now() - started, text: rest.replace(ANSI, '') });
      });
    };
    take(child.stdout!);
    take(child.stderr!);
    let peak = 0;
    const samples: { t: number; mb: number }[] = [];
    const poll = setInterval(() => {
      if (!child.pid) return;
      const mb = treeRssMB(child.pid);
      samples.push({ t: performance.now() - started, mb });
      peak = Math.max(peak, mb);
    }, 200);
    let lastProgress = 0;
    const progress = setInterval(() => {
      const last = lines.at(-1)?.text ?? '';
      if (lines.length !== lastProgress)
        process.stderr.write(
          `[bench ${args.label} ${Math.round((performance.now() - started) / 1000)} s, peak ${Math.round(peak)} MB] ${last.slice(0, 140)}\n`,
        );
      lastProgress = lines.length;
    }, 10_000);
    child.on('close', (code) => {
      clearInterval(poll);
      clearInterval(progress);
      log.end();
      const totalSeconds = (performance.now() - started) / 1000;
      const parsed = phasesFromLog(lines, totalSeconds, samples);
      // Memory over time beside the log lines, to see which part of a phase holds the peak.
      writeFileSync(
        args.logFile.replace(/\.log$/, '.rss.tsv'),
        samples.map((s) => `${Math.round(s.t)}\t${Math.round(s.mb)}`).join('\n') + '\n',
      );
      writeFileSync(
        args.logFile.replace(/\.log$/, '.lines.tsv'),
        lines.map((l) => `${Math.round(l.t)}\t${l.text}`).join('\n') + '\n',
      );
      const cpu = lines.map((l) => /^BENCH_CPU ([\d.]+) ([\d.]+)/.exec(l.text)).find(Boolean);
      resolvePromise({
        ok: code === 0,
        totalSeconds: round(totalSeconds),
        cpuSeconds: cpu ? round(Number(cpu[1]) + Number(cpu[2])) : undefined,
        peakRssMB: Math.round(peak),
        ...parsed,
        log: args.logFile,
      });
    });
  });
}

/** Edit one article the way an editor would: a corrected sentence in the body. */
function editOneArticle(contentDir: string, id: string, file: string) {
  const path = join(contentDir, file);
  const text = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    `${text.trimEnd()}\n\nBài viết được cập nhật, bổ sung thông tin theo báo cáo của đơn vị (${id}).\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// CLI

const BENCH_USAGE =
  'Usage: npm run bench -- --articles N [--units U] [--awards A] [--seed S] [--mdx-share F] [--images I] [--no-rebuild] [--keep] [--work DIR] [--profile] [--concurrency C] [--compare-hugo]';

function parseArgs(argv: string[]) {
  const flags = benchFlags(
    argv,
    {
      values: [...ARCHIVE_FLAGS, 'work', 'concurrency'],
      switches: ['no-rebuild', 'keep', 'profile', 'compare-hugo'],
    },
    BENCH_USAGE,
  );
  return {
    ...archiveSize(flags, BENCH_USAGE),
    rebuild: !flags.has('no-rebuild'),
    keep: flags.has('keep'),
    profile: flags.has('profile'),
    compareHugo: flags.has('compare-hugo'),
    work: flags.get('work'),
    /** Override Astro's build.concurrency (pages rendered at once), to measure it. */
    concurrency: flags.num('concurrency'),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const noHugo = opts.compareHugo ? hugoMissing() : undefined;
  if (noHugo) throw new Error(noHugo);
  // Inside the project, so that the build's working directory contains the outDir (otherwise
  // Astro puts its prerender chunks in <cwd>/.astro/.prerender/, shared with other builds).
  mkdirSync(join(projectRoot, '.build-tmp'), { recursive: true });
  const work = opts.work ? resolve(opts.work) : mkdtempSync(join(projectRoot, '.build-tmp', 'bench-'));
  if (!work.startsWith(projectRoot + sep))
    throw new Error(
      `--work must be inside ${projectRoot} (Astro shares .astro/.prerender between out-of-tree builds).`,
    );
  mkdirSync(work, { recursive: true });
  const say = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
  try {
    const genStarted = performance.now();
    const contentDir = join(work, 'content');
    const archive = await generateArchive({
      dir: contentDir,
      articles: opts.articles,
      units: opts.units,
      awards: opts.awards,
      seed: opts.seed,
      mdxShare: opts.mdxShare,
      images: opts.images,
    });
    const generateSeconds = round((performance.now() - genStarted) / 1000);
    say(
      `archive: ${archive.articles.length} articles, ${archive.units.length} units, ${archive.awards.length} awards in ${contentDir} (${generateSeconds} s)`,
    );

    // An own Astro root and caches (scripts/lib/isolated-build.ts): other builds in the checkout
    // cannot overwrite this build's .astro files, and the first build is really cold.
    rmSync(join(work, 'root'), { recursive: true, force: true });
    rmSync(join(work, 'astro-cache'), { recursive: true, force: true });
    rmSync(join(work, 'search-shard-cache'), { recursive: true, force: true });
    rmSync(join(work, 'share-image-cache'), { recursive: true, force: true });
    rmSync(join(work, 'chart-cache'), { recursive: true, force: true });
    rmSync(join(work, 'dossier-docx-cache'), { recursive: true, force: true });
    const { rootDir } = prepareIsolatedRoot({
      workDir: work,
      configOverrides: opts.concurrency ? { build: { concurrency: opts.concurrency } } : {},
    });
    const env: Record<string, string> = {
      CONTENT_DIR: contentDir,
      SHARE_IMAGE_CACHE: join(work, 'share-image-cache'),
      // Its own search-shard, chart and dossier caches too: with the checkout's, a second run of
      // the same archive reused every shard and .docx file in its "cold" build.
      SEARCH_SHARD_CACHE: join(work, 'search-shard-cache'),
      CHART_CACHE: join(work, 'chart-cache'),
      DOSSIER_DOCX_CACHE: join(work, 'dossier-docx-cache'),
      SITE_NOW: PINNED_SITE_NOW,
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    if (opts.profile) {
      mkdirSync(join(work, 'profiles'), { recursive: true });
      env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${join(work, 'profiles')}`.trim();
    }
    const outDir = join(work, 'dist');
    say(`cold build → ${outDir}`);
    const cold = await runBuild({ outDir, rootDir, env, logFile: join(work, 'cold.log'), label: 'cold' });
    if (!cold.ok) throw new Error(`cold build failed; see ${cold.log}`);
    const dist = dirSize(outDir);
    const search = dirSize(join(outDir, 'pagefind'));

    let warm: BuildRun | undefined;
    if (opts.rebuild) {
      const target = archive.articles.find((a) => !a.draft && a.publishedAt) ?? archive.articles[0];
      if (target) editOneArticle(contentDir, target.id, target.file);
      say(`warm build after editing ${target?.file}`);
      warm = await runBuild({
        outDir,
        rootDir,
        env: { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' },
        logFile: join(work, 'warm.log'),
        label: 'warm',
      });
      if (!warm.ok) throw new Error(`warm build failed; see ${warm.log}`);
    }

    let hugo: HugoComparison | undefined;
    if (opts.compareHugo) {
      say('Hugo + Pagefind CLI on the same articles');
      hugo = await compareWithHugo(contentDir, work, treeRssMB);
    }

    const mb = (b: number) => round(b / 1024 / 1024);
    const result = {
      articles: archive.articles.length,
      mdx: archive.articles.filter((a) => a.mdx).length,
      units: archive.units.length,
      awards: archive.awards.length,
      pages: cold.pages,
      searchPages: cold.searchPages,
      phases: cold.phases,
      totalSeconds: cold.totalSeconds,
      cpuSeconds: cold.cpuSeconds,
      peakRssMB: cold.peakRssMB,
      peakRssMBByPhase: cold.peakRssMBByPhase,
      distMB: mb(dist.bytes),
      distFiles: dist.files,
      searchIndexMB: mb(search.bytes),
      searchIndexFiles: search.files,
      renderingByRoute: cold.renderingByRoute,
      rebuild: warm
        ? {
            totalSeconds: warm.totalSeconds,
            cpuSeconds: warm.cpuSeconds,
            peakRssMB: warm.peakRssMB,
            peakRssMBByPhase: warm.peakRssMBByPhase,
            phases: warm.phases,
            reusedPages: warm.reusedPages,
            ratioToCold: round(warm.totalSeconds / cold.totalSeconds, 2),
          }
        : undefined,
      hugo,
      ratioToHugo: hugo ? round(cold.totalSeconds / hugo.totalSeconds, 2) : undefined,
      generateSeconds,
      machine: {
        cpus: cpus().length,
        memoryGB: round(totalmem() / 1024 ** 3),
        node: process.version,
        loadAverage: loadavg().map((l) => round(l, 2)),
      },
      concurrency: opts.concurrency,
      work: opts.keep ? work : undefined,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    else say(`kept ${work}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    process.stderr.write(`[bench] ${(e as Error).message}\n`);
    process.exit(1);
  });
}
