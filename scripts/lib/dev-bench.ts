/**
 * The pure parts of the preview benchmark (scripts/bench-dev.ts): an edit to a front-matter
 * field as an editor makes it, the summary of the measured figures against the targets,
 * and the table printed at the end. Tested in tests/unit/dev-bench.test.ts.
 */

/** One page fetched from the dev server: the first request (cold), then a few more (warm). */
export interface PageTiming {
  /** What the page is ("article", "news list"…). */
  label: string;
  path: string;
  status: number;
  /** Seconds of the first request. */
  firstSeconds: number;
  /** Seconds of each later request. */
  warmSeconds: number[];
}

export interface DevBenchFigures {
  articles: number;
  /** Seconds from starting `astro dev` until `/` answered 200 (its first render included). */
  firstPageSeconds: number;
  /** Seconds until Astro printed its "ready" line (server listening). */
  readySeconds?: number | undefined;
  pages: PageTiming[];
  /** Seconds from writing an article's new title until its page showed it. */
  editSeconds?: number | undefined;
  /** Seconds from writing a unit's new name until an article naming the unit showed it. */
  unitEditSeconds?: number | undefined;
  /** The server started again with the caches of the first run: first page, then the article. */
  restart?: { firstPageSeconds: number; articleSeconds: number } | undefined;
  /** Summed resident memory of the dev process tree, MB. */
  peakRssMB: number;
  /** User + system CPU seconds of the dev process tree, until the end of the run. */
  cpuSeconds?: number | undefined;
}

/** The targets (issue 17: "Preview at archive size"). */
export const DEV_TARGETS = { firstPageSeconds: 20, articleSeconds: 1, editSeconds: 3 } as const;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number | undefined, digits = 2) => (n === undefined ? undefined : Number(n.toFixed(digits)));

export interface SummaryRow {
  measure: string;
  seconds: number | undefined;
  /** The target in seconds, where the issue sets one. */
  target?: number | undefined;
  /** Whether the figure meets its target (undefined: no target, or not measured). */
  ok?: boolean | undefined;
}

/** The rows of the table: first page, each page cold and warm, the edits; targets where set. */
export function summarise(figures: DevBenchFigures): SummaryRow[] {
  const row = (measure: string, seconds: number | undefined, target?: number): SummaryRow => ({
    measure,
    seconds: round(seconds),
    ...(target === undefined ? {} : { target, ok: seconds === undefined ? undefined : seconds <= target }),
  });
  const rows: SummaryRow[] = [];
  if (figures.readySeconds !== undefined) rows.push(row('server ready (log line)', figures.readySeconds));
  rows.push(row('first page (/ answers 200)', figures.firstPageSeconds, DEV_TARGETS.firstPageSeconds));
  for (const page of figures.pages) {
    const failed = page.status === 200 ? '' : ` (HTTP ${page.status})`;
    // The article target is for the page an editor opens: the first request after start-up
    // is the route's compile, so the target applies to the warm figure.
    const target = page.label === 'article' ? DEV_TARGETS.articleSeconds : undefined;
    rows.push(row(`${page.label}, first${failed}`, page.firstSeconds));
    rows.push(row(`${page.label}, warm (median)${failed}`, median(page.warmSeconds), target));
  }
  rows.push(row('article edit visible', figures.editSeconds, DEV_TARGETS.editSeconds));
  rows.push(row('unit name edit visible on an article', figures.unitEditSeconds, DEV_TARGETS.editSeconds));
  if (figures.restart) {
    rows.push(row('restart (caches kept): first page', figures.restart.firstPageSeconds, DEV_TARGETS.firstPageSeconds));
    rows.push(row('restart (caches kept): article, first', figures.restart.articleSeconds));
  }
  return rows;
}

/** A plain-text table of the rows, with peak memory and CPU under it. */
export function formatTable(figures: DevBenchFigures, rows = summarise(figures)): string {
  const cells = rows.map((r) => [
    r.measure,
    r.seconds === undefined ? '—' : r.seconds.toFixed(2),
    r.target === undefined ? '' : `≤ ${r.target}`,
    r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED',
  ]);
  const header = ['measure', 'seconds', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 1 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `astro dev on ${figures.articles} articles`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    `peak RSS of the process tree: ${Math.round(figures.peakRssMB)} MB` +
      (figures.cpuSeconds === undefined ? '' : `; CPU (user+sys): ${figures.cpuSeconds.toFixed(1)} s`),
  ].join('\n');
}

/**
 * Set a top-level front-matter field of a Markdown file to a new one-line value (quoted for
 * YAML), as an editor changes a title or a unit's name. Throws when the file has no such field.
 */
export function withFrontMatterField(markdown: string, field: string, value: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown);
  if (!match) throw new Error('no front matter');
  const pattern = new RegExp(`^${field}:.*$`, 'm');
  if (!pattern.test(match[1]!)) throw new Error(`no "${field}" field in the front matter`);
  const front = match[1]!.replace(pattern, `${field}: ${JSON.stringify(value)}`);
  return markdown.slice(0, match.index) + `---\n${front}\n---` + markdown.slice(match.index + match[0].length);
}
