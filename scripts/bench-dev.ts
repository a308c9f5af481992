/**
 * Preview benchmark at archive size (issue 17): how usable `npm run dev` is on a big archive.
 *
 *   npm run bench:dev -- --articles 10000 [--units 500] [--awards 3000] [--seed 1] [--mdx-share F]
 *                        [--images I] [--work DIR] [--keep] [--profile] [--warm 3]
 *
 * Generates the benchmark's synthetic archive (scripts/lib/synthetic-archive/, as `npm run bench`)
 * in a temporary work folder (outside .build-tmp/ and dist/, which the dev server does not watch) — or reuses the one a previous `--work DIR --keep` run left
 * there, when it was made with the same options — and starts `astro dev` on it in an isolated Astro
 * root under .build-tmp/ (scripts/lib/isolated-build.ts: its own .astro/ and caches, so every run
 * starts cold) on 127.0.0.1 and a free port. Then measures, one request at a time:
 *   firstPageSeconds  start → `/` answers 200 (polled; its first render included)
 *   pages             first and warm (median of --warm more) time of an article, the news list
 *                     (/tin-tuc/), a unit page and an award page
 *   editSeconds       an article's title rewritten in its file → its page shows the new title
 *   unitEditSeconds   a unit's name rewritten → an article that names the unit shows the new name
 *   peakRssMB         summed resident memory of the dev process tree (polled every 200 ms)
 *   cpuSeconds        user + system CPU of the dev process tree over steps 1–3
 *   restart           the editor's next `npm run dev`: the server started again on the same root
 *                     with its caches (content store, Vite's dependencies): first page, an article
 * Prints a table on stderr and ONE JSON line on stdout; the dev server's log is <work>/dev.log.
 * --profile writes a V8 CPU profile of the dev server into <work>/profiles/ (on exit).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { treeRssMB } from './bench.ts';
import { ARCHIVE_FLAGS, archiveSize, benchFlags } from './lib/bench-args.ts';
import { PINNED_SITE_NOW } from './lib/build-site.ts';
import {
  formatTable,
  summarise,
  withFrontMatterField,
  type DevBenchFigures,
  type PageTiming,
} from './lib/dev-bench.ts';
import { prepareIsolatedRoot } from './lib/isolated-build.ts';
import { projectRoot } from './lib/paths.ts';
import { generateArchive, type GeneratedArchive } from './lib/synthetic-archive/index.ts';

const round = (n: number, d = 2) => Number(n.toFixed(d));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const say = (msg: string) => process.stderr.write(`[bench:dev] ${msg}\n`);

/** A port nobody listens on now, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

const CLOCK_TICKS = 100;

/** User + system CPU seconds of a process tree (its reaped children included), from /proc. */
function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  const stack = [pid];
  const seen = new Set<number>();
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime are fields 14–17 (1-based); here 11–14 after "state".
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (children) stack.push(...children.split(' ').map(Number));
    } catch {
      // Gone.
    }
  }
  return ticks / CLOCK_TICKS;
}

interface Fetched {
  status: number;
  seconds: number;
  body: string;
}

async function timedGet(origin: string, path: string): Promise<Fetched> {
  const started = performance.now();
  try {
    const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(300_000) });
    const body = await response.text();
    return { status: response.status, seconds: (performance.now() - started) / 1000, body };
  } catch {
    return { status: 0, seconds: (performance.now() - started) / 1000, body: '' };
  }
}

/** Poll `path` until its HTML contains `text`; seconds from `since`, or undefined after `limit` s. */
async function secondsUntilShown(origin: string, path: string, text: string, since: number, limit = 60) {
  while ((performance.now() - since) / 1000 < limit) {
    const got = await timedGet(origin, path);
    if (got.status === 200 && got.body.includes(text)) return (performance.now() - since) / 1000;
    await sleep(100);
  }
  return undefined;
}

const DEV_BENCH_USAGE =
  'Usage: npm run bench:dev -- --articles N [--units U] [--awards A] [--seed S] [--mdx-share F] [--images I] [--work DIR] [--keep] [--profile] [--warm W]';

function parseArgs(argv: string[]) {
  const flags = benchFlags(
    argv,
    { values: [...ARCHIVE_FLAGS, 'work', 'warm'], switches: ['keep', 'profile'] },
    DEV_BENCH_USAGE,
  );
  return {
    archive: archiveSize(flags, DEV_BENCH_USAGE),
    warm: flags.num('warm', 3)!,
    keep: flags.has('keep'),
    profile: flags.has('profile'),
    work: flags.get('work'),
  };
}

type ArchiveSummary = Pick<GeneratedArchive, 'articles' | 'units' | 'awards'>;

