/**
 * Crawl mode: from a listing page, a sitemap (or sitemap index) or an RSS/Atom feed of an old
 * portal to imported articles. Two phases: discovery (listings, their pagers, sitemaps, feeds —
 * read again on every run, they are how new articles are found) then articles (each fetched once:
 * the manifest's page records say which URLs were imported, or skipped for good, and a later run
 * does not fetch them again). Every article goes through the importer's page entry point.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { openImport, type ImportSession, type PageResult, type RunOptions } from '../run.ts';
import { decodePage } from '../page.ts';
import { appendJournal, clearJournal, replayJournal, type ManifestEntry, type PageRecord } from '../manifest.ts';
import { PoliteFetcher, type FetchPolicy, type FetchOutcome } from './fetcher.ts';
import { HttpImageSource, ImageCache, MAX_IMAGE_BYTES } from './http-images.ts';
import {
  documentKind,
  maybeGunzip,
  xmlText,
  normaliseUrl,
  readFeed,
  readSitemap,
  scanHtml,
  siteHost,
  type DocumentKind,
} from './discover.ts';
import { MAX_INPUT_BYTES } from '../decode.ts';
import { describeImage, type ImageReport } from '../images.ts';

export interface CrawlOptions extends Omit<RunOptions, 'inputs' | 'progress'> {
  /** Listing pages, sitemaps or feeds to start from. */
  starts: string[];
  /** Only articles of this Vietnam day "YYYY-MM-DD" or later. */
  since?: string;
  /** At most this many articles (in the order found, already imported ones included). */
  limit?: number;
  /** Hosts besides the starts' whose pages may be crawled. */
  allowHosts?: string[];
  policy?: Partial<FetchPolicy>;
  maxPageBytes?: number;
  maxImageBytes?: number;
  /** Listing pages, sitemaps and feeds read at most (a runaway pager stops here). */
  maxListings?: number;
  /** A progress line (stderr in the CLI), at most every `progressEveryMs`. */
  progress?: (line: string) => void;
  progressEveryMs?: number;
  /** Milliseconds between two writes of the manifest during the crawl (default 1000). */
  saveEveryMs?: number;
  /** Set to stop taking new pages (Ctrl-C): pages in flight finish, the manifest is saved. */
  signal?: AbortSignal;
}

export type SkipKind = 'robots' | 'off-site' | 'before-since' | 'already-imported' | 'not-article';

export interface CrawlReport {
  starts: string[];
  since: string | null;
  limit: number | null;
  startedAt: string;
  seconds: number;
  /** HTTP requests sent, robots.txt, retries and images included. */
  requests: number;
  interrupted: boolean;
  counts: {
    found: number;
    imported: number;
    skipped: number;
    failed: number;
    listings: number;
    /** Pictures stored with the articles (new or already there), and pictures not stored. */
    images: number;
    imagesNotBrought: number;
  };
  listings: { url: string; kind: DocumentKind | null; articles: number; pages: number; error?: string }[];
  imported: {
    url: string;
    title: string;
    publishedAt: string | null;
    files: { path: string; outcome: string }[];
    /** Each picture: brought, reused, refused or not brought, and why (the image pipeline's report). */
    images: ImageReport[];
    notes: string[];
  }[];
  skipped: { url: string; kind: SkipKind; reason: string }[];
  failed: { url: string; reason: string }[];
  notes: string[];
}

const SKIP_LABEL: Record<SkipKind, string> = {
  robots: 'robots.txt cấm',
  'off-site': 'ngoài trang đang thu thập',
  'before-since': 'đăng trước ngày --since',
  'already-imported': 'đã nhập ở lần trước',
  'not-article': 'không phải bài viết (trang danh sách)',
};

interface Candidate {
  url: string;
  day: string | null;
  /** A start page that is an article itself: its bytes, not fetched twice. */
  fetched?: Extract<FetchOutcome, { ok: true }>;
}

