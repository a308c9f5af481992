/**
 * npm run import -- [options] FILE|DIR...
 * Imports raw article text or saved HTML pages from old union portals into content/news/,
 * with draft award records in content/awards/. See src/importer/.
 *
 *   --dry-run          write nothing
 *   --json             print a JSON array (one object per input) on stdout
 *   --out-dir DIR      articles folder (default content/news; awards and units beside it)
 *   --awards-dir DIR   award records folder (default <out-dir>/../awards)
 *   --units-dir DIR    unit profiles to match (default <out-dir>/../units)
 *   --force            overwrite articles edited since their import
 *   --report[=FILE]    per-file report of what was removed and of each picture (stderr, or JSON to FILE)
 *   --today YYYY-MM-DD the run day (a portal banner with this date is not the article date)
 *
 * Crawl mode (docs/importing.md): npm run import -- --crawl URL [--crawl URL…] [options]
 *   --crawl URL        a listing page, sitemap.xml (or index) or RSS/Atom feed of the old portal
 *   --since DATE       only articles of that day or later (25/11/2022 or 2022-11-25, Vietnam time)
 *   --limit N          at most N articles (already imported ones count: a rerun adds nothing)
 *   --concurrency N    requests at once (default 2)
 *   --delay SECONDS    between two requests to one host (default 0.5; robots.txt Crawl-delay wins)
 *   --timeout SECONDS  per request (default 20)
 *   --allow-host HOST  also crawl pages of this host (repeatable)
 *   --report=FILE      the crawl report as JSON (default .cache/import/crawl-report.json)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseVietnameseDate } from '#src/importer/dates.ts';
import { endFailuresCleanly } from './lib/cli.ts';

// An unreadable folder, a damaged manifest…: Vietnamese, no stack trace unless --verbose.
endFailuresCleanly({
  consequence: 'lệnh nhập dừng lại',
  check: 'import failed',
});

const USAGE =
  'Cách dùng: npm run import -- [--dry-run] [--json] [--out-dir DIR] [--force] [--report[=FILE]] TỆP|THƯ-MỤC...\n' +
  '       hoặc npm run import -- --crawl URL [--since NGÀY] [--limit N] [--concurrency N] [--delay GIÂY] [--timeout GIÂY] [--allow-host TÊN-MÁY] [--report=TỆP]';

const args = process.argv.slice(2);
const inputs: string[] = [];
let dryRun = false;
let json = false;
let force = false;
let report: string | true | undefined;
let outDir = 'content/news';
let awardsDir: string | undefined;
let unitsDir: string | undefined;
let today: string | undefined;
const crawlUrls: string[] = [];
const allowHosts: string[] = [];
let since: string | undefined;
let limit: number | undefined;
let concurrency: number | undefined;
let delay: number | undefined;
let timeout: number | undefined;
const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};
const positive = (flag: string, v: string, integer: boolean, allowZero = false) => {
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < 0 || (!allowZero && n === 0))
    fail(`${flag} cần ${integer ? 'một số nguyên' : 'một số'} ${allowZero ? 'không âm' : 'dương'}, không phải "${v}".`);
  return n;
};
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const value = () => {
    const v = args[++i];
    // "--crawl --out-dir x" means the URL was forgotten, not a URL named "--out-dir".
    if (v === undefined || v.startsWith('--')) {
      console.error(`${a} cần một giá trị. ${USAGE}`);
      process.exit(2);
    }
    return v;
  };
  if (a === '--verbose') continue; // read by endFailuresCleanly
  if (a === '--dry-run') dryRun = true;
  else if (a === '--json') json = true;
  else if (a === '--force') force = true;
  else if (a === '--report') report = true;
  else if (a.startsWith('--report=')) report = a.slice('--report='.length);
  else if (a === '--out-dir') outDir = value();
  else if (a === '--awards-dir') awardsDir = value();
  else if (a === '--units-dir') unitsDir = value();
  else if (a === '--today') today = value();
  else if (a === '--crawl') crawlUrls.push(value());
  else if (a === '--allow-host') allowHosts.push(value());
  else if (a === '--since') {
    const v = value();
    const found = parseVietnameseDate(v);
    if (!found || !/^\s*[\d/.\-\s]+\s*$/.test(v))
      fail(`--since cần một ngày, ví dụ 25/11/2022 hoặc 2022-11-25 (ngày trước, tháng sau), không phải "${v}".`);
    since = found!.day;
  } else if (a === '--limit') limit = positive(a, value(), true);
  else if (a === '--concurrency') concurrency = positive(a, value(), true);
  else if (a === '--delay') delay = positive(a, value(), false, true);
  else if (a === '--timeout') timeout = positive(a, value(), false);
  else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('--')) {
    console.error(`Không hiểu tùy chọn "${a}". ${USAGE}`);
    process.exit(2);
  } else inputs.push(a);
}
if (crawlUrls.length > 0) await runCrawl();
if (since || limit || concurrency || delay !== undefined || timeout || allowHosts.length)
  fail('--since, --limit, --concurrency, --delay, --timeout và --allow-host chỉ dùng cùng --crawl URL.');
if (inputs.length === 0) {
  console.error(`Chưa chỉ ra tệp hoặc thư mục cần nhập. ${USAGE}`);
  process.exit(2);
}

async function runCrawl(): Promise<never> {
  if (inputs.length) fail(`Không dùng --crawl cùng tệp hoặc thư mục (${inputs[0]}): chạy hai lệnh riêng.`);
  for (const u of crawlUrls)
    if (!/^https?:\/\/[^/\s]+/i.test(u)) fail(`--crawl cần một địa chỉ http:// hoặc https://, không phải "${u}".`);
  if (json) fail('--json không dùng cùng --crawl; báo cáo JSON ghi bằng --report=TỆP.');
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error('\nĐang dừng: chờ các trang đang tải xong rồi ghi sổ nhập bài… (nhấn Ctrl-C lần nữa để thoát ngay)');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  // Loaded once the arguments are known to be right: a mistake is told at once.
  const { crawl, formatCrawlReport } = await import('#src/importer/crawl/crawl.ts');
  const result = await crawl({
    starts: crawlUrls,
    outDir,
    ...(awardsDir ? { awardsDir } : {}),
    ...(unitsDir ? { unitsDir } : {}),
    ...(today ? { today } : {}),
    ...(since ? { since } : {}),
    ...(limit ? { limit } : {}),
    allowHosts,
    dryRun,
    force,
    policy: {
      userAgent: `congdoan-news-importer/${version} (+npm run import -- --crawl; site migration)`,
      ...(concurrency ? { concurrency } : {}),
      ...(delay !== undefined ? { delayMs: delay * 1000 } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    },
    progress: (line) => process.stderr.write(`${line}\n`),
    signal: controller.signal,
  });
  const reportPath = typeof report === 'string' ? report : '.cache/import/crawl-report.json';
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, `${JSON.stringify(result, null, 2)}\n`);
  console.error(formatCrawlReport(result));
  console.error(`Báo cáo đầy đủ (JSON): ${reportPath}.${dryRun ? ' Chạy thử (--dry-run): chưa ghi bài nào.' : ''}`);
  process.exit(result.failed.length ? 1 : result.interrupted ? 130 : 0);
}

const started = Date.now();
const { formatReport, runImport } = await import('#src/importer/run.ts');
const results = await runImport({
  inputs,
  outDir,
  ...(awardsDir ? { awardsDir } : {}),
  ...(unitsDir ? { unitsDir } : {}),
  ...(today ? { today } : {}),
  dryRun,
  force,
  progress: (line) => process.stderr.write(`${line}\n`),
});
const failed = results.filter((r) => !r.ok);
for (const f of failed) console.error(`Lỗi: ${f.error}`);
if (json) {
  process.stdout.write(
    `${JSON.stringify(
      results.map((r) =>
        r.ok
          ? {
              source: r.source,
              title: r.title,
              publishedAt: r.publishedAt,
              author: r.author,
              body: r.body,
              units: r.units,
              awards: r.awards,
              files: r.files,
              removed: r.removed,
              notes: r.notes,
              images: r.images,
            }
          : { source: r.source, error: r.error },
      ),
      null,
      2,
    )}\n`,
  );
}
if (report === true) console.error(formatReport(results));
else if (typeof report === 'string')
  writeFileSync(
    report,
    `${JSON.stringify(
      results.map(({ body: _b, ...r }) => r),
      null,
      2,
    )}\n`,
  );
const written = results
  .flatMap((r) => r.files ?? [])
  .filter((f) => ['created', 'updated', 'overwritten'].includes(f.outcome)).length;
const kept = results.flatMap((r) => r.files ?? []).filter((f) => f.outcome === 'kept-edited');
for (const k of kept)
  console.error(
    `Giữ nguyên ${k.path}: đã sửa sau lần nhập trước (hoặc không do trình nhập tạo); dùng --force để ghi đè.`,
  );
const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s`;
const imported = `${results.length - failed.length}/${results.length} tệp nhập được`;
// With --dry-run the outcomes are what a real run would do; the line must not read as if it did.
console.error(
  dryRun
    ? `${imported}; chạy thật sẽ ghi ${written} tệp. Chạy thử (--dry-run): chưa ghi tệp nào, ${seconds}.`
    : `${imported}, ${written} tệp ghi, ${seconds}.`,
);
process.exit(failed.length ? 1 : 0);
