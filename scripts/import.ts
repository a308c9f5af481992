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
 */
import { writeFileSync } from 'node:fs';
import { formatReport, runImport } from '#src/importer/run.ts';
import { endFailuresCleanly } from './lib/cli.ts';

// An unreadable folder, a damaged manifest…: Vietnamese, no stack trace unless --verbose.
endFailuresCleanly({
  consequence: 'lệnh nhập dừng lại',
  check: 'import failed',
});

const USAGE =
  'Cách dùng: npm run import -- [--dry-run] [--json] [--out-dir DIR] [--force] [--report[=FILE]] TỆP|THƯ-MỤC...';

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
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const value = () => {
    const v = args[++i];
    if (v === undefined) {
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
  else if (a === '--help' || a === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (a.startsWith('--')) {
    console.error(`Không hiểu tùy chọn "${a}". ${USAGE}`);
    process.exit(2);
  } else inputs.push(a);
}
if (inputs.length === 0) {
  console.error(`Chưa chỉ ra tệp hoặc thư mục cần nhập. ${USAGE}`);
  process.exit(2);
}

const started = Date.now();
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