/** The archive of a previous run with the same options, or a new one (with its summary saved). */
async function archiveIn(work: string, options: ReturnType<typeof parseArgs>['archive']) {
  const contentDir = join(work, 'content');
  const summaryFile = join(work, 'archive.json');
  if (existsSync(summaryFile)) {
    const saved = JSON.parse(readFileSync(summaryFile, 'utf8')) as { options: unknown; archive: ArchiveSummary };
    if (JSON.stringify(saved.options) === JSON.stringify(options) && existsSync(contentDir)) {
      say(`reusing the archive in ${contentDir}`);
      return { contentDir, archive: saved.archive, generateSeconds: 0 };
    }
  }
  const started = performance.now();
  const generated = await generateArchive({ dir: contentDir, ...options });
  const archive: ArchiveSummary = { articles: generated.articles, units: generated.units, awards: generated.awards };
  writeFileSync(summaryFile, JSON.stringify({ options, archive }));
  const generateSeconds = round((performance.now() - started) / 1000, 1);
  say(`archive: ${archive.articles.length} articles in ${contentDir} (${generateSeconds} s)`);
  return { contentDir, archive, generateSeconds };
}

/** The environment of an editor's `npm run dev` on the archive. */
function devEnv(contentDir: string, profileDir: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: contentDir,
    SITE_NOW: PINNED_SITE_NOW,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  for (const key of Object.keys(env))
    if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key];
  if (profileDir) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
  return env;
}