/** Run tasks from a growing queue with at most `n` at once. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  let next = 0;
  let running = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (running === 0 && (next >= items.length || stop())) return resolve();
      while (running < n && next < items.length && !stop()) {
        const item = items[next++]!;
        running++;
        work(item).then(
          () => {
            running--;
            pump();
          },
          (e) => reject(e),
        );
      }
      if (running === 0) resolve();
    };
    pump();
  });
}

const minutes = (s: number) =>
  s >= 3600
    ? `${Math.floor(s / 3600)} giờ ${Math.round((s % 3600) / 60)} phút`
    : s >= 60
      ? `${Math.floor(s / 60)} phút ${Math.round(s % 60)} giây`
      : `${Math.round(s)} giây`;

export async function crawl(options: CrawlOptions): Promise<CrawlReport> {
  const started = Date.now();
  const fetcher = new PoliteFetcher(options.policy);
  const session: ImportSession = openImport(options);
  const replayed = options.dryRun ? 0 : replayJournal(session.manifestPath, session.manifest);
  const pages: Record<string, PageRecord> = (session.manifest.pages ??= {});
  const images = new ImageCache();
  const maxPageBytes = options.maxPageBytes ?? MAX_INPUT_BYTES;
  const maxImageBytes = options.maxImageBytes ?? MAX_IMAGE_BYTES;
  const maxListings = options.maxListings ?? 5000;
  const limit = options.limit ?? Infinity;
  const since = options.since ?? null;
  const stopped = () => options.signal?.aborted ?? false;

  const starts = options.starts.map((s) => normaliseUrl(s));
  const hosts = new Set<string>([
    ...starts.filter((s): s is string => !!s).map((s) => siteHost(new URL(s).host)),
    ...(options.allowHosts ?? []).map(siteHost),
  ]);
  const onSite = (u: URL) => hosts.has(siteHost(u.host));

  const report: CrawlReport = {
    starts: options.starts,
    since,
    limit: options.limit ?? null,
    startedAt: new Date(started).toISOString(),
    seconds: 0,
    requests: 0,
    interrupted: false,
    counts: { found: 0, imported: 0, skipped: 0, failed: 0, listings: 0, images: 0, imagesNotBrought: 0 },
    listings: [],
    imported: [],
    skipped: [],
    failed: [],
    notes: [],
  };
  if (replayed)
    report.notes.push(
      `Lần thu thập trước bị dừng đột ngột: đã khôi phục ${replayed} trang từ nhật ký vào sổ nhập bài, không tải lại.`,
    );
  const skip = (url: string, kind: SkipKind, reason = SKIP_LABEL[kind]): void => {
    report.skipped.push({ url, kind, reason });
  };

  // Progress: at most one line per interval, and one at the end of each phase.
  let phase: 'discover' | 'articles' = 'discover';
  let lastLine = 0;
  let articlesStarted = 0;
  const candidates: Candidate[] = [];
  let done = 0;
  const tell = (force = false) => {
    if (!options.progress) return;
    const now = Date.now();
    if (!force && now - lastLine < (options.progressEveryMs ?? 2000)) return;
    lastLine = now;
    const elapsed = (now - started) / 1000;
    if (phase === 'discover') {
      options.progress(
        `Đang tìm bài: ${report.listings.length} trang danh sách đã đọc, ${candidates.length} bài tìm thấy, ${fetcher.requests} yêu cầu, ${minutes(elapsed)}`,
      );
      return;
    }
    const spent = (now - articlesStarted) / 1000;
    const rate = spent > 0 ? done / spent : 0;
    const left = candidates.length - done;
    const eta = rate > 0 ? ` · còn khoảng ${minutes(left / rate)}` : '';
    options.progress(
      `Thu thập: ${done}/${candidates.length} bài (${report.imported.length} nhập, ${report.skipped.length} bỏ qua, ${report.failed.length} lỗi) · ${rate.toFixed(1)} bài/giây · ${(fetcher.requests / Math.max(elapsed, 0.001)).toFixed(1)} yêu cầu/giây${eta}`,
    );
  };
  const ticker = options.progress ? setInterval(() => tell(), options.progressEveryMs ?? 2000) : null;
  ticker?.unref();

  // ---- Discovery ----
  const known = new Set<string>(); // article URLs taken as candidates
  const visited = new Set<string>(); // listings, sitemaps, feeds queued
  const queue: { url: string; start: boolean }[] = [];
  const addCandidate = (url: string, day: string | null) => {
    if (known.has(url) || visited.has(url)) return;
    known.add(url);
    if (!onSite(new URL(url))) {
      skip(
        url,
        'off-site',
        `${SKIP_LABEL['off-site']} (${new URL(url).host}; thêm --allow-host ${new URL(url).host} nếu muốn lấy)`,
      );
      return;
    }
    if (candidates.length >= limit) return;
    candidates.push({ url, day });
    if (candidates.length === limit)
      report.notes.push(`Đã đủ ${limit} bài theo --limit: không tìm thêm (các trang danh sách sau không đọc).`);
  };
  const enqueue = (url: string, start = false) => {
    if (visited.has(url) || known.has(url)) return;
    if (!start && !onSite(new URL(url))) return;
    visited.add(url);
    queue.push({ url, start });
  };
  starts.forEach((s, i) => {
    if (!s) report.failed.push({ url: options.starts[i]!, reason: 'địa chỉ không hợp lệ (cần http:// hoặc https://)' });
    else enqueue(s, true);
  });

  let listingsRead = 0;
  const readListing = async ({ url, start }: { url: string; start: boolean }) => {
    if (listingsRead >= maxListings) {
      if (listingsRead++ === maxListings)
        report.notes.push(`Đã đọc ${maxListings} trang danh sách: dừng lật trang (giới hạn an toàn).`);
      return;
    }
    listingsRead++;
    const entry: CrawlReport['listings'][number] = { url, kind: null, articles: 0, pages: 0 };
    report.listings.push(entry);
    const got = await fetcher.get(url, {
      maxBytes: maxPageBytes * 8,
      accept: 'text/html,application/xhtml+xml,application/xml,application/rss+xml,application/atom+xml,*/*;q=0.5',
      follow: onSite,
    });
    if (!got.ok) {
      entry.error = got.reason;
      if (got.kind === 'robots') skip(url, 'robots', got.reason);
      else report.failed.push({ url, reason: `trang danh sách: ${got.reason}` });
      return;
    }
    const bytes = maybeGunzip(got.bytes);
    let text: string;
    try {
      // A sitemap or feed is not an article: read whole (up to the listing cap), not held to the
      // 2 MB an article may have. An HTML listing is decoded like any page.
      text = xmlText(bytes, got.contentType) ?? decodePage({ bytes, url: got.url, contentType: got.contentType }).text;
    } catch (e) {
      entry.error = (e as Error).message;
      report.failed.push({ url, reason: `trang danh sách: ${(e as Error).message}` });
      return;
    }
    const kind = documentKind(text, got.contentType);
    entry.kind = kind;
    const before = candidates.length;
    if (kind === 'sitemap-index' || kind === 'sitemap') {
      const { sitemaps, urls } = readSitemap(text, got.url);
      for (const s of sitemaps) if (candidates.length < limit) enqueue(s.url);
      for (const u of urls) addCandidate(u.url, u.day);
      entry.pages = sitemaps.length;
    } else if (kind === 'feed') {
      for (const u of readFeed(text, got.url)) addCandidate(u.url, u.day);
    } else if (kind === 'html') {
      const scan = scanHtml(text, got.url, onSite);
      if (start && scan.isArticle && scan.pager.length === 0) {
        known.add(url);
        if (candidates.length < limit) candidates.push({ url, day: null, fetched: got });
        report.notes.push(`${url} là một bài viết, không phải trang danh sách: nhập riêng bài này.`);
      } else {
        for (const a of scan.articles) addCandidate(a.url, a.day);
        if (candidates.length < limit) for (const p of scan.pager) enqueue(p);
        entry.pages = scan.pager.length;
      }
    } else {
      entry.error = 'không phải trang danh sách, sơ đồ trang (sitemap) hay nguồn tin (RSS/Atom)';
      report.failed.push({ url, reason: entry.error });
    }
    entry.articles = candidates.length - before;
  };

  // Breadth first, `concurrency` listings at once; the queue grows as pagers are read.
  const concurrency = Math.max(1, fetcher.policy.concurrency);
  for (let at = 0; at < queue.length && !stopped();) {
    const batch = queue.slice(at, at + concurrency);
    at += batch.length;
    await Promise.all(batch.map(readListing));
    tell();
  }
  report.counts.listings = report.listings.length;
  tell(true);

  // ---- Articles ----
  phase = 'articles';
  articlesStarted = Date.now();
  const record = (url: string, rec: PageRecord, pictures: string[] = []) => {
    if (options.dryRun) return;
    pages[url] = rec;
    journal(url, rec, pictures);
  };
  // The manifest is rewritten at most once a second and at the end (Ctrl-C included): after
  // every page it made a crawl quadratic. In between, each page's records go to the journal.
  let savedAt = Date.now();
  const save = (now = false) => {
    if (options.dryRun || (!now && Date.now() - savedAt < (options.saveEveryMs ?? 1000))) return;
    session.save();
    clearJournal(session.manifestPath);
    savedAt = Date.now();
  };
  const manifestRoot = dirname(session.manifestPath);
  const outDir = resolve(options.cwd ?? process.cwd(), options.outDir);
  /** A page's records in the journal: its files, and the pictures it stored (paths from content/news). */
  const journal = (url: string, rec: PageRecord, pictures: string[] = []) => {
    if (options.dryRun) return;
    const files: Record<string, ManifestEntry> = {};
    const keys = [...rec.files, ...pictures.map((p) => relative(manifestRoot, join(outDir, p)).split('\\').join('/'))];
    for (const k of keys) if (session.manifest.files[k]) files[k] = session.manifest.files[k];
    appendJournal(session.manifestPath, { page: url, record: rec, files });
  };
  const beforeSince = (day: string | null | undefined) => !!(since && day && day < since);

  const fetchArticle = async (c: Candidate) => {
    const previous = pages[c.url];
    if (previous && previous.files.length > 0)
      return skip(c.url, 'already-imported', `${SKIP_LABEL['already-imported']}: ${previous.files.join(', ')}`);
    if (previous?.skipped === 'not-article')
      return skip(c.url, 'not-article', `${SKIP_LABEL['not-article']} (đã xét ở lần trước)`);
    if (previous?.skipped === 'before-since' && beforeSince(previous.day))
      return skip(c.url, 'before-since', `${SKIP_LABEL['before-since']} (ngày ${previous.day}, đã xét ở lần trước)`);
    if (beforeSince(c.day))
      return skip(
        c.url,
        'before-since',
        `${SKIP_LABEL['before-since']} (ngày ${c.day} theo sơ đồ trang hoặc nguồn tin)`,
      );

    const got =
      c.fetched ??
      (await fetcher.get(c.url, {
        maxBytes: maxPageBytes,
        accept: 'text/html,application/xhtml+xml,*/*;q=0.5',
        follow: onSite,
      }));
    if (!got.ok) {
      if (got.kind === 'robots') return skip(c.url, 'robots', got.reason);
      if (got.kind === 'off-site') return skip(c.url, 'off-site', got.reason);
      report.failed.push({ url: c.url, reason: got.reason });
      return;
    }
    const final = normaliseUrl(got.url) ?? got.url;
    const alias = final !== c.url ? pages[final] : undefined;
    if (alias && alias.files.length > 0) {
      record(c.url, { ...alias, final });
      return skip(
        c.url,
        'already-imported',
        `${SKIP_LABEL['already-imported']} (chuyển hướng tới ${final}): ${alias.files.join(', ')}`,
      );
    }
    // A listing reached as an article (a sub-category in a sitemap): told apart before importing.
    try {
      const { text, kind } = decodePage({ bytes: got.bytes, url: final, contentType: got.contentType });
      if (kind === 'html') {
        const scan = scanHtml(text, final, onSite);
        if (!scan.isArticle && (scan.pager.length > 0 || scan.articles.length >= 5)) {
          record(c.url, { files: [], at: new Date().toISOString(), skipped: 'not-article' });
          return skip(
            c.url,
            'not-article',
            `${SKIP_LABEL['not-article']}: ${scan.articles.length} liên kết bài, ${scan.pager.length} liên kết trang`,
          );
        }
      }
    } catch {
      // The importer reports the same decoding error with its own words below.
    }
    const result: PageResult = await session.importPage(
      {
        bytes: got.bytes,
        url: c.url,
        contentType: got.contentType,
        images: new HttpImageSource(fetcher, final, images, maxImageBytes),
      },
      (article) =>
        beforeSince(article.publishedAt?.slice(0, 10))
          ? `${SKIP_LABEL['before-since']} (bài đăng ngày ${article.publishedAt!.slice(0, 10)})`
          : null,
    );
    if (!result.ok) {
      report.failed.push({ url: c.url, reason: (result.error ?? '').replace(`${c.url}: `, '') });
      return;
    }
    const at = new Date().toISOString();
    if (result.skipped) {
      record(c.url, { files: [], at, skipped: 'before-since', day: result.publishedAt?.slice(0, 10) ?? null });
      return skip(c.url, 'before-since', result.skipped);
    }
    const files = session.filesOf(c.url);
    const day = result.publishedAt?.slice(0, 10) ?? null;
    const pictures = (result.images ?? []).filter((i) => i.outcome === 'created' && i.path).map((i) => i.path!);
    record(c.url, { files, at, day, ...(final !== c.url ? { final } : {}) }, pictures);
    if (final !== c.url) record(final, { files, at, day });
    if (!result.publishedAt && since)
      (result.notes ??= []).push('Không rõ ngày đăng: không lọc được theo --since, vẫn nhập.');
    report.imported.push({
      url: c.url,
      title: result.title ?? '',
      publishedAt: result.publishedAt ?? null,
      files: result.files ?? [],
      images: result.images ?? [],
      notes: result.notes ?? [],
    });
  };

  try {
    await pool(
      candidates,
      concurrency,
      async (c) => {
        await fetchArticle(c);
        done++;
        save();
        tell();
      },
      stopped,
    );
  } finally {
    if (ticker) clearInterval(ticker);
    save(true);
  }
  if (stopped()) {
    report.interrupted = true;
    report.notes.push(
      `Đã dừng giữa chừng sau ${done}/${candidates.length} bài; chạy lại cùng lệnh để làm tiếp (bài đã nhập không tải lại).`,
    );
  }
  tell(true);
  report.seconds = Number(((Date.now() - started) / 1000).toFixed(2));
  report.requests = fetcher.requests;
  report.counts = {
    found: candidates.length,
    imported: report.imported.length,
    skipped: report.skipped.length,
    failed: report.failed.length,
    listings: report.listings.length,
    images: report.imported.flatMap((a) => a.images).filter((i) => i.path).length,
    imagesNotBrought: report.imported.flatMap((a) => a.images).filter((i) => !i.path).length,
  };
  return report;
}

