/**
 * The peer a user would pick instead, timed in the same benchmark run (`npm run bench --
 * --compare-hugo`, issue 12): Hugo (Debian's `hugo` package, /usr/bin/hugo) builds the same
 * synthetic articles, then the Pagefind CLI of this project's own `pagefind` package indexes
 * Hugo's output, as our build indexes its own.
 *
 * The Hugo site is deliberately plain — one template for articles, Hugo's own lists, tag and
 * category pages, RSS and sitemap, the article body inside `data-pagefind-body` — so its time is
 * a floor for "Markdown to indexed HTML" on this machine. Not timed: converting the archive
 * (front matter renamed to Hugo's, the MDX asides dropped: Hugo has no MDX).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { projectRoot } from './paths.ts';

export const HUGO = '/usr/bin/hugo';

/** Why the comparison cannot run, in words a user can act on; undefined when it can. */
export function hugoMissing(hugo = HUGO): string | undefined {
  if (existsSync(hugo)) return undefined;
  return (
    `--compare-hugo needs Hugo at ${hugo} (Debian's package): install it with ` +
    '`apt-get install hugo` (as root), then run the benchmark again.'
  );
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Write the archive's published articles as a Hugo site in `siteDir`; returns how many. */
export function writeHugoSite(contentDir: string, siteDir: string): number {
  rmSync(siteDir, { recursive: true, force: true });
  const posts = join(siteDir, 'content', 'tin-tuc');
  mkdirSync(posts, { recursive: true });
  mkdirSync(join(siteDir, 'layouts', '_default'), { recursive: true });
  writeFileSync(
    join(siteDir, 'hugo.yaml'),
    stringifyYaml({
      baseURL: 'https://congdoan.example.vn/',
      languageCode: 'vi',
      title: 'Công đoàn',
      taxonomies: { tag: 'chu-de', category: 'chuyen-muc', author: 'tac-gia' },
      paginate: 20,
      markup: { goldmark: { renderer: { unsafe: true } } },
      disableKinds: ['robotsTXT'],
    }),
  );
  const baseof = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify }}"></head>
<body><header><a href="/">{{ site.Title }}</a> <a href="/tin-tuc/">Tin tức</a></header>
<main>{{ block "main" . }}{{ end }}</main><footer>{{ site.Title }}</footer></body></html>
`;
  const single = `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "02/01/2006" }} · {{ .ReadingTime }} phút đọc</p>
<p>{{ .Params.summary }}</p>{{ .Content }}
<p>{{ range .GetTerms "chu-de" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p></article>{{ end }}
`;
  const list = `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}<p>{{ .Params.summary }}</p></li>{{ end }}</ul>
{{ with .Paginator.Next }}<a href="{{ .URL }}">Trang sau</a>{{ end }}{{ end }}
`;
  writeFileSync(join(siteDir, 'layouts', '_default', 'baseof.html'), baseof);
  writeFileSync(join(siteDir, 'layouts', '_default', 'single.html'), single);
  writeFileSync(join(siteDir, 'layouts', '_default', 'list.html'), list);
  writeFileSync(join(siteDir, 'layouts', '_default', 'terms.html'), list);
  writeFileSync(join(siteDir, 'layouts', 'index.html'), list);

  let count = 0;
  const newsDir = join(contentDir, 'news');
  for (const file of readdirSync(newsDir)) {
    if (!/\.mdx?$/.test(file)) continue;
    const text = readFileSync(join(newsDir, file), 'utf8');
    const m = FRONTMATTER.exec(text);
    if (!m) continue;
    const data = parseYaml(m[1]!) as Record<string, unknown>;
    if (data.draft === true) continue;
    // MDX: drop import lines and JSX blocks (Hugo renders Markdown only).
    const body = text
      .slice(m[0].length)
      .replace(/^import .*$/gm, '')
      .replace(/<(aside|figure)[\s\S]*?<\/\1>/g, '');
    const front = {
      title: data.title,
      summary: data.summary,
      ...(data.publishedAt ? { date: data.publishedAt } : {}),
      'chu-de': data.tags ?? [],
      'chuyen-muc': data.category ? [data.category] : [],
      ...(data.author ? { 'tac-gia': [data.author] } : {}),
    };
    writeFileSync(join(posts, file.replace(/\.mdx$/, '.md')), `---\n${stringifyYaml(front)}---\n${body}`);
    count++;
  }
  return count;
}

export interface TimedRun {
  ok: boolean;
  seconds: number;
  peakRssMB: number;
  output: string;
}

/** Run a command, polling the resident memory of its process tree like the build runs. */
export function timedRun(
  command: string,
  args: string[],
  cwd: string,
  treeRssMB: (pid: number) => number,
): Promise<TimedRun> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let peak = 0;
    const poll = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssMB(child.pid));
    }, 200);
    child.on('close', (code) => {
      clearInterval(poll);
      done({ ok: code === 0, seconds: (performance.now() - started) / 1000, peakRssMB: Math.round(peak), output });
    });
  });
}

export interface HugoComparison {
  articles: number;
  hugoVersion: string;
  /** Files Hugo wrote (HTML pages, feeds, sitemap). */
  htmlPages: number;
  hugoSeconds: number;
  pagefindSeconds: number;
  totalSeconds: number;
  peakRssMB: number;
  searchPages: number | undefined;
}

/** Build the archive with Hugo, index it with the project's Pagefind CLI; throws on failure. */
export async function compareWithHugo(
  contentDir: string,
  work: string,
  treeRssMB: (pid: number) => number,
): Promise<HugoComparison> {
  const siteDir = join(work, 'hugo');
  const articles = writeHugoSite(contentDir, siteDir);
  const version = await timedRun(HUGO, ['version'], siteDir, treeRssMB);
  const hugo = await timedRun(HUGO, ['--quiet', '--destination', 'public'], siteDir, treeRssMB);
  if (!hugo.ok) throw new Error(`Hugo failed:\n${hugo.output.slice(-3000)}`);
  const cli = join(projectRoot, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
  const pagefind = await timedRun(process.execPath, [cli, '--site', 'public'], siteDir, treeRssMB);
  if (!pagefind.ok) throw new Error(`Pagefind failed:\n${pagefind.output.slice(-3000)}`);
  const htmlPages = (readdirSync(join(siteDir, 'public'), { recursive: true }) as string[]).filter((f) =>
    f.endsWith('.html'),
  ).length;
  const indexed = /Indexed (\d+) pages?/.exec(pagefind.output);
  const round = (n: number) => Number(n.toFixed(1));
  return {
    articles,
    hugoVersion: version.output.trim().split(' ')[1] ?? version.output.trim(),
    htmlPages,
    hugoSeconds: round(hugo.seconds),
    pagefindSeconds: round(pagefind.seconds),
    totalSeconds: round(hugo.seconds + pagefind.seconds),
    peakRssMB: Math.max(hugo.peakRssMB, pagefind.peakRssMB),
    searchPages: indexed ? Number(indexed[1]) : undefined,
  };
}