interface DevServer {
  origin: string;
  /** Seconds until Astro printed its "ready" line. */
  readySeconds(): number | undefined;
  /** Seconds from start until `/` answered 200 (polled). */
  firstPage(): Promise<number>;
  peakRssMB(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Start `astro dev` on the archive in `rootDir`, logging to `logFile`. */
async function startDev(rootDir: string, env: NodeJS.ProcessEnv, logFile: string): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--root',
      rootDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let ready: number | undefined;
  let tail = '';
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (d: Buffer) => {
      log.write(d);
      tail = (tail + d.toString()).slice(-4000);
      if (ready === undefined && /ready in|Local\s/.test(d.toString())) ready = (performance.now() - started) / 1000;
    });
  let exited = false;
  const closed = new Promise<void>((ok) =>
    child.on('close', () => {
      exited = true;
      ok();
    }),
  );
  let peak = 0;
  let cpu = 0;
  const sample = () => {
    if (!child.pid || exited) return;
    peak = Math.max(peak, treeRssMB(child.pid));
    cpu = Math.max(cpu, treeCpuSeconds(child.pid));
  };
  const poll = setInterval(sample, 200);
  say(`astro dev on ${origin}`);
  return {
    origin,
    readySeconds: () => ready,
    async firstPage() {
      // Astro answers 404, or nothing, while it starts.
      let lastStatus = 0;
      while ((performance.now() - started) / 1000 < 900) {
        if (exited) throw new Error(`astro dev exited:\n${tail}`);
        const got = await timedGet(origin, '/');
        lastStatus = got.status;
        if (got.status === 200) return (performance.now() - started) / 1000;
        await sleep(250);
      }
      throw new Error(`/ never answered 200 (last ${lastStatus}):\n${tail}`);
    },
    peakRssMB: () => peak,
    cpuSeconds: () => cpu,
    async stop() {
      sample();
      clearInterval(poll);
      if (!exited) child.kill('SIGINT');
      await Promise.race([closed, sleep(15_000)]);
      if (!exited) child.kill('SIGKILL');
      log.end();
    },
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // The archive not under .build-tmp/ or dist/: the dev server does not watch those
  // (astro.config.mjs), so an edit there would never show.
  const work = opts.work ? resolve(opts.work) : mkdtempSync(join(tmpdir(), 'bench-dev-'));
  if (/[/\\](\.build-tmp|dist|dist\.[^/\\]*)([/\\]|$)/.test(work))
    throw new Error(`--work must not be under .build-tmp/ or dist/: astro dev does not watch files there.`);
  mkdirSync(work, { recursive: true });
  let server: DevServer | undefined;
  let rootWork: string | undefined;
  mkdirSync(join(projectRoot, '.build-tmp'), { recursive: true });
  try {
    const { contentDir, archive, generateSeconds } = await archiveIn(work, opts.archive);
    // A cold start every run: a fresh root and cache folder (Vite's dependency cache included),
    // inside the project so that Astro resolves its own packages from the root.
    rootWork = mkdtempSync(join(projectRoot, '.build-tmp', 'bench-dev-'));
    const { rootDir } = prepareIsolatedRoot({ workDir: rootWork });
    const profileDir = opts.profile ? join(work, 'profiles') : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const env = devEnv(contentDir, profileDir);

    // 1. Cold start: until the home page answers 200.
    server = await startDev(rootDir, env, join(work, 'dev.log'));
    const { origin } = server;
    const firstPageSeconds = await server.firstPage();
    say(`first page after ${round(firstPageSeconds)} s`);

    // 2. Pages, first and warm. The article is a published one that names a unit.
    const published = archive.articles.filter((a) => !a.draft && a.publishedAt && a.units.length > 0);
    const article = published[Math.floor(published.length / 2)] ?? published[0];
    if (!article) throw new Error('the archive has no published article naming a unit');
    const unitId = article.units[0]!;
    const award = archive.awards.find((a) => !a.draft) ?? archive.awards[0];
    const targets: [string, string][] = [
      ['article', `/tin-tuc/${article.id}/`],
      ['news list', '/tin-tuc/'],
      ['unit page', `/don-vi/${unitId}/`],
      ...(award ? ([['award page', `/khen-thuong/${award.id}/`]] as [string, string][]) : []),
    ];
    const pages: PageTiming[] = [];
    for (const [label, path] of targets) {
      const first = await timedGet(origin, path);
      const warmSeconds: number[] = [];
      for (let i = 0; i < opts.warm; i++) warmSeconds.push(round((await timedGet(origin, path)).seconds));
      pages.push({ label, path, status: first.status, firstSeconds: round(first.seconds), warmSeconds });
      say(`${label} ${path}: ${first.status}, first ${round(first.seconds)} s, warm ${warmSeconds.join(' ')} s`);
    }

    // 3. An edit to the article's title, then to the name of a unit it names.
    const articleFile = join(contentDir, article.file);
    const articlePath = `/tin-tuc/${article.id}/`;
    const newTitle = `${article.title} (đã sửa ${Date.now().toString(36)})`;
    const articleText = readFileSync(articleFile, 'utf8');
    const editStarted = performance.now();
    writeFileSync(articleFile, withFrontMatterField(articleText, 'title', newTitle));
    const editSeconds = await secondsUntilShown(origin, articlePath, newTitle, editStarted);
    say(`article edit visible after ${editSeconds === undefined ? 'never' : round(editSeconds)} s`);

    const unitFile = join(contentDir, 'units', `${unitId}.md`);
    const unitName = archive.units.find((u) => u.id === unitId)?.name ?? unitId;
    const newName = `${unitName} Mới ${Date.now().toString(36)}`;
    const unitText = readFileSync(unitFile, 'utf8');
    const unitStarted = performance.now();
    writeFileSync(unitFile, withFrontMatterField(unitText, 'name', newName));
    const unitEditSeconds = await secondsUntilShown(origin, articlePath, newName, unitStarted);
    say(`unit name edit visible after ${unitEditSeconds === undefined ? 'never' : round(unitEditSeconds)} s`);
    // The archive back as generated (for the restart below and the next run that reuses it).
    writeFileSync(articleFile, articleText);
    writeFileSync(unitFile, unitText);
    await sleep(1500);
    await server.stop();
    const peakRssMB = server.peakRssMB();
    const cpuSeconds = server.cpuSeconds();
    const readySeconds = server.readySeconds();

    // 4. The editor's next `npm run dev`: the same root, its caches (content store, Vite's
    // optimised dependencies) kept from the run above.
    server = await startDev(rootDir, devEnv(contentDir, undefined), join(work, 'dev-restart.log'));
    const restartFirstPageSeconds = await server.firstPage();
    const restartArticle = await timedGet(server.origin, articlePath);
    say(`restart: first page after ${round(restartFirstPageSeconds)} s, article ${round(restartArticle.seconds)} s`);
    await server.stop();
    server = undefined;

    const figures: DevBenchFigures = {
      articles: archive.articles.length,
      readySeconds: readySeconds === undefined ? undefined : round(readySeconds),
      firstPageSeconds: round(firstPageSeconds),
      pages,
      editSeconds: editSeconds === undefined ? undefined : round(editSeconds),
      unitEditSeconds: unitEditSeconds === undefined ? undefined : round(unitEditSeconds),
      restart: { firstPageSeconds: round(restartFirstPageSeconds), articleSeconds: round(restartArticle.seconds) },
      peakRssMB: Math.round(peakRssMB),
      cpuSeconds: round(cpuSeconds, 1),
    };
    process.stderr.write(`${formatTable(figures)}\n`);
    const result = {
      ...figures,
      units: archive.units.length,
      awards: archive.awards.length,
      summary: summarise(figures),
      generateSeconds,
      machine: {
        cpus: cpus().length,
        memoryGB: round(totalmem() / 1024 ** 3, 1),
        node: process.version,
        loadAverage: loadavg().map((l) => round(l)),
      },
      work: opts.keep ? work : undefined,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await server?.stop();
    if (rootWork) rmSync(rootWork, { recursive: true, force: true });
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    else say(`kept ${work}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    process.stderr.write(`[bench:dev] ${(e as Error).message}\n`);
    process.exit(1);
  });
}