/** The readable summary of a crawl (stderr in the CLI). */
export function formatCrawlReport(r: CrawlReport): string {
  const lines: string[] = [];
  lines.push(
    `Thu thập ${r.starts.join(', ')}${r.since ? ` từ ngày ${r.since}` : ''}${r.limit ? `, tối đa ${r.limit} bài` : ''}:`,
  );
  lines.push(
    `  ${r.counts.listings} trang danh sách/sơ đồ trang/nguồn tin đã đọc, ${r.counts.found} bài tìm thấy; ${r.requests} yêu cầu HTTP trong ${r.seconds} giây.`,
  );
  lines.push(`  ✓ ${r.counts.imported} bài nhập được.`);
  for (const a of r.imported) {
    lines.push(`    ✓ ${a.url} → "${a.title}" (${a.publishedAt ?? 'không rõ ngày'})`);
    for (const f of a.files) lines.push(`        ${f.outcome}: ${f.path}`);
    for (const i of a.images) lines.push(`        ${i.path ? '+' : '!'} ${describeImage(i)}`);
    for (const n of a.notes) lines.push(`        ! ${n}`);
  }
  const byKind = new Map<SkipKind, CrawlReport['skipped']>();
  for (const s of r.skipped) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  lines.push(`  – ${r.counts.skipped} bài bỏ qua${byKind.size ? ':' : '.'}`);
  for (const [kind, list] of byKind) {
    lines.push(`    ${SKIP_LABEL[kind]}: ${list.length}`);
    for (const s of list.slice(0, kind === 'already-imported' ? 5 : 50)) lines.push(`      – ${s.url}: ${s.reason}`);
    if (kind === 'already-imported' && list.length > 5) lines.push(`      … và ${list.length - 5} bài nữa`);
  }
  lines.push(`  ✗ ${r.counts.failed} lỗi${r.counts.failed ? ' (chạy lại cùng lệnh để thử lại các trang này):' : '.'}`);
  for (const f of r.failed) lines.push(`    ✗ ${f.url}: ${f.reason}`);
  if (r.counts.images || r.counts.imagesNotBrought)
    lines.push(
      `  Ảnh: ${r.counts.images} ảnh kèm bài, ${r.counts.imagesNotBrought} ảnh không lấy được (lý do ở từng bài).`,
    );
  for (const n of r.notes) lines.push(`  ! ${n}`);
  return lines.join('\n');
}
