/**
 * Crawl benchmark (npm run bench:crawl): a local server (scripts/lib/bench-portal.ts) serves a
 * generated portal of 2,000 articles (listing pages of 20 with a numbered pager, one JPEG per
 * article); the crawl CLI (npm run import -- --crawl) runs against it under /usr/bin/time into a
 * temporary content folder, four times:
 *   1. a full crawl;
 *   2. the same command again (resume with nothing new: only listings are fetched);
 *   3. a fresh crawl interrupted with Ctrl-C (SIGINT) about half way;
 *   4. the same command again, finishing the interrupted crawl.
 * For each: wall time, CPU time (user + sys) of the crawler, its peak memory (max RSS), HTTP
 * requests and requests per second, articles imported. The server runs in this process; its CPU
 * time is reported apart. Run it alone: flock <lock file> npm run bench:crawl.
 * Usage: npm run bench:crawl [-- --articles 2000] [-- --concurrency 4] [-- --json out.json]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './lib/paths.ts';
import { startBenchPortal } from './lib/bench-portal.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const articles = Number(option('articles', '2000'));
const concurrency = Number(option('concurrency', '4'));
const jsonOut = option('json', '');
const TIME = '/usr/bin/time';

interface RunFigures {
  run: string;
  wallSeconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  requests: number;
  requestsPerSecond: number;
  articleRequests: number;
  imported: number;
  alreadyImported: number;
  failed: number;
  load: string;
  exit: number | null;
}

const server = await startBenchPortal(articles);
const work = mkdtempSync(join(tmpdir(), 'bench-crawl-'));
const serverCpuStart = process.cpuUsage();

async function crawlRun(name: string, dir: string, interruptAfterMs?: number): Promise<RunFigures> {
  server.reset();
  const report = join(work, `${name}.json`);
  const timeFile = join(work, `${name}.time`);
  const cli = [
    join(projectRoot, 'node_modules/.bin/node'),
    join(projectRoot, 'scripts/import.ts'),
    '--crawl',
    server.url('/bench/tin-tuc/'),
    '--delay',
    '0',
    '--concurrency',
    String(concurrency),
    '--today',
    '2026-11-23',
    '--out-dir',
    join(dir, 'content', 'news'),
    `--report=${report}`,
  ];
  const withTime = existsSync(TIME);
  const command = withTime ? [TIME, '-o', timeFile, '-f', '%e %U %S %M', ...cli] : cli;
  const started = Date.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  if (interruptAfterMs !== undefined) {
    // The crawler itself gets the SIGINT (time passes signals on), as Ctrl-C in a terminal would.
    setTimeout(() => {
      const pid = withTime ? findChild(child.pid!) : child.pid!;
      if (pid) process.kill(pid, 'SIGINT');
    }, interruptAfterMs);
  }
  const exit = await new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  const wall = (Date.now() - started) / 1000;
  let cpu: number | null = null;
  let rss: number | null = null;
  if (withTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ');
    cpu = Number(last[1]) + Number(last[2]);
    rss = Number(last[3]) / 1024;
  }
  if (!existsSync(report)) throw new Error(`${name}: no report (exit ${exit})\n${stderr.slice(-2000)}`);
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    requests: number;
    imported: unknown[];
    skipped: { kind: string }[];
    failed: unknown[];
  };
  return {
    run: name,
    wallSeconds: Number(wall.toFixed(1)),
    cpuSeconds: cpu === null ? null : Number(cpu.toFixed(1)),
    peakRssMb: rss === null ? null : Math.round(rss),
    requests: r.requests,
    requestsPerSecond: Number((r.requests / wall).toFixed(1)),
    articleRequests: server.requests.filter((q) => /\/bench\/(bai-viet|anh)\//.test(q)).length,
    imported: r.imported.length,
    alreadyImported: r.skipped.filter((s) => s.kind === 'already-imported').length,
    failed: r.failed.length,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    exit,
  };
}

/** The node process /usr/bin/time started. */
function findChild(pid: number): number | null {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return children[0] ? Number(children[0]) : null;
  } catch {
    return null;
  }
}

const figures: RunFigures[] = [];
try {
  const full = join(work, 'full');
  figures.push(await crawlRun('1 đầy đủ', full));
  figures.push(await crawlRun('2 chạy lại (không có gì mới)', full));
  const cut = join(work, 'cut');
  figures.push(await crawlRun('3 ngắt giữa chừng (SIGINT)', cut, (figures[0]!.wallSeconds * 1000) / 2));
  figures.push(await crawlRun('4 chạy tiếp sau khi ngắt', cut));
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
const serverCpu = process.cpuUsage(serverCpuStart);

console.log(`Crawl benchmark: ${articles} articles (1 image each), concurrency ${concurrency}, no delay, loopback.`);
console.log(
  '| run | wall s | CPU s (user+sys) | peak RSS MB | requests | req/s | article+image requests | imported | already imported | failed | load (1/5/15) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const f of figures)
  console.log(
    `| ${f.run} | ${f.wallSeconds} | ${f.cpuSeconds ?? '–'} | ${f.peakRssMb ?? '–'} | ${f.requests} | ${f.requestsPerSecond} | ${f.articleRequests} | ${f.imported} | ${f.alreadyImported} | ${f.failed} | ${f.load} |`,
  );
console.log(`Server (this process) CPU: ${((serverCpu.user + serverCpu.system) / 1e6).toFixed(1)} s over all runs.`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ articles, concurrency, figures }, null, 2)}\n`);
